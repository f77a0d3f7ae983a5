import type { EscalationPolicy, PersonPage, ProgramPage } from '@handoff/contract';
import { useApi } from '../api/use-api.js';
import { DIMENSIONS, KINDS, STATUSES, words } from './constraint-options.js';

/**
 * The filters the library offers; each is a query parameter of GET /api/constraints and of this page's URL.
 * `dependsOn` / `dependencyOf` have no control: the detail's dependency lists link to them.
 */
export const FILTERS = [
  'program', 'owner', 'dimension', 'kind', 'status', 'active', 'overdue', 'stale', 'escalated', 'escalationLevel', 'dependsOn', 'dependencyOf', 'q',
] as const;

/** The library's filter bar: every control reads and writes one URL parameter through `set` ('' removes it). */
export function ConstraintFilters({ params, set }: { params: URLSearchParams; set: (changes: Record<string, string>) => void }) {
  const programs = useApi<ProgramPage>('/api/programs?limit=200');
  const people = useApi<PersonPage>('/api/people?limit=200');
  const one = (name: string) => (value: string) => set({ [name]: value });
  return (
    <form className="toolbar filters" role="search" aria-label="Filter constraints" onSubmit={(e) => e.preventDefault()}>
      <label>Search <input type="search" defaultValue={params.get('q') ?? ''} onChange={(e) => set({ q: e.target.value })} placeholder="Ref, title, description" /></label>
      <label>Program{' '}
        <select value={params.get('program') ?? ''} onChange={(e) => set({ program: e.target.value })}>
          <option value="">All</option>
          {programs.state === 'ready' && programs.data.items.map((p) => <option key={p.id} value={p.id}>{p.key}</option>)}
        </select>
      </label>
      <label>Owner{' '}
        <select value={params.get('owner') ?? ''} onChange={(e) => set({ owner: e.target.value })}>
          <option value="">Anyone</option>
          {people.state === 'ready' && people.data.items.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <Choice label="Dimension" value={params.get('dimension')} options={DIMENSIONS} onChange={one('dimension')} />
      <Choice label="Kind" value={params.get('kind')} options={KINDS} onChange={one('kind')} />
      <Choice label="Status" value={params.get('status')} options={STATUSES} onChange={one('status')} />
      <Choice label="Active" value={params.get('active')} options={['true', 'false']} onChange={one('active')} />
      <Choice label="Overdue" value={params.get('overdue')} options={['true', 'false']} onChange={one('overdue')} />
      <Choice label="Stale" value={params.get('stale')} options={['true', 'false']} onChange={one('stale')} />
      <EscalationChoice params={params} set={set} />
    </form>
  );
}

/**
 * One select for the two escalation parameters: `escalated=true|false` (reached any level in the current cycle, or
 * not) or `escalationLevel=NAME` (at that level now). The names are the workspace ladder's levels.
 */
function EscalationChoice({ params, set }: { params: URLSearchParams; set: (changes: Record<string, string>) => void }) {
  const policy = useApi<EscalationPolicy>('/api/escalation-policy');
  const level = params.get('escalationLevel');
  const escalated = params.get('escalated');
  const value = level ? `level:${level}` : escalated ? `escalated:${escalated}` : '';
  const names = policy.state === 'ready' ? policy.data.levels.map((l) => l.name) : [];
  if (level && !names.includes(level)) names.push(level);
  const choose = (v: string) => {
    const [kind = '', arg = ''] = v.split(/:(.*)/s);
    set({ escalated: kind === 'escalated' ? arg : '', escalationLevel: kind === 'level' ? arg : '' });
  };
  return (
    <label>Escalation{' '}
      <select value={value} onChange={(e) => choose(e.target.value)}>
        <option value="">Any</option>
        <option value="escalated:true">Escalated (any level)</option>
        <option value="escalated:false">Not escalated</option>
        {names.map((n) => <option key={n} value={`level:${n}`}>At level: {n}</option>)}
      </select>
    </label>
  );
}

function Choice({ label, value, options, onChange }: { label: string; value: string | null; options: readonly string[]; onChange: (value: string) => void }) {
  return (
    <label>{label}{' '}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">Any</option>
        {options.map((o) => <option key={o} value={o}>{words(o)}</option>)}
      </select>
    </label>
  );
}
