import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  convertRow, creationChanges, defaultBlockedGate, isClosedStatus, planImport,
  type ColumnMapping, type ConstraintState, type DateOrder, type ImportCandidate, type ImportColumn, type ImportDefaults, type ImportPlan,
  type ImportRow, type RowOutcome,
} from '@handoff/core';
import { ConstraintCreate, MAX_IMPORT_ERRORS, MAX_IMPORT_ROWS, type FieldError } from '@handoff/contract';
import type { Actor, Deps } from '../context.js';
import { HandoffError, notFound } from '../errors.js';
import {
  insertConstraintRows, insertHistoryRows, personIdsByEmail, reserveConstraintNumbers, type NewConstraint, type NewHistory,
} from '../db/repos/import.repo.js';
import { findProgram, type ProgramRow } from '../db/repos/programs.repo.js';
import { readSpreadsheet } from './import-file.js';
import { inTransaction } from './transaction.js';

export interface ImportOptions {
  readonly mappings: readonly ColumnMapping[];
  readonly defaults: ImportDefaults;
  readonly dateOrder: DateOrder;
  readonly sheet?: string | undefined;
  readonly dryRun: boolean;
  /** Recorded in each history entry's reason. */
  readonly filename?: string | undefined;
}

export interface ImportProgress {
  readonly phase: 'reading' | 'validating' | 'saving';
  readonly done: number;
  readonly total: number;
}

export interface ImportSummary {
  readonly programKey: string;
  readonly dryRun: boolean;
  readonly refs: readonly string[];
  readonly headerLine: number;
  readonly columns: readonly ImportColumn[];
  readonly ignoredColumns: readonly string[];
  readonly blankLines: number;
  readonly changeId: string | null;
}

/** Constraints stored per round of inserts, between progress reports. */
const SAVE_BATCH = 1000;
/** Rows validated between progress reports. */
const VALIDATE_BATCH = 500;
const TextFields = ConstraintCreate.pick({ title: true, description: true });

/** Imports a RAID log or risk register into one program's constraint library: every row, or none. */
export function createImportService(deps: Deps) {
  const { db } = deps.database;

  return {
    /** `onProgress` is called between batches; after each call the import yields one event-loop turn so a stream can flush. */
    async importConstraints(
      actor: Actor, programIdOrKey: string, file: Uint8Array, options: ImportOptions,
      onProgress?: (progress: ImportProgress) => void,
    ): Promise<ImportSummary> {
      const report = async (progress: ImportProgress): Promise<void> => {
        if (!onProgress) return;
        onProgress(progress);
        await nextTurn(); // lets a streamed response flush between batches
      };
      if (!(await findProgram(db, actor.workspaceId, programIdOrKey))) throw notFound('program', programIdOrKey);
      await report({ phase: 'reading', done: 0, total: file.byteLength });
      const sheet = await readSpreadsheet(file, { sheet: options.sheet });
      const plan = planOrThrow(sheet.rows, options, sheet.date1904);
      const dataRows = sheet.rows.filter((r) => r.line > plan.headerLine);
      if (dataRows.length > MAX_IMPORT_ROWS) {
        throw rejected(`the file has ${dataRows.length} rows below the header; at most ${MAX_IMPORT_ROWS} are imported at once, so split it`, []);
      }
      const outcomes: RowOutcome[] = [];
      for (const [i, row] of dataRows.entries()) {
        if (i % VALIDATE_BATCH === 0) await report({ phase: 'validating', done: i, total: dataRows.length });
        outcomes.push(convertRow(row, plan));
      }
      await report({ phase: 'validating', done: dataRows.length, total: dataRows.length });

      return inTransaction(db, async (trx) => {
        const program = await findProgram(trx, actor.workspaceId, programIdOrKey, true);
        if (!program) throw notFound('program', programIdOrKey);
        const emails = outcomes.flatMap((o) => (o.kind === 'candidate' ? [o.candidate.ownerEmail] : o.kind === 'invalid' && o.ownerEmail ? [o.ownerEmail] : []));
        const { good, bad } = checkRows(outcomes, await personIdsByEmail(trx, actor.workspaceId, emails));
        if (bad.length > 0) throw rejected(`${bad.length} of ${good.length + bad.length} rows are bad`, bad);
        if (good.length === 0) throw rejected(`there are no rows below the header (line ${plan.headerLine})`, []);
        const summary = (first: number, changeId: string | null): ImportSummary => ({
          programKey: program.key, dryRun: changeId === null,
          refs: good.map((_, i) => `${program.key}-${first + i}`),
          headerLine: plan.headerLine, columns: plan.columns, ignoredColumns: plan.ignoredColumns,
          blankLines: outcomes.filter((o) => o.kind === 'blank').length, changeId,
        });
        if (options.dryRun) return summary(program.next_constraint_number, null);

        const first = await reserveConstraintNumbers(trx, program.id, good.length);
        const context: RowContext = {
          actor, program, changeId: deps.newId(), now: deps.clock.now(), newId: deps.newId,
          source: options.filename ? `"${options.filename}"` : 'a spreadsheet',
        };
        for (let start = 0; start < good.length; start += SAVE_BATCH) {
          await report({ phase: 'saving', done: start, total: good.length });
          const batch = good.slice(start, start + SAVE_BATCH).map((g, i) => toRows(context, g, first + start + i));
          await insertConstraintRows(trx, batch.map((b) => b.constraint));
          await insertHistoryRows(trx, batch.flatMap((b) => b.history));
        }
        await report({ phase: 'saving', done: good.length, total: good.length });
        return summary(first, context.changeId);
      });
    },
  };
}

interface GoodRow {
  readonly candidate: ImportCandidate;
  readonly ownerId: string;
}

/** A bad line and everything wrong with it. */
interface BadLine {
  readonly line: number;
  readonly message: string;
}

/** Splits rows into those ready to store and bad lines: core's reasons, then unknown owners and over-long texts. */
function checkRows(outcomes: readonly RowOutcome[], owners: ReadonlyMap<string, string>): { good: GoodRow[]; bad: BadLine[] } {
  const good: GoodRow[] = [];
  const bad: BadLine[] = [];
  const unknownOwner = (email: string | null): string[] => (email && !owners.has(email) ? [`owner ${email} is not a person in this workspace (add them first)`] : []);
  for (const o of outcomes) {
    if (o.kind === 'invalid') {
      bad.push({ line: o.line, message: [...o.reasons, ...unknownOwner(o.ownerEmail)].join('; ') });
    } else if (o.kind === 'candidate') {
      const c = o.candidate;
      const texts = TextFields.safeParse({ title: c.title, description: c.description });
      const reasons = [...(texts.success ? [] : texts.error.issues.map((i) => `${i.path.join('.')} ${i.message}`)), ...unknownOwner(c.ownerEmail)];
      const ownerId = owners.get(c.ownerEmail);
      if (reasons.length > 0 || !ownerId) bad.push({ line: c.line, message: reasons.join('; ') });
      else good.push({ candidate: c, ownerId });
    }
  }
  return { good, bad };
}

interface RowContext {
  readonly actor: Actor;
  readonly program: ProgramRow;
  readonly changeId: string;
  readonly now: Date;
  readonly newId: () => string;
  /** How the file is named in history reasons. */
  readonly source: string;
}

/** The stored row of one imported constraint, and the history entries a constraint created one by one would get. */
function toRows(ctx: RowContext, { candidate: c, ownerId }: GoodRow, number: number) {
  const { actor, program, now } = ctx;
  const id = ctx.newId();
  const closed = isClosedStatus(c.status);
  const blocksGate = c.gate ?? defaultBlockedGate(program.phase);
  const constraint: NewConstraint = {
    id, workspace_id: actor.workspaceId, program_id: program.id, number,
    title: c.title, description: c.description, kind: c.kind, dimension: c.dimension, owner_id: ownerId,
    deadline: c.deadline, status: c.status, severity: c.severity, blocks_gate: blocksGate,
    resolved_at: closed ? now : null, created_at: now, updated_at: now,
  };
  const state: ConstraintState = {
    title: c.title, description: c.description, kind: c.kind, dimension: c.dimension, ownerId, deadline: c.deadline,
    status: c.status, severity: c.severity, blocksGate, dependsOn: [], resolvedAt: closed ? now.toISOString() : null,
  };
  const reason = `imported from ${ctx.source}, line ${c.line}`;
  const history: NewHistory[] = creationChanges(`${program.key}-${number}`, state).map(({ field, before, after }) => ({
    workspace_id: actor.workspaceId, entity_type: 'constraint', entity_id: id, change_id: ctx.changeId, field,
    before: JSON.stringify(before), after: JSON.stringify(after), reason, actor: actor.label, at: now,
  }));
  return { constraint, history };
}

function planOrThrow(rows: readonly ImportRow[], options: ImportOptions, date1904: boolean): ImportPlan {
  const outcome = planImport(rows, options.mappings, options.defaults, { dateOrder: options.dateOrder, date1904 });
  switch (outcome.kind) {
    case 'planned':
      return outcome.plan;
    case 'empty':
      throw rejected('the file has no rows', [{ line: 1, message: 'the file is empty' }]);
    case 'bad-mappings':
      throw new HandoffError('validation-failed', outcome.reasons.join('; '), outcome.reasons.map((message) => ({ path: 'map', message })));
    case 'missing-columns':
      throw rejected(`the header (line ${outcome.headerLine}) lacks required columns`, outcome.reasons.map((message) => ({ line: outcome.headerLine, message })));
  }
}

/** The 422 listing bad lines in line order, at most MAX_IMPORT_ERRORS of them. */
function rejected(what: string, lines: readonly BadLine[]): HandoffError {
  const sorted = [...lines].sort((a, b) => a.line - b.line);
  const errors: FieldError[] = sorted.slice(0, MAX_IMPORT_ERRORS).map((b) => ({ path: `line ${b.line}`, message: b.message }));
  const listed = sorted.length > MAX_IMPORT_ERRORS ? ` (the first ${MAX_IMPORT_ERRORS} are listed)` : '';
  return new HandoffError('import-rejected', `${what}${listed}; nothing was imported. Fix the file and import all of it again.`, errors);
}
