import type { Criterion, HistoryPage } from '@handoff/contract';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { Status } from '../components/status.js';
import { useSession } from '../session.js';
import { CriterionFields, criterionPaths, type CriterionDraft } from './settings-criterion-fields.js';
import { Done, Field, Refusal, useWrite, type Write } from './settings-fields.js';

/** One criterion: its fields and references, its history; admins change it (If-Match) or retire it with a reason. */
export function CriterionDetail({ idOrCode, onClose, onChanged }: { idOrCode: string; onClose: () => void; onChanged: () => void }) {
  const loaded = useApi<Criterion>(`/api/criteria/${encodeURIComponent(idOrCode)}`);
  const reload = () => { if (loaded.state === 'ready') loaded.reload(); onChanged(); };
  // Above the forms, which start afresh from each version read: a confirmation outlives the reload.
  const edit = useWrite();
  const retire = useWrite();
  return (
    <aside className="detail" aria-labelledby="criterion-heading">
      <button type="button" className="link close" onClick={onClose}>Close</button>
      <Status loaded={loaded} label={`criterion ${idOrCode}`}>
        {(c) => (
          <>
            <h3 id="criterion-heading">{c.code}{c.retiredAt && <span className="tag">retired {c.retiredAt.slice(0, 10)}</span>}</h3>
            <Body key={c.version} c={c} reload={reload} edit={edit} retire={retire} />
            <History key={`history-${c.version}`} id={c.id} />
          </>
        )}
      </Status>
    </aside>
  );
}

function Body({ c, reload, edit, retire }: { c: Criterion; reload: () => void; edit: Write; retire: Write }) {
  const { canAdmin } = useSession();
  if (!canAdmin || c.retiredAt) {
    return (
      <>
      <Done message={retire.done} />
      <dl className="facts">
        <dt>Dimension</dt><dd>{c.dimension}</dd>
        <dt>Criterion</dt><dd>{c.text}</dd>
        <dt>Evidence</dt><dd>{c.guidance || '—'}</dd>
        <dt>Required</dt><dd>{c.required ? 'yes' : 'no'}</dd>
        <dt>From gate</dt><dd>{c.gate}</dd>
        <dt>References</dt><dd>{c.refs.map((r) => `${r.id} (${r.framework})`).join('; ') || '—'}</dd>
      </dl>
      </>
    );
  }
  return <><EditCriterion c={c} reload={reload} write={edit} /><RetireCriterion c={c} reload={reload} write={retire} /></>;
}

const draftOf = (c: Criterion): CriterionDraft => ({ dimension: c.dimension, text: c.text, guidance: c.guidance, required: c.required, gate: c.gate, refs: c.refs });

/** The fields that differ from the stored criterion: PATCH sends only what changed. */
function changes(c: Criterion, d: CriterionDraft): Record<string, unknown> {
  const stored = new Map(Object.entries(draftOf(c)));
  return Object.fromEntries(Object.entries(d).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(stored.get(k))));
}

function EditCriterion({ c, reload, write }: { c: Criterion; reload: () => void; write: Write }) {
  const [draft, setDraft] = useState<CriterionDraft>(() => draftOf(c));
  const [reason, setReason] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = { ...changes(c, draft), ...(reason.trim() ? { reason } : {}) };
    const ok = await write.run(`${c.code} saved.`, () => api(`/api/criteria/${c.id}`, { method: 'PATCH', body, headers: { 'if-match': `"${c.version}"` } }));
    if (ok) reload();
  }
  return (
    <form className="stacked" aria-label={`Change ${c.code}`} onSubmit={(e) => void submit(e)} noValidate>
      <Refusal error={write.error} what="this criterion" onReload={() => { write.clear(); reload(); }} paths={[...criterionPaths(draft), 'reason']} />
      <Done message={write.done} />
      <CriterionFields prefix="edit-criterion" draft={draft} error={write.error} onChange={setDraft} />
      <Field id="edit-criterion-reason" label="Reason (kept in the history)" error={write.error} path="reason">
        {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <button type="submit" disabled={write.busy}>Save {c.code}</button>
    </form>
  );
}

function RetireCriterion({ c, reload, write }: { c: Criterion; reload: () => void; write: Write }) {
  const [reason, setReason] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await write.run(`${c.code} retired.`, () => api(`/api/criteria/${c.id}/retire`, { method: 'POST', body: { reason }, headers: { 'if-match': `"${c.version}"` } }));
    if (ok) reload();
  }
  return (
    <form className="stacked retire" aria-labelledby="retire-heading" onSubmit={(e) => void submit(e)} noValidate>
      <h4 id="retire-heading">Retire {c.code}</h4>
      <p className="muted">A retired criterion no longer applies; past assessments and the history keep it.</p>
      <Refusal error={write.error} what="this criterion" onReload={() => { write.clear(); reload(); }} paths={['reason']} />
      <Field id="retire-reason" label="Why it no longer applies" error={write.error} path="reason">
        {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <button type="submit" className="danger" disabled={write.busy}>Retire criterion</button>
    </form>
  );
}

function History({ id }: { id: string }) {
  const loaded = useApi<HistoryPage>(`/api/criteria/${id}/history?limit=50`);
  return (
    <section aria-labelledby="criterion-history-heading">
      <h4 id="criterion-history-heading">History</h4>
      <Status loaded={loaded} label="the history">
        {(page) => (
          <ol className="history">
            {page.items.map((h) => (
              <li key={h.id}><span className="muted">{h.at.slice(0, 16).replace('T', ' ')} · {h.actor}</span> {h.field}{h.field !== 'created' && <>: {JSON.stringify(h.before)} → {JSON.stringify(h.after)}</>}{h.reason && <em> — {h.reason}</em>}</li>
            ))}
          </ol>
        )}
      </Status>
    </section>
  );
}
