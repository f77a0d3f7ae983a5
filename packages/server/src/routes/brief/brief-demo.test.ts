import { PortfolioBrief, ProgramBriefResponse } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoPortfolio } from '../../demo/demo-portfolio.js';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { getOk } from '../timeline/timeline-fixtures.js';

/** On the demo portfolio every program's brief answers all four questions or names what is missing (issue 6, done when). */

let api: TestApi;
let portfolio: PortfolioBrief;

beforeAll(async () => {
  api = await startTestApi();
  await loadDemoPortfolio(api.handoff, '2026-11-25');
  portfolio = PortfolioBrief.parse(await getOk(api, '/api/brief'));
}, 180_000);
afterAll(async () => { await api.close(); });

describe('the demo portfolio brief', () => {
  it('answers each of the four questions of every program, or names what is missing', () => {
    expect(portfolio.programs.length).toBeGreaterThan(0);
    for (const b of portfolio.programs) {
      for (const a of [b.answers.q1, b.answers.q2, b.answers.q3, b.answers.q4]) {
        if (a.status === 'answered') expect(a.detail, `${b.program.key}: ${a.question}`).not.toBeNull();
        else expect(a.missing.length, `${b.program.key}: ${a.question}`).toBeGreaterThan(0);
        expect(a.text.length).toBeGreaterThan(0);
      }
      const missing = [b.answers.q1, b.answers.q2, b.answers.q3, b.answers.q4].filter((a) => a.status === 'missing').length;
      expect(b.verdict.kind).toBe(missing === 0 ? 'executive-ownership' : 'visibility-only');
      expect(b.verdict.missing).toHaveLength(missing);
    }
  });

  it('shows programs with executive ownership beside the sorted risk order', () => {
    expect(portfolio.programs.some((b) => b.verdict.kind === 'executive-ownership')).toBe(true);
    const scores = portfolio.programs.map((b) => b.risk.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
  });

  it('gives the same answers for one program as the portfolio does', async () => {
    const first = portfolio.programs[0];
    const one = ProgramBriefResponse.parse(await getOk(api, `/api/programs/${first?.program.key ?? ''}/brief`));
    expect(one.answers).toEqual(first?.answers);
  });
});
