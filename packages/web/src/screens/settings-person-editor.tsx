import type { Person } from '@handoff/contract';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { Status } from '../components/status.js';
import { Done, Refusal, useWrite, type Write } from './settings-fields.js';
import { PERSON_PATHS, PersonFields, draftOfPerson, personBody, type PersonDraft } from './settings-person-fields.js';

/** Changes one person (admins): only the fields that differ are sent, with If-Match on the version read. */
export function PersonEditor({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const loaded = useApi<Person>(`/api/people/${encodeURIComponent(id)}`);
  const reload = () => { if (loaded.state === 'ready') loaded.reload(); onChanged(); };
  // Above the form, which starts afresh from each version read: the confirmation outlives the reload.
  const write = useWrite();
  return (
    <aside className="detail" aria-labelledby="person-heading">
      <button type="button" className="link close" onClick={onClose}>Close</button>
      <Status loaded={loaded} label="the person">
        {(p) => <Form key={p.version} person={p} reload={reload} write={write} />}
      </Status>
    </aside>
  );
}

function Form({ person, reload, write }: { person: Person; reload: () => void; write: Write }) {
  const [draft, setDraft] = useState<PersonDraft>(() => draftOfPerson(person));
  async function submit(e: FormEvent) {
    e.preventDefault();
    const before = new Map(Object.entries(personBody(draftOfPerson(person))));
    const body = Object.fromEntries(Object.entries(personBody(draft)).filter(([k, v]) => v !== before.get(k)));
    const ok = await write.run(`${draft.name.trim()} saved.`, () => api(`/api/people/${person.id}`, { method: 'PATCH', body, headers: { 'if-match': `"${person.version}"` } }));
    if (ok) reload();
  }
  return (
    <form className="stacked" aria-labelledby="person-heading" onSubmit={(e) => void submit(e)} noValidate>
      <h3 id="person-heading">Change {person.name}</h3>
      <Refusal error={write.error} what="this person" onReload={() => { write.clear(); reload(); }} paths={PERSON_PATHS} />
      <Done message={write.done} />
      <PersonFields prefix="edit-person" draft={draft} error={write.error} onChange={setDraft} />
      <button type="submit" disabled={write.busy}>Save</button>
    </form>
  );
}
