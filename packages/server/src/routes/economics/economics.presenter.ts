import type { CostItem, CostModel, Economics, ScopeEconomics } from '@handoff/contract';
import { minorUnits, type ScopeEconomics as CoreScope } from '@handoff/core';
import type { CostItemView, CostModelView } from '../../db/repos/cost-models.repo.js';
import { plainDecimal, type EconomicsDetail } from '../../services/economics.service.js';

/** A stored amount ("12500.000000") at the currency's minor unit ("12500.00"), keeping any finer decimals given. */
function amountText(stored: string, currency: string): string {
  const plain = plainDecimal(stored);
  const digits = minorUnits(currency);
  const [whole = '0', fraction = ''] = plain.split('.');
  const padded = fraction.padEnd(digits, '0');
  return padded === '' ? whole : `${whole}.${padded}`;
}

export function presentCostModel(m: CostModelView): CostModel {
  return {
    programId: m.program_id,
    programKey: m.program_key,
    currency: m.currency,
    horizonMonths: m.horizon_months,
    discountRate: plainDecimal(m.discount_rate),
    createdAt: m.created_at.toISOString(),
    updatedAt: m.updated_at.toISOString(),
    version: m.version,
  };
}

export function presentCostItem(i: CostItemView): CostItem {
  return {
    id: i.id,
    programId: i.program_id,
    programKey: i.program_key,
    side: i.side,
    label: i.label,
    category: i.category,
    scope: i.scope,
    recurrence: i.recurrence,
    amount: amountText(i.amount, i.currency),
    currency: i.currency,
    startMonth: i.start_month,
    endMonth: i.end_month,
    retiredAt: i.retired_at ? i.retired_at.toISOString() : null,
    createdAt: i.created_at.toISOString(),
    updatedAt: i.updated_at.toISOString(),
    version: i.version,
  };
}

function presentScope(s: CoreScope, cashFlow: boolean): ScopeEconomics {
  return {
    tco: s.tco,
    tcoByCategory: s.tcoByCategory.map((c) => ({ ...c })),
    benefits: s.benefits,
    benefitsByCategory: s.benefitsByCategory.map((c) => ({ ...c })),
    net: s.net,
    npv: s.npv,
    paybackMonth: s.paybackMonth,
    ...(cashFlow ? { cashFlow: s.cashFlow.map((f) => ({ ...f })) } : {}),
  };
}

/** The core's report, pilot and production side by side, with the basis in words; `cashFlow` adds the monthly flows. */
export function presentEconomics({ program, model, items, report }: EconomicsDetail, cashFlow: boolean): Economics {
  const base = { programId: program.id, programKey: program.key, items: items.map(presentCostItem) };
  if (!model || !report) {
    return {
      ...base, model: null, basis: 'no-cost-model', missing: ['cost-model'],
      summary: `no cost model: PUT /api/programs/${program.key}/cost-model with its currency, then add its pilot and production costs and benefits`,
      horizonMonths: null, discountRate: null, currency: null, pilot: null, production: null, pilotHides: [],
    };
  }
  const missing = report.basis.kind === 'pilot-economics' ? [...report.basis.missing] : [];
  return {
    ...base,
    model: presentCostModel(model),
    basis: report.basis.kind,
    missing,
    summary: missing.length > 0
      ? `pilot economics: the production costs have no ${missing.join(', ')} costs, so economic readiness stays unmet`
      : 'production economics: the production costs include adoption, monitoring, governance and workforce support',
    horizonMonths: report.horizonMonths,
    discountRate: plainDecimal(report.discountRatePerYear),
    currency: report.currency,
    pilot: presentScope(report.pilot, cashFlow),
    production: presentScope(report.production, cashFlow),
    pilotHides: report.pilotHides.map((c) => ({ ...c })),
  };
}
