/**
 * Production economics (METHOD.md section 2, economic readiness): total cost of ownership, monthly cash
 * flow, NPV and payback of a program's cost model, the pilot and production scopes side by side, and the
 * **pilot economics** flag when production costs leave out adoption, monitoring, governance or workforce.
 * Months are 0-based from go-live. Money is exact (money.ts). Rules in prose: docs/ECONOMICS.md.
 */
import { AMOUNT_DIGITS, divideHalfEven, formatAmount, formatRounded, integerRoot, isCurrencyCode, parseAmount, parseDecimal } from './money.js';

export * from './money.js';

/** Cost categories; `adoption` includes change management, `workforce` is ongoing support and training. */
export const COST_CATEGORIES = ['compute', 'licences', 'integration', 'adoption', 'monitoring', 'governance', 'workforce', 'other'] as const;
/** One cost category. */
export type CostCategory = (typeof COST_CATEGORIES)[number];

/** Costs a production business case must carry beyond compute and licences; lacking any one is pilot economics. */
export const PRODUCTION_COST_CATEGORIES = ['adoption', 'monitoring', 'governance', 'workforce'] as const satisfies readonly CostCategory[];
/** One of the costs that tell production economics from pilot economics. */
export type ProductionCostCategory = (typeof PRODUCTION_COST_CATEGORIES)[number];

/** Benefit categories. */
export const BENEFIT_CATEGORIES = ['revenue', 'cost-saving', 'risk-reduction', 'other'] as const;
/** One benefit category. */
export type BenefitCategory = (typeof BENEFIT_CATEGORIES)[number];

/** The business case an item belongs to: the pilot's, or the production system's. */
export const ECONOMIC_SCOPES = ['pilot', 'production'] as const;
/** One scope. */
export type EconomicScope = (typeof ECONOMIC_SCOPES)[number];

/** When an item falls due: once in its start month, every month, or every 12th month counting from its start month. */
export const RECURRENCES = ['one-off', 'monthly', 'yearly'] as const;
/** One recurrence. */
export type Recurrence = (typeof RECURRENCES)[number];

/** Horizon when none is given: three years. */
export const DEFAULT_HORIZON_MONTHS = 36;
/** Longest horizon accepted: ten years. */
export const MAX_HORIZON_MONTHS = 120;

// Fixed-point digits of the annual rate and of the discount factors: after 120 monthly steps the factors
// are still exact to about 10^-27, far below a micro-unit of any amount that fits MAX_INTEGER_DIGITS.
const FACTOR_DIGITS = 30;
const FACTOR_ONE = 10n ** BigInt(FACTOR_DIGITS);

/**
 * One cost or benefit line. `amount` is a non-negative decimal string due at each occurrence, in
 * `currency`; `startMonth` defaults to 0 (the go-live month); `endMonth` is the last month it may fall
 * due (inclusive; absent: to the end of the horizon) and is not taken by one-off items.
 */
export interface LineItem<C extends string> {
  readonly id: string;
  readonly label: string;
  readonly category: C;
  readonly scope: EconomicScope;
  readonly recurrence: Recurrence;
  readonly amount: string;
  readonly currency: string;
  readonly startMonth?: number | undefined;
  readonly endMonth?: number | undefined;
}
/** A cost line. */
export type CostItem = LineItem<CostCategory>;
/** A benefit line. */
export type BenefitItem = LineItem<BenefitCategory>;

/** A program's cost model: one currency (no exchange rates), costs and benefits of both scopes. */
export interface CostModel {
  readonly currency: string;
  readonly costs: readonly CostItem[];
  readonly benefits: readonly BenefitItem[];
}

/** `discountRatePerYear` is a decimal fraction from "0" to "1" ("0.08" is 8 % a year). */
export interface EconomicsOptions {
  readonly horizonMonths?: number | undefined;
  readonly discountRatePerYear: string;
}

/** One month of a scope's cash flow; amounts are decimal strings at the currency's minor unit. */
export interface MonthFlow {
  readonly month: number;
  readonly costs: string;
  readonly benefits: string;
  readonly net: string;
  readonly cumulativeNet: string;
}

/** A category's total over the horizon. */
export interface CategoryTotal<C extends string> {
  readonly category: C;
  readonly total: string;
}

/** The economics of one scope over the horizon; every figure is undiscounted except `npv`. */
export interface ScopeEconomics {
  readonly scope: EconomicScope;
  /** Total cost of ownership over the horizon, and per category in COST_CATEGORIES order (zeros included). */
  readonly tco: string;
  readonly tcoByCategory: readonly CategoryTotal<CostCategory>[];
  readonly benefits: string;
  readonly benefitsByCategory: readonly CategoryTotal<BenefitCategory>[];
  /** Benefits minus costs over the horizon. */
  readonly net: string;
  /** Net present value: month t's net discounted by (1 + annual rate)^(-t/12). */
  readonly npv: string;
  /** First month from which the cumulative net stays ≥ 0 to the end of the horizon; null when it ends below 0. */
  readonly paybackMonth: number | null;
  readonly cashFlow: readonly MonthFlow[];
}

/** Whether the production scope is a production business case, or pilot economics missing these costs. */
export type EconomicsBasis =
  | { readonly kind: 'production-economics' }
  | { readonly kind: 'pilot-economics'; readonly missing: readonly ProductionCostCategory[] };

/** The economics of a cost model: pilot and production side by side, and what the pilot's figures leave out. */
export interface EconomicsReport {
  readonly currency: string;
  readonly horizonMonths: number;
  readonly discountRatePerYear: string;
  readonly pilot: ScopeEconomics;
  readonly production: ScopeEconomics;
  /** Economic readiness reads this: pilot economics keeps it unmet. */
  readonly basis: EconomicsBasis;
  /** Cost categories with a production total but none in the pilot, with their production totals. */
  readonly pilotHides: readonly CategoryTotal<CostCategory>[];
}

/** A refused input: the path of the field at fault (`costs[2].amount`) and a sentence naming the item. */
export interface EconomicsIssue {
  readonly path: string;
  readonly message: string;
}

/** The report, or every reason the model or options are refused. */
export type EconomicsResult =
  | { readonly kind: 'ok'; readonly report: EconomicsReport }
  | { readonly kind: 'invalid'; readonly issues: readonly EconomicsIssue[] };

/**
 * Computes the economics of `model` over `horizonMonths` (default 36, 1..120) at `discountRatePerYear`.
 * Pure and exact: sums in micro-units, NPV in fixed point, each reported figure rounded half to even once.
 */
export function economics(model: CostModel, options: EconomicsOptions): EconomicsResult {
  const issues: EconomicsIssue[] = [];
  const horizon = options.horizonMonths ?? DEFAULT_HORIZON_MONTHS;
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON_MONTHS) {
    issues.push({ path: 'horizonMonths', message: `the horizon must be a whole number of months from 1 to ${MAX_HORIZON_MONTHS}, not ${horizon}` });
  }
  const rate = readRate(options.discountRatePerYear, issues);
  if (!isCurrencyCode(model.currency)) issues.push({ path: 'currency', message: `"${model.currency}" is not a currency code such as EUR` });
  const ids = new Set<string>();
  const costs = model.costs.map((item, i) => readItem(item, `costs[${i}]`, 'cost', COST_CATEGORIES, model.currency, ids, issues));
  const benefits = model.benefits.map((item, i) => readItem(item, `benefits[${i}]`, 'benefit', BENEFIT_CATEGORIES, model.currency, ids, issues));
  if (issues.length > 0 || rate === null) return { kind: 'invalid', issues };

  const factors = discountFactors(rate, horizon);
  const costsDue = costs.flatMap((c) => (c ? [due(c, horizon)] : []));
  const benefitsDue = benefits.flatMap((b) => (b ? [due(b, horizon)] : []));
  const pilot = scopeEconomics('pilot', costsDue, benefitsDue, factors, model.currency);
  const production = scopeEconomics('production', costsDue, benefitsDue, factors, model.currency);
  const missing = PRODUCTION_COST_CATEGORIES.filter((c) => (production.totals.get(c) ?? 0n) === 0n);
  const hidden = COST_CATEGORIES.filter((c) => (production.totals.get(c) ?? 0n) > 0n && (pilot.totals.get(c) ?? 0n) === 0n);
  return {
    kind: 'ok',
    report: {
      currency: model.currency,
      horizonMonths: horizon,
      discountRatePerYear: options.discountRatePerYear,
      pilot: pilot.view,
      production: production.view,
      basis: missing.length === 0 ? { kind: 'production-economics' } : { kind: 'pilot-economics', missing },
      pilotHides: hidden.map((category) => ({ category, total: formatAmount(production.totals.get(category) ?? 0n, model.currency) })),
    },
  };
}

/** The annual rate at FACTOR_DIGITS, or null after recording why it is refused. */
function readRate(text: string, issues: EconomicsIssue[]): bigint | null {
  const parsed = parseDecimal(text, FACTOR_DIGITS);
  if (parsed.kind === 'ok' && parsed.value >= 0n && parsed.value <= FACTOR_ONE) return parsed.value;
  const reason = parsed.kind === 'invalid' ? parsed.reason : `"${text}" is outside 0 to 1 (a fraction per year: 0.08 is 8 %)`;
  issues.push({ path: 'discountRatePerYear', message: `the discount rate ${reason}` });
  return null;
}

/** True when `value` is one of `list` (enum fields may come from untyped JSON or a text column). */
function isOneOf(list: readonly string[], value: string): boolean {
  return list.includes(value);
}

/** A valid item: amount in micro-units, first month, and last month (inclusive) or null for "to the horizon". */
interface ReadItem<C extends string> {
  readonly item: LineItem<C>;
  readonly amount: bigint;
  readonly start: number;
  readonly end: number | null;
}

/** Checks one item, recording every problem as an issue naming the item; null when it has any. */
function readItem<C extends string>(
  item: LineItem<C>, path: string, noun: 'cost' | 'benefit', categories: readonly C[], currency: string, ids: Set<string>, issues: EconomicsIssue[],
): ReadItem<C> | null {
  const before = issues.length;
  const refuse = (field: string, message: string): void => void issues.push({ path: `${path}.${field}`, message: `${noun} "${item.id}" ${message}` });
  if (item.id.trim() === '') refuse('id', 'needs an id');
  else if (ids.has(item.id)) refuse('id', 'has the same id as an earlier item');
  ids.add(item.id);
  if (!isOneOf(categories, item.category)) refuse('category', `has category "${item.category}"; use one of ${categories.join(', ')}`);
  if (!isOneOf(ECONOMIC_SCOPES, item.scope)) refuse('scope', `has scope "${item.scope}"; use pilot or production`);
  if (!isOneOf(RECURRENCES, item.recurrence)) refuse('recurrence', `has recurrence "${item.recurrence}"; use ${RECURRENCES.join(', ')}`);
  if (item.currency !== currency) refuse('currency', `is in ${item.currency} but the model is in ${currency}; convert it first (no exchange rates are applied)`);
  const amount = parseAmount(item.amount);
  if (amount.kind === 'invalid') refuse('amount', `has an amount that cannot be read: ${amount.reason}`);
  else if (amount.value < 0n) refuse('amount', `has a negative amount (${item.amount}); record savings as a benefit instead`);
  const start = item.startMonth ?? 0;
  const end = item.endMonth ?? null;
  const isMonth = (m: number): boolean => Number.isSafeInteger(m) && m >= 0;
  if (!isMonth(start)) refuse('startMonth', `starts in month ${start}; months are whole numbers from 0 (go-live)`);
  if (end !== null) {
    if (item.recurrence === 'one-off') refuse('endMonth', 'is one-off: it falls due in its start month and takes no end month');
    else if (!isMonth(end)) refuse('endMonth', `ends in month ${end}; months are whole numbers from 0 (go-live)`);
    else if (end < start) refuse('endMonth', `ends in month ${end}, before it starts (month ${start})`);
  }
  if (issues.length > before || amount.kind === 'invalid') return null;
  return { item, amount: amount.value, start, end };
}

/** What a valid item puts in the horizon: its amount in each month it falls due. */
interface Due {
  readonly scope: EconomicScope;
  readonly category: string;
  readonly amount: bigint;
  readonly months: readonly number[];
}

function due<C extends string>(read: ReadItem<C>, horizon: number): Due {
  const last = Math.min(read.end ?? horizon - 1, horizon - 1);
  const months: number[] = [];
  if (read.item.recurrence === 'one-off') {
    if (read.start <= last) months.push(read.start);
  } else {
    for (let m = read.start, step = read.item.recurrence === 'yearly' ? 12 : 1; m <= last; m += step) months.push(m);
  }
  return { scope: read.item.scope, category: read.item.category, amount: read.amount, months };
}

/** factors[t] = (1 + r)^(-t/12) at FACTOR_DIGITS: monthly compounding equivalent to the annual rate r. */
function discountFactors(rate: bigint, horizon: number): bigint[] {
  const growth = integerRoot((FACTOR_ONE + rate) * FACTOR_ONE ** 11n, 12);
  const step = divideHalfEven(FACTOR_ONE * FACTOR_ONE, growth);
  const factors: bigint[] = [];
  for (let t = 0, f = FACTOR_ONE; t < horizon; t++, f = divideHalfEven(f * step, FACTOR_ONE)) factors.push(f);
  return factors;
}

/** One scope's report, with its exact cost totals per category (for the flag and what the pilot hides). */
function scopeEconomics(
  scope: EconomicScope, costs: readonly Due[], benefits: readonly Due[], factors: readonly bigint[], currency: string,
): { readonly totals: ReadonlyMap<string, bigint>; readonly view: ScopeEconomics } {
  const cost = tally(scope, costs, factors.length);
  const gain = tally(scope, benefits, factors.length);
  const money = (value: bigint): string => formatAmount(value, currency);
  const cashFlow: MonthFlow[] = [];
  let cumulative = 0n;
  let present = 0n;
  let payback: number | null = null;
  for (const [month, factor] of factors.entries()) {
    const out = cost.byMonth[month] ?? 0n;
    const net = (gain.byMonth[month] ?? 0n) - out;
    cumulative += net;
    present += net * factor;
    // Payback is where the cumulative net last turns (or stays) non-negative: a later dip below 0 cancels it.
    if (cumulative < 0n) payback = null;
    else payback ??= month;
    cashFlow.push({ month, costs: money(out), benefits: money(net + out), net: money(net), cumulativeNet: money(cumulative) });
  }
  const byCategory = <C extends string>(categories: readonly C[], totals: ReadonlyMap<string, bigint>): CategoryTotal<C>[] =>
    categories.map((category) => ({ category, total: money(totals.get(category) ?? 0n) }));
  return {
    totals: cost.totals,
    view: {
      scope,
      tco: money(cost.total),
      tcoByCategory: byCategory(COST_CATEGORIES, cost.totals),
      benefits: money(gain.total),
      benefitsByCategory: byCategory(BENEFIT_CATEGORIES, gain.totals),
      net: money(gain.total - cost.total),
      npv: formatRounded(present, AMOUNT_DIGITS + FACTOR_DIGITS, currency),
      paybackMonth: payback,
      cashFlow,
    },
  };
}

/** Exact sums of one scope's items in micro-units: per month, per category and in total. */
function tally(scope: EconomicScope, items: readonly Due[], horizon: number): { byMonth: bigint[]; totals: Map<string, bigint>; total: bigint } {
  const byMonth = Array.from({ length: horizon }, () => 0n);
  const totals = new Map<string, bigint>();
  let total = 0n;
  for (const item of items.filter((i) => i.scope === scope)) {
    for (const month of item.months) byMonth[month] = (byMonth[month] ?? 0n) + item.amount;
    const sum = item.amount * BigInt(item.months.length);
    totals.set(item.category, (totals.get(item.category) ?? 0n) + sum);
    total += sum;
  }
  return { byMonth, totals, total };
}
