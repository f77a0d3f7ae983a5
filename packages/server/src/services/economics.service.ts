import {
  BENEFIT_CATEGORIES, COST_CATEGORIES, DEFAULT_HORIZON_MONTHS, diffFields, economics, type BenefitItem, type CostItem, type EconomicsReport,
  type EconomicsResult, type FieldValue,
} from '@handoff/core';
import type { CostItemInput, CostItemsBody, CostItemUpdate, CostModelPut, EconomicsQuery, FieldError } from '@handoff/contract';
import type { Kysely } from 'kysely';
import type { Actor, Deps } from '../context.js';
import { HandoffError, notFound } from '../errors.js';
import {
  appendCostItemHistory, findCostItem, findCostItems, findCostModel, insertCostItems, insertCostModel, listActiveCostItems, updateCostItem,
  updateCostModel, type CostItemView, type CostModelView,
} from '../db/repos/cost-models.repo.js';
import { appendHistory } from '../db/repos/history.repo.js';
import { findProgram, type ProgramRow } from '../db/repos/programs.repo.js';
import type { DB } from '../db/schema.js';
import { stale } from './people.service.js';
import { inTransaction, versionMatches } from './transaction.js';

/** The discount rate of a new model when none is given: 8 % a year. */
const DEFAULT_DISCOUNT_RATE = '0.08';

/** A program's economics: its model (null: none yet), the active items and the core's report over them. */
export interface EconomicsDetail {
  readonly program: ProgramRow;
  readonly model: CostModelView | null;
  readonly items: readonly CostItemView[];
  readonly report: EconomicsReport | null;
}

/** A stored decimal ("0.080000…", "12500.000000") without its trailing fractional zeros ("0.08", "12500"). */
export function plainDecimal(text: string): string {
  return /^-?\d+\.\d+$/.test(text) ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** An item's fields the core reads, whatever side it is on. */
interface Line {
  readonly side: 'cost' | 'benefit';
  readonly label: string;
  readonly category: string;
  readonly scope: 'pilot' | 'production';
  readonly recurrence: 'one-off' | 'monthly' | 'yearly';
  readonly amount: string;
  readonly currency: string;
  readonly startMonth: number;
  readonly endMonth: number | null;
}

const isCostCategory = (c: string): c is CostItem['category'] => COST_CATEGORIES.some((x) => x === c);
const isBenefitCategory = (c: string): c is BenefitItem['category'] => BENEFIT_CATEGORIES.some((x) => x === c);

/** Splits lines into the core's cost model; `index` maps each side's position back to the line's. */
function modelOf(currency: string, lines: readonly (Line & { readonly id: string })[]) {
  const costs: CostItem[] = [];
  const benefits: BenefitItem[] = [];
  const index: { readonly costs: number[]; readonly benefits: number[] } = { costs: [], benefits: [] };
  const wrongSide: number[] = [];
  lines.forEach((l, i) => {
    const base = { id: l.id, label: l.label, scope: l.scope, recurrence: l.recurrence, amount: l.amount, currency: l.currency, startMonth: l.startMonth, endMonth: l.endMonth ?? undefined };
    if (l.side === 'cost' && isCostCategory(l.category)) { costs.push({ ...base, category: l.category }); index.costs.push(i); }
    else if (l.side === 'benefit' && isBenefitCategory(l.category)) { benefits.push({ ...base, category: l.category }); index.benefits.push(i); }
    else wrongSide.push(i);
  });
  return { model: { currency, costs, benefits }, index, wrongSide };
}

/**
 * Every reason the core refuses these items in a model of `currency`, at `pathOf(line, field)`. Items are
 * named by label in the messages; labels need not be unique, so the core's duplicate-id issue is dropped.
 */
function lineProblems(currency: string, lines: readonly Line[], pathOf: (line: number, field: string) => string): FieldError[] {
  const { model, index, wrongSide } = modelOf(currency, lines.map((l) => ({ ...l, id: l.label })));
  const errors: FieldError[] = wrongSide.map((i) => {
    const side = lines[i]?.side ?? 'cost';
    const allowed = side === 'cost' ? COST_CATEGORIES : BENEFIT_CATEGORIES;
    return { path: pathOf(i, 'category'), message: `${side} "${lines[i]?.label ?? ''}" has category "${lines[i]?.category ?? ''}"; use one of ${allowed.join(', ')}` };
  });
  const result = economics(model, { discountRatePerYear: '0' });
  if (result.kind === 'invalid') {
    for (const issue of result.issues) {
      const m = /^(costs|benefits)\[(\d+)\]\.(\w+)$/.exec(issue.path);
      if (!m || m[3] === 'id') continue;
      const line = (m[1] === 'costs' ? index.costs : index.benefits)[Number(m[2])] ?? 0;
      errors.push({ path: pathOf(line, m[3] ?? ''), message: issue.message });
    }
  }
  return errors;
}

function refuse(errors: readonly FieldError[]): HandoffError {
  const shown = errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join('; ');
  return new HandoffError('validation-failed', `${shown}${errors.length > 5 ? `; and ${errors.length - 5} more` : ''}`, errors);
}

/** The core's report over stored rows, at the given horizon and rate (the model's when absent). */
function compute(model: CostModelView, items: readonly CostItemView[], horizonMonths?: number, discountRate?: string): EconomicsResult {
  const lines = items.map((i) => ({
    id: i.id, side: i.side, label: i.label, category: i.category, scope: i.scope, recurrence: i.recurrence, amount: i.amount,
    currency: model.currency, startMonth: i.start_month, endMonth: i.end_month,
  }));
  return economics(modelOf(model.currency, lines).model, {
    horizonMonths: horizonMonths ?? model.horizon_months, discountRatePerYear: discountRate ?? plainDecimal(model.discount_rate),
  });
}

/**
 * What keeps a program's economic readiness unmet, as sentences: `no cost model`, or the pilot-economics
 * flag with the missing production costs (`pilot-economics: no adoption, monitoring costs`). Empty: production economics.
 */
export async function economicGaps(trx: Kysely<DB>, workspaceId: string, programId: string): Promise<string[]> {
  const model = await findCostModel(trx, workspaceId, programId);
  if (!model) return ['no cost model'];
  const result = compute(model, await listActiveCostItems(trx, workspaceId, programId));
  if (result.kind === 'invalid') return [`cost model cannot be computed: ${result.issues.map((i) => i.message).join('; ')}`];
  const basis = result.report.basis;
  return basis.kind === 'pilot-economics' ? [`pilot-economics: no ${basis.missing.join(', ')} costs`] : [];
}

/** Cost models, cost and benefit items, and the economics computed from them (docs/ECONOMICS.md). */
export function createEconomicsService(deps: Deps) {
  const { db } = deps.database;

  async function programOf(trx: Kysely<DB>, actor: Actor, idOrKey: string, lock = false): Promise<ProgramRow> {
    const program = await findProgram(trx, actor.workspaceId, idOrKey, lock);
    if (!program) throw notFound('program', idOrKey);
    return program;
  }

  async function item(trx: Kysely<DB>, actor: Actor, id: string, lock = false): Promise<CostItemView> {
    const row = await findCostItem(trx, actor.workspaceId, id, lock);
    if (!row) throw notFound('cost item', id);
    return row;
  }

  /** The item's stored line with `patch` over it. */
  function lineOf(row: CostItemView, patch: CostItemUpdate = {}): Line {
    return {
      side: row.side, label: patch.label ?? row.label, category: patch.category ?? row.category, scope: patch.scope ?? row.scope,
      recurrence: patch.recurrence ?? row.recurrence, amount: patch.amount ?? plainDecimal(row.amount), currency: row.currency,
      startMonth: patch.startMonth ?? row.start_month, endMonth: patch.endMonth !== undefined ? patch.endMonth : row.end_month,
    };
  }

  return {
    /** Creates the model (created: true) or changes it; refuses a currency change while active items exist. */
    async putModel(actor: Actor, programIdOrKey: string, input: CostModelPut, ifMatch: string | undefined): Promise<{ model: CostModelView; created: boolean }> {
      return inTransaction(db, async (trx) => {
        const program = await programOf(trx, actor, programIdOrKey, true);
        const current = await findCostModel(trx, actor.workspaceId, program.id, true);
        if (current && !versionMatches(ifMatch, current.version)) throw stale('the cost model of', program.key, current.version);
        if (!current && ifMatch !== undefined) {
          throw new HandoffError('precondition-failed', `program ${program.key} has no cost model to match If-Match against; send no If-Match to create it`);
        }
        const next = {
          currency: input.currency,
          horizonMonths: input.horizonMonths ?? current?.horizon_months ?? DEFAULT_HORIZON_MONTHS,
          discountRate: input.discountRate ?? (current ? plainDecimal(current.discount_rate) : DEFAULT_DISCOUNT_RATE),
        };
        const check = economics({ currency: next.currency, costs: [], benefits: [] }, { horizonMonths: next.horizonMonths, discountRatePerYear: next.discountRate });
        if (check.kind === 'invalid') {
          throw refuse(check.issues.map((i) => ({ path: i.path === 'discountRatePerYear' ? 'discountRate' : i.path, message: i.message })));
        }
        const active = current ? await listActiveCostItems(trx, actor.workspaceId, program.id) : [];
        if (current && current.currency !== next.currency && active.length > 0) {
          const message = `cannot change from ${current.currency} while ${active.length} active item(s) are in it; retire them or convert them first`;
          throw new HandoffError('conflict', `currency: ${message}`, [{ path: 'currency', message }]);
        }
        const after = { ...next, discountRate: plainDecimal(next.discountRate) };
        const before: Record<'currency' | 'horizonMonths' | 'discountRate', FieldValue> = current
          ? { currency: current.currency, horizonMonths: current.horizon_months, discountRate: plainDecimal(current.discount_rate) }
          : { currency: null, horizonMonths: null, discountRate: null };
        const changes = diffFields(before, after, ['currency', 'horizonMonths', 'discountRate']).map((c) => ({ ...c, field: `costModel.${c.field}` }));
        // Putting the model as it stands changes nothing: no new version, no history.
        if (current && changes.length === 0) return { model: current, created: false };
        const now = deps.clock.now();
        const values = { currency: after.currency, horizon_months: after.horizonMonths, discount_rate: after.discountRate, updated_at: now };
        if (current) await updateCostModel(trx, program.id, values);
        else await insertCostModel(trx, { ...values, workspace_id: actor.workspaceId, program_id: program.id, created_at: now });
        await appendHistory(trx, { workspaceId: actor.workspaceId, entityType: 'program', entityId: program.id, changeId: deps.newId(), changes, reason: null, actor: actor.label, at: now });
        const model = await findCostModel(trx, actor.workspaceId, program.id);
        if (!model) throw new Error('cost model vanished inside its own transaction');
        return { model, created: current === undefined };
      });
    },

    /** Adds one item or a batch, all or nothing; the program needs a cost model, whose currency every item is in. */
    async addItems(actor: Actor, programIdOrKey: string, body: CostItemsBody): Promise<CostItemView[]> {
      const inputs: readonly CostItemInput[] = 'items' in body ? body.items : [body];
      const pathOf = 'items' in body ? (i: number, field: string) => `items.${i}.${field}` : (_i: number, field: string) => field;
      return inTransaction(db, async (trx) => {
        const program = await programOf(trx, actor, programIdOrKey);
        const model = await findCostModel(trx, actor.workspaceId, program.id, true);
        if (!model) {
          throw new HandoffError('conflict', `program ${program.key} has no cost model; PUT /api/programs/${program.key}/cost-model with its currency first`);
        }
        const errors = lineProblems(model.currency, inputs.map((i) => ({ ...i, currency: i.currency ?? model.currency })), pathOf);
        if (errors.length > 0) throw refuse(errors);
        const now = deps.clock.now();
        const rows = inputs.map((i) => ({
          id: deps.newId(), workspace_id: actor.workspaceId, program_id: program.id, side: i.side, label: i.label, category: i.category,
          scope: i.scope, recurrence: i.recurrence, amount: i.amount, start_month: i.startMonth, end_month: i.endMonth, created_at: now, updated_at: now,
        }));
        await insertCostItems(trx, rows);
        await appendCostItemHistory(trx, rows.map((r) => ({
          workspaceId: actor.workspaceId, itemId: r.id, changeId: deps.newId(), changes: [{ field: 'created', before: null, after: r.label }],
          reason: null, actor: actor.label, at: now,
        })));
        const stored = new Map((await findCostItems(trx, actor.workspaceId, rows.map((r) => r.id))).map((v) => [v.id, v]));
        return rows.flatMap((r) => stored.get(r.id) ?? []);
      });
    },

    async getItem(actor: Actor, id: string): Promise<CostItemView> {
      return item(db, actor, id);
    },

    /** Changes an active item; the merged item is checked as a new one would be, each changed field kept in history. */
    async updateItem(actor: Actor, id: string, patch: CostItemUpdate, ifMatch: string | undefined): Promise<CostItemView> {
      return inTransaction(db, async (trx) => {
        const current = await item(trx, actor, id, true);
        if (!versionMatches(ifMatch, current.version)) throw stale('cost item', id, current.version);
        if (current.retired_at !== null) throw new HandoffError('conflict', `cost item ${id} is retired; add a new item instead`);
        const next = lineOf(current, patch);
        const errors = lineProblems(current.currency, [next], (_i, field) => field);
        if (errors.length > 0) throw refuse(errors);
        const fields = ['label', 'category', 'scope', 'recurrence', 'amount', 'startMonth', 'endMonth'] as const;
        const changes = diffFields(lineOf(current), { ...next, amount: plainDecimal(next.amount) }, fields);
        if (changes.length === 0) return current;
        const now = deps.clock.now();
        await updateCostItem(trx, current.id, {
          label: next.label, category: next.category, scope: next.scope, recurrence: next.recurrence, amount: next.amount,
          start_month: next.startMonth, end_month: next.endMonth, updated_at: now,
        });
        await appendCostItemHistory(trx, [{ workspaceId: actor.workspaceId, itemId: current.id, changeId: deps.newId(), changes, reason: null, actor: actor.label, at: now }]);
        return item(trx, actor, current.id);
      });
    },

    /** Retires an active item with a reason: it stops counting; the row and its history stay. */
    async retireItem(actor: Actor, id: string, reason: string, ifMatch: string | undefined): Promise<CostItemView> {
      return inTransaction(db, async (trx) => {
        const current = await item(trx, actor, id, true);
        if (!versionMatches(ifMatch, current.version)) throw stale('cost item', id, current.version);
        if (current.retired_at !== null) throw new HandoffError('conflict', `cost item ${id} was already retired on ${current.retired_at.toISOString()}`);
        const now = deps.clock.now();
        await updateCostItem(trx, current.id, { retired_at: now, updated_at: now });
        const changes = [{ field: 'retiredAt', before: null, after: now.toISOString() }];
        await appendCostItemHistory(trx, [{ workspaceId: actor.workspaceId, itemId: current.id, changeId: deps.newId(), changes, reason, actor: actor.label, at: now }]);
        return item(trx, actor, current.id);
      });
    },

    /** The program's economics over its active items; `query` may override the horizon and the rate. */
    async report(actor: Actor, programIdOrKey: string, query: EconomicsQuery): Promise<EconomicsDetail> {
      const program = await programOf(db, actor, programIdOrKey);
      const model = await findCostModel(db, actor.workspaceId, program.id);
      if (!model) return { program, model: null, items: [], report: null };
      const items = await listActiveCostItems(db, actor.workspaceId, program.id);
      const result = compute(model, items, query.horizonMonths, query.discountRate);
      if (result.kind === 'invalid') {
        throw refuse(result.issues.map((i) => ({ path: `query.${i.path === 'discountRatePerYear' ? 'discountRate' : i.path}`, message: i.message })));
      }
      return { program, model, items, report: result.report };
    },
  };
}

export type EconomicsService = ReturnType<typeof createEconomicsService>;
