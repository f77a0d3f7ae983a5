import type { OwnershipMap, PersonPage } from '@handoff/contract';
import { useState } from 'react';
import { useApi } from '../api/use-api.js';
import { useProgramAccess } from '../screens/program-access.js';
import { Done } from '../screens/settings-fields.js';
import { RoleAssign } from './program-role-assign.js';
import { Status } from './status.js';
import { TableScroll } from './table-scroll.js';
import '../screens/program-actions.css';

/** The governance ownership map: one named person per role, vacancies called out; those who lead the program assign and vacate roles. */
export function OwnershipSection({ programId }: { programId: string }) {
  const loaded = useApi<OwnershipMap>(`/api/programs/${programId}/roles`);
  const { lead } = useProgramAccess(programId);
  const people = useApi<PersonPage>(lead ? '/api/people?limit=200' : null);
  const choices = people.state === 'ready' ? people.data.items : [];
  const [done, setDone] = useState<string | null>(null);
  const changed = (message: string) => { setDone(message); if (loaded.state === 'ready') loaded.reload(); };
  return (
    <section aria-labelledby="ownership-heading">
      <h2 id="ownership-heading">Ownership map</h2>
      <Status loaded={loaded} label="the ownership map">
        {(m) => {
          const gaps = m.roles.filter((r) => m.gaps.includes(r.key));
          return (
            <>
              <Done message={done} />
              <p className={gaps.length > 0 ? 'warn' : undefined}>
                {gaps.length === 0 ? 'Every required role has a named holder.' : `Gaps: ${gaps.map((r) => r.name).join(', ')} — no one holds ${gaps.length === 1 ? 'it' : 'them'}.`}
              </p>
              <TableScroll label="Ownership map">
                <table className="grid">
                  <caption className="visually-hidden">Governance roles and their holders</caption>
                  <thead><tr><th scope="col">Role</th><th scope="col">Holder</th><th scope="col">Since</th>{lead && <th scope="col">Change</th>}</tr></thead>
                  <tbody>
                    {m.roles.map((r) => (
                      <tr key={r.key}>
                        <th scope="row">{r.name}{r.required ? '' : ' (optional)'}</th>
                        <td>{r.holder?.name ?? <span className="warn">vacant{r.required ? ' — a gap' : ''}</span>}</td>
                        <td>{r.since?.slice(0, 10) ?? '—'}</td>
                        {lead && <td><RoleAssign key={`${r.key}-${r.holder?.id ?? ''}`} programId={programId} role={r} people={choices} onChanged={changed} /></td>}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </>
          );
        }}
      </Status>
    </section>
  );
}
