import {
  DecisionEffect, LabelledDecisionOption, NotificationFacts, TransferPolicyLevels, TransferPolicySnapshot, TransferReviewSnapshot,
  type TransferDecision, type TransferDigest, type TransferEscalation, type TransferEscalationEvent, type TransferEscalationPolicy,
  type TransferInboxItem, type TransferNotificationChannel, type TransferReview, type TransferReviewItem,
} from '@handoff/contract';
import { z } from 'zod';
import type { WorkspaceRows } from '../../db/repos/transfer.repo.js';

/**
 * The format-version-2 sections of the transfer document. Key order here is the key order of the
 * JSON. JSON columns are parsed through their transfer schemas: a jsonb value comes back with its
 * keys in the database's canonical order, and parsing fixes one order whatever was stored.
 */

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const Options = z.array(z.union([z.string(), LabelledDecisionOption]));

export function presentEscalationPolicies(rows: WorkspaceRows['escalationPolicies']): TransferEscalationPolicy[] {
  return rows.map((p) => ({
    id: p.id,
    programId: p.program_id,
    levels: TransferPolicyLevels.parse(p.levels),
    acknowledgementHoldDays: p.acknowledgement_hold_days,
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
    version: p.version,
  }));
}

export function presentEscalations(rows: WorkspaceRows['escalations']): TransferEscalation[] {
  return rows.map((e) => ({
    constraintId: e.constraint_id,
    cycle: e.cycle,
    policy: e.policy === null ? null : TransferPolicySnapshot.parse(e.policy),
    done: e.done.map(Number),
    level: e.level,
    nextLevelAt: iso(e.next_level_at),
    acknowledgedBy: e.acknowledged_by,
    acknowledgedAt: iso(e.acknowledged_at),
    pausedAt: iso(e.paused_at),
    pausedReason: e.paused_reason,
    pausedMs: Number(e.paused_ms),
    updatedAt: e.updated_at.toISOString(),
  }));
}

export function presentEscalationEvents(rows: WorkspaceRows['escalationEvents']): TransferEscalationEvent[] {
  return rows.map((e) => ({
    id: Number(e.id),
    constraintId: e.constraint_id,
    cycle: e.cycle,
    level: e.level,
    levelName: e.level_name,
    kind: e.kind,
    recipients: [...e.recipients],
    vacant: [...e.vacant],
    firedAt: e.fired_at.toISOString(),
  }));
}

export function presentDecisions(rows: WorkspaceRows['decisions']): TransferDecision[] {
  return rows.map((d) => ({
    id: d.id,
    programId: d.program_id,
    constraintId: d.constraint_id,
    source: d.source,
    escalationCycle: d.escalation_cycle,
    title: d.title,
    context: d.context,
    options: Options.parse(d.options),
    recommendation: d.recommendation,
    dueDate: d.due_date,
    status: d.status,
    outcome: d.outcome,
    decidedBy: d.decided_by,
    decidedAt: iso(d.decided_at),
    effect: DecisionEffect.nullable().parse(d.effect),
    createdAt: d.created_at.toISOString(),
    updatedAt: d.updated_at.toISOString(),
    version: d.version,
  }));
}

export function presentNotificationChannels(rows: WorkspaceRows['notificationChannels']): TransferNotificationChannel[] {
  return rows.map((c) => ({
    id: c.id,
    programId: c.program_id,
    kind: c.kind,
    name: c.name,
    // In full, unlike every other response: restoring a channel needs its URL (see the export route's description).
    webhookUrl: c.webhook_url,
    enabled: c.enabled,
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
    version: c.version,
  }));
}

export function presentInboxItems(rows: WorkspaceRows['inboxItems']): TransferInboxItem[] {
  return rows.map((n) => ({
    id: n.id,
    personId: n.person_id,
    notificationKey: n.notification_key,
    eventKey: n.event_key,
    kind: n.kind,
    subject: n.subject,
    text: n.text,
    link: n.link,
    facts: NotificationFacts.parse(n.facts),
    createdAt: n.created_at.toISOString(),
    readAt: iso(n.read_at),
  }));
}

export function presentDigests(rows: WorkspaceRows['digests']): TransferDigest[] {
  return rows.map((d) => ({ personId: d.person_id, weekStart: d.week_start, sentAt: d.sent_at.toISOString() }));
}

export function presentReviews(rows: WorkspaceRows['reviews']): TransferReview[] {
  return rows.map((r) => ({ id: r.id, programId: r.program_id, reviewerId: r.reviewer_id, note: r.note, createdAt: r.created_at.toISOString() }));
}

export function presentReviewItems(rows: WorkspaceRows['reviewItems']): TransferReviewItem[] {
  return rows.map((r) => ({
    reviewId: r.review_id,
    constraintId: r.constraint_id,
    position: r.position,
    decision: r.decision,
    note: r.note,
    newDeadline: r.new_deadline,
    reason: r.reason,
    before: TransferReviewSnapshot.parse(r.before),
    after: TransferReviewSnapshot.parse(r.after),
  }));
}
