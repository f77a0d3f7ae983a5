import { nextGate } from '@handoff/core';
import type { Program } from '@handoff/contract';
import type { ProgramView } from '../../db/repos/programs.repo.js';

/** Maps a stored program (with sponsor and counts) to its API shape. */
export function presentProgram(row: ProgramView): Program {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    businessUnit: row.business_unit,
    phase: row.phase,
    nextGate: nextGate(row.phase),
    sponsor: row.sponsor_id && row.sponsor_name !== null && row.sponsor_email !== null
      ? { id: row.sponsor_id, name: row.sponsor_name, email: row.sponsor_email }
      : null,
    targetProductionDate: row.target_production_date,
    riskClass: row.risk_class,
    activeConstraints: row.active_constraints,
    overdueConstraints: row.overdue_constraints,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
