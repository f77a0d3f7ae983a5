import type { Me, Program, ProgramCreate as ProgramCreateBody } from '@handoff/contract';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { PROGRAM_PATHS, ProgramFields, type ProgramDraft } from './program-fields.js';
import { PHASES, RISK_CLASSES, phaseLabel } from './program-options.js';
import { Field, Refusal, useWrite } from './settings-fields.js';
import './program-actions.css';

/** "New program", for the accounts the server says may start one (GET /api/me `canCreateProgram`). */
export function NewProgramLink() {
  const me = useApi<Me>('/api/me');
  if (me.state !== 'ready' || !me.data.canCreateProgram) return null;
  return <Link className="button" to="/programs/new">New program</Link>;
}

/** The request body: what was filled in; the server derives the key from the name and applies its defaults. */
function bodyOf(draft: ProgramDraft, key: string, phase: string): Record<string, unknown> {
  const body: Record<string, unknown> = { name: draft.name, phase, riskClass: draft.riskClass };
  const optional = { key, description: draft.description, businessUnit: draft.businessUnit, sponsorId: draft.sponsorId, targetProductionDate: draft.targetProductionDate } satisfies Partial<Record<keyof ProgramCreateBody, string>>;
  for (const [k, v] of Object.entries(optional)) if (v.trim() !== '') body[k] = k === 'key' ? v.trim().toUpperCase() : v;
  return body;
}

/** Starts a program (POST /api/programs): the server's message beside each field it refuses, then the new program's page. */
export function ProgramCreate() {
  const navigate = useNavigate();
  const write = useWrite();
  const [draft, setDraft] = useState<ProgramDraft>({ name: '', description: '', businessUnit: '', sponsorId: '', targetProductionDate: '', riskClass: 'limited' });
  const [key, setKey] = useState('');
  const [phase, setPhase] = useState<string>('discovery');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const created: { program?: Program } = {};
    await write.run('Program created.', async () => { created.program = await api<Program>('/api/programs', { method: 'POST', body: bodyOf(draft, key, phase) }); });
    if (created.program) navigate(`/programs/${encodeURIComponent(created.program.key)}`);
  }

  return (
    <form className="program-form" onSubmit={(e) => void submit(e)} aria-labelledby="program-create-heading" noValidate>
      <h1 id="program-create-heading" tabIndex={-1} ref={heading}>New program</h1>
      <p className="muted">A program is one AI system on its way to production. Name an executive sponsor: the person who owns the production outcome.</p>
      <Refusal error={write.error} what="the program" paths={PROGRAM_PATHS} />
      <ProgramFields prefix="new-program" draft={draft} error={write.error} onChange={setDraft} riskClasses={RISK_CLASSES} />
      <div className="pair">
        <Field id="new-program-key" label="Key (optional)" error={write.error} path="key" hint="2 to 12 capital letters or digits, used in constraint refs; derived from the name when left empty.">
          {(p) => <input {...p} autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} />}
        </Field>
        <Field id="new-program-phase" label="Phase" error={write.error} path="phase">
          {(p) => (
            <select {...p} value={phase} onChange={(e) => setPhase(e.target.value)}>
              {PHASES.map((ph) => <option key={ph} value={ph}>{phaseLabel(ph)}</option>)}
            </select>
          )}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" disabled={write.busy}>Create program</button>
        <Link to="/">Cancel</Link>
      </div>
    </form>
  );
}
