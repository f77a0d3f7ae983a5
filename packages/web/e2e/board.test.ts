import type { DecisionPage } from '@handoff/contract';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, seriousViolations } from './browser.js';
import { signIn, startDemoApp, type DemoApp } from './demo-app.js';

/**
 * The board of issue 8 against the demo portfolio, as the CEO (an executive on the board): request a decision by
 * hand, decide it with an option that moves a deadline, see it under Decided; the board pack for a chosen date.
 */
let app: DemoApp;
let page: Page;
let ref = '';
const TITLE = 'Re-plan the claims triage launch';

beforeAll(async () => {
  app = await startDemoApp();
  page = await newPage(app.browser);
  await signIn(page, app, app.email((s) => s.note.includes('board')), '/board');
  await page.getByRole('heading', { name: 'Board', exact: true }).waitFor();
}, 300_000);

afterAll(async () => {
  await app?.close();
});

/** A date `days` after today in the browser's time zone (YYYY-MM-DD). */
function inDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** GET an API path with the page's session cookie. */
function apiGet<T>(path: string): Promise<T> {
  return page.evaluate(async (p) => (await fetch(p, { headers: { accept: 'application/json' } })).json() as Promise<T>, path);
}

const card = (title: string) => page.locator('article.card', { has: page.getByRole('heading', { name: title }) });
const noHorizontalScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('the board', () => {
  it('requests a decision by hand, showing the server\'s message beside a missing title, then lists it as pending', async () => {
    await page.getByRole('button', { name: 'Request a decision' }).click();
    const program = page.getByLabel('Program', { exact: true });
    await program.selectOption({ label: (await program.locator('option', { hasText: /^CLAIMS — / }).textContent()) ?? '' });
    const constraint = page.getByLabel('Constraint (optional)');
    await constraint.locator('option', { hasText: /^CLAIMS-\d+/ }).first().waitFor({ state: 'attached' });
    const first = (await constraint.locator('option', { hasText: /^CLAIMS-\d+/ }).first().textContent()) ?? '';
    ref = first.split(' ')[0] ?? '';
    await constraint.selectOption({ label: first });
    await page.getByLabel('Context: what is blocked, since when, what has been tried').fill('The vendor slipped the model card by a month.');
    const option = (n: number) => page.getByRole('group', { name: `Option ${n}` });
    await option(1).getByLabel('What the board would decide').fill('Move the deadline to when the vendor delivers');
    await option(1).getByLabel('Effect when taken').selectOption('move-deadline');
    await option(2).getByLabel('What the board would decide').fill('Keep the plan and escalate to the vendor');
    await option(2).getByLabel('Recommended').check();
    await page.getByRole('button', { name: 'Ask the board' }).click();

    const title = page.getByLabel('Title', { exact: true });
    await page.locator('#request-title-error').waitFor();
    expect(await page.locator('#request-title-error').textContent()).toBe('must not be empty');
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    expect(await title.getAttribute('aria-describedby')).toBe('request-title-error');
    expect(await seriousViolations(page)).toEqual([]);

    await title.fill(TITLE);
    await page.getByRole('button', { name: 'Ask the board' }).click();
    await page.getByRole('status').filter({ hasText: `Requested “${TITLE}”` }).waitFor();
    await card(TITLE).waitFor();
    expect(await card(TITLE).textContent()).toMatch(/requested by hand/);
    expect(await card(TITLE).locator('.decision-facts').getByRole('link', { name: ref }).getAttribute('href')).toBe(`/constraints?selected=${ref}`);
    expect(await card(TITLE).getByRole('link', { name: 'CLAIMS', exact: true }).getAttribute('href')).toBe('/programs/CLAIMS');
    expect(await card(TITLE).getByRole('radio', { name: /^Move the deadline/ }).getAttribute('aria-describedby')).toMatch(/-effect$/);
    expect(await card(TITLE).textContent()).toContain(`moves the deadline of ${ref} (the decider gives the new date)`);
    expect(await card(TITLE).getByRole('radio', { name: /^Keep the plan/ }).isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('asks for the new date when the chosen option moves a deadline, records it, and the constraint\'s deadline moves', async () => {
    const before = await apiGet<{ deadline: string }>(`/api/constraints/${ref}`);
    const to = inDays(45);
    await card(TITLE).getByRole('radio', { name: /^Move the deadline/ }).check();
    const date = card(TITLE).getByLabel('New deadline (this option moves it)');
    await card(TITLE).getByRole('button', { name: 'Record the decision' }).click();
    await card(TITLE).locator('.field-error').waitFor();
    expect(await card(TITLE).locator('.field-error').textContent()).toMatch(/is required/);
    expect(await date.getAttribute('aria-invalid')).toBe('true');

    await date.fill(to);
    await card(TITLE).getByRole('button', { name: 'Record the decision' }).click();
    const recorded = page.getByRole('status').filter({ hasText: `Recorded “${TITLE}”` });
    await recorded.waitFor();
    expect(await recorded.textContent()).toContain(`The deadline of ${ref} moved from ${before.deadline} to ${to}.`);
    expect(await card(TITLE).count()).toBe(0);
    expect((await apiGet<{ deadline: string }>(`/api/constraints/${ref}`)).deadline).toBe(to);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lists the decision under Decided with who decided, when, and the deadline it moved, linked to its constraint and program', async () => {
    await page.getByRole('link', { name: 'Decided', exact: true }).click();
    await page.waitForURL(/view=decided/);
    await card(TITLE).waitFor();
    const text = (await card(TITLE).textContent()) ?? '';
    expect(text).toMatch(/Decided by .+ on \d{4}-\d\d-\d\d: Move the deadline to when the vendor delivers\./);
    expect(text).toContain(`The deadline of ${ref} moved from`);
    expect(await card(TITLE).locator('.decision-facts').getByRole('link', { name: ref }).getAttribute('href')).toBe(`/constraints?selected=${ref}`);
    expect(await card(TITLE).getByRole('link', { name: 'CLAIMS', exact: true }).getAttribute('href')).toBe('/programs/CLAIMS');
    expect(await page.getByRole('link', { name: 'Decided', exact: true }).getAttribute('aria-current')).toBe('page');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('builds both board pack links for the chosen meeting date', async () => {
    await page.goto(`${app.url}/board`);
    await page.locator('article.card').first().waitFor();
    await page.getByLabel('Board meeting').fill('2030-01-15');
    expect(await page.getByRole('link', { name: /board pack \(PDF\)/ }).getAttribute('href')).toBe('/api/board-pack?date=2030-01-15&format=pdf');
    expect(await page.getByRole('link', { name: 'Markdown version' }).getAttribute('href')).toBe('/api/board-pack?date=2030-01-15&format=md');
    const res = await page.evaluate(async () => { const r = await fetch('/api/board-pack?date=2030-01-15&format=md'); return { status: r.status, text: await r.text() }; });
    expect(res.status).toBe(200);
    expect(res.text).toContain('2030-01-15');
  });

  it('has no serious accessibility violation and no horizontal page scroll at tablet width, pending and decided', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    try {
      await page.goto(`${app.url}/board`);
      await page.locator('article.card').first().waitFor();
      await page.getByRole('button', { name: 'Request a decision' }).click();
      await page.getByRole('heading', { name: 'Request a board decision' }).waitFor();
      expect(await noHorizontalScroll()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.goto(`${app.url}/board?view=decided`);
      await page.locator('article.card.decided').first().waitFor();
      expect(await noHorizontalScroll()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('opens the links notifications carry: a decision on the board with its card in focus, a re-assessment at the program\'s readiness', async () => {
    const pending = await apiGet<DecisionPage>('/api/decisions?status=pending&limit=1');
    const decision = pending.items[0];
    if (!decision) throw new Error('the demo has no pending decision');
    await page.goto(`${app.url}/decisions/${decision.id}`);
    await page.waitForURL((url) => url.pathname === '/board' && url.hash === `#decision-${decision.id}`);
    await page.waitForFunction((id) => document.activeElement?.getAttribute('aria-labelledby') === `decision-${id}`, decision.id);
    expect(await page.getByRole('heading', { name: decision.title }).isVisible()).toBe(true);

    await page.goto(`${app.url}/programs/CLAIMS/readiness`);
    await page.waitForURL((url) => url.pathname === '/programs/CLAIMS' && url.hash === '#readiness-heading');
    await page.getByRole('heading', { name: 'Readiness', exact: true }).waitFor();
  });
});
