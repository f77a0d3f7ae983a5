import { checkDependencies, type DependencyEdge } from '@handoff/core';
import type { TransferFields } from './transfer.js';
import { transferCheck, type TransferIssue } from './transfer-check.js';
import type { TransferPolicyLevels } from './transfer-escalation.js';
import { economicsReferenceIssues, readinessReferenceIssues } from './transfer-references-v3.js';
import { sectionsAfter } from './transfer-sections.js';

export type { TransferIssue } from './transfer-check.js';

type Path = (string | number)[];

/**
 * Cross-references the shapes alone cannot check: unique ids and keys (the database's unique
 * constraints), references that resolve within the document, no dependency cycle, and no section of a
 * later format version in an older document. Answering these here gives a 400 naming the path instead
 * of a failed insert.
 */
export function transferReferenceIssues(doc: TransferFields): TransferIssue[] {
  const check = transferCheck();
  const { add, unique, refer } = check;

  for (const section of sectionsAfter(doc.formatVersion)) {
    if (doc[section].length > 0) add([section], `is not part of format version ${doc.formatVersion} (export again to get the current version)`);
  }

  const people = unique('people', doc.people, 'id', (p) => p.id);
  unique('people', doc.people, 'email', (p) => p.email.toLowerCase());
  const programs = unique('programs', doc.programs, 'id', (p) => p.id);
  unique('programs', doc.programs, 'key', (p) => p.key);
  const constraints = unique('constraints', doc.constraints, 'id', (c) => c.id);
  unique('constraints', doc.constraints, 'number', (c) => `${c.programId}-${c.number}`);
  unique('dependencies', doc.dependencies, 'dependsOnId', (d) => `${d.constraintId}→${d.dependsOnId}`);
  unique('history', doc.history, 'id', (h) => String(h.id));

  const nextNumber = new Map(doc.programs.map((p) => [p.id, p.nextConstraintNumber]));
  doc.programs.forEach((p, i) => refer(people, 'person', ['programs', i, 'sponsorId'], p.sponsorId));
  doc.constraints.forEach((c, i) => {
    const next = nextNumber.get(c.programId);
    if (next === undefined) add(['constraints', i, 'programId'], `no program ${c.programId} in the document`);
    else if (c.number >= next) add(['constraints', i, 'number'], `must be below its program's nextConstraintNumber (${next})`);
    refer(people, 'person', ['constraints', i, 'ownerId'], c.ownerId);
  });

  const edges: DependencyEdge[] = [];
  doc.dependencies.forEach((d, i) => {
    const missing = (['constraintId', 'dependsOnId'] as const).filter((f) => !constraints.has(d[f]));
    for (const f of missing) add(['dependencies', i, f], `no constraint ${d[f]} in the document`);
    if (missing.length > 0) return;
    // The same rule as every API write: adding this node's edges must not close a cycle.
    const sameNode = edges.filter((e) => e.from === d.constraintId).map((e) => e.to);
    const check = checkDependencies(edges, d.constraintId, [...sameNode, d.dependsOnId]);
    if (check.kind === 'cycle') add(['dependencies', i], `would form a dependency cycle: ${check.cycle.join(' → ')}`);
    else edges.push({ from: d.constraintId, to: d.dependsOnId });
  });

  /** Person targets of a ladder must be people of the document. */
  const levelPeople = (levels: TransferPolicyLevels, path: Path): void => {
    levels.forEach((level, l) => level.targets.forEach((t, k) => {
      if (t.kind === 'person') refer(people, 'person', [...path, 'levels', l, 'targets', k, 'personId'], t.personId);
    }));
  };

  unique('escalationPolicies', doc.escalationPolicies, 'id', (p) => p.id);
  unique('escalationPolicies', doc.escalationPolicies, 'programId', (p) => p.programId ?? 'null (the workspace default)');
  doc.escalationPolicies.forEach((p, i) => {
    refer(programs, 'program', ['escalationPolicies', i, 'programId'], p.programId);
    levelPeople(p.levels, ['escalationPolicies', i]);
  });

  unique('escalations', doc.escalations, 'constraintId', (e) => e.constraintId);
  doc.escalations.forEach((e, i) => {
    refer(constraints, 'constraint', ['escalations', i, 'constraintId'], e.constraintId);
    refer(people, 'person', ['escalations', i, 'acknowledgedBy'], e.acknowledgedBy);
    if (e.policy) levelPeople(e.policy.levels, ['escalations', i, 'policy']);
  });

  unique('escalationEvents', doc.escalationEvents, 'id', (e) => String(e.id));
  unique('escalationEvents', doc.escalationEvents, 'level', (e) => `${e.constraintId} cycle ${e.cycle} level ${e.level}`);
  doc.escalationEvents.forEach((e, i) => {
    refer(constraints, 'constraint', ['escalationEvents', i, 'constraintId'], e.constraintId);
    e.recipients.forEach((r, k) => refer(people, 'person', ['escalationEvents', i, 'recipients', k], r));
  });

  unique('decisions', doc.decisions, 'id', (d) => d.id);
  unique('decisions', doc.decisions, 'escalationCycle', (d) => (d.constraintId !== null && d.escalationCycle !== null ? `${d.constraintId} cycle ${d.escalationCycle}` : null));
  doc.decisions.forEach((d, i) => {
    refer(programs, 'program', ['decisions', i, 'programId'], d.programId);
    refer(constraints, 'constraint', ['decisions', i, 'constraintId'], d.constraintId);
    refer(people, 'person', ['decisions', i, 'decidedBy'], d.decidedBy);
    if (d.effect?.kind === 'phase-override') refer(programs, 'program', ['decisions', i, 'effect', 'programId'], d.effect.programId);
    else if (d.effect) refer(constraints, 'constraint', ['decisions', i, 'effect', 'constraintId'], d.effect.constraintId);
  });

  unique('notificationChannels', doc.notificationChannels, 'id', (c) => c.id);
  doc.notificationChannels.forEach((c, i) => refer(programs, 'program', ['notificationChannels', i, 'programId'], c.programId));

  unique('inboxItems', doc.inboxItems, 'id', (n) => n.id);
  unique('inboxItems', doc.inboxItems, 'notificationKey', (n) => n.notificationKey);
  doc.inboxItems.forEach((n, i) => refer(people, 'person', ['inboxItems', i, 'personId'], n.personId));

  unique('digests', doc.digests, 'weekStart', (d) => `${d.personId} ${d.weekStart}`);
  doc.digests.forEach((d, i) => refer(people, 'person', ['digests', i, 'personId'], d.personId));

  const reviews = unique('reviews', doc.reviews, 'id', (r) => r.id);
  doc.reviews.forEach((r, i) => {
    refer(programs, 'program', ['reviews', i, 'programId'], r.programId);
    refer(people, 'person', ['reviews', i, 'reviewerId'], r.reviewerId);
  });
  unique('reviewItems', doc.reviewItems, 'constraintId', (r) => `${r.reviewId} ${r.constraintId}`);
  unique('reviewItems', doc.reviewItems, 'position', (r) => `${r.reviewId} ${r.position}`);
  doc.reviewItems.forEach((r, i) => {
    refer(reviews, 'review', ['reviewItems', i, 'reviewId'], r.reviewId);
    refer(constraints, 'constraint', ['reviewItems', i, 'constraintId'], r.constraintId);
    // The table's rule: a re-plan carries the new deadline and its reason, every other decision neither.
    if ((r.decision === 're-plan') !== (r.newDeadline !== null && r.reason !== null)) {
      add(['reviewItems', i, 'newDeadline'], 'a re-plan item needs both newDeadline and reason; other decisions must not have both');
    }
  });

  readinessReferenceIssues(doc, check, { people, programs });
  economicsReferenceIssues(doc, check, { people, programs });
  return check.issues;
}
