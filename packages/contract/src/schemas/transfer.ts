import { z } from '@hono/zod-openapi';
import { checkDependencies, type DependencyEdge } from '@handoff/core';
import { CalendarDate, Id, TimeZone, Timestamp, Version } from './common.js';
import { ConstraintKind, ConstraintStatus, Dimension, Severity } from './constraints.js';
import { Phase, RiskClass } from './programs.js';

/**
 * The whole-workspace transfer document (`handoff export` / `handoff import`). It carries every stored
 * row with its original id, timestamps and version, so export → import into an empty workspace →
 * export gives the same bytes. Fields are validated but never transformed (no trimming or
 * lower-casing), for the same reason. Lists are ordered by id (history by its sequence number).
 */

export const TRANSFER_FORMAT = 'handoff-workspace';
export const TRANSFER_FORMAT_VERSION = 1;

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const nonEmpty = (max: number) => text(max).min(1, 'must not be empty');

export const TransferWorkspace = z
  .strictObject({ name: nonEmpty(200), timeZone: TimeZone })
  .openapi('TransferWorkspace');

export const TransferPerson = z
  .strictObject({
    id: Id,
    name: nonEmpty(200),
    email: z.email({ message: 'must be an e-mail address' }).max(254),
    title: text(200).nullable(),
    boardMember: z.boolean().default(false),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Version,
  })
  .openapi('TransferPerson');
export type TransferPerson = z.infer<typeof TransferPerson>;

export const TransferProgram = z
  .strictObject({
    id: Id,
    key: z.string().regex(/^[A-Z][A-Z0-9]{1,11}$/, 'must be 2 to 12 capital letters or digits, starting with a letter'),
    name: nonEmpty(200),
    description: text(5000),
    businessUnit: text(200).nullable(),
    phase: Phase,
    sponsorId: Id.nullable(),
    targetProductionDate: CalendarDate.nullable(),
    riskClass: RiskClass,
    nextConstraintNumber: z.number().int().positive().openapi({ description: 'The number the next constraint of this program gets.' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Version,
  })
  .openapi('TransferProgram');
export type TransferProgram = z.infer<typeof TransferProgram>;

export const TransferConstraint = z
  .strictObject({
    id: Id,
    programId: Id,
    number: z.number().int().positive(),
    title: nonEmpty(300),
    description: text(10_000),
    kind: ConstraintKind,
    dimension: Dimension,
    ownerId: Id,
    deadline: CalendarDate,
    status: ConstraintStatus,
    severity: Severity,
    blocksGate: Phase,
    lastReviewedAt: Timestamp.nullable(),
    resolvedAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Version,
  })
  .openapi('TransferConstraint');
export type TransferConstraint = z.infer<typeof TransferConstraint>;

/** `constraintId` depends on `dependsOnId`. */
export const TransferDependency = z
  .strictObject({ constraintId: Id, dependsOnId: Id })
  .openapi('TransferDependency');
export type TransferDependency = z.infer<typeof TransferDependency>;

export const TransferHistoryEntry = z
  .strictObject({
    id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).openapi({ description: 'Sequence number; orders the log.' }),
    entityType: z.enum(['constraint', 'program', 'person', 'workspace']),
    entityId: Id,
    changeId: Id,
    field: nonEmpty(100),
    before: z.unknown(),
    after: z.unknown(),
    reason: text(2000).nullable(),
    actor: nonEmpty(320),
    at: Timestamp,
  })
  .openapi('TransferHistoryEntry');
export type TransferHistoryEntry = z.infer<typeof TransferHistoryEntry>;

const TransferShape = z.strictObject({
  format: z.literal(TRANSFER_FORMAT),
  formatVersion: z.literal(TRANSFER_FORMAT_VERSION),
  workspace: TransferWorkspace,
  people: z.array(TransferPerson),
  programs: z.array(TransferProgram),
  constraints: z.array(TransferConstraint),
  dependencies: z.array(TransferDependency),
  history: z.array(TransferHistoryEntry),
});

type Issue = { path: (string | number)[]; message: string };

/** Cross-references the shapes alone cannot check: unique ids and keys, references that resolve, no cycle. */
function referenceIssues(doc: z.infer<typeof TransferShape>): Issue[] {
  const issues: Issue[] = [];
  const unique = <T>(list: 'people' | 'programs' | 'constraints' | 'dependencies' | 'history', items: readonly T[], field: string, keyOf: (item: T) => string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const key = keyOf(item);
      if (seen.has(key)) issues.push({ path: [list, i, field], message: `duplicate ${field} ${key}` });
      seen.add(key);
    });
    return seen;
  };
  const people = unique('people', doc.people, 'id', (p) => p.id);
  unique('people', doc.people, 'email', (p) => p.email.toLowerCase());
  unique('programs', doc.programs, 'id', (p) => p.id);
  unique('programs', doc.programs, 'key', (p) => p.key);
  const constraints = unique('constraints', doc.constraints, 'id', (c) => c.id);
  unique('constraints', doc.constraints, 'number', (c) => `${c.programId}-${c.number}`);
  unique('dependencies', doc.dependencies, 'dependsOnId', (d) => `${d.constraintId}→${d.dependsOnId}`);
  unique('history', doc.history, 'id', (h) => String(h.id));

  const nextNumber = new Map(doc.programs.map((p) => [p.id, p.nextConstraintNumber]));
  doc.programs.forEach((p, i) => {
    if (p.sponsorId !== null && !people.has(p.sponsorId)) issues.push({ path: ['programs', i, 'sponsorId'], message: `no person ${p.sponsorId} in the document` });
  });
  doc.constraints.forEach((c, i) => {
    const next = nextNumber.get(c.programId);
    if (next === undefined) issues.push({ path: ['constraints', i, 'programId'], message: `no program ${c.programId} in the document` });
    else if (c.number >= next) issues.push({ path: ['constraints', i, 'number'], message: `must be below its program's nextConstraintNumber (${next})` });
    if (!people.has(c.ownerId)) issues.push({ path: ['constraints', i, 'ownerId'], message: `no person ${c.ownerId} in the document` });
  });

  const edges: DependencyEdge[] = [];
  doc.dependencies.forEach((d, i) => {
    const missing = (['constraintId', 'dependsOnId'] as const).filter((f) => !constraints.has(d[f]));
    for (const f of missing) issues.push({ path: ['dependencies', i, f], message: `no constraint ${d[f]} in the document` });
    if (missing.length > 0) return;
    // The same rule as every API write: adding this node's edges must not close a cycle.
    const sameNode = edges.filter((e) => e.from === d.constraintId).map((e) => e.to);
    const check = checkDependencies(edges, d.constraintId, [...sameNode, d.dependsOnId]);
    if (check.kind === 'cycle') issues.push({ path: ['dependencies', i], message: `would form a dependency cycle: ${check.cycle.join(' → ')}` });
    else edges.push({ from: d.constraintId, to: d.dependsOnId });
  });
  return issues;
}

/** A whole workspace: what `GET /api/workspace/export` returns and `POST /api/workspace/import` takes. */
export const TransferDocument = TransferShape.superRefine((doc, ctx) => {
  for (const issue of referenceIssues(doc)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
}).openapi('WorkspaceExport');
export type TransferDocument = z.infer<typeof TransferDocument>;

/** What an import stored, by kind. */
export const TransferSummary = z
  .object({
    people: z.number().int(),
    programs: z.number().int(),
    constraints: z.number().int(),
    dependencies: z.number().int(),
    history: z.number().int(),
  })
  .openapi('WorkspaceImportSummary');
export type TransferSummary = z.infer<typeof TransferSummary>;
