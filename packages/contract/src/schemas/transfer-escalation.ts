import { z } from '@hono/zod-openapi';
import { CalendarDate, Id, Timestamp, Version } from './common.js';
import { DecisionEffect, LabelledDecisionOption } from './decisions.js';
import { EscalationPolicyInput } from './escalations.js';

/**
 * Escalation rows of the transfer document (format version 2): policies, each constraint's clock,
 * the fired-level log and board decisions. Carrying the clocks and the log is what keeps a restored
 * workspace from firing every level again: the sweep only backfills constraints that have no clock.
 */

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const nonEmpty = (max: number) => text(max).min(1, 'must not be empty');

/** A policy's levels, validated by the same rules as `PUT /api/escalation-policy` (ordered, 1 to 10). */
export const TransferPolicyLevels = EscalationPolicyInput.shape.levels;
export type TransferPolicyLevels = z.infer<typeof TransferPolicyLevels>;

const HoldDays = z.number().int().min(0).max(90);

export const TransferEscalationPolicy = z
  .strictObject({
    id: Id,
    programId: Id.nullable().openapi({ description: 'null: the workspace default; else this program’s override.' }),
    levels: TransferPolicyLevels,
    acknowledgementHoldDays: HoldDays,
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Version,
  })
  .openapi('TransferEscalationPolicy');
export type TransferEscalationPolicy = z.infer<typeof TransferEscalationPolicy>;

/** The policy a clock cycle started with (taken when its first level fired). */
export const TransferPolicySnapshot = z
  .strictObject({ levels: TransferPolicyLevels, acknowledgementHoldDays: HoldDays })
  .openapi('TransferPolicySnapshot');
export type TransferPolicySnapshot = z.infer<typeof TransferPolicySnapshot>;

const LevelIndex = z.number().int().min(0).max(9);

/** One constraint's escalation clock in its current cycle. */
export const TransferEscalation = z
  .strictObject({
    constraintId: Id,
    cycle: z.number().int().positive(),
    policy: TransferPolicySnapshot.nullable().openapi({ description: 'null until the cycle’s first level fires (the current policy applies).' }),
    done: z.array(LevelIndex).max(10).openapi({ description: 'Levels fired or skipped this cycle, in the order they were done.' }),
    level: z.number().int().min(-1).max(9),
    nextLevelAt: Timestamp.nullable(),
    acknowledgedBy: Id.nullable(),
    acknowledgedAt: Timestamp.nullable(),
    pausedAt: Timestamp.nullable(),
    pausedReason: text(2000).nullable(),
    pausedMs: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).openapi({ description: 'Paused time already served this cycle (ms).' }),
    updatedAt: Timestamp,
  })
  .openapi('TransferEscalation');
export type TransferEscalation = z.infer<typeof TransferEscalation>;

/** One fired (or skipped) level: exactly once per constraint, cycle and level. */
export const TransferEscalationEvent = z
  .strictObject({
    id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).openapi({ description: 'Sequence number; orders the log.' }),
    constraintId: Id,
    cycle: z.number().int().positive(),
    level: LevelIndex,
    levelName: nonEmpty(200),
    kind: z.enum(['notified', 'skipped']),
    recipients: z.array(Id).max(1000),
    vacant: z.array(nonEmpty(40)).max(10).openapi({ description: 'Roles nobody held (skipped levels).' }),
    firedAt: Timestamp,
  })
  .openapi('TransferEscalationEvent');
export type TransferEscalationEvent = z.infer<typeof TransferEscalationEvent>;

export const TransferDecision = z
  .strictObject({
    id: Id,
    programId: Id,
    constraintId: Id.nullable(),
    source: z.enum(['escalation', 'manual']),
    escalationCycle: z.number().int().positive().nullable().openapi({ description: 'The clock cycle that raised it (one request per constraint and cycle).' }),
    title: nonEmpty(2000),
    context: text(20_000),
    options: z.array(z.union([text(4000), LabelledDecisionOption])).max(50).openapi({ description: 'Labels, or (requests made by hand) labels with the effect each applies.' }),
    recommendation: text(4000),
    dueDate: CalendarDate,
    status: z.enum(['pending', 'decided', 'withdrawn']),
    outcome: text(4000).nullable(),
    decidedBy: Id.nullable(),
    decidedAt: Timestamp.nullable(),
    // Added by version 3 (decision effects); absent from older documents, where it reads as null.
    effect: DecisionEffect.nullable().default(null),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Version,
  })
  .openapi('TransferDecision');
export type TransferDecision = z.infer<typeof TransferDecision>;
