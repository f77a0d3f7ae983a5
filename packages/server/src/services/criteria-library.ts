import { diffFields, type FieldChange } from '@handoff/core';
import { CriteriaLibrary, CriterionRef, type CriteriaImportResult, type CriterionEntry } from '@handoff/contract';
import type { Kysely } from 'kysely';
import { parseDocument, stringify } from 'yaml';
import type { Actor, Deps } from '../context.js';
import { HandoffError } from '../errors.js';
import type { DB } from '../db/schema.js';
import { allCriteria, criteriaByCodes, insertCriteriaIfMissing, lockLibrary, updateCriterion, type CriterionRow } from '../db/repos/criteria.repo.js';
import { appendHistory } from '../db/repos/history.repo.js';
import { inTransaction } from './transaction.js';

/** Criterion fields kept in history, by their API names; refs as `framework id` strings. */
export const CRITERION_FIELDS = ['dimension', 'text', 'guidance', 'required', 'gate', 'refs'] as const;

/** A criterion's stored references, checked against the contract. */
export function refsOf(row: Pick<CriterionRow, 'refs'>): CriterionRef[] {
  return CriterionRef.array().parse(row.refs);
}

type CriterionFieldsSource = Pick<CriterionRow, 'dimension' | 'text' | 'guidance' | 'required' | 'gate'> & { refs: unknown };

/** The history view of a criterion's fields. */
export function criterionFields(row: CriterionFieldsSource) {
  return {
    dimension: row.dimension, text: row.text, guidance: row.guidance, required: row.required, gate: row.gate,
    refs: CriterionRef.array().parse(row.refs).map((r) => `${r.framework} ${r.id}`),
  };
}

/** Appends a criterion's history entry (entity 'criterion'). */
export async function recordCriterion(deps: Deps, trx: Kysely<DB>, actor: Actor, id: string, changes: readonly FieldChange[], reason: string | null, at: Date): Promise<void> {
  await appendHistory(trx, { workspaceId: actor.workspaceId, entityType: 'criterion', entityId: id, changeId: deps.newId(), changes, reason, actor: actor.label, at });
}

/** The library file entry of a stored criterion. */
function entryOf(row: CriterionRow): CriterionEntry {
  return { code: row.code, dimension: row.dimension, text: row.text, guidance: row.guidance, required: row.required, gate: row.gate, refs: refsOf(row) };
}

/** The first line of a parser message (YAML errors carry a multi-line excerpt of the source). */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).trim().replace(/:$/, '');
}

/**
 * Parses a library file, YAML or JSON (JSON is YAML too, so one parser reads both). Syntax errors name
 * their line; entries failing the contract are named `criteria.<index>.<field>`. Every problem is reported at once.
 */
export function parseLibrary(text: string): CriteriaLibrary {
  if (text.trim() === '') throw new HandoffError('validation-failed', 'the body is empty: send a criteria library as YAML or JSON', [{ path: '(body)', message: 'is empty' }]);
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    const errors = doc.errors.map((e) => ({ path: e.linePos ? `line ${e.linePos[0].line}` : '(body)', message: firstLine(e.message) }));
    throw new HandoffError('validation-failed', `the body is not valid YAML or JSON: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors);
  }
  const parsed = CriteriaLibrary.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
  throw new HandoffError('validation-failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
}

/** Export and import of the library as a file: what workspaces share (active criteria, no ids). */
export function createLibraryTransfer(deps: Deps) {
  const { db } = deps.database;
  return {
    /** The active criteria by dimension then code, as YAML (default) or JSON text. */
    async exportLibrary(actor: Actor, format: 'yaml' | 'json'): Promise<{ text: string; contentType: string }> {
      const rows = await allCriteria(db, actor.workspaceId);
      const library: CriteriaLibrary = { version: 1, criteria: rows.filter((r) => r.retired_at === null).map(entryOf) };
      return format === 'json'
        ? { text: `${JSON.stringify(library, null, 2)}\n`, contentType: 'application/json; charset=utf-8' }
        : { text: stringify(library, { lineWidth: 0 }), contentType: 'application/yaml; charset=utf-8' };
    },

    /**
     * Upserts a library file by code in one transaction, all or nothing: new codes are created, changed
     * ones updated (a retired criterion listed again becomes active), the rest unchanged; criteria the file
     * does not list are left alone. History records each created or changed criterion.
     */
    async importLibrary(actor: Actor, text: string): Promise<CriteriaImportResult> {
      const library = parseLibrary(text);
      return inTransaction(db, async (trx) => {
        await lockLibrary(trx, actor.workspaceId);
        const existing = new Map((await criteriaByCodes(trx, actor.workspaceId, library.criteria.map((c) => c.code))).map((r) => [r.code, r]));
        const result: CriteriaImportResult = { created: [], updated: [], unchanged: [] };
        const now = deps.clock.now();
        for (const entry of library.criteria) {
          const current = existing.get(entry.code);
          if (!current) {
            const [row] = await insertCriteriaIfMissing(trx, [{
              id: deps.newId(), workspace_id: actor.workspaceId, code: entry.code, dimension: entry.dimension, text: entry.text, guidance: entry.guidance,
              required: entry.required, gate: entry.gate, refs: JSON.stringify(entry.refs), created_at: now, updated_at: now,
            }]);
            if (!row) throw new Error(`criterion ${entry.code} appeared while the library was locked`);
            await recordCriterion(deps, trx, actor, row.id, [{ field: 'created', before: null, after: row.code }], null, now);
            result.created.push(entry.code);
            continue;
          }
          const changes = diffFields(criterionFields(current), criterionFields(entry), CRITERION_FIELDS);
          if (current.retired_at) changes.push({ field: 'retiredAt', before: current.retired_at.toISOString(), after: null });
          if (changes.length === 0) {
            result.unchanged.push(entry.code);
            continue;
          }
          await updateCriterion(trx, actor.workspaceId, current.id, {
            dimension: entry.dimension, text: entry.text, guidance: entry.guidance, required: entry.required, gate: entry.gate,
            refs: JSON.stringify(entry.refs), retired_at: null, updated_at: now,
          });
          await recordCriterion(deps, trx, actor, current.id, changes, null, now);
          result.updated.push(entry.code);
        }
        return result;
      });
    },
  };
}
