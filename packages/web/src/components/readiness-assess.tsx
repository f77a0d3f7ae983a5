import type { AssessmentCreate, CriterionResult, ProgramReadiness } from '@handoff/contract';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { Field, Refusal, useWrite } from '../screens/settings-fields.js';
import { STATUS_WORDS, statusWords, type AssessmentStatus } from './readiness-words.js';

/** What the assessor set for one criterion: '' leaves it out of the assessment. */
interface Entry { readonly status: AssessmentStatus | ''; readonly evidence: string }

const ITEM_FIELDS = ['criterion', 'status', 'evidence', 'links'] as const;

function isStatus(value: string): value is AssessmentStatus {
  return Object.hasOwn(STATUS_WORDS, value);
}

/**
 * Assess mode: for every criterion of the gate, a new status and its evidence; the ones given a status are sent as
 * one assessment (POST /api/programs/{id}/assessments) by the signed-in person. The server's messages
 * (`items.3.evidence`) show beside the criterion they name. `focus` is the criterion to start at.
 */
export function ReadinessAssess({ readiness: r, assessedBy, focus, onAssessed, onCancel }: {
  readiness: ProgramReadiness; assessedBy: string; focus: string | null; onAssessed: (count: number) => void; onCancel: () => void;
}) {
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [sent, setSent] = useState<readonly string[]>([]);
  const write = useWrite();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const target = focus ? document.getElementById(`assess-${focus}-status`) : heading.current;
    target?.focus();
  }, [focus]);

  const entryOf = (c: CriterionResult): Entry => entries[c.criterion.id] ?? { status: '', evidence: c.evidence ?? '' };
  const set = (c: CriterionResult, change: Partial<Entry>) => setEntries((all) => ({ ...all, [c.criterion.id]: { ...entryOf(c), ...change } }));
  const chosen = r.dimensions.flatMap((d) => d.criteria).flatMap((c) => {
    const { status, evidence } = entryOf(c);
    return status === '' ? [] : [{ criterion: c.criterion.id, status, evidence, links: [] }];
  });
  const paths = sent.flatMap((_, i) => ITEM_FIELDS.map((f) => `items.${i}.${f}`));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ids = chosen.map((item) => item.criterion);
    setSent(ids);
    const body = { assessedBy, items: chosen } satisfies AssessmentCreate;
    const ok = await write.run('Assessment recorded', () => api<ProgramReadiness>(`/api/programs/${r.program.id}/assessments`, { method: 'POST', body }));
    if (ok) onAssessed(ids.length);
  }

  return (
    <form className="work-form assess" onSubmit={(e) => void submit(e)} aria-labelledby="assess-heading" noValidate>
      <h3 id="assess-heading" tabIndex={-1} ref={heading}>Assess readiness for the {r.gate} gate</h3>
      <p className="muted">Set a status for each criterion you assessed; the others keep their latest result. A met result needs evidence.</p>
      <Refusal error={write.error} what="the readiness" paths={paths} />
      {r.dimensions.map((d) => (
        <fieldset key={d.dimension}>
          <legend>{d.dimension}</legend>
          {d.criteria.length === 0 && <p className="muted">No criteria for this gate.</p>}
          {d.criteria.map((c) => {
            const entry = entryOf(c);
            const i = sent.indexOf(c.criterion.id);
            const path = (f: string) => (i < 0 ? '(none)' : `items.${i}.${f}`);
            const id = `assess-${c.criterion.id}`;
            const criterionError = i < 0 ? undefined : write.error?.fieldError(path('criterion'));
            return (
              <div key={c.criterion.id} className="assess-row">
                <p className="assess-title" id={`${id}-title`}>
                  <strong>{c.criterion.code}</strong> {c.criterion.text} <span className="muted">— latest: {statusWords(c.status)}</span>
                  {c.reassessmentDue && <span className="tag">reassess</span>}
                </p>
                {criterionError && <p className="field-error">{criterionError}</p>}
                <Field id={`${id}-status`} label={<>New status<span className="visually-hidden"> of {c.criterion.code}</span></>} error={write.error} path={path('status')}>
                  {(control) => (
                    <select {...control} value={entry.status} onChange={(e) => set(c, { status: isStatus(e.target.value) ? e.target.value : '' })}>
                      <option value="">unchanged</option>
                      {Object.entries(STATUS_WORDS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
                    </select>
                  )}
                </Field>
                <Field id={`${id}-evidence`} label={<>Evidence<span className="visually-hidden"> for {c.criterion.code}</span></>} error={write.error} path={path('evidence')}>
                  {(control) => <textarea {...control} rows={2} value={entry.evidence} onChange={(e) => set(c, { evidence: e.target.value })} />}
                </Field>
              </div>
            );
          })}
        </fieldset>
      ))}
      <div className="actions">
        <button type="submit" disabled={write.busy}>Submit the assessment ({chosen.length} {chosen.length === 1 ? 'criterion' : 'criteria'})</button>
        <button type="button" className="secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
