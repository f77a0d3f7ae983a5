import type { EscalationPolicy, GovernanceRolePage, PersonPage, Program, ProgramPage } from '@handoff/contract';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { Status } from '../components/status.js';
import { useSession } from '../session.js';
import { Done, useWrite } from './settings-fields.js';
import { PolicyEditor, type PolicyDraftBody } from './settings-policy-editor.js';
import { LadderTable, type TargetChoices } from './settings-policy-ladder.js';

/**
 * The escalation ladder: the workspace default, or one program's (`?program=KEY`): its override, or what it
 * inherits. Admins edit and save it; everyone else reads it.
 */
export function Policy() {
  const [params, setParams] = useSearchParams();
  const programKey = params.get('program');
  const programs = useApi<ProgramPage>('/api/programs?limit=200');
  const roles = useApi<GovernanceRolePage>('/api/governance-roles?limit=200');
  const people = useApi<PersonPage>('/api/people?limit=200');
  const choices: TargetChoices = {
    roles: roles.state === 'ready' ? roles.data.items : [],
    people: people.state === 'ready' ? people.data.items : [],
  };
  const program = programs.state === 'ready' ? programs.data.items.find((p) => p.key === programKey) ?? null : null;

  return (
    <section aria-labelledby="policy-heading">
      <h2 id="policy-heading">Escalation policy</h2>
      <p className="muted">When an open constraint passes each level's day, the level notifies its targets, until the constraint is acknowledged or resolved.</p>
      <div className="toolbar">
        <label htmlFor="policy-scope">Ladder of</label>
        <select id="policy-scope" value={programKey ?? ''} onChange={(e) => setParams(e.target.value ? { program: e.target.value } : {}, { replace: true })}>
          <option value="">The workspace (default for every program)</option>
          {programs.state === 'ready' && programs.data.items.map((p) => <option key={p.id} value={p.key}>{p.key} — {p.name}</option>)}
        </select>
      </div>
      <Ladder key={programKey ?? ''} programKey={programKey} program={program} choices={choices} />
    </section>
  );
}

function Ladder({ programKey, program, choices }: { programKey: string | null; program: Program | null; choices: TargetChoices }) {
  const { canAdmin } = useSession();
  const path = programKey ? `/api/programs/${encodeURIComponent(programKey)}/escalation-policy` : '/api/escalation-policy';
  const loaded = useApi<EscalationPolicy>(path);
  const write = useWrite();
  const [generation, setGeneration] = useState(0);
  const refresh = () => { if (loaded.state === 'ready') loaded.reload(); setGeneration((n) => n + 1); };
  /** Back to what is stored: the draft and any refusal are dropped. */
  const reload = () => { write.clear(); refresh(); };

  async function save(policy: EscalationPolicy, body: PolicyDraftBody) {
    // Only an existing row of this scope has a version to match; a program that inherits gets its first override.
    const own = programKey ? policy.scope === 'program' : policy.scope === 'workspace';
    const headers: Record<string, string> = own && policy.version !== null ? { 'if-match': `"${policy.version}"` } : {};
    const saved = await write.run(
      programKey && !own ? `Saved: ${programKey} now has its own ladder.` : 'Saved. Constraints not escalating yet follow the new ladder; escalations under way keep theirs.',
      () => api<EscalationPolicy>(path, { method: 'PUT', body, headers }),
    );
    if (saved) refresh();
  }

  return (
    <Status loaded={loaded} label="the escalation ladder">
      {(policy) => (
        <>
          <ScopeNote policy={policy} programKey={programKey} program={program} canAdmin={canAdmin} />
          <Done message={write.done} />
          {canAdmin
            ? <PolicyEditor key={`${policy.scope}:${policy.version ?? 'none'}:${generation}`} policy={policy} choices={choices} error={write.error} busy={write.busy}
                onSave={(body) => void save(policy, body)} onReload={reload} onEdit={write.clear} />
            : <LadderTable policy={policy} choices={choices} />}
        </>
      )}
    </Status>
  );
}

/** Says which ladder this is: built in, the workspace's, a program's override, or what a program inherits. */
function ScopeNote({ policy, programKey, program, canAdmin }: { policy: EscalationPolicy; programKey: string | null; program: Program | null; canAdmin: boolean }) {
  const changed = policy.updatedAt ? `, last changed ${policy.updatedAt.slice(0, 16).replace('T', ' ')}` : '';
  const name = program ? `${program.key} (${program.name})` : programKey;
  if (!programKey) {
    return policy.scope === 'default'
      ? <p className="callout">No workspace ladder has been set: the built-in ladder below applies to every program without its own.{canAdmin && ' Saving makes it the workspace default.'}</p>
      : <p className="callout">The workspace default{changed}. Every program without its own ladder follows it.</p>;
  }
  if (policy.scope === 'program') {
    return (
      <div className="callout">
        <p><strong>{name} has its own ladder</strong> (an override{changed}): changes to the workspace default do not reach it.</p>
        <p>An override cannot be removed: the API has no operation for it. Editing it to match the workspace default gives the same levels, but it stays an override.</p>
      </div>
    );
  }
  return (
    <p className="callout">
      <strong>{name} inherits</strong> {policy.scope === 'workspace' ? 'the workspace default' : 'the built-in ladder (no workspace default is set)'}.
      {canAdmin && ' Saving here gives it its own ladder (an override) that applies to this program only.'}
    </p>
  );
}
