import type { FieldChange } from '@handoff/core';
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { CostItemsTable, CostModelsTable, DB } from '../schema.js';

export type CostModelRow = Selectable<CostModelsTable>;
export type CostItemRow = Selectable<CostItemsTable>;

/** A cost model with its program's key. */
export interface CostModelView extends CostModelRow {
  program_key: string;
}

/** A cost item with its program's key and its model's currency (items are always in the model's currency). */
export interface CostItemView extends CostItemRow {
  program_key: string;
  currency: string;
}

/** The program's cost model, or undefined; `forUpdate` locks it (item writes serialise on it). */
export function findCostModel(db: Kysely<DB>, workspaceId: string, programId: string, forUpdate = false): Promise<CostModelView | undefined> {
  let q = db
    .selectFrom('cost_models as m')
    .innerJoin('programs as p', 'p.id', 'm.program_id')
    .selectAll('m')
    .select('p.key as program_key')
    .where('m.workspace_id', '=', workspaceId)
    .where('m.program_id', '=', programId);
  if (forUpdate) q = q.forUpdate(['m']);
  return q.executeTakeFirst();
}

export function insertCostModel(db: Kysely<DB>, row: Insertable<CostModelsTable>): Promise<CostModelRow> {
  return db.insertInto('cost_models').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Changes a cost model and bumps its version. */
export function updateCostModel(db: Kysely<DB>, programId: string, patch: Updateable<CostModelsTable>): Promise<CostModelRow> {
  return db
    .updateTable('cost_models')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('program_id', '=', programId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

function itemViews(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('cost_items as i')
    .innerJoin('programs as p', 'p.id', 'i.program_id')
    .innerJoin('cost_models as m', 'm.program_id', 'i.program_id')
    .selectAll('i')
    .select(['p.key as program_key', 'm.currency'])
    .where('i.workspace_id', '=', workspaceId);
}

/** A program's active items: costs before benefits, then pilot before production, then by creation. */
export function listActiveCostItems(db: Kysely<DB>, workspaceId: string, programId: string): Promise<CostItemView[]> {
  return itemViews(db, workspaceId)
    .where('i.program_id', '=', programId)
    .where('i.retired_at', 'is', null)
    .orderBy('i.side', 'desc')
    .orderBy('i.scope')
    .orderBy('i.created_at')
    .orderBy('i.id')
    .execute();
}

/** Items by id (any state), in no particular order. */
export function findCostItems(db: Kysely<DB>, workspaceId: string, ids: readonly string[]): Promise<CostItemView[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return itemViews(db, workspaceId).where('i.id', 'in', [...ids]).execute();
}

/** One item, locked for the rest of the transaction when `forUpdate`. */
export function findCostItem(db: Kysely<DB>, workspaceId: string, id: string, forUpdate = false): Promise<CostItemView | undefined> {
  let q = itemViews(db, workspaceId).where('i.id', '=', id);
  if (forUpdate) q = q.forUpdate(['i']);
  return q.executeTakeFirst();
}

export async function insertCostItems(db: Kysely<DB>, rows: readonly Insertable<CostItemsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('cost_items').values([...rows]).execute();
}

/** Changes an item and bumps its version. */
export async function updateCostItem(db: Kysely<DB>, id: string, patch: Updateable<CostItemsTable>): Promise<void> {
  await db
    .updateTable('cost_items')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** One history write of a cost item: its changed fields under one change id. */
export interface CostItemHistory {
  readonly workspaceId: string;
  readonly itemId: string;
  readonly changeId: string;
  readonly changes: readonly FieldChange[];
  readonly reason: string | null;
  readonly actor: string;
  readonly at: Date;
}

/**
 * Appends history rows of entity type `costItem`, for one or many items in one statement. Written here
 * rather than through history.repo's appendHistory, whose entity-type union does not include cost items.
 */
export async function appendCostItemHistory(db: Kysely<DB>, writes: readonly CostItemHistory[]): Promise<void> {
  const rows = writes.flatMap((w) => w.changes.map((c) => ({
    workspace_id: w.workspaceId, entity_type: 'costItem', entity_id: w.itemId, change_id: w.changeId, field: c.field,
    before: JSON.stringify(c.before), after: JSON.stringify(c.after), reason: w.reason, actor: w.actor, at: w.at,
  })));
  if (rows.length > 0) await db.insertInto('history').values(rows).execute();
}
