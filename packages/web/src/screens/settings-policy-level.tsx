import type { EscalationLevel, EscalationTarget } from '@handoff/contract';
import type { ApiError } from '../api/client.js';
import { Field } from './settings-fields.js';
import { offsetLabel, targetLabel, type TargetChoices } from './settings-policy-ladder.js';
import { CONDITIONS, CONDITION_LABELS, ESCALATION_ROLES, ESCALATION_ROLE_LABELS, oneOf } from './settings-vocabulary.js';

/** A level as edited: the offset stays the text typed, so the server (not the browser) judges it. */
export interface DraftLevel {
  readonly key: number;
  readonly name: string;
  readonly offsetDays: string;
  readonly condition: EscalationLevel['condition'];
  readonly targets: readonly EscalationTarget[];
  readonly createsDecision: boolean;
}

/** The server's paths this level's fields show (`levels.<i>.…`), so other errors are listed above the form. */
export function levelPaths(i: number, level: DraftLevel): string[] {
  const base = `levels.${i}`;
  return [`${base}.name`, `${base}.offsetDays`, `${base}.condition`, `${base}.targets`, `${base}.createsDecision`,
    ...level.targets.flatMap((_, j) => [`${base}.targets.${j}`, `${base}.targets.${j}.role`, `${base}.targets.${j}.personId`, `${base}.targets.${j}.kind`])];
}

function encode(t: EscalationTarget): string {
  return t.kind === 'person' ? `person:${t.personId}` : `${t.kind}:${t.role}`;
}

function decode(value: string, fallback: EscalationTarget): EscalationTarget {
  const at = value.indexOf(':');
  const kind = value.slice(0, at);
  const rest = value.slice(at + 1);
  if (kind === 'role') return { kind: 'role', role: oneOf(ESCALATION_ROLES, rest, 'owner') };
  if (kind === 'program-role') return { kind: 'program-role', role: rest };
  if (kind === 'person') return { kind: 'person', personId: rest };
  return fallback;
}

/** One level of the ladder in the editor: name, offset, condition, who it notifies, and its place in the order. */
export function LevelFields({ i, count, level, choices, error, onChange, onMove, onRemove }: {
  i: number; count: number; level: DraftLevel; choices: TargetChoices; error: ApiError | null;
  onChange: (level: DraftLevel) => void; onMove: (by: -1 | 1) => void; onRemove: () => void;
}) {
  const id = `level-${level.key}`;
  const base = `levels.${i}`;
  const offset = Number(level.offsetDays);
  const setTarget = (j: number, t: EscalationTarget) => onChange({ ...level, targets: level.targets.map((x, k) => (k === j ? t : x)) });
  const targetsError = error?.fieldError(`${base}.targets`);
  return (
    <fieldset className="level">
      <legend>Level {i + 1}: {level.name || 'unnamed'}</legend>
      <div className="level-fields">
        <Field id={`${id}-name`} label="Name" error={error} path={`${base}.name`}>
          {(p) => <input {...p} value={level.name} onChange={(e) => onChange({ ...level, name: e.target.value })} />}
        </Field>
        <Field id={`${id}-offset`} label="Days from the deadline" error={error} path={`${base}.offsetDays`}
          hint={level.offsetDays.trim() !== '' && Number.isInteger(offset) ? offsetLabel(offset) : 'negative: before the deadline'}>
          {(p) => <input {...p} type="number" step={1} inputMode="numeric" className="days" value={level.offsetDays} onChange={(e) => onChange({ ...level, offsetDays: e.target.value })} />}
        </Field>
        <Field id={`${id}-condition`} label="Fires" error={error} path={`${base}.condition`}>
          {(p) => (
            <select {...p} value={level.condition} onChange={(e) => onChange({ ...level, condition: oneOf(CONDITIONS, e.target.value, level.condition) })}>
              {CONDITIONS.map((c) => <option key={c} value={c}>{CONDITION_LABELS[c]}</option>)}
            </select>
          )}
        </Field>
        <Field id={`${id}-decision`} label="Asks the board for a decision" error={error} path={`${base}.createsDecision`} check>
          {(p) => <input {...p} type="checkbox" checked={level.createsDecision} onChange={(e) => onChange({ ...level, createsDecision: e.target.checked })} />}
        </Field>
      </div>
      <fieldset className="targets" aria-describedby={targetsError ? `${id}-targets-error` : undefined}>
        <legend>Notifies</legend>
        {level.targets.map((t, j) => (
          <div className="target" key={j}>
            <Field id={`${id}-target-${j}`} label={`Target ${j + 1}`} error={error} path={t.kind === 'person' ? `${base}.targets.${j}.personId` : `${base}.targets.${j}.role`}>
              {(p) => (
                <select {...p} value={encode(t)} onChange={(e) => setTarget(j, decode(e.target.value, t))}>
                  <TargetOptions current={t} choices={choices} />
                </select>
              )}
            </Field>
            <button type="button" className="link" onClick={() => onChange({ ...level, targets: level.targets.filter((_, k) => k !== j) })}>Remove target {j + 1}</button>
          </div>
        ))}
        {targetsError && <p id={`${id}-targets-error`} className="field-error">{targetsError}</p>}
        <button type="button" className="secondary" onClick={() => onChange({ ...level, targets: [...level.targets, { kind: 'role', role: 'owner' }] })}>Add target</button>
      </fieldset>
      <div className="actions">
        <button type="button" className="secondary" disabled={i === 0} onClick={() => onMove(-1)}>Move up</button>
        <button type="button" className="secondary" disabled={i === count - 1} onClick={() => onMove(1)}>Move down</button>
        <button type="button" className="secondary danger" onClick={onRemove}>Remove level {i + 1}</button>
      </div>
    </fieldset>
  );
}

/** Every target a level may name; the current one stays offered even when it is no longer in the lists. */
function TargetOptions({ current, choices }: { current: EscalationTarget; choices: TargetChoices }) {
  const roles = choices.roles.filter((r) => r.retiredAt === null);
  const listed = current.kind === 'role' || (current.kind === 'program-role' ? roles.some((r) => r.key === current.role) : choices.people.some((p) => p.id === current.personId));
  return (
    <>
      <optgroup label="Per constraint">
        {ESCALATION_ROLES.map((r) => <option key={r} value={`role:${r}`}>{ESCALATION_ROLE_LABELS[r]}</option>)}
      </optgroup>
      <optgroup label="Governance role of the program">
        {roles.map((r) => <option key={r.key} value={`program-role:${r.key}`}>{r.name}</option>)}
      </optgroup>
      <optgroup label="A named person">
        {choices.people.map((p) => <option key={p.id} value={`person:${p.id}`}>{p.name}</option>)}
      </optgroup>
      {!listed && <option value={encode(current)}>{targetLabel(current, choices)}</option>}
    </>
  );
}
