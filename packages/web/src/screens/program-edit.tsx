import type { Program, ProgramUpdate } from '@handoff/contract';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { PROGRAM_PATHS, ProgramFields, type ProgramDraft } from './program-fields.js';
import { RISK_CLASSES } from './program-options.js';
import { Refusal, type Write } from './settings-fields.js';

const draftOf = (p: Program): ProgramDraft => ({
  name: p.name, description: p.description, businessUnit: p.businessUnit ?? '', sponsorId: p.sponsor?.id ?? '',
  targetProductionDate: p.targetProductionDate ?? '', riskClass: p.riskClass,
});

/** Only what differs from the program as read, so its history records exactly this edit; '' clears a field (null). */
function changes(p: Program, d: ProgramDraft): Record<string, string | null> {
  const before = draftOf(p);
  const patch: Record<string, string | null> = {};
  for (const field of ['name', 'description', 'businessUnit', 'sponsorId', 'targetProductionDate', 'riskClass'] as const satisfies readonly (keyof ProgramUpdate & keyof ProgramDraft)[]) {
    if (d[field] === before[field]) continue;
    patch[field] = d[field].trim() === '' && field !== 'name' && field !== 'description' ? null : d[field];
  }
  return patch;
}

/**
 * Edits a program's name, sponsor, target production date, business unit, risk class and description in one
 * PATCH with If-Match on the version read; a stale edit (412) is explained with a reload. `write` lives above,
 * so its confirmation outlives the reload that remounts this form.
 */
export function ProgramEditForm({ program, write, onSaved, onReload, onCancel }: {
  program: Program; write: Write; onSaved: () => void; onReload: () => void; onCancel: () => void;
}) {
  const [draft, setDraft] = useState<ProgramDraft>(() => draftOf(program));
  const patch = changes(program, draft);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await write.run('Program saved.', () => api<Program>(`/api/programs/${program.id}`, { method: 'PATCH', body: patch, headers: { 'if-match': `"${program.version}"` } }));
    if (ok) onSaved();
  }
  return (
    <form className="program-form card" onSubmit={(e) => void submit(e)} aria-labelledby="program-edit-heading" noValidate>
      <h2 id="program-edit-heading">Edit {program.key}</h2>
      <Refusal error={write.error} what="this program" onReload={() => { write.clear(); onReload(); }} paths={PROGRAM_PATHS} />
      <ProgramFields prefix="edit-program" draft={draft} error={write.error} onChange={setDraft} riskClasses={RISK_CLASSES} />
      <div className="actions">
        <button type="submit" disabled={write.busy || Object.keys(patch).length === 0}>Save changes</button>
        <button type="button" className="link" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
