import { EscalationLevel } from '@handoff/contract';
import { DEFAULT_ESCALATION_POLICY, type EscalationPolicy } from '@handoff/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.js';
import { findPolicy, type PolicyRow } from '../db/repos/escalation-policies.repo.js';
import { findRoleHolder } from '../db/repos/program-roles.repo.js';

const Levels = z.array(EscalationLevel);
const Snapshot = z.object({ levels: Levels, acknowledgementHoldDays: z.number().int() });

/** A stored policy row as the core's policy type. */
export function policyOfRow(row: PolicyRow): EscalationPolicy {
  return { levels: Levels.parse(row.levels), acknowledgementHoldDays: row.acknowledgement_hold_days };
}

/** The policy a stored snapshot (taken when a cycle's first level fired) describes. */
export function policyOfSnapshot(value: unknown): EscalationPolicy {
  return Snapshot.parse(value);
}

/** The policy in force for a program: its override, else the workspace default, else the built-in ladder. */
export async function effectivePolicy(
  db: Kysely<DB>,
  workspaceId: string,
  programId: string,
): Promise<{ policy: EscalationPolicy; row: PolicyRow | null; scope: 'program' | 'workspace' | 'default' }> {
  const own = await findPolicy(db, workspaceId, programId);
  if (own) return { policy: policyOfRow(own), row: own, scope: 'program' };
  const ws = await findPolicy(db, workspaceId, null);
  if (ws) return { policy: policyOfRow(ws), row: ws, scope: 'workspace' };
  return { policy: DEFAULT_ESCALATION_POLICY, row: null, scope: 'default' };
}

/**
 * The holders of the governance roles a policy targets (`program-role`), for one program: role key →
 * [person id], empty when the role is vacant, retired or unknown (the level is then skipped and the skip recorded).
 */
export async function programRoleDirectory(db: Kysely<DB>, workspaceId: string, programId: string, policy: EscalationPolicy): Promise<Record<string, string[]>> {
  const keys = new Set(policy.levels.flatMap((l) => l.targets.flatMap((t) => (t.kind === 'program-role' ? [t.role] : []))));
  const directory: Record<string, string[]> = {};
  for (const key of keys) {
    const holder = await findRoleHolder(db, workspaceId, programId, key);
    directory[key] = holder ? [holder.id] : [];
  }
  return directory;
}
