import type { Criterion, CriterionPage } from '@handoff/contract';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { Empty, Status } from '../components/status.js';
import { useSession } from '../session.js';
import { CriterionDetail } from './settings-criterion-detail.js';
import { CriterionFields, EMPTY_CRITERION, criterionPaths, type CriterionDraft } from './settings-criterion-fields.js';
import { Done, Field, Refusal, useWrite } from './settings-fields.js';
import { DIMENSIONS } from './settings-vocabulary.js';

/**
 * The readiness criteria library, grouped by dimension (filter with `?dimension=`, include retired ones with
 * `?retired=true`), with export links; `?criterion=CODE` opens one criterion (admins edit or retire it there).
 */
export function CriteriaLibrary() {
  const { canAdmin } = useSession();
  const [params, setParams] = useSearchParams();
  const dimension = params.get('dimension');
  const retired = params.get('retired') === 'true';
  const selected = params.get('criterion');
  const query = new URLSearchParams({ limit: '200' });
  if (dimension) query.set('dimension', dimension);
  if (retired) query.set('includeRetired', 'true');
  const loaded = useApi<CriterionPage>(`/api/criteria?${query.toString()}`);
  const reload = loaded.state === 'ready' ? loaded.reload : () => {};
  const set = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value); else next.delete(name);
    setParams(next, { replace: name !== 'criterion' });
  };
  const link = (code: string) => { const next = new URLSearchParams(params); next.set('criterion', code); return `?${next.toString()}`; };

  return (
    <section aria-labelledby="criteria-heading">
      <h2 id="criteria-heading">Criteria library</h2>
      <div className="toolbar filters">
        <label>Dimension{' '}
          <select value={dimension ?? ''} onChange={(e) => set('dimension', e.target.value)}>
            <option value="">All</option>
            {DIMENSIONS.map((d) => <option key={d}>{d}</option>)}
          </select>
        </label>
        <label><input type="checkbox" checked={retired} onChange={(e) => set('retired', e.target.checked ? 'true' : null)} /> Include retired</label>
        {canAdmin && <a href="#add-criterion-heading">Add a criterion</a>}
        <span>Export: <a href="/api/criteria/export?format=yaml" download="criteria.yaml">YAML</a> · <a href="/api/criteria/export?format=json" download="criteria.json">JSON</a></span>
      </div>
      <div className={selected ? 'split' : undefined}>
        <div>
          <Status loaded={loaded} label="the criteria">
            {(page) => page.items.length === 0 ? <Empty><p>No criterion{dimension ? ` in ${dimension}` : ''} yet.</p></Empty> : (
              <>
                {DIMENSIONS.filter((d) => !dimension || d === dimension).map((d) => (
                  <CriteriaTable key={d} dimension={d} items={page.items.filter((c) => c.dimension === d)} selected={selected} link={link} />
                ))}
                {page.nextCursor && <p className="muted">Showing the first {page.items.length}; filter by dimension to see the rest.</p>}
              </>
            )}
          </Status>
        </div>
        {selected && <CriterionDetail key={selected} idOrCode={selected} onClose={() => set('criterion', null)} onChanged={reload} />}
      </div>
      {canAdmin && <AddCriterion onAdded={reload} />}
    </section>
  );
}

function CriteriaTable({ dimension, items, selected, link }: { dimension: string; items: readonly Criterion[]; selected: string | null; link: (code: string) => string }) {
  if (items.length === 0) return null;
  return (
    <table className="grid criteria">
      <caption>{dimension} ({items.length})</caption>
      <thead><tr><th scope="col" className="code">Code</th><th scope="col">Criterion</th><th scope="col" className="required">Required</th><th scope="col" className="gate">From gate</th><th scope="col" className="refs-cell">References</th></tr></thead>
      <tbody>
        {items.map((c) => (
          <tr key={c.id} aria-selected={c.code === selected || c.id === selected}>
            <th scope="row"><Link to={link(c.code)}>{c.code}</Link>{c.retiredAt && <span className="tag">retired</span>}</th>
            <td>{c.text}</td>
            <td>{c.required ? 'required' : 'optional'}</td>
            <td>{c.gate}</td>
            <td className="refs-cell">{c.refs.map((r) => `${r.id} (${r.framework})`).join('; ') || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AddCriterion({ onAdded }: { onAdded: () => void }) {
  const [code, setCode] = useState('');
  const [draft, setDraft] = useState<CriterionDraft>(EMPTY_CRITERION);
  const write = useWrite();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const created = await write.run(`Criterion ${code.trim().toUpperCase()} added.`, () => api<Criterion>('/api/criteria', { method: 'POST', body: { code, ...draft } }));
    if (created) { setCode(''); setDraft(EMPTY_CRITERION); onAdded(); }
  }
  return (
    <form className="card stacked" aria-labelledby="add-criterion-heading" onSubmit={(e) => void submit(e)} noValidate>
      <h3 id="add-criterion-heading">Add a criterion</h3>
      <Refusal error={write.error} what="the library" paths={['code', ...criterionPaths(draft)]} />
      <Done message={write.done} />
      <Field id="new-criterion-code" label="Code" error={write.error} path="code" hint="e.g. GOV-09; it cannot change later">
        {(p) => <input {...p} value={code} onChange={(e) => setCode(e.target.value)} />}
      </Field>
      <CriterionFields prefix="new-criterion" draft={draft} error={write.error} onChange={setDraft} />
      <button type="submit" disabled={write.busy}>Add criterion</button>
    </form>
  );
}
