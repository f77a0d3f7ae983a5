import { Constraint, ConstraintPage, HistoryPage, PersonPage, ProgramPage } from '@handoff/contract';
import { addDays, isCalendarDate } from '@handoff/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/harness.js';
import { DEMO_PEOPLE, boardMembers } from './demo-people.js';
import { DEMO_PROGRAMS, SHARED_PLATFORM_SLUG } from './demo-programs.js';
import { loadDemoPortfolio, type DemoSummary } from './demo-portfolio.js';

let api: TestApi;
let today: string;
let summary: DemoSummary;

beforeAll(async () => {
  api = await startTestApi({ now: '2026-11-25T09:00:00.000Z', timeZone: 'Europe/London' });
  today = api.handoff.services.constraints.today(api.handoff.actor);
  summary = await loadDemoPortfolio(api.handoff, today);
}, 300_000);
afterAll(async () => { await api.close(); });

/** Every item of a list endpoint, following cursors. */
async function all<T>(path: string, parse: (body: unknown) => { items: T[]; nextCursor: string | null }): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await api.call('GET', `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    const page = parse(res.body);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

const constraints = (query = ''): Promise<Constraint[]> => all(`/api/constraints${query}`, (b) => ConstraintPage.parse(b));

describe('the demo portfolio', () => {
  it('loads at least five programs spread over at least four phases, one of them without a sponsor', async () => {
    const programs = await all('/api/programs', (b) => ProgramPage.parse(b));
    expect(programs.length).toBeGreaterThanOrEqual(5);
    expect(programs).toHaveLength(summary.programs);
    expect(new Set(programs.map((p) => p.phase)).size).toBeGreaterThanOrEqual(4);
    expect(programs.filter((p) => p.sponsor === null).map((p) => p.key)).toEqual(['KYC']);
    expect(programs.every((p) => p.targetProductionDate !== null && p.description.length > 50)).toBe(true);
  });

  it('loads at least twenty people, all at a reserved .example domain, with titles', async () => {
    const people = await all('/api/people', (b) => PersonPage.parse(b));
    expect(people.length).toBeGreaterThanOrEqual(20);
    expect(people).toHaveLength(summary.people);
    expect(people.every((p) => p.email.endsWith('.example') && (p.title ?? '').length > 0)).toBe(true);
  });

  it('names three board members who are demo people, flagged as board members', async () => {
    const people = await all('/api/people', (b) => PersonPage.parse(b));
    const emails = new Set<string>(DEMO_PEOPLE.map((p) => p.email));
    expect(boardMembers).toHaveLength(3);
    expect(boardMembers.every((e) => emails.has(e))).toBe(true);
    expect(people.filter((p) => p.boardMember).map((p) => p.email).sort()).toEqual([...boardMembers].sort());
  });

  it('loads at least sixty constraints, each with an owner and a real deadline', async () => {
    const items = await constraints();
    expect(items.length).toBeGreaterThanOrEqual(60);
    expect(items).toHaveLength(summary.constraints);
    for (const c of items) {
      expect(c.owner.email, c.ref).toMatch(/@northwind-mutual\.example$/);
      expect(isCalendarDate(c.deadline), c.ref).toBe(true);
      expect(c.description.length, c.ref).toBeGreaterThan(40);
    }
    expect(summary.dependencies).toBe(items.reduce((n, c) => n + c.dependsOn.length, 0));
  });

  it('has overdue constraints at different distances past their deadline', async () => {
    const overdue = await constraints('?overdue=true');
    expect(overdue).toHaveLength(summary.overdue);
    const days = overdue.map((c) => c.daysOverdue);
    expect(days.some((d) => d >= 1 && d <= 5)).toBe(true);
    expect(days.some((d) => d >= 8 && d <= 12)).toBe(true);
    expect(days.some((d) => d >= 23 && d <= 27)).toBe(true);
  });

  it('has active constraints due within the next seven days, and closed ones in the past', async () => {
    const upcoming = await constraints('?overdue=false&active=true');
    const soon = upcoming.filter((c) => c.deadline >= today && c.deadline <= addDays(today, 7));
    expect(soon.length).toBeGreaterThanOrEqual(5);
    const closed = await constraints('?active=false');
    expect(closed.some((c) => c.status === 'resolved' && c.deadline < today)).toBe(true);
    expect(closed.some((c) => c.status === 'accepted')).toBe(true);
    expect((await constraints('?status=in_progress')).length).toBeGreaterThan(0);
  });

  it('has one shared platform constraint that constraints of at least three other programs depend on', async () => {
    const items = await constraints();
    const claims = DEMO_PROGRAMS.find((p) => p.constraints.some((c) => c.slug === SHARED_PLATFORM_SLUG));
    const title = claims?.constraints.find((c) => c.slug === SHARED_PLATFORM_SLUG)?.title;
    const shared = items.find((c) => c.title === title);
    expect(shared?.programKey).toBe('CLAIMS');
    const dependents = items.filter((c) => shared && c.dependsOn.includes(shared.id));
    const programs = new Set(dependents.map((c) => c.programKey));
    programs.delete('CLAIMS');
    expect(programs.size).toBeGreaterThanOrEqual(3);
  });

  it('shows re-plans in history: a deadline moved with its reason', async () => {
    const shared = (await constraints('?q=high%20availability')).find((c) => c.programKey === 'CLAIMS');
    expect(shared).toBeDefined();
    const res = await api.call('GET', `/api/constraints/${shared?.ref ?? ''}/history`);
    expect(res.status).toBe(200);
    const move = HistoryPage.parse(res.body).items.find((h) => h.field === 'deadline' && h.before !== null);
    expect(move?.after).toBe(shared?.deadline);
    expect(move?.reason).toContain('re-planned');
  });

  it('expresses each of the three failure modes in the constraints of the program it is noted on', async () => {
    const items = await constraints();
    const closedShare = (key: string, dimension: Constraint['dimension']): number => {
      const of = items.filter((c) => c.programKey === key && c.dimension === dimension);
      return of.filter((c) => c.status === 'resolved' || c.status === 'accepted').length / of.length;
    };
    const noted = (mode: string): string => DEMO_PROGRAMS.find((p) => p.failureMode.mode === mode)?.key ?? '';
    const architecture = noted('architecture-without-governance');
    expect(closedShare(architecture, 'technical')).toBeGreaterThan(0.6);
    expect(closedShare(architecture, 'governance')).toBeLessThan(0.2);
    const governance = noted('governance-without-adoption');
    expect(closedShare(governance, 'governance')).toBe(1);
    expect(closedShare(governance, 'workforce')).toBe(0);
    const adoption = noted('adoption-without-ownership');
    expect(closedShare(adoption, 'workforce')).toBe(1);
    const stale = items.filter((c) => c.programKey === adoption && c.daysOverdue > 20);
    expect(stale.length).toBeGreaterThanOrEqual(5);
    expect(DEMO_PROGRAMS.find((p) => p.key === adoption)?.sponsor).toBeNull();
  });

  it('refuses to load into a workspace that already has data, and stores nothing more', async () => {
    await expect(loadDemoPortfolio(api.handoff, today)).rejects.toThrow(/empty workspace/);
    expect(await constraints()).toHaveLength(summary.constraints);
  });
});
