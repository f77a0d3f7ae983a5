import type { EscalationPolicy, EscalationTarget, GovernanceRole, Person } from '@handoff/contract';
import { CONDITION_LABELS, ESCALATION_ROLE_LABELS } from './settings-vocabulary.js';

/** What a level's targets can name: the workspace's governance roles and its people. */
export interface TargetChoices {
  readonly roles: readonly GovernanceRole[];
  readonly people: readonly Person[];
}

/** A target in words: the role, the governance role's name or the person's name. */
export function targetLabel(t: EscalationTarget, choices: TargetChoices): string {
  if (t.kind === 'role') return ESCALATION_ROLE_LABELS[t.role];
  if (t.kind === 'program-role') return `Holder of ${choices.roles.find((r) => r.key === t.role)?.name ?? t.role}`;
  return choices.people.find((p) => p.id === t.personId)?.name ?? `Person ${t.personId}`;
}

/** An offset in days from the deadline day, in words. */
export function offsetLabel(days: number): string {
  if (days === 0) return 'on the deadline day';
  const n = Math.abs(days);
  return `${n} day${n === 1 ? '' : 's'} ${days < 0 ? 'before' : 'after'} the deadline`;
}

/** The ladder as a table, for people who may read but not change it. */
export function LadderTable({ policy, choices }: { policy: EscalationPolicy; choices: TargetChoices }) {
  return (
    <>
      <table className="grid">
        <caption className="visually-hidden">Escalation levels</caption>
        <thead><tr><th scope="col">Level</th><th scope="col">When</th><th scope="col">Fires</th><th scope="col">Notifies</th><th scope="col">Board decision</th></tr></thead>
        <tbody>
          {policy.levels.map((l, i) => (
            <tr key={`${i}-${l.name}`}>
              <th scope="row">{i + 1}. {l.name}</th>
              <td>{offsetLabel(l.offsetDays)}</td>
              <td>{CONDITION_LABELS[l.condition]}</td>
              <td>{l.targets.map((t) => targetLabel(t, choices)).join(', ')}</td>
              <td>{l.createsDecision ? 'requested' : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>An acknowledgement holds the later levels back for {policy.acknowledgementHoldDays} day{policy.acknowledgementHoldDays === 1 ? '' : 's'}.</p>
    </>
  );
}
