import { z } from '@hono/zod-openapi';
import {
  BENEFIT_CATEGORIES, COST_CATEGORIES, ECONOMIC_SCOPES, MAX_HORIZON_MONTHS, PRODUCTION_COST_CATEGORIES, RECURRENCES, isCurrencyCode,
} from '@handoff/core';
import { Id, QueryFlag, Version, requiredText } from './common.js';

/** Most items one POST may carry (all stored, or none). */
export const MAX_COST_ITEMS_PER_REQUEST = 1_000;

// Money and rates travel as decimal strings and are read exactly by the core (docs/ECONOMICS.md), which
// names what is wrong with them; the contract only bounds their length.
const DecimalText = z.string().max(64, 'must be at most 64 characters');

export const Currency = z
  .string()
  .max(3, { message: 'must be a currency code of three capital letters such as GBP', abort: true })
  .refine(isCurrencyCode, { message: 'must be a currency code of three capital letters such as GBP' })
  .openapi('Currency', { example: 'GBP' });

export const EconomicScope = z.enum(ECONOMIC_SCOPES).openapi('EconomicScope', { description: '`pilot`: the business case as the pilot tells it; `production`: the system as it will run.' });
export const Recurrence = z.enum(RECURRENCES).openapi('Recurrence', { description: '`one-off` in its start month, `monthly`, or `yearly` (the full amount every 12th month from its start month).' });
export const CostSide = z.enum(['cost', 'benefit']).openapi('CostSide');

const ItemCategory = z.enum([...new Set<string>([...COST_CATEGORIES, ...BENEFIT_CATEGORIES])]).openapi({
  description: `Costs: ${COST_CATEGORIES.join(', ')}. Benefits: ${BENEFIT_CATEGORIES.join(', ')}.`,
  example: 'compute',
});

const Month = z.number().int().min(0, 'must be a whole month from 0 (go-live)').max(1_200, 'must be at most 1200');

export const CostModelPut = z
  .strictObject({
    currency: Currency,
    horizonMonths: z.number().int().openapi({ description: `Months the figures cover, 1 to ${MAX_HORIZON_MONTHS}; default 36, kept when omitted on a change.`, example: 36 }).optional(),
    discountRate: DecimalText.openapi({ description: 'Annual discount rate as a decimal fraction, "0" to "1" ("0.08" is 8 %); default "0.08", kept when omitted on a change.', example: '0.08' }).optional(),
  })
  .openapi('CostModelPut');
export type CostModelPut = z.infer<typeof CostModelPut>;

export const CostModel = z
  .object({
    programId: Id,
    programKey: z.string(),
    currency: z.string(),
    horizonMonths: z.number().int(),
    discountRate: z.string().openapi({ example: '0.08' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: Version,
  })
  .openapi('CostModel');
export type CostModel = z.infer<typeof CostModel>;

export const CostItemInput = z
  .strictObject({
    side: CostSide,
    label: requiredText(200).openapi({ example: 'GPU inference (production)' }),
    category: ItemCategory,
    scope: EconomicScope,
    recurrence: Recurrence,
    amount: DecimalText.openapi({ description: 'Due at each occurrence: a non-negative plain decimal, at most 6 decimals ("12500.00").', example: '12500.00' }),
    currency: Currency.optional().openapi({ description: "Checked against the model's currency (no exchange rates); omitted: the model's." }),
    startMonth: Month.default(0).openapi({ description: '0-based month from go-live.' }),
    endMonth: Month.nullable().default(null).openapi({ description: 'Last month it may fall due (inclusive); null: to the horizon. Not for one-off items.' }),
  })
  .openapi('CostItemInput');
export type CostItemInput = z.infer<typeof CostItemInput>;

export const CostItemBatch = z
  .strictObject({ items: z.array(CostItemInput).min(1).max(MAX_COST_ITEMS_PER_REQUEST, `must hold at most ${MAX_COST_ITEMS_PER_REQUEST} items`) })
  .openapi('CostItemBatch');
export type CostItemBatch = z.infer<typeof CostItemBatch>;

/** One item, or a batch of them (all stored, or none). */
export const CostItemsBody = z.union([CostItemBatch, CostItemInput]).openapi('CostItemsBody');
export type CostItemsBody = z.infer<typeof CostItemsBody>;

export const CostItemUpdate = z
  .strictObject({
    label: CostItemInput.shape.label,
    category: ItemCategory,
    scope: EconomicScope,
    recurrence: Recurrence,
    amount: CostItemInput.shape.amount,
    startMonth: Month,
    endMonth: Month.nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'must change at least one field' })
  .openapi('CostItemUpdate');
export type CostItemUpdate = z.infer<typeof CostItemUpdate>;

export const CostItemRetire = z
  .strictObject({ reason: requiredText(2000).openapi({ description: 'Why it no longer counts; kept in history.' }) })
  .openapi('CostItemRetire');
export type CostItemRetire = z.infer<typeof CostItemRetire>;

export const CostItemParams = z.object({ id: Id.openapi({ param: { name: 'id', in: 'path' } }) });

export const CostItem = z
  .object({
    id: Id,
    programId: Id,
    programKey: z.string(),
    side: CostSide,
    label: z.string(),
    category: z.string(),
    scope: EconomicScope,
    recurrence: Recurrence,
    amount: z.string().openapi({ description: "At the currency's minor unit, or more decimals when it was given with more." }),
    currency: z.string(),
    startMonth: z.number().int(),
    endMonth: z.number().int().nullable(),
    retiredAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: Version,
  })
  .openapi('CostItem');
export type CostItem = z.infer<typeof CostItem>;

export const CostItemList = z.object({ items: z.array(CostItem) }).openapi('CostItemList');
export type CostItemList = z.infer<typeof CostItemList>;

export const EconomicsQuery = z.object({
  horizonMonths: z.coerce.number().int().optional().openapi({ description: "Overrides the model's horizon, 1 to 120 months." }),
  discountRate: z.string().max(64).optional().openapi({ description: "Overrides the model's annual discount rate (decimal fraction)." }),
  cashFlow: QueryFlag.optional().openapi({ type: 'string', enum: ['true', 'false'], description: 'Include the monthly cash flow of each scope.' }),
});
export type EconomicsQuery = z.infer<typeof EconomicsQuery>;

const CategoryTotal = z.object({ category: z.string(), total: z.string() }).openapi('CategoryTotal');

export const MonthFlow = z
  .object({ month: z.number().int(), costs: z.string(), benefits: z.string(), net: z.string(), cumulativeNet: z.string() })
  .openapi('MonthFlow');

export const ScopeEconomics = z
  .object({
    tco: z.string().openapi({ description: 'Total cost of ownership over the horizon, undiscounted.' }),
    tcoByCategory: z.array(CategoryTotal).openapi({ description: 'Every cost category, zeros included, in a fixed order.' }),
    benefits: z.string(),
    benefitsByCategory: z.array(CategoryTotal),
    net: z.string().openapi({ description: 'Benefits minus costs over the horizon, undiscounted.' }),
    npv: z.string().openapi({ description: 'Net present value: month t discounted by (1 + rate)^(-t/12).' }),
    paybackMonth: z.number().int().nullable().openapi({ description: 'First month from which the cumulative net stays ≥ 0; null when it ends below 0.' }),
    cashFlow: z.array(MonthFlow).optional().openapi({ description: 'Only with `?cashFlow=true`.' }),
  })
  .openapi('ScopeEconomics');
export type ScopeEconomics = z.infer<typeof ScopeEconomics>;

export const EconomicsBasis = z
  .enum(['production-economics', 'pilot-economics', 'no-cost-model'])
  .openapi('EconomicsBasis', {
    description: `\`pilot-economics\`: the production costs lack one of ${PRODUCTION_COST_CATEGORIES.join(', ')}; it and \`no-cost-model\` keep economic readiness unmet.`,
  });

export const Economics = z
  .object({
    programId: Id,
    programKey: z.string(),
    model: CostModel.nullable().openapi({ description: 'Null when the program has no cost model yet.' }),
    basis: EconomicsBasis,
    missing: z.array(z.string()).openapi({ description: 'For pilot economics, the missing cost categories; for no cost model, `cost-model`.' }),
    summary: z.string().openapi({ description: 'The basis in one sentence, saying what is missing.' }),
    horizonMonths: z.number().int().nullable().openapi({ description: 'The horizon the figures use (the query’s or the model’s).' }),
    discountRate: z.string().nullable(),
    currency: z.string().nullable(),
    pilot: ScopeEconomics.nullable(),
    production: ScopeEconomics.nullable(),
    pilotHides: z.array(CategoryTotal).openapi({ description: 'Cost categories with a production total but none in the pilot.' }),
    items: z.array(CostItem).openapi({ description: 'The active items the figures come from.' }),
  })
  .openapi('Economics');
export type Economics = z.infer<typeof Economics>;
