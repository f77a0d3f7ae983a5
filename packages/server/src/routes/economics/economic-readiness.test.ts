import { DEFAULT_CRITERIA } from '@handoff/core';
import { Person, ProgramReadiness } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { addItems, addProgram, monthlyCost, putModel } from './economics-fixtures.js';

/** Economic readiness reads the cost model: pilot economics (or none) keeps it unmet from the production-readiness gate on. */

let api: TestApi;

const economic = async (key: string) => {
  const res = await api.call('GET', `/api/programs/${key}/readiness`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const readiness = ProgramReadiness.parse(res.body);
  return { dimension: readiness.dimensions.find((d) => d.dimension === 'economic'), unmet: readiness.unmet.find((u) => u.dimension === 'economic') };
};

beforeAll(async () => {
  api = await startTestApi({ now: '2026-11-25T09:00:00Z' });
  const assessor = Person.parse((await api.call('POST', '/api/people', { name: 'Arjun Patel', email: 'arjun@example.com' })).body);
  await addProgram(api, 'CLAIMS');
  const items = DEFAULT_CRITERIA.filter((c) => c.dimension === 'economic' && c.gate !== 'production')
    .map((c) => ({ criterion: c.code, status: 'met', evidence: 'Reviewed with finance' }));
  expect((await api.call('POST', '/api/programs/CLAIMS/assessments', { assessedBy: assessor.id, items })).status).toBe(201);
});
afterAll(async () => { await api.close(); });

describe('economic readiness and the cost model', () => {
  it('is unmet without a cost model even when every economic criterion is met, and says why', async () => {
    const { dimension, unmet } = await economic('CLAIMS');
    expect(dimension).toMatchObject({ score: 100, met: false, gaps: [], conditions: ['no cost model'] });
    expect(unmet?.conditions).toEqual(['no cost model']);
  });

  it('stays unmet on pilot economics, naming the missing cost categories', async () => {
    await putModel(api, 'CLAIMS', { currency: 'GBP' });
    await addItems(api, 'CLAIMS', [monthlyCost('compute', '4000.00'), monthlyCost('licences', '1500.00')]);
    expect((await economic('CLAIMS')).dimension?.conditions).toEqual(['pilot-economics: no adoption, monitoring, governance, workforce costs']);
  });

  it('is met once the production model carries adoption, monitoring, governance and workforce support', async () => {
    await addItems(api, 'CLAIMS', ['adoption', 'monitoring', 'governance', 'workforce'].map((c) => monthlyCost(c, '500.00')));
    const { dimension, unmet } = await economic('CLAIMS');
    expect(dimension).toMatchObject({ met: true, conditions: [] });
    expect(unmet).toBeUndefined();
  });

  it('does not judge the cost model at the pilot gate', async () => {
    await api.call('POST', '/api/programs', { name: 'Contracts', key: 'CONTRACTS', phase: 'discovery' });
    expect((await economic('CONTRACTS')).dimension?.conditions).toEqual([]);
  });
});
