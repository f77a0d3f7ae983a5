import { CostItemBatch, EconomicsQuery } from '@handoff/contract';
import type { Handoff } from '../handoff.js';

/**
 * Cost models of the Northwind Mutual demo programs, in GBP over three years at 8 % a year. Month 0 is
 * go-live. CLAIMS, DESK and FRAUD are pilot economics (their production costs leave out what their failure
 * mode leaves out); FORECAST, KYC and CONTRACTS carry every production cost.
 */

type Row = readonly [label: string, category: string, recurrence: 'one-off' | 'monthly' | 'yearly', amount: string, startMonth?: number, endMonth?: number];

interface DemoCostModel {
  readonly key: string;
  readonly pilot: { readonly costs: readonly Row[]; readonly benefits: readonly Row[] };
  readonly production: { readonly costs: readonly Row[]; readonly benefits: readonly Row[] };
}

export const DEMO_COST_MODELS: readonly DemoCostModel[] = [
  // Architecture without governance: serving, integration, monitoring and the support rota are costed; nobody has
  // costed an owner for routing decisions and model-risk reviews, or the change programme for the other sites. Pilot economics.
  {
    key: 'CLAIMS',
    pilot: {
      costs: [['Model serving, Bristol pilot', 'compute', 'monthly', '1800'], ['Pilot build and claims-system hook', 'integration', 'one-off', '38000']],
      benefits: [['Handler time saved in Bristol', 'cost-saving', 'monthly', '5500']],
    },
    production: {
      costs: [
        ['Model serving in two data centres', 'compute', 'monthly', '6400'], ['Claims platform integration, all sites', 'integration', 'one-off', '145000'],
        ['Latency and availability monitoring', 'monitoring', 'monthly', '1100'], ['Support rota for the routing service', 'workforce', 'monthly', '2400'],
      ],
      benefits: [['Handler time saved, all sites', 'cost-saving', 'monthly', '31000', 3], ['Lower leakage from faster first contact', 'risk-reduction', 'monthly', '9000', 6]],
    },
  },
  // Governance without adoption: every policy, review and log is budgeted; nothing for bringing agents and hub heads
  // in, or for coaching once the other hubs and the night shift join. Pilot economics.
  {
    key: 'DESK',
    pilot: {
      costs: [
        ['Language-model usage, Leeds and Cardiff', 'compute', 'monthly', '2100'], ['Copilot seats, 62 agents', 'licences', 'yearly', '18600'],
        ['DPIA, red team and ethics board review', 'governance', 'one-off', '24000'],
      ],
      benefits: [['Handle time saved, 62 agents', 'cost-saving', 'monthly', '9000']],
    },
    production: {
      costs: [
        ['Language-model usage at 24p per assisted ticket', 'compute', 'monthly', '14400'], ['Copilot seats, all hubs and night shift', 'licences', 'yearly', '52000'],
        ['Service-management integration for the other hubs', 'integration', 'one-off', '60000'], ['Suggestion quality and usage monitoring', 'monitoring', 'monthly', '1800'],
        ['AI governance reviews and prompt logging', 'governance', 'monthly', '2600'],
      ],
      benefits: [['Handle time saved, all hubs', 'cost-saving', 'monthly', '38000', 2]],
    },
  },
  // The healthy reference: every production cost is in, down to the quarter of a data scientist who keeps it running.
  {
    key: 'FORECAST',
    pilot: {
      costs: [['Forecast model compute, trial', 'compute', 'monthly', '600'], ['Storm-warning feed, trial licence', 'licences', 'yearly', '12000']],
      benefits: [['Contact-centre overtime avoided', 'cost-saving', 'monthly', '14000']],
    },
    production: {
      costs: [
        ['Forecast pipeline compute', 'compute', 'monthly', '1400'], ['Storm-warning feed licence', 'licences', 'yearly', '42000'],
        ['Workforce-management system feed', 'integration', 'one-off', '40000'], ['Rota planners moved off the spreadsheet', 'adoption', 'one-off', '18000'],
        ['Forecast accuracy monitoring', 'monitoring', 'monthly', '900'], ['Quarterly review by the business owner', 'governance', 'monthly', '750'],
        ['Quarter of a data scientist and planner training', 'workforce', 'monthly', '3100'],
      ],
      benefits: [['Overtime and agency staff avoided', 'cost-saving', 'monthly', '52000'], ['Service levels held through weather surges', 'risk-reduction', 'monthly', '6000']],
    },
  },
  // Adoption without ownership: the analysts costed production properly. What is missing is a budget holder (the
  // kyc-budget constraint), not a line in the model, so the flag rightly stays off.
  {
    key: 'KYC',
    pilot: {
      costs: [['Extraction service pilot licence, 60,000 pages', 'licences', 'yearly', '15000'], ['Analyst training and supervised week', 'workforce', 'one-off', '9000']],
      benefits: [['Analyst time saved on 40% of applications', 'cost-saving', 'monthly', '11000']],
    },
    production: {
      costs: [
        ['Extraction service production licence', 'licences', 'yearly', '84000'], ['Document pipeline compute', 'compute', 'monthly', '1200'],
        ['Onboarding system integration', 'integration', 'one-off', '35000'], ['Champion network and workflow change', 'adoption', 'one-off', '12000'],
        ['Extraction accuracy monitoring', 'monitoring', 'monthly', '700'], ['Model-risk and due-diligence rule reviews', 'governance', 'monthly', '900'],
        ['Ongoing analyst support', 'workforce', 'monthly', '1500'],
      ],
      benefits: [['Analyst time saved on all applications', 'cost-saving', 'monthly', '27000']],
    },
  },
  // Costed as the buy option, production economics from the start; its weakness is the unmeasured baseline behind
  // the benefit (the ct-baseline constraint), which no cost flag can see.
  {
    key: 'CONTRACTS',
    pilot: {
      costs: [['Vendor proof of concept', 'licences', 'one-off', '20000']],
      benefits: [['First-pass review hours saved, proof of concept', 'cost-saving', 'monthly', '3000']],
    },
    production: {
      costs: [
        ['Legal-AI product subscription', 'licences', 'yearly', '65000'], ['Contract repository integration', 'integration', 'one-off', '30000'],
        ['Lawyer onboarding to the review workflow', 'adoption', 'one-off', '8000'], ['Sampling of missed clauses', 'monitoring', 'monthly', '600'],
        ['Playbook ownership and review', 'governance', 'monthly', '800'], ['Legal-operations support', 'workforce', 'monthly', '1200'],
      ],
      benefits: [['First-pass review hours saved (1,200 a year claimed)', 'cost-saving', 'monthly', '10000', 3]],
    },
  },
  // The fraud-savings constraint in numbers: prevented payouts only, no monitoring of the ranking and no look-backs at
  // low-ranked alerts that turn out to be fraud. Pilot economics.
  {
    key: 'FRAUD',
    pilot: {
      costs: [['Ranking model compute', 'compute', 'monthly', '900'], ['Back-test and pilot build', 'integration', 'one-off', '28000']],
      benefits: [['Prevented payouts, Bristol pilot', 'cost-saving', 'monthly', '16000']],
    },
    production: {
      costs: [
        ['Ranking model compute, all alerts', 'compute', 'monthly', '2600'], ['Case-management integration', 'integration', 'one-off', '55000'],
        ['Rollout to the regional teams', 'adoption', 'one-off', '10000'], ['Investigator training on the ranked queue', 'workforce', 'one-off', '14000'],
      ],
      benefits: [['Prevented payouts, all lines', 'cost-saving', 'monthly', '58000', 2]],
    },
  },
];

/** What the demo economics loaded: models, items, and the programs flagged as pilot economics (demo order). */
export interface DemoEconomicsSummary {
  readonly models: number;
  readonly items: number;
  readonly pilotEconomics: readonly string[];
}

function items(model: DemoCostModel) {
  const lines = (scope: 'pilot' | 'production', side: 'cost' | 'benefit', rows: readonly Row[]) =>
    rows.map(([label, category, recurrence, amount, startMonth, endMonth]) => ({
      side, label, category, scope, recurrence, amount, ...(startMonth !== undefined ? { startMonth } : {}), ...(endMonth !== undefined ? { endMonth } : {}),
    }));
  return CostItemBatch.parse({
    items: (['pilot', 'production'] as const).flatMap((scope) => [...lines(scope, 'cost', model[scope].costs), ...lines(scope, 'benefit', model[scope].benefits)]),
  });
}

/**
 * Loads the demo cost models through the economics service (so every write has its history) into the
 * programs named in `programIdsByKey` (key → id). Each model is two transactions: the model, then its items.
 */
export async function loadDemoEconomics(handoff: Handoff, programIdsByKey: ReadonlyMap<string, string>): Promise<DemoEconomicsSummary> {
  const { services, actor } = handoff;
  let count = 0;
  const pilotEconomics: string[] = [];
  for (const model of DEMO_COST_MODELS) {
    const programId = programIdsByKey.get(model.key);
    if (!programId) throw new Error(`demo economics: no program id for ${model.key}`);
    await services.economics.putModel(actor, programId, { currency: 'GBP', horizonMonths: 36, discountRate: '0.08' }, undefined);
    count += (await services.economics.addItems(actor, programId, items(model))).length;
    const detail = await services.economics.report(actor, programId, EconomicsQuery.parse({}));
    if (detail.report?.basis.kind === 'pilot-economics') pilotEconomics.push(model.key);
  }
  return { models: DEMO_COST_MODELS.length, items: count, pilotEconomics };
}
