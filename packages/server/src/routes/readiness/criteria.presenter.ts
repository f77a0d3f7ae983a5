import type { Criterion } from '@handoff/contract';
import type { CriterionRow } from '../../db/repos/criteria.repo.js';
import { refsOf } from '../../services/criteria-library.js';

/** Maps a stored criterion to its API shape. */
export function presentCriterion(row: CriterionRow): Criterion {
  return {
    id: row.id,
    code: row.code,
    dimension: row.dimension,
    text: row.text,
    guidance: row.guidance,
    required: row.required,
    gate: row.gate,
    refs: refsOf(row),
    retiredAt: row.retired_at ? row.retired_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
