import type { Program, ProgramReadiness, UnmetDimension } from '@handoff/contract';
import { Fragment } from 'react';
import type { ApiError } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { Status } from '../components/status.js';
import { phaseLabel } from './program-options.js';

/** True when the server refused a phase change because the gate is closed (409 gate-closed). */
export function isGateClosed(error: ApiError | null): boolean {
  return error !== null && error.status === 409 && error.problem.type.endsWith('/gate-closed');
}

/**
 * What keeps `to`'s gate closed, per unmet dimension: its criteria (each linked to the readiness section),
 * vacant roles and other conditions, as GET /readiness judges that gate now; the refusal's own words above.
 */
export function GateRefusal({ program, to, error }: { program: Program; to: Program['phase']; error: ApiError }) {
  const readiness = useApi<ProgramReadiness>(`/api/programs/${program.id}/readiness?gate=${encodeURIComponent(to)}`);
  return (
    <div className="error-box gate-refusal" role="alert" aria-labelledby="gate-refusal-heading">
      <h3 id="gate-refusal-heading">The {phaseLabel(to)} gate is closed</h3>
      <p>{program.key} stays in {phaseLabel(program.phase)}: the gate opens when all four readiness dimensions are met.</p>
      <Status loaded={readiness} label="what is unmet">
        {(r) => <UnmetList unmet={r.unmet.length > 0 ? r.unmet : null} error={error} />}
      </Status>
      <p><a href="#readiness-heading">See the readiness section</a> to assess the criteria with evidence.</p>
    </div>
  );
}

/** One item per unmet dimension; without a structured answer, the refusal's field errors as the server wrote them. */
function UnmetList({ unmet, error }: { unmet: readonly UnmetDimension[] | null; error: ApiError }) {
  if (!unmet) {
    return <ul>{(error.problem.errors ?? []).map((e) => <li key={e.path}>{e.path.replace(/^readiness\./, '')} {e.message}</li>)}</ul>;
  }
  return (
    <ul className="unmet-list">
      {unmet.map((u) => (
        <li key={u.dimension}>
          <strong>{u.dimension}</strong> is not met
          {u.criteria.length > 0 && <>: criteria {u.criteria.map((c, i) => <Fragment key={c}>{i > 0 && ', '}<a href="#readiness-heading">{c}</a></Fragment>)}</>}
          {(u.vacantRoles ?? []).length > 0 && <>; vacant roles: {(u.vacantRoles ?? []).join(', ')} (<a href="#ownership-heading">ownership map</a>)</>}
          {(u.conditions ?? []).length > 0 && <>; {(u.conditions ?? []).join('; ')}</>}
        </li>
      ))}
    </ul>
  );
}
