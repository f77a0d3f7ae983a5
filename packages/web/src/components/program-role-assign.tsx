import type { OwnershipMap, Person, ProgramRole } from '@handoff/contract';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { Refusal, useWrite } from '../screens/settings-fields.js';

/**
 * Names the one person who holds `role` (PUT /roles/{role}) or vacates it (DELETE): the vacancy then shows as a
 * gap again. Assigning the outcome owner makes that person the program's sponsor. `onChanged` gets the confirmation
 * to show above the map, since the map reloads and this row starts afresh.
 */
export function RoleAssign({ programId, role, people, onChanged }: { programId: string; role: ProgramRole; people: readonly Person[]; onChanged: (done: string) => void }) {
  const write = useWrite();
  const [personId, setPersonId] = useState(role.holder?.id ?? '');
  const id = `role-${role.key}`;
  const path = `/api/programs/${programId}/roles/${encodeURIComponent(role.key)}`;
  async function assign(e: FormEvent) {
    e.preventDefault();
    const name = people.find((p) => p.id === personId)?.name ?? 'The person';
    if (await write.run('', () => api<OwnershipMap>(path, { method: 'PUT', body: { personId } }))) onChanged(`${name} now holds ${role.name}.`);
  }
  async function vacate() {
    if (await write.run('', () => api<OwnershipMap>(path, { method: 'DELETE' }))) onChanged(`${role.name} is now vacant.`);
  }
  return (
    <form className="role-assign" onSubmit={(e) => void assign(e)} aria-label={`Holder of ${role.name}`} noValidate>
      <label htmlFor={id} className="visually-hidden">Holder of {role.name}</label>
      <select id={id} value={personId} onChange={(e) => setPersonId(e.target.value)}
        {...(write.error?.fieldError('personId') ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {})}>
        <option value="">Choose a person</option>
        {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </select>
      <button type="submit" disabled={write.busy || personId === '' || personId === role.holder?.id}>Assign</button>
      {!role.vacant && <button type="button" className="secondary" disabled={write.busy} onClick={() => void vacate()}>Vacate</button>}
      {write.error?.fieldError('personId') && <p id={`${id}-error`} className="field-error">{write.error.fieldError('personId')}</p>}
      <Refusal error={write.error} what="this role" paths={['personId']} />
    </form>
  );
}
