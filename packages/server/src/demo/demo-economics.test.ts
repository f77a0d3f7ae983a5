import { Economics, ProgramListQuery } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { economicGaps } from '../services/economics.service.js';
import { startTestApi, type TestApi } from '../testing/harness.js';
import { DEMO_COST_MODELS, type DemoEconomicsSummary } from './demo-economics.js';
import { loadDemoPortfolio } from './demo-portfolio.js';

let api: TestApi;
let summary: DemoEconomicsSummary;
let ids: Map<string, string>;

beforeAll(async () => {
  api = await startTestApi();
  // The demo loader loads the economics (loadDemoEconomics) with everything else.
  summary = (await loadDemoPortfolio(api.handoff, '2026-11-25')).economics;
  const programs = await api.handoff.services.programs.list(api.handoff.actor, ProgramListQuery.parse({ limit: 200 }));
  ids = new Map(programs.rows.map((p) => [p.key, p.id]));
}, 300_000);
afterAll(async () => { await api.close(); });

const economicsOf = async (key: string): Promise<Economics> => Economics.parse((await api.call('GET', `/api/programs/${key}/economics`)).body);

describe('demo economics', () => {
  it('gives each of the six demo programs a GBP cost model and flags exactly CLAIMS, DESK and FRAUD as pilot economics', async () => {
    expect(summary.models).toBe(6);
    expect(summary.pilotEconomics).toEqual(['CLAIMS', 'DESK', 'FRAUD']);
    expect(summary.items).toBe(DEMO_COST_MODELS.reduce((n, m) => n + m.pilot.costs.length + m.pilot.benefits.length + m.production.costs.length + m.production.benefits.length, 0));
    const bases = await Promise.all(['CLAIMS', 'KYC', 'DESK', 'FORECAST', 'CONTRACTS', 'FRAUD'].map(async (key) => {
      const e = await economicsOf(key);
      return [key, e.model?.currency, e.basis, e.missing];
    }));
    expect(bases).toEqual([
      ['CLAIMS', 'GBP', 'pilot-economics', ['adoption', 'governance']],
      ['KYC', 'GBP', 'production-economics', []],
      ['DESK', 'GBP', 'pilot-economics', ['adoption', 'workforce']],
      ['FORECAST', 'GBP', 'production-economics', []],
      ['CONTRACTS', 'GBP', 'production-economics', []],
      ['FRAUD', 'GBP', 'pilot-economics', ['monitoring', 'governance']],
    ]);
  });

  it('reports the same flags as the readiness gaps, and shows what each pilot hides', async () => {
    const db = api.handoff.deps.database.db;
    expect(await economicGaps(db, api.handoff.actor.workspaceId, ids.get('DESK') ?? '')).toEqual(['pilot-economics: no adoption, workforce costs']);
    expect(await economicGaps(db, api.handoff.actor.workspaceId, ids.get('FORECAST') ?? '')).toEqual([]);
    const claims = await economicsOf('CLAIMS');
    expect(claims.pilotHides.map((c) => c.category)).toEqual(['monitoring', 'workforce']);
    const forecast = await economicsOf('FORECAST');
    expect(forecast.production?.paybackMonth).toBe(1);
    expect(Number(forecast.production?.npv)).toBeGreaterThan(0);
  });
});
