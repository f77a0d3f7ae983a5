import type { Person, PersonPage } from '@handoff/contract';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { Empty, Status } from '../components/status.js';
import { useSession } from '../session.js';
import { Done, Refusal, useWrite } from './settings-fields.js';
import { EMPTY_PERSON, PERSON_PATHS, PersonFields, personBody, type PersonDraft } from './settings-person-fields.js';
import { PersonEditor } from './settings-person-editor.js';

/**
 * The people of the workspace (who can own constraints, hold roles and sit on the board): search with `?q=`;
 * admins add people and change one (`?person=<id>`).
 */
export function People() {
  const { canAdmin } = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const selected = params.get('person');
  const [cursors, setCursors] = useState<string[]>([]);
  const query = new URLSearchParams({ limit: '100' });
  if (q) query.set('q', q);
  const cursor = cursors.at(-1);
  if (cursor) query.set('cursor', cursor);
  const loaded = useApi<PersonPage>(`/api/people?${query.toString()}`);
  const reload = loaded.state === 'ready' ? loaded.reload : () => {};
  const set = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value); else next.delete(name);
    if (name === 'q') setCursors([]);
    setParams(next, { replace: name === 'q' });
  };
  const link = (id: string) => { const next = new URLSearchParams(params); next.set('person', id); return `?${next.toString()}`; };

  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading">People</h2>
      <form className="toolbar filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>Search <input type="search" defaultValue={q} onChange={(e) => set('q', e.target.value)} placeholder="Name, e-mail or title" /></label>
      </form>
      <div className={selected && canAdmin ? 'split' : undefined}>
        <div>
          <Status loaded={loaded} label="people">
            {(page) => page.items.length === 0 ? <Empty><p>No one{q ? ` matches “${q}”` : ' yet'}.</p></Empty> : (
              <>
                <PeopleTable items={page.items} selected={selected} link={canAdmin ? link : null} />
                <div className="pager">
                  {cursors.length > 0 && <button type="button" className="secondary" onClick={() => setCursors((c) => c.slice(0, -1))}>Previous page</button>}
                  {page.nextCursor && <button type="button" className="secondary" onClick={() => setCursors((c) => (page.nextCursor ? [...c, page.nextCursor] : c))}>Next page</button>}
                </div>
              </>
            )}
          </Status>
        </div>
        {selected && canAdmin && <PersonEditor key={selected} id={selected} onClose={() => set('person', null)} onChanged={reload} />}
      </div>
      {canAdmin && <AddPerson onAdded={reload} />}
    </section>
  );
}

function PeopleTable({ items, selected, link }: { items: readonly Person[]; selected: string | null; link: ((id: string) => string) | null }) {
  return (
    <table className="grid">
      <caption className="visually-hidden">People</caption>
      <thead><tr><th scope="col">Name</th><th scope="col">E-mail</th><th scope="col">Title</th><th scope="col">Board member</th></tr></thead>
      <tbody>
        {items.map((p) => (
          <tr key={p.id} aria-selected={p.id === selected}>
            <th scope="row">{link ? <Link to={link(p.id)}>{p.name}</Link> : p.name}</th>
            <td className="wrap">{p.email}</td>
            <td>{p.title ?? <span className="muted">—</span>}</td>
            <td>{p.boardMember ? 'yes' : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AddPerson({ onAdded }: { onAdded: () => void }) {
  const [draft, setDraft] = useState<PersonDraft>(EMPTY_PERSON);
  const write = useWrite();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await write.run(`${draft.name.trim()} added.`, () => api<Person>('/api/people', { method: 'POST', body: personBody(draft) }));
    if (ok) { setDraft(EMPTY_PERSON); onAdded(); }
  }
  return (
    <form className="card stacked" aria-labelledby="add-person-heading" onSubmit={(e) => void submit(e)} noValidate>
      <h3 id="add-person-heading">Add a person</h3>
      <Refusal error={write.error} what="the people" paths={PERSON_PATHS} />
      <Done message={write.done} />
      <PersonFields prefix="new-person" draft={draft} error={write.error} onChange={setDraft} />
      <button type="submit" disabled={write.busy}>Add person</button>
    </form>
  );
}
