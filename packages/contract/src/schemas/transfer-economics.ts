import { z } from '@hono/zod-openapi';
import {
  BENEFIT_CATEGORIES, COST_CATEGORIES, ECONOMIC_SCOPES, MAX_HORIZON_MONTHS, RECURRENCES, isCurrencyCode, parseAmount, parseDecimal,
} from '@handoff/core';
import { CalendarDate, Id, Timestamp, Version } from './common.js';
import { Phase } from './programs.js';

/**
 * Plan and economics rows of the transfer document (format version 3): each program's planned date per
 * gate, its cost model and every cost item, retired ones included. Money and rates are carried exactly as
 * the numeric columns return them (decimal strings at the column's scale, e.g. "12500.000000"), so a
 * restore stores the same numbers and exports the same bytes. Bounds are those of 0009_plans_economics.sql:
 * a value the column would reject or round is refused here, naming the field.
 */

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const nonEmpty = (max: number) => text(max).min(1, 'must not be empty');

/** Digits after the point of cost_models.discount_rate (numeric(31, 30)). */
const RATE_DIGITS = 30;
const RATE_ONE = 10n ** BigInt(RATE_DIGITS);

/** An amount of cost_items.amount (numeric(21, 6)): a non-negative plain decimal the column stores without rounding. */
export const TransferAmount = z.string().max(64, 'must be at most 64 characters').superRefine((value, ctx) => {
  const parsed = parseAmount(value);
  if (parsed.kind === 'invalid') ctx.addIssue({ code: 'custom', message: parsed.reason });
  else if (parsed.value < 0n) ctx.addIssue({ code: 'custom', message: 'must not be negative' });
}).openapi({ description: 'Plain decimal as stored, e.g. "12500.000000".', example: '12500.000000' });

/** A discount rate of cost_models.discount_rate: a plain decimal from 0 to 1 with at most 30 decimals. */
export const TransferDiscountRate = z.string().max(64, 'must be at most 64 characters').superRefine((value, ctx) => {
  const parsed = parseDecimal(value, RATE_DIGITS);
  if (parsed.kind === 'invalid') ctx.addIssue({ code: 'custom', message: parsed.reason });
  else if (parsed.value < 0n || parsed.value > RATE_ONE) ctx.addIssue({ code: 'custom', message: 'must be from 0 to 1' });
}).openapi({ description: 'Annual rate as a fraction, as stored, e.g. "0.080000000000000000000000000000".' });

/** A month of cost_items (an integer column, 0 = go-live). */
const Month = z.number().int().min(0).max(2_147_483_647);

/** One planned gate date of one program. */
export const TransferGatePlan = z
  .strictObject({ programId: Id, gate: Phase, plannedDate: CalendarDate, updatedAt: Timestamp })
  .openapi('TransferGatePlan');
export type TransferGatePlan = z.infer<typeof TransferGatePlan>;

/** A program's cost model (at most one per program). */
export const TransferCostModel = z
  .strictObject({
    programId: Id,
    currency: z.string().max(3, { message: 'must be a currency code of three capital letters such as GBP', abort: true }).refine(isCurrencyCode, { message: 'must be a currency code of three capital letters such as GBP' }),
    horizonMonths: z.number().int().min(1).max(MAX_HORIZON_MONTHS),
    discountRate: TransferDiscountRate,
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Version,
  })
  .openapi('TransferCostModel');
export type TransferCostModel = z.infer<typeof TransferCostModel>;

/** The categories of each side; an item's category must be one of its side's (checked with the references). */
export const TRANSFER_CATEGORIES_BY_SIDE: Readonly<Record<'cost' | 'benefit', readonly string[]>> = {
  cost: COST_CATEGORIES,
  benefit: BENEFIT_CATEGORIES,
};

/** A cost or benefit line of a program's cost model; retired items are carried too (history refers to them). */
export const TransferCostItem = z
  .strictObject({
    id: Id,
    programId: Id.openapi({ description: 'The program whose cost model the item belongs to.' }),
    side: z.enum(['cost', 'benefit']),
    label: nonEmpty(200),
    category: z.enum([...new Set<string>([...COST_CATEGORIES, ...BENEFIT_CATEGORIES])]),
    scope: z.enum(ECONOMIC_SCOPES),
    recurrence: z.enum(RECURRENCES),
    amount: TransferAmount,
    startMonth: Month,
    endMonth: Month.nullable(),
    retiredAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Version,
  })
  .openapi('TransferCostItem');
export type TransferCostItem = z.infer<typeof TransferCostItem>;
