import { describe, expect, it } from 'vitest';
import { boardPackCounts, boardPackMarkdown, type BoardPack, type BoardPackProgram } from './board-pack-markdown.js';

const claims: BoardPackProgram = {
  key: 'CLAIMS', name: 'Claims triage', phase: 'pilot', sponsorName: 'Sam Sponsor', targetProductionDate: '2027-03-01',
  ownership: 'executive-ownership',
  answers: [
    { question: 'What is blocking the next phase?', status: 'answered', text: 'CLAIMS-1 Data access blocks limited-rollout.' },
    { question: 'Who owns resolving it, and by when?', status: 'answered', text: 'Olga Owner by 2026-12-01.' },
    { question: 'What happens to the timeline if it is not resolved?', status: 'answered', text: 'Production moves 4 days per week.' },
    { question: 'Which decisions must go to the board?', status: 'answered', text: 'One decision is pending.' },
  ],
  readiness: { technical: { score: 80, met: true }, governance: { score: 40, met: false }, workforce: { score: 100, met: true }, economic: { score: 0, met: false } },
  forecast: { p50: '2027-02-20', p80: '2027-03-20', p95: '2027-04-30', onTargetProbability: 0.62 },
  diagnosis: { healthy: false, summary: 'Architecture without governance (strong).' },
};

const base: BoardPack = {
  date: '2026-12-01',
  decisions: [{
    title: 'Fund the data platform', programKey: 'CLAIMS', constraintRef: 'CLAIMS-1', context: 'Blocked since October.\nVendor is late.',
    options: ['Accept the risk', 'Re-plan with a new deadline'], recommendation: 'Re-plan with a new deadline', dueDate: '2026-11-28',
  }],
  programs: [claims],
  sharedConstraints: [{ ref: 'DATA-3', title: 'Lakehouse access', deadline: '2026-12-15', blocks: ['CLAIMS', 'FRAUD'] }],
};

describe('boardPackMarkdown', () => {
  it.each([
    ['the title with the pack date', '# Board pack 2026-12-01'],
    ['the cover counts', '1 programs · 1 pending decisions (1 overdue) · 1 of 1 with executive ownership'],
    ['each decision with its program and constraint', '- Program: CLAIMS, constraint CLAIMS-1'],
    ['a due date before the pack date as overdue', '- Decide by: 2026-11-28 (overdue)'],
    ['the recommended action', '- Recommended: Re-plan with a new deadline'],
    ['the numbered options', '1. Accept the risk\n2. Re-plan with a new deadline'],
    ['the context folded to one line', 'Blocked since October. Vendor is late.'],
    ['the portfolio row', '| CLAIMS Claims triage | pilot | executive-ownership | 2027-03-20 | 2027-03-01 |'],
    ['shared constraints with the programs they block', '- DATA-3 Lakehouse access (deadline 2026-12-15) blocks CLAIMS, FRAUD'],
    ['the four answers in order', '1. **What is blocking the next phase?** CLAIMS-1'],
    ['readiness per dimension', '| governance | 40 | no |'],
    ['the forecast against the target', 'P50 2027-02-20 (on target) · P80 2027-03-20 (19 d late) · P95 2027-04-30 (60 d late) · on-target probability 62%'],
    ['the diagnosis', 'Diagnosis: Architecture without governance (strong).'],
  ])('shows %s', (_name, expected) => {
    expect(boardPackMarkdown(base)).toContain(expected);
  });

  it.each([
    ['no pending decision', { decisions: [] }, 'No decision is pending.'],
    ['no program', { programs: [] }, 'No programs.'],
    ['a program never assessed', { programs: [{ ...claims, readiness: null }] }, 'Readiness: never assessed.'],
    ['a program without a plan', { programs: [{ ...claims, forecast: null }] }, 'Forecast: none (no plan).'],
    ['a missing answer', { programs: [{ ...claims, ownership: 'visibility-only', answers: [{ question: 'Who owns it?', status: 'missing', text: 'No sponsor.' }] }] }, '1. **Who owns it?** _Missing:_ No sponsor.'],
    ['a decision due on the pack date', { decisions: [{ ...base.decisions[0]!, dueDate: '2026-12-01' }] }, '- Decide by: 2026-12-01\n'],
  ] as const)('says so plainly for %s', (_name, patch, expected) => {
    expect(boardPackMarkdown({ ...base, ...patch })).toContain(expected);
  });

  it('escapes pipes and folds newlines in table cells so user text cannot break the table', () => {
    const md = boardPackMarkdown({ ...base, programs: [{ ...claims, name: 'Claims | triage\nv2' }] });
    expect(md).toContain('| CLAIMS Claims \\| triage v2 | pilot |');
  });

  it('lists the decisions before the program sections', () => {
    const md = boardPackMarkdown(base);
    expect(md.indexOf('## Decisions for the board')).toBeLessThan(md.indexOf('## CLAIMS: Claims triage'));
  });

  it('counts only decisions due before the pack date as overdue', () => {
    expect(boardPackCounts({ ...base, date: '2026-11-28' })).toEqual({ programs: 1, decisions: 1, overdue: 0, executiveOwnership: 1 });
  });
});
