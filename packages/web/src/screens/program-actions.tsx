import type { Program } from '@handoff/contract';
import { useState } from 'react';
import { useApi } from '../api/use-api.js';
import { Status } from '../components/status.js';
import { useProgramAccess } from './program-access.js';
import { ProgramEditForm } from './program-edit.js';
import { PhaseGate } from './program-gate.js';
import { GateOverrides } from './program-overrides.js';
import { Done, useWrite } from './settings-fields.js';
import './program-actions.css';

/**
 * The program header's actions: edit the program and move its phase through the gate, for the accounts that
 * may (the rest read the same page without the buttons), and the gate overrides recorded, for everyone.
 * `onChanged` reloads the page's sections after a change.
 */
export function ProgramActions({ programId, onChanged }: { programId: string; onChanged: () => void }) {
  const loaded = useApi<Program>(`/api/programs/${programId}`);
  const access = useProgramAccess(programId);
  const [editing, setEditing] = useState(false);
  const edit = useWrite();
  const gate = useWrite();
  const reload = () => { if (loaded.state === 'ready') loaded.reload(); };
  const changed = () => { reload(); onChanged(); };
  return (
    <div className="program-actions">
      <Done message={edit.done ?? gate.done} />
      {access.update && (
        <Status loaded={loaded} label="the program">
          {(p) => (
            <>
              <div className="actions">
                <button type="button" className="secondary" aria-expanded={editing} aria-controls={editing ? 'program-edit' : undefined}
                  onClick={() => { edit.clear(); gate.clear(); setEditing(!editing); }}>Edit program</button>
              </div>
              {editing && (
                <div id="program-edit">
                  <ProgramEditForm key={p.version} program={p} write={edit} onReload={reload}
                    onSaved={() => { setEditing(false); changed(); }} onCancel={() => { edit.clear(); setEditing(false); }} />
                </div>
              )}
              <PhaseGate key={`gate-${p.version}`} program={p} write={gate} onMoved={changed} />
            </>
          )}
        </Status>
      )}
      <GateOverrides key={loaded.state === 'ready' ? loaded.data.version : 0} programId={programId} />
    </div>
  );
}
