import { DEFAULT_ESCALATION_POLICY, isBuiltInRole } from '@handoff/core';
import type { EscalationPolicy, EscalationPolicyInput } from '@handoff/contract';
import type { Kysely } from 'kysely';
import type { Actor, Deps } from '../context.js';
import { HandoffError, notFound } from '../errors.js';
import type { DB } from '../db/schema.js';
import { findPolicy, insertPolicy, updatePolicy, type PolicyRow } from '../db/repos/escalation-policies.repo.js';
import { unsnapshottedActive } from '../db/repos/escalations.repo.js';
import { listActiveRoles } from '../db/repos/governance-roles.repo.js';
import { appendHistory } from '../db/repos/history.repo.js';
import { existingPersonIds } from '../db/repos/people.repo.js';
import { findProgram } from '../db/repos/programs.repo.js';
import type { EscalationsService } from './escalations.service.js';
import { effectivePolicy, policyOfRow } from './escalation-policy.js';
import { stale } from './people.service.js';
import { inTransaction, versionMatches } from './transaction.js';

function present(row: PolicyRow | null, scope: EscalationPolicy['scope'], programId: string | null): EscalationPolicy {
  const policy = row ? policyOfRow(row) : DEFAULT_ESCALATION_POLICY;
  return {
    scope,
    programId,
    levels: policy.levels.map((l) => ({ ...l, targets: l.targets.map((t) => (t.kind === 'role' ? { kind: 'role' as const, role: roleOf(t.role) } : t)) })),
    acknowledgementHoldDays: policy.acknowledgementHoldDays,
    version: row?.version ?? null,
    updatedAt: row ? row.updated_at.toISOString() : null,
  };
}

function roleOf(role: string): 'owner' | 'sponsor' | 'board' {
  if (role === 'owner' || role === 'sponsor' || role === 'board') return role;
  throw new Error(`unknown escalation role ${role}`);
}

/** Every `program-role` target must name a built-in role or an active workspace role: 400 naming the target's path. */
async function assertKnownRoles(trx: Kysely<DB>, workspaceId: string, input: EscalationPolicyInput): Promise<void> {
  const custom = new Set((await listActiveRoles(trx, workspaceId)).map((r) => r.key));
  const errors = input.levels.flatMap((level, i) =>
    level.targets.flatMap((t, j) =>
      t.kind === 'program-role' && !isBuiltInRole(t.role) && !custom.has(t.role)
        ? [{ path: `levels.${i}.targets.${j}.role`, message: `governance role ${t.role} does not exist in this workspace` }]
        : []));
  if (errors.length > 0) throw new HandoffError('validation-failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
}

/**
 * Escalation policies: the workspace default and per-program overrides. An edit applies to constraints
 * whose current cycle has not fired yet; in-flight escalations keep the snapshot they started with.
 */
export function createPoliciesService(deps: Deps, escalations: Pick<EscalationsService, 'reschedule'>) {
  const { db } = deps.database;

  async function programIdOf(trx: Kysely<DB>, actor: Actor, idOrKey: string | null): Promise<string | null> {
    if (idOrKey === null) return null;
    const program = await findProgram(trx, actor.workspaceId, idOrKey);
    if (!program) throw notFound('program', idOrKey);
    return program.id;
  }

  return {
    async get(actor: Actor, programIdOrKey: string | null): Promise<EscalationPolicy> {
      const programId = await programIdOf(db, actor, programIdOrKey);
      if (programId === null) {
        const row = await findPolicy(db, actor.workspaceId, null);
        return present(row ?? null, row ? 'workspace' : 'default', null);
      }
      const { row, scope } = await effectivePolicy(db, actor.workspaceId, programId);
      return present(row, scope, scope === 'program' ? programId : null);
    },

    async put(actor: Actor, programIdOrKey: string | null, input: EscalationPolicyInput, ifMatch: string | undefined): Promise<EscalationPolicy> {
      return inTransaction(db, async (trx) => {
        const programId = await programIdOf(trx, actor, programIdOrKey);
        const people = input.levels.flatMap((l) => l.targets.flatMap((t) => (t.kind === 'person' ? [t.personId] : [])));
        const found = await existingPersonIds(trx, actor.workspaceId, people);
        const missing = people.filter((p) => !found.has(p));
        if (missing.length > 0) {
          throw new HandoffError('validation-failed', `levels: person ${missing.join(', ')} does not exist in this workspace`, missing.map((p) => ({ path: 'levels', message: `person ${p} does not exist in this workspace` })));
        }
        await assertKnownRoles(trx, actor.workspaceId, input);
        const now = deps.clock.now();
        const levels = JSON.stringify(input.levels);
        const existing = await findPolicy(trx, actor.workspaceId, programId, true);
        if (existing && !versionMatches(ifMatch, existing.version)) throw stale('escalation policy', programIdOrKey ?? 'default', existing.version);
        const row = existing
          ? await updatePolicy(trx, existing.id, levels, input.acknowledgementHoldDays, now)
          : await insertPolicy(trx, { id: deps.newId(), workspace_id: actor.workspaceId, program_id: programId, levels, acknowledgement_hold_days: input.acknowledgementHoldDays, created_at: now });
        await appendHistory(trx, {
          workspaceId: actor.workspaceId, entityType: programId ? 'program' : 'workspace', entityId: programId ?? actor.workspaceId, changeId: deps.newId(),
          changes: [{ field: 'escalationPolicy', before: existing ? JSON.stringify(policyOfRow(existing)) : null, after: JSON.stringify(policyOfRow(row)) }],
          reason: null, actor: actor.label, at: now,
        });
        // Constraints not yet escalating follow the new ladder at once (rescheduling one whose program has
        // its own override is harmless: it resolves to that override).
        const affected = await unsnapshottedActive(trx, actor.workspaceId, programId ? [programId] : null);
        for (const id of affected) await escalations.reschedule(trx, actor.workspaceId, id, now);
        return present(row, programId ? 'program' : 'workspace', programId);
      });
    },
  };
}
