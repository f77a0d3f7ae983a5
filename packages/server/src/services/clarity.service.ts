import type { ClarityAssessmentCreate } from '@handoff/contract';
import type { Actor, Deps } from '../context.js';
import { HandoffError } from '../errors.js';
import type { ConstraintView } from '../db/repos/constraints.repo.js';
import type { createConstraintsService } from './constraints.service.js';
import type { createDiagnosisService, DiagnosisView } from './diagnosis.service.js';
import type { createOwnershipService, OwnershipView } from './ownership.service.js';
import type { ReadinessState } from './readiness-state.js';
import type { createReadinessService } from './readiness.service.js';
import { inTransaction } from './transaction.js';

interface ClarityDeps {
  readonly readiness: ReturnType<typeof createReadinessService>;
  readonly ownership: ReturnType<typeof createOwnershipService>;
  readonly diagnosis: ReturnType<typeof createDiagnosisService>;
  readonly constraints: ReturnType<typeof createConstraintsService>;
}

/** Where a program stands after (or before) a clarity assessment. */
export interface ClarityView {
  readonly readiness: ReadinessState;
  readonly ownership: OwnershipView;
  readonly diagnosis: DiagnosisView;
  readonly constraints: readonly ConstraintView[];
}

/**
 * Re-throws an error of one part of the request with its field paths under that part (`roles.1.personId`),
 * so the caller sees which entry was refused. A missing role or criterion is a bad field here, not a bad URL.
 */
function within(prefix: string, error: unknown, field: string): never {
  if (!(error instanceof HandoffError)) throw error;
  const errors = error.errors.length > 0
    ? error.errors.map((e) => ({ path: `${prefix}.${e.path}`, message: e.message }))
    : [{ path: `${prefix}.${field}`, message: error.detail }];
  const code = error.code === 'not-found' ? 'validation-failed' : error.code;
  throw new HandoffError(code, `${prefix}: ${error.detail}`, errors, error.extra);
}

/**
 * The Decision Clarity assessment (METHOD.md section 5) as one write: role holders, criteria with evidence and the
 * binding constraints with owners and deadlines, all in one transaction, then the readiness map, the ownership map,
 * the diagnosis and the new constraints as they stand after it.
 */
export function createClarityService(deps: Deps, services: ClarityDeps) {
  const { db } = deps.database;
  const { readiness, ownership, diagnosis, constraints } = services;

  async function view(actor: Actor, idOrKey: string, opened: readonly string[]): Promise<ClarityView> {
    return {
      readiness: await readiness.readiness(actor, idOrKey, {}),
      ownership: await ownership.map(actor, idOrKey),
      diagnosis: await diagnosis.diagnose(actor, idOrKey),
      constraints: await Promise.all(opened.map((id) => constraints.get(actor, id))),
    };
  }

  return {
    /** The starting point of the guided flow. */
    async current(actor: Actor, idOrKey: string): Promise<ClarityView> {
      return view(actor, idOrKey, []);
    },

    async record(actor: Actor, idOrKey: string, input: ClarityAssessmentCreate): Promise<ClarityView> {
      const opened = await inTransaction(db, async (trx) => {
        for (const [i, r] of input.roles.entries()) {
          try {
            await ownership.assignIn(trx, actor, idOrKey, r.role, { personId: r.personId }, 'personId');
          } catch (error) {
            if (error instanceof HandoffError && error.code === 'not-found' && error.detail.startsWith('program')) throw error;
            within(`roles.${i}`, error, 'role');
          }
        }
        if (input.items.length > 0) {
          await readiness.assessIn(trx, actor, idOrKey, { assessedBy: input.assessedBy, ...(input.assessedAt ? { assessedAt: input.assessedAt } : {}), items: input.items });
        }
        const ids: string[] = [];
        for (const [i, c] of input.constraints.entries()) {
          const { criterion, ...rest } = c;
          try {
            ids.push((await readiness.openConstraintIn(trx, actor, idOrKey, criterion, rest)).id);
          } catch (error) {
            within(`constraints.${i}`, error, 'criterion');
          }
        }
        return ids;
      });
      return view(actor, idOrKey, opened);
    },
  };
}
