import { reassessmentDue } from '@handoff/core';
import { UnmetDimension, type GateOverride, type ProgramReadiness, type ReadinessTrend } from '@handoff/contract';
import { z } from 'zod';
import type { GateOverrideView } from '../../db/repos/gate-overrides.repo.js';
import type { ProgramRow } from '../../db/repos/programs.repo.js';
import type { DatedTrendPoint } from '../../services/readiness.service.js';
import type { ReadinessState } from '../../services/readiness-state.js';

const Links = z.array(z.string());

function programSummary(p: ProgramRow): ProgramReadiness['program'] {
  return { id: p.id, key: p.key, name: p.name, phase: p.phase };
}

/** Maps a loaded readiness to its API shape: per dimension its score and, per applicable criterion, the latest result and linked constraints. */
export function presentReadiness(state: ReadinessState): ProgramReadiness {
  const { readiness } = state;
  return {
    program: programSummary(state.program),
    gate: readiness.gate,
    asOf: state.asOf.toISOString(),
    gateOpen: readiness.gateOpen,
    unmet: readiness.unmet.map((u) => ({
      dimension: u.dimension, criteria: [...u.criteria],
      ...(u.vacantRoles ? { vacantRoles: [...u.vacantRoles] } : {}), ...(u.conditions ? { conditions: [...u.conditions] } : {}),
    })),
    dimensions: readiness.dimensions.map((d) => ({
      dimension: d.dimension,
      score: d.score,
      met: d.met,
      counts: { ...d.counts },
      unassessed: d.unassessed,
      gaps: [...d.gaps],
      vacantRoles: [...d.vacantRoles],
      conditions: [...d.conditions],
      criteria: state.criteria.filter((c) => c.dimension === d.dimension).map((c) => {
        const result = state.results.get(c.id);
        const linked = state.constraints.filter((k) => k.criterion_id === c.id).map((k) => ({
          id: k.id, ref: `${k.program_key}-${k.number}`, status: k.status, deadline: k.deadline,
          owner: { id: k.owner_id, name: k.owner_name, email: k.owner_email },
          resolvedAt: k.resolved_at ? k.resolved_at.toISOString() : null,
        }));
        const assessedAt = result ? result.assessed_at.toISOString() : null;
        return {
          criterion: { id: c.id, code: c.code, text: c.text, required: c.required, gate: c.gate },
          status: result?.status ?? null,
          evidence: result?.evidence ?? null,
          links: result ? Links.parse(result.links) : [],
          assessedBy: result ? { id: result.assessor_id, name: result.assessor_name, email: result.assessor_email } : null,
          assessedAt,
          constraints: linked,
          reassessmentDue: reassessmentDue(assessedAt, linked),
        };
      }),
    })),
  };
}

/** Maps the trend to its API shape. */
export function presentTrend(trend: { program: ProgramRow; gate: ProgramReadiness['gate']; points: readonly DatedTrendPoint[] }): ReadinessTrend {
  return {
    program: programSummary(trend.program),
    gate: trend.gate,
    points: trend.points.map((p) => ({
      batchId: p.batchId,
      assessedAt: p.assessedAt,
      date: p.date,
      gateOpen: p.readiness.gateOpen,
      dimensions: p.readiness.dimensions.map((d) => ({ dimension: d.dimension, score: d.score, met: d.met })),
    })),
  };
}

/** Maps a stored gate override to its API shape. */
export function presentGateOverride(row: GateOverrideView): GateOverride {
  return {
    id: row.id,
    programId: row.program_id,
    fromPhase: row.from_phase,
    toPhase: row.to_phase,
    decidedBy: { id: row.decided_by, name: row.decider_name, email: row.decider_email },
    reason: row.reason,
    unmet: UnmetDimension.array().parse(row.unmet),
    createdAt: row.created_at.toISOString(),
  };
}
