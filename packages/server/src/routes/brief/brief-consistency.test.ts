import { PortfolioBrief, ProgramBriefResponse } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoPortfolio } from '../../demo/demo-portfolio.js';
import type { PortfolioBriefView } from '../../services/brief.service.js';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { getOk } from '../timeline/timeline-fixtures.js';

/**
 * The portfolio brief reads the whole workspace at once; each program's entry must still be exactly that
 * program's own brief (docs/BRIEF.md): same binding constraint, slips, forecast and criticality, diagnosis.
 */

let api: TestApi;
let portfolio: PortfolioBriefView;

beforeAll(async () => {
  api = await startTestApi();
  await loadDemoPortfolio(api.handoff, '2026-11-25');
  portfolio = await api.handoff.services.brief.portfolio(api.handoff.actor);
}, 180_000);
afterAll(async () => { await api.close(); });

describe('the portfolio brief against each program brief on the demo portfolio', () => {
  it('gives every program exactly the facts, answers, diagnosis, forecast and blocking constraints of its own brief', async () => {
    expect(portfolio.programs.length).toBeGreaterThan(3);
    for (const entry of portfolio.programs) {
      const own = await api.handoff.services.brief.program(api.handoff.actor, entry.program.key);
      expect(entry, entry.program.key).toEqual(own);
    }
  });

  it('has forecasts, bindings, readiness, monitors, vacant roles and shared constraints to compare: the check above is not vacuous', () => {
    expect(portfolio.programs.some((p) => p.forecast.criticality.length > 0)).toBe(true);
    expect(portfolio.programs.some((p) => p.forecast.production !== null && p.forecast.production.p95 > p.forecast.production.p50)).toBe(true);
    expect(portfolio.programs.some((p) => p.input.binding.kind === 'constraint')).toBe(true);
    expect(portfolio.programs.some((p) => p.diagnosisInput.readiness !== null)).toBe(true);
    expect(portfolio.programs.some((p) => p.diagnosisInput.monitors.total > 0 && p.diagnosisInput.roles.vacant.length > 0)).toBe(true);
    expect(portfolio.shared.length).toBeGreaterThan(0);
  });

  it('presents the same brief over HTTP for a program as inside the portfolio', async () => {
    const wire = PortfolioBrief.parse(await getOk(api, '/api/brief'));
    for (const entry of wire.programs) {
      const { forecastSettings, ...one } = ProgramBriefResponse.parse(await getOk(api, `/api/programs/${entry.program.key}/brief`));
      expect(forecastSettings).toEqual(wire.forecastSettings);
      expect(one, entry.program.key).toEqual(entry);
    }
  });
});
