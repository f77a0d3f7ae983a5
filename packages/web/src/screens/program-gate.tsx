import type { Program, ProgramUpdate } from '@handoff/contract';
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../api/client.js';
import { useSession } from '../session.js';
import { useProgramAccess } from './program-access.js';
import { GateRefusal, isGateClosed } from './program-gate-refusal.js';
import { phaseLabel, previousPhase } from './program-options.js';
import { Field, Refusal, type Write } from './settings-fields.js';


/**
 * Moves the program through its next gate (PATCH `phase` with If-Match). A closed gate (409) lists what is unmet;
 * the sponsor or a board member may then override it with a reason, which the server records. Moving back a
 * phase needs no gate and is confirmed first. `write` lives above, so its confirmation outlives the reload.
 */
export function PhaseGate({ program, write, onMoved }: { program: Program; write: Write; onMoved: () => void }) {
  const session = useSession();
  const [backOpen, setBackOpen] = useState(false);
  const [closed, setClosed] = useState<ApiError | null>(null);
  const [reason, setReason] = useState('');
  const [backReason, setBackReason] = useState('');
  const next = program.nextGate;
  const back = previousPhase(program.phase);
  const canOverride = useProgramAccess(program.id).overrideGate;

  async function move(phase: Program['phase'], confirmation: string, override?: ProgramUpdate['override'], why?: string) {
    const body: ProgramUpdate = override ? { phase, override } : why ? { phase, reason: why } : { phase };
    const ok = await write.run(confirmation, () => api<Program>(`/api/programs/${program.id}`, { method: 'PATCH', body, headers: { 'if-match': `"${program.version}"` } })
      .catch((error: unknown) => { if (error instanceof ApiError && isGateClosed(error)) setClosed(error); throw error; }));
    if (ok) { setBackOpen(false); setClosed(null); setReason(''); setBackReason(''); onMoved(); }
  }
  function override(e: FormEvent) {
    e.preventDefault();
    if (!next || !session.personId) return;
    void move(next, `Moved to ${phaseLabel(next)} with the gate overridden; the override is recorded.`, { decidedBy: session.personId, reason });
  }

  const cancel = () => { write.clear(); setClosed(null); setBackOpen(false); };
  return (
    <div className="phase-gate">
      <div className="actions">
        {next && <button type="button" disabled={write.busy} onClick={() => void move(next, `Moved to ${phaseLabel(next)}.`)}>Move to {phaseLabel(next)}</button>}
        {back && <button type="button" className="secondary" aria-expanded={backOpen} onClick={() => { cancel(); setBackOpen(!backOpen); }}>Move back to {phaseLabel(back)}…</button>}
      </div>
      {write.error !== closed && <Refusal error={write.error} what="this program" onReload={() => { cancel(); onMoved(); }} paths={['override.reason', 'reason']} />}
      {backOpen && back && (
        <div className="card" role="group" aria-labelledby="move-back-heading">
          <h3 id="move-back-heading">Move {program.key} back to {phaseLabel(back)}?</h3>
          <p>Moving back needs no gate. The change and its reason are kept in the program’s history.</p>
          <Field id="back-reason" label="Reason (required, kept in the history)" error={write.error} path="reason">
            {(p) => <textarea {...p} rows={2} required value={backReason} onChange={(e) => setBackReason(e.target.value)} />}
          </Field>
          <div className="actions">
            <button type="button" disabled={write.busy || backReason.trim() === ''} onClick={() => void move(back, `Moved back to ${phaseLabel(back)}.`, undefined, backReason.trim())}>Move back to {phaseLabel(back)}</button>
            <button type="button" className="link" onClick={cancel}>Cancel</button>
          </div>
        </div>
      )}
      {closed && next && (
        <>
          <GateRefusal program={program} to={next} error={closed} />
          {canOverride
            ? (
              <form className="program-form card" onSubmit={override} aria-labelledby="override-heading" noValidate>
                <h3 id="override-heading">Override the {phaseLabel(next)} gate</h3>
                <p>As {program.sponsor?.id === session.personId ? 'the program’s sponsor' : 'a board member'} you may let {program.key} through with the gate closed. The override is recorded with your name, your reason and what is unmet.</p>
                <Field id="override-reason" label="Reason (required, kept in the history)" error={write.error} path="override.reason">
                  {(p) => <textarea {...p} rows={3} required value={reason} onChange={(e) => setReason(e.target.value)} />}
                </Field>
                <div className="actions">
                  <button type="submit" disabled={write.busy || reason.trim() === ''}>Override the gate</button>
                  <button type="button" className="link" onClick={cancel}>Cancel</button>
                </div>
              </form>
            )
            : <p className="muted">Only the program’s sponsor or a board member can override a closed gate.</p>}
        </>
      )}
    </div>
  );
}
