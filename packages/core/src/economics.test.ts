import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COST_CATEGORIES, PRODUCTION_COST_CATEGORIES, economics,
  type BenefitItem, type CostCategory, type CostItem, type CostModel, type EconomicsOptions, type EconomicsReport, type EconomicsResult,
} from './economics.js';
import { parseAmount } from './money.js';

let counter = 0;
/** A production cost in EUR, monthly from go-live unless overridden. */
function cost(category: CostCategory, amount: string, extra: Partial<CostItem> = {}): CostItem {
  counter += 1;
  return { id: `c${counter}`, label: category, category, scope: 'production', recurrence: 'monthly', amount, currency: 'EUR', ...extra };
}
/** A production benefit in EUR, monthly from go-live unless overridden. */
function benefit(amount: string, extra: Partial<BenefitItem> = {}): BenefitItem {
  counter += 1;
  return { id: `b${counter}`, label: 'saving', category: 'cost-saving', scope: 'production', recurrence: 'monthly', amount, currency: 'EUR', ...extra };
}

function model(costs: CostItem[], benefits: BenefitItem[] = []): CostModel {
  return { currency: 'EUR', costs, benefits };
}

/** The report of a valid model (fails the test otherwise, showing the issues). */
function report(m: CostModel, options: EconomicsOptions = { discountRatePerYear: '0' }): EconomicsReport {
  const result = economics(m, options);
  if (result.kind === 'invalid') expect.fail(JSON.stringify(result.issues));
  return result.report;
}

/** Micro-units of a reported amount, for ordering comparisons. */
function value(text: string): bigint {
  const parsed = parseAmount(text);
  if (parsed.kind === 'invalid') throw new Error(parsed.reason);
  return parsed.value;
}

const ALL_PRODUCTION_COSTS = PRODUCTION_COST_CATEGORIES.map((c) => cost(c, '100.00'));

describe('economics: hand-computed examples', () => {
  it('computes TCO, cash flow, NPV at 0 % and payback of a one-year production case', () => {
    // Month 0: integration 12,000 + compute 1,000, no benefit yet → net −13,000.
    // Months 1–11: saving 4,000 − compute 1,000 → +3,000 each.
    // Cumulative: −13,000, −10,000, −7,000, −4,000, −1,000, +2,000 (month 5) … +20,000 (month 11) → payback month 5.
    // TCO = 12,000 + 12 × 1,000 = 24,000; benefits = 11 × 4,000 = 44,000; NPV at 0 % = net = 20,000.
    const r = report(model([cost('integration', '12000.00', { recurrence: 'one-off' }), cost('compute', '1000.00')], [benefit('4000.00', { startMonth: 1 })]), {
      horizonMonths: 12, discountRatePerYear: '0',
    });
    const p = r.production;
    expect([p.tco, p.benefits, p.net, p.npv, p.paybackMonth]).toEqual(['24000.00', '44000.00', '20000.00', '20000.00', 5]);
    expect(p.tcoByCategory.find((c) => c.category === 'integration')?.total).toBe('12000.00');
    expect(p.tcoByCategory.map((c) => c.category)).toEqual([...COST_CATEGORIES]);
    expect(p.cashFlow).toHaveLength(12);
    expect(p.cashFlow[0]).toEqual({ month: 0, costs: '13000.00', benefits: '0.00', net: '-13000.00', cumulativeNet: '-13000.00' });
    expect(p.cashFlow[5]).toEqual({ month: 5, costs: '1000.00', benefits: '4000.00', net: '3000.00', cumulativeNet: '2000.00' });
    expect(r.pilot.tco).toBe('0.00');
  });

  it('discounts monthly from the annual rate: 1.01^12 − 1 a year is exactly 1 % a month', () => {
    // Rate r = 1.01^12 − 1 = 0.126825030131969720661201, so month t is discounted by 1.01^−t.
    // NPV = −1000 + 606.00 / 1.01 + 612.06 / 1.0201 = −1000 + 600 + 600 = 200.00.
    // Cumulative: −1000, −394.00, +218.06 → payback month 2; undiscounted net 218.06.
    const r = report(model([cost('integration', '1000.00', { recurrence: 'one-off' })], [
      benefit('606.00', { recurrence: 'one-off', startMonth: 1 }),
      benefit('612.06', { recurrence: 'one-off', startMonth: 2 }),
    ]), { horizonMonths: 3, discountRatePerYear: '0.126825030131969720661201' });
    expect([r.production.npv, r.production.net, r.production.paybackMonth]).toEqual(['200.00', '218.06', 2]);
  });

  it('compounds twelve monthly steps back to the annual rate', () => {
    // A yearly benefit of 1,000 first due in month 12, at 8 % a year: 1000 / 1.08 = 925.9259… → 925.93.
    const r = report(model([], [benefit('1000.00', { recurrence: 'yearly', startMonth: 12 })]), { horizonMonths: 13, discountRatePerYear: '0.08' });
    expect(r.production.npv).toBe('925.93');
  });

  it('charges a yearly item in full every twelfth month from its start, within its end month', () => {
    // Due in months 2, 14, 26 (38 is past endMonth 30) → 3 × 500 = 1,500 over 36 months.
    const r = report(model([cost('licences', '500.00', { recurrence: 'yearly', startMonth: 2, endMonth: 30 })]));
    expect(r.production.tco).toBe('1500.00');
    expect(r.production.cashFlow.filter((m) => m.costs !== '0.00').map((m) => m.month)).toEqual([2, 14, 26]);
  });

  it('stops a monthly item at its end month, inclusive, and ignores what falls past the horizon', () => {
    const r = report(model([cost('compute', '10.00', { startMonth: 3, endMonth: 5 }), cost('other', '99.00', { recurrence: 'one-off', startMonth: 36 })]));
    expect(r.horizonMonths).toBe(36);
    expect(r.production.tco).toBe('30.00');
  });

  it('reports no payback when the cumulative net ends below zero, and a later one when it dips again', () => {
    const never = report(model([cost('compute', '100.00')], [benefit('99.99')]), { horizonMonths: 24, discountRatePerYear: '0' });
    expect(never.production.paybackMonth).toBeNull();
    // Cumulative: +50 (m0), +100 (m1), −450 (m2, a renewal of 550), +100 (m3) → payback month 3, not 0.
    const dip = report(model([cost('licences', '550.00', { recurrence: 'one-off', startMonth: 2 })], [benefit('50.00', { endMonth: 1 }), benefit('550.00', { recurrence: 'one-off', startMonth: 3 })]), {
      horizonMonths: 4, discountRatePerYear: '0',
    });
    expect(dip.production.cashFlow.map((m) => m.cumulativeNet)).toEqual(['50.00', '100.00', '-450.00', '100.00']);
    expect(dip.production.paybackMonth).toBe(3);
  });

  it('keeps pilot and production side by side, and shows what the pilot hides', () => {
    const pilot = (c: CostCategory, amount: string): CostItem => cost(c, amount, { scope: 'pilot' });
    const r = report(model([pilot('compute', '200.00'), pilot('licences', '100.00'), cost('compute', '900.00'), cost('licences', '400.00'), cost('adoption', '300.00'), cost('monitoring', '50.00')]), {
      horizonMonths: 10, discountRatePerYear: '0',
    });
    expect([r.pilot.tco, r.production.tco]).toEqual(['3000.00', '16500.00']);
    expect(r.pilotHides).toEqual([{ category: 'adoption', total: '3000.00' }, { category: 'monitoring', total: '500.00' }]);
  });
});

describe('economics: the pilot-economics flag', () => {
  it('calls a production case with adoption, monitoring, governance and workforce costs production economics', () => {
    expect(report(model([cost('compute', '10.00'), ...ALL_PRODUCTION_COSTS])).basis).toEqual({ kind: 'production-economics' });
  });

  it.each(PRODUCTION_COST_CATEGORIES.map((c) => [c]))('flags pilot economics when production has no %s cost', (missing) => {
    const costs = PRODUCTION_COST_CATEGORIES.filter((c) => c !== missing).map((c) => cost(c, '100.00'));
    expect(report(model([cost('compute', '10.00'), ...costs])).basis).toEqual({ kind: 'pilot-economics', missing: [missing] });
  });

  it.each([
    ['compute and licences only', [cost('compute', '10.00'), cost('licences', '5.00')], [...PRODUCTION_COST_CATEGORIES]],
    ['no costs at all', [], [...PRODUCTION_COST_CATEGORIES]],
    ['adoption costed at zero', [cost('adoption', '0.00'), ...ALL_PRODUCTION_COSTS.slice(1)], ['adoption']],
    ['governance costed in the pilot only', [cost('governance', '10.00', { scope: 'pilot' }), ...ALL_PRODUCTION_COSTS.filter((c) => c.category !== 'governance')], ['governance']],
    ['workforce support starting after the horizon', [cost('workforce', '10.00', { startMonth: 40 }), ...ALL_PRODUCTION_COSTS.slice(0, 3)], ['workforce']],
  ])('flags pilot economics for %s, listing what is missing', (_case, costs, missing) => {
    expect(report(model(costs)).basis).toEqual({ kind: 'pilot-economics', missing });
  });
});

describe('economics: exact money', () => {
  it('totals 0.10 a month over three months to exactly 0.30', () => {
    expect(report(model([cost('compute', '0.10')]), { horizonMonths: 3, discountRatePerYear: '0' }).production.tco).toBe('0.30');
  });

  it('sums 10,000 items of 0.10 to exactly 1000.00 (floats give 1000.0000000001588)', () => {
    const costs = Array.from({ length: 10_000 }, (_, i) => cost('compute', '0.10', { id: `x${i}`, recurrence: 'one-off' }));
    expect(report(model(costs)).production.tco).toBe('1000.00');
  });

  it('rounds once at the end, not inside the sums: three items of 0.005 total 0.02', () => {
    // Rounded one by one, 0.005 → 0.00 (half to even) and the total would be 0.00; exact, 0.015 → 0.02.
    const r = report(model([0, 1, 2].map(() => cost('other', '0.005', { recurrence: 'one-off' }))));
    expect(r.production.tco).toBe('0.02');
  });

  it('reports in the minor unit of the model currency', () => {
    const yen: CostModel = { currency: 'JPY', costs: [{ ...cost('compute', '1000.5'), currency: 'JPY' }], benefits: [] };
    expect(report(yen, { horizonMonths: 1, discountRatePerYear: '0' }).production.tco).toBe('1000');
  });
});

/** Issues of an invalid result, as [path, message] pairs. */
function issues(result: EconomicsResult): [string, string][] {
  return result.kind === 'invalid' ? result.issues.map((i) => [i.path, i.message]) : [];
}

describe('economics: refused input', () => {
  it('refuses an item in another currency, naming it, rather than converting', () => {
    const result = economics(model([cost('compute', '10.00', { id: 'gpu', currency: 'USD' })]), { discountRatePerYear: '0.05' });
    expect(issues(result)).toEqual([['costs[0].currency', 'cost "gpu" is in USD but the model is in EUR; convert it first (no exchange rates are applied)']]);
  });

  it.each([
    ['a negative amount', cost('compute', '-5.00', { id: 'x' }), 'costs[0].amount', 'cost "x" has a negative amount (-5.00); record savings as a benefit instead'],
    ['an amount in exponent form', cost('compute', '1e3', { id: 'x' }), 'costs[0].amount', 'cost "x" has an amount that cannot be read: "1e3" is not a plain decimal number such as 1250.50'],
    ['an end before the start', cost('compute', '1.00', { id: 'x', startMonth: 5, endMonth: 4 }), 'costs[0].endMonth', 'cost "x" ends in month 4, before it starts (month 5)'],
    ['a negative start month', cost('compute', '1.00', { id: 'x', startMonth: -1 }), 'costs[0].startMonth', 'cost "x" starts in month -1; months are whole numbers from 0 (go-live)'],
    ['a fractional start month', cost('compute', '1.00', { id: 'x', startMonth: 1.5 }), 'costs[0].startMonth', 'cost "x" starts in month 1.5; months are whole numbers from 0 (go-live)'],
    ['a fractional end month', cost('compute', '1.00', { id: 'x', endMonth: 2.5 }), 'costs[0].endMonth', 'cost "x" ends in month 2.5; months are whole numbers from 0 (go-live)'],
    // The cast forges what a bad JSON body or text column could hold; the types alone cannot stop it at run time.
    ['an unknown category from untyped input', { ...cost('compute', '1.00', { id: 'x' }), category: 'travel' as CostCategory }, 'costs[0].category', 'cost "x" has category "travel"; use one of compute, licences, integration, adoption, monitoring, governance, workforce, other'],
    ['an end month on a one-off', cost('compute', '1.00', { id: 'x', recurrence: 'one-off', endMonth: 3 }), 'costs[0].endMonth', 'cost "x" is one-off: it falls due in its start month and takes no end month'],
    ['an empty id', cost('compute', '1.00', { id: ' ' }), 'costs[0].id', 'cost " " needs an id'],
  ])('refuses %s, naming the item and field', (_case, item, path, message) => {
    expect(issues(economics(model([item]), { discountRatePerYear: '0' }))).toEqual([[path, message]]);
  });

  it('refuses ids used twice across costs and benefits', () => {
    const result = economics(model([cost('compute', '1.00', { id: 'a' })], [benefit('1.00', { id: 'a' })]), { discountRatePerYear: '0' });
    expect(issues(result)).toEqual([['benefits[0].id', 'benefit "a" has the same id as an earlier item']]);
  });

  it.each([
    [{ horizonMonths: 0, discountRatePerYear: '0' }, 'horizonMonths', 'the horizon must be a whole number of months from 1 to 120, not 0'],
    [{ horizonMonths: 121, discountRatePerYear: '0' }, 'horizonMonths', 'the horizon must be a whole number of months from 1 to 120, not 121'],
    [{ horizonMonths: 12.5, discountRatePerYear: '0' }, 'horizonMonths', 'the horizon must be a whole number of months from 1 to 120, not 12.5'],
    [{ discountRatePerYear: '-0.01' }, 'discountRatePerYear', 'the discount rate "-0.01" is outside 0 to 1 (a fraction per year: 0.08 is 8 %)'],
    [{ discountRatePerYear: '1.5' }, 'discountRatePerYear', 'the discount rate "1.5" is outside 0 to 1 (a fraction per year: 0.08 is 8 %)'],
    [{ discountRatePerYear: '8%' }, 'discountRatePerYear', 'the discount rate "8%" is not a plain decimal number such as 1250.50'],
  ])('refuses the options %j', (options, path, message) => {
    expect(issues(economics(model([]), options))).toEqual([[path, message]]);
  });

  it('collects every problem at once, and refuses a malformed model currency', () => {
    const result = economics({ currency: 'euro', costs: [cost('compute', 'x', { id: 'a' })], benefits: [] }, { horizonMonths: 0, discountRatePerYear: '2' });
    expect(issues(result).map(([path]) => path)).toEqual(['horizonMonths', 'discountRatePerYear', 'currency', 'costs[0].currency', 'costs[0].amount']);
  });

  it('accepts the bounds: a 1-month and a 120-month horizon, rates 0 and 1', () => {
    expect(report(model([]), { horizonMonths: 1, discountRatePerYear: '1' }).production.cashFlow).toHaveLength(1);
    expect(report(model([]), { horizonMonths: 120, discountRatePerYear: '0' }).production.cashFlow).toHaveLength(120);
  });
});

// Random models: EUR amounts in cents, both scopes, every category and recurrence.
const amount = fc.integer({ min: 0, max: 5_000_000 }).map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`);
const timing = fc.record({ recurrence: fc.constantFrom('one-off' as const, 'monthly' as const, 'yearly' as const), startMonth: fc.integer({ min: 0, max: 40 }), span: fc.option(fc.integer({ min: 0, max: 30 })) });
const costItem = fc.record({ category: fc.constantFrom(...COST_CATEGORIES), scope: fc.constantFrom('pilot' as const, 'production' as const), amount, timing }).map(
  ({ category, scope, amount: a, timing: t }): CostItem => cost(category, a, {
    scope, recurrence: t.recurrence, startMonth: t.startMonth, endMonth: t.recurrence === 'one-off' || t.span === null ? undefined : t.startMonth + t.span,
  }),
);
const benefitItem = fc.record({ amount, startMonth: fc.integer({ min: 0, max: 40 }), scope: fc.constantFrom('pilot' as const, 'production' as const) }).map(
  ({ amount: a, startMonth, scope }) => benefit(a, { startMonth, scope }),
);
const randomModel = fc.record({ costs: fc.array(costItem, { maxLength: 8 }), benefits: fc.array(benefitItem, { maxLength: 4 }) }).map(({ costs, benefits }) => model(costs, benefits));
const options = fc.record({ horizonMonths: fc.integer({ min: 1, max: 48 }), discountRatePerYear: fc.constantFrom('0', '0.05', '0.1', '1') });

describe('economics: properties', () => {
  it('never lowers TCO when a cost is added', () => {
    fc.assert(fc.property(randomModel, costItem, options, (m, extra, o) => {
      const before = report(m, o);
      const after = report({ ...m, costs: [...m.costs, extra] }, o);
      expect(value(after.pilot.tco) >= value(before.pilot.tco)).toBe(true);
      expect(value(after.production.tco) >= value(before.production.tco)).toBe(true);
    }));
  });

  it('gives an NPV equal to the undiscounted net at a rate of 0', () => {
    fc.assert(fc.property(randomModel, fc.integer({ min: 1, max: 120 }), (m, horizonMonths) => {
      const r = report(m, { horizonMonths, discountRatePerYear: '0' });
      expect(r.pilot.npv).toBe(r.pilot.net);
      expect(r.production.npv).toBe(r.production.net);
    }));
  });

  it('moves the payback month later, or loses it, when a cost is added', () => {
    fc.assert(fc.property(randomModel, costItem, options, (m, extra, o) => {
      const before = report(m, o);
      const after = report({ ...m, costs: [...m.costs, extra] }, o);
      for (const scope of ['pilot', 'production'] as const) {
        const [b, a] = [before[scope].paybackMonth, after[scope].paybackMonth];
        if (a !== null) expect(b !== null && a >= b).toBe(true);
      }
    }));
  });

  it('never raises NPV when a cost is added, at any rate', () => {
    fc.assert(fc.property(randomModel, costItem, options, (m, extra, o) => {
      expect(value(report({ ...m, costs: [...m.costs, extra] }, o).production.npv) <= value(report(m, o).production.npv)).toBe(true);
    }));
  });
});
