import type { ApiError } from '../api/client.js';
import { GATES } from './constraint-options.js';
import { FieldError, fieldMessage, invalidProps } from './constraint-problem.js';

/** The effects an option may carry, as the request form offers them ('' = none). */
export type EffectKind = '' | 'move-deadline' | 'accept-constraint' | 'phase-override';

/** One option as typed: its label and effect, `to` the new deadline or the phase ('' = not given). */
export interface OptionDraft {
  readonly label: string;
  readonly kind: EffectKind;
  readonly to: string;
}

export const EMPTY_OPTION: OptionDraft = { label: '', kind: '', to: '' };

const KIND_LABELS: readonly (readonly [EffectKind, string])[] = [
  ['', 'Changes nothing by itself'],
  ['move-deadline', "Moves the constraint's deadline"],
  ['accept-constraint', 'Accepts the constraint'],
  ['phase-override', "Moves the program's phase"],
];

function isKind(value: string): value is EffectKind {
  return KIND_LABELS.some(([k]) => k === value);
}

/**
 * The option as the request body carries it (DecisionOptionInput once the server accepts it): the effect only when
 * one is chosen, a deadline move's date only when given; an unchosen phase goes as typed, so the server names it.
 */
export function optionInput(o: OptionDraft): { label: string; effect?: { kind: Exclude<EffectKind, ''>; to?: string } } {
  if (o.kind === '') return { label: o.label };
  if (o.kind === 'accept-constraint') return { label: o.label, effect: { kind: o.kind } };
  if (o.kind === 'move-deadline' && o.to === '') return { label: o.label, effect: { kind: o.kind } };
  return { label: o.label, effect: { kind: o.kind, to: o.to } };
}

/**
 * One option of a decision request: its label, the effect taking it applies, whether it is the recommended one,
 * and the server's messages beside each (`options.N.label`, `options.N.effect…`), N counted from 0.
 */
export function OptionRow({ index, value, recommended, canRemove, error, onChange, onRecommend, onRemove }: {
  index: number; value: OptionDraft; recommended: boolean; canRemove: boolean; error: ApiError | null;
  onChange: (next: OptionDraft) => void; onRecommend: () => void; onRemove: () => void;
}) {
  const id = `request-option-${index}`;
  const labelError = error?.fieldError(`options.${index}.label`);
  const effectError = fieldMessage(error, `options.${index}.effect`);
  return (
    <fieldset className="request-option">
      <legend>Option {index + 1}</legend>
      <div className="field">
        <label htmlFor={`${id}-label`}>What the board would decide</label>
        <input id={`${id}-label`} value={value.label} onChange={(e) => onChange({ ...value, label: e.target.value })} {...invalidProps(labelError, `${id}-label-error`)} />
        <FieldError id={`${id}-label-error`} message={labelError} />
      </div>
      <div className="pair">
        <div className="field">
          <label htmlFor={`${id}-effect`}>Effect when taken</label>
          <select id={`${id}-effect`} value={value.kind} onChange={(e) => { if (isKind(e.target.value)) onChange({ ...value, kind: e.target.value, to: '' }); }}
            {...invalidProps(effectError, `${id}-effect-error`)}>
            {KIND_LABELS.map(([k, words]) => <option key={k} value={k}>{words}</option>)}
          </select>
          <FieldError id={`${id}-effect-error`} message={effectError} />
        </div>
        {value.kind === 'move-deadline' && (
          <div className="field">
            <label htmlFor={`${id}-to`}>New deadline (empty: the decider gives it)</label>
            <input id={`${id}-to`} type="date" value={value.to} onChange={(e) => onChange({ ...value, to: e.target.value })} />
          </div>
        )}
        {value.kind === 'phase-override' && (
          <div className="field">
            <label htmlFor={`${id}-to`}>To the phase</label>
            <select id={`${id}-to`} value={value.to} onChange={(e) => onChange({ ...value, to: e.target.value })}>
              <option value="">Choose a phase</option>
              {GATES.map((g) => <option key={g} value={g}>{g}</option>)}
            </select>
          </div>
        )}
      </div>
      <div className="actions">
        <label className="check"><input type="radio" name="request-recommended" checked={recommended} onChange={onRecommend} /> Recommended</label>
        {canRemove && <button type="button" className="link" onClick={onRemove}>Remove option {index + 1}</button>}
      </div>
    </fieldset>
  );
}
