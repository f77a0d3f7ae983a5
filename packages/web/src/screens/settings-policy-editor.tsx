import type { EscalationPolicy } from '@handoff/contract';
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client.js';
import { Field, Refusal } from './settings-fields.js';
import type { TargetChoices } from './settings-policy-ladder.js';
import { LevelFields, levelPaths, type DraftLevel } from './settings-policy-level.js';

/** What the editor sends: the PUT body as typed, the offsets as numbers (or null when left empty) for the server to judge. */
export interface PolicyDraftBody {
  readonly levels: readonly (Omit<DraftLevel, 'key' | 'offsetDays'> & { offsetDays: number | null })[];
  readonly acknowledgementHoldDays: number | null;
}

let nextKey = 0;
const draftOf = (policy: EscalationPolicy): DraftLevel[] =>
  policy.levels.map((l) => ({ key: nextKey++, name: l.name, offsetDays: String(l.offsetDays), condition: l.condition, targets: l.targets, createsDecision: l.createsDecision }));
const numberOrNull = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/**
 * The ladder as a form: add, remove and reorder levels, change names, offsets, conditions and targets, then save
 * the whole ladder at once. The server validates; its messages appear next to the fields they name.
 */
export function PolicyEditor({ policy, choices, error, busy, onSave, onReload, onEdit }: {
  policy: EscalationPolicy; choices: TargetChoices; error: ApiError | null; busy: boolean;
  onSave: (body: PolicyDraftBody) => void; onReload: () => void; onEdit: () => void;
}) {
  const [levels, setLevels] = useState<DraftLevel[]>(() => draftOf(policy));
  const [hold, setHold] = useState(String(policy.acknowledgementHoldDays));
  const restructure = (next: DraftLevel[]) => { setLevels(next); onEdit(); };
  const move = (i: number, by: -1 | 1) => {
    const next = [...levels];
    const [level] = next.splice(i, 1);
    if (level) next.splice(i + by, 0, level);
    restructure(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave({
      levels: levels.map(({ key: _key, offsetDays, ...l }) => ({ ...l, offsetDays: numberOrNull(offsetDays) })),
      acknowledgementHoldDays: numberOrNull(hold),
    });
  };
  const levelsError = error?.fieldError('levels');
  const paths = ['levels', 'acknowledgementHoldDays', ...levels.flatMap((l, i) => levelPaths(i, l))];

  return (
    <form className="policy" onSubmit={submit} noValidate>
      <Refusal error={error} what="this ladder" onReload={onReload} paths={paths} />
      {levelsError && <p id="policy-levels-error" className="field-error">{levelsError}</p>}
      <ol className="levels">
        {levels.map((level, i) => (
          <li key={level.key}>
            <LevelFields i={i} count={levels.length} level={level} choices={choices} error={error}
              onChange={(changed) => setLevels((cur) => cur.map((l) => (l.key === changed.key ? changed : l)))}
              onMove={(by) => move(i, by)} onRemove={() => restructure(levels.filter((l) => l.key !== level.key))} />
          </li>
        ))}
      </ol>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => restructure([...levels, {
          key: nextKey++, name: '', offsetDays: '', condition: 'not-resolved', targets: [{ kind: 'role', role: 'owner' }], createsDecision: false,
        }])}>Add level</button>
      </div>
      <Field id="policy-hold" label="Acknowledgement hold (days)" error={error} path="acknowledgementHoldDays"
        hint="After someone acknowledges, levels that fire until acknowledged stop, and the others wait this long.">
        {(p) => <input {...p} type="number" step={1} inputMode="numeric" className="days" value={hold} onChange={(e) => setHold(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" disabled={busy}>Save ladder</button>
        <button type="button" className="secondary" onClick={onReload}>Discard changes</button>
      </div>
    </form>
  );
}
