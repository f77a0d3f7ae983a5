import type { Criterion, CriterionRef } from '@handoff/contract';
import type { ApiError } from '../api/client.js';
import { Field } from './settings-fields.js';
import { DIMENSIONS, FRAMEWORKS, FRAMEWORK_LABELS, PHASES, oneOf } from './settings-vocabulary.js';

/** The fields of a criterion a form edits (the code is set once, on creation). */
export interface CriterionDraft {
  readonly dimension: Criterion['dimension'];
  readonly text: string;
  readonly guidance: string;
  readonly required: boolean;
  readonly gate: Criterion['gate'];
  readonly refs: readonly CriterionRef[];
}

export const EMPTY_CRITERION: CriterionDraft = { dimension: 'technical', text: '', guidance: '', required: true, gate: 'pilot', refs: [] };

/** The server's paths these fields show. */
export function criterionPaths(draft: CriterionDraft): string[] {
  return ['dimension', 'text', 'guidance', 'required', 'gate', 'refs', ...draft.refs.flatMap((_, k) => [`refs.${k}`, `refs.${k}.id`, `refs.${k}.framework`])];
}

/** Dimension, text, guidance, required, first gate and framework references, each with the server's message. */
export function CriterionFields({ prefix, draft, error, onChange }: { prefix: string; draft: CriterionDraft; error: ApiError | null; onChange: (draft: CriterionDraft) => void }) {
  const setRef = (k: number, ref: CriterionRef) => onChange({ ...draft, refs: draft.refs.map((r, i) => (i === k ? ref : r)) });
  const refsError = error?.fieldError('refs');
  return (
    <>
      <Field id={`${prefix}-dimension`} label="Dimension" error={error} path="dimension">
        {(p) => <select {...p} value={draft.dimension} onChange={(e) => onChange({ ...draft, dimension: oneOf(DIMENSIONS, e.target.value, draft.dimension) })}>{DIMENSIONS.map((d) => <option key={d}>{d}</option>)}</select>}
      </Field>
      <Field id={`${prefix}-text`} label="Criterion" error={error} path="text">
        {(p) => <textarea {...p} rows={2} value={draft.text} onChange={(e) => onChange({ ...draft, text: e.target.value })} />}
      </Field>
      <Field id={`${prefix}-guidance`} label="Guidance: what counts as evidence" error={error} path="guidance">
        {(p) => <textarea {...p} rows={3} value={draft.guidance} onChange={(e) => onChange({ ...draft, guidance: e.target.value })} />}
      </Field>
      <Field id={`${prefix}-gate`} label="Applies from gate" error={error} path="gate" hint="and at every later gate">
        {(p) => <select {...p} value={draft.gate} onChange={(e) => onChange({ ...draft, gate: oneOf(PHASES, e.target.value, draft.gate) })}>{PHASES.map((g) => <option key={g}>{g}</option>)}</select>}
      </Field>
      <Field id={`${prefix}-required`} label="Required for the dimension to be met" error={error} path="required" check>
        {(p) => <input {...p} type="checkbox" checked={draft.required} onChange={(e) => onChange({ ...draft, required: e.target.checked })} />}
      </Field>
      <fieldset className="refs" aria-describedby={refsError ? `${prefix}-refs-error` : undefined}>
        <legend>Framework references</legend>
        {draft.refs.length === 0 && <p className="muted">None.</p>}
        {draft.refs.map((r, k) => (
          <div className="ref" key={k}>
            <Field id={`${prefix}-ref-${k}-framework`} label={`Reference ${k + 1}: framework`} error={error} path={`refs.${k}.framework`}>
              {(p) => <select {...p} value={r.framework} onChange={(e) => setRef(k, { ...r, framework: oneOf(FRAMEWORKS, e.target.value, r.framework) })}>{FRAMEWORKS.map((f) => <option key={f} value={f}>{FRAMEWORK_LABELS[f]}</option>)}</select>}
            </Field>
            <Field id={`${prefix}-ref-${k}-id`} label={`Reference ${k + 1}: provision`} error={error} path={`refs.${k}.id`}>
              {(p) => <input {...p} value={r.id} onChange={(e) => setRef(k, { ...r, id: e.target.value })} />}
            </Field>
            <button type="button" className="link" onClick={() => onChange({ ...draft, refs: draft.refs.filter((_, i) => i !== k) })}>Remove reference {k + 1}</button>
          </div>
        ))}
        {refsError && <p id={`${prefix}-refs-error`} className="field-error">{refsError}</p>}
        <button type="button" className="secondary" onClick={() => onChange({ ...draft, refs: [...draft.refs, { framework: 'nist-ai-rmf', id: '' }] })}>Add reference</button>
      </fieldset>
    </>
  );
}
