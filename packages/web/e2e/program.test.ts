import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, seriousViolations } from './browser.js';
import { signIn, startDemoApp, type DemoApp } from './demo-app.js';

/**
 * The program and portfolio screens of issue 8 against the demo portfolio: DESK has two adoption monitors in
 * breach (each opened a risk constraint), CLAIMS a drift and a latency monitor; every program has a forecast.
 */
let app: DemoApp;
let page: Page;

beforeAll(async () => {
  app = await startDemoApp();
  page = await newPage(app.browser);
  await signIn(page, app, app.email((s) => s.role === 'admin'));
  await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
}, 300_000);

afterAll(async () => {
  await app?.close();
});

/** Opens a program and waits until every section has loaded (each shows its chart or table). */
async function openProgram(key: string): Promise<void> {
  await page.goto(`${app.url}/programs/${key}`);
  await page.getByRole('heading', { name: /The brief/ }).waitFor();
  await page.getByRole('img', { name: /^Forecast — / }).waitFor();
  await page.getByRole('img', { name: /readings over the last/ }).first().waitFor();
  await page.getByRole('table', { name: 'Governance roles and their holders' }).waitFor();
  await page.getByRole('table', { name: 'Pilot and production side by side' }).waitFor();
  await page.getByRole('heading', { name: 'Diagnosis' }).waitFor();
  await page.locator('section[aria-labelledby="diagnosis-heading"] p').first().waitFor();
}

const monitors = () => page.locator('section[aria-labelledby="monitors-heading"]');
const programRows = () => page.getByRole('table', { name: /^Programs/ }).locator('tbody tr');
const rowKeys = () => programRows().locator('th a').allTextContents();
const noHorizontalScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('the program screen', () => {
  it('charts the readiness trend of CLAIMS over its two assessment batches', async () => {
    await openProgram('CLAIMS');
    const trend = page.getByRole('img', { name: /^Readiness trend for the / });
    expect(((await trend.getAttribute('aria-label')) ?? '').match(/\d{4}-\d\d-\d\d: technical \d+\/100, governance \d+\/100, workforce \d+\/100, economic \d+\/100/g)).toHaveLength(2);
  });

  it('shows each monitor with a sparkline whose label names its recent values and threshold', async () => {
    await openProgram('CLAIMS');
    const drift = monitors().getByRole('img', { name: /^Input drift \(PSI\): 21 readings over the last 30 days/ });
    const label = (await drift.getAttribute('aria-label')) ?? '';
    expect(label).toMatch(/first 0\.05, lowest 0\.05, highest 0\.19, latest 0\.19; breach threshold 0\.25, higher is worse/);
    expect(await monitors().getByRole('img').count()).toBe(2);
    expect(await monitors().getByText('Held by').count()).toBe(2);
  });

  it('shows a DESK monitor in breach, since when, held by its role, linked to the risk constraint the breach opened', async () => {
    await openProgram('DESK');
    const card = monitors().locator('li', { has: page.getByRole('heading', { name: 'Share of cases handled through the AI system' }) });
    expect(await card.getByText('in breach', { exact: true }).count()).toBe(1);
    expect(await card.textContent()).toMatch(/since \d{4}-\d\d-\d\d/);
    expect(await card.textContent()).toContain('output-owner: Marcus Webb');
    expect(await card.textContent()).toMatch(/breach at ≤ 30%, warning at ≤ 50% \(lower is worse\)/);
    const link = card.getByRole('link', { name: /^DESK-\d+$/ });
    const ref = (await link.textContent()) ?? '';
    expect(await link.getAttribute('href')).toBe(`/constraints?selected=${ref}`);
    expect(await card.getByRole('img', { name: /latest 21%; breach threshold 30%, lower is worse/ }).count()).toBe(1);
  });

  it('charts the forecast of each remaining gate with P50, P80 and P95 against the plan and the target, and names the critical constraints', async () => {
    await openProgram('DESK');
    const chart = page.getByRole('img', { name: /^Forecast — / });
    expect(await chart.getAttribute('aria-label')).toMatch(/production: P50 \d{4}-\d\d-\d\d, P80 \d{4}-\d\d-\d\d, P95 \d{4}-\d\d-\d\d, planned \d{4}-\d\d-\d\d; target production \d{4}-\d\d-\d\d/);
    const section = page.locator('section[aria-labelledby="forecast-heading"]');
    expect(await section.textContent()).toMatch(/\d+% chance of production on or before the target/);
    const critical = page.getByRole('table', { name: 'Criticality of the top constraints' });
    expect(await critical.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await critical.locator('tbody tr').first().textContent()).toMatch(/DESK-\d+.*\d+%/);
  });

  it('shows each failure mode of DESK with its strength, the evidence observed against expected, and what would clear it', async () => {
    await openProgram('DESK');
    const finding = page.getByRole('article', { name: /Governance without adoption/ });
    expect(await finding.getByRole('heading', { level: 3 }).textContent()).toMatch(/strong$/);
    expect(await finding.locator('ul.evidence li').count()).toBeGreaterThan(1);
    expect(await finding.textContent()).toMatch(/observed legacy fallback at \d+%.*; expected below 20%/);
    expect(await finding.getByRole('heading', { name: 'What would clear it' }).count()).toBe(1);
    expect(await finding.getByRole('listitem').filter({ hasText: /fallback below 20%/ }).count()).toBe(1);
  });

  it('links the binding constraint of the brief to the library and its pending decision to the board', async () => {
    await openProgram('DESK');
    const answers = page.locator('ol.answers > li');
    const blocking = answers.nth(0).getByRole('link', { name: /^DESK-\d+$/ });
    expect(await blocking.getAttribute('href')).toMatch(/^\/constraints\?selected=DESK-\d+$/);
    expect(await answers.nth(1).textContent()).toMatch(/Owner.*Deadline.*Escalation/);
    expect(await answers.nth(3).getByRole('link').first().getAttribute('href')).toBe('/board');
  });

  it('has no serious accessibility violation and no horizontal page scroll at tablet width', async () => {
    await openProgram('DESK');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 768, height: 1024 });
    try {
      await openProgram('CLAIMS');
      expect(await noHorizontalScroll()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});

describe('the portfolio screen', () => {
  it('filters by phase and by failure mode, writing each filter into the URL', async () => {
    await page.goto(app.url);
    await programRows().first().waitFor();
    const all = await programRows().count();
    await page.getByLabel('Phase', { exact: true }).selectOption('pilot');
    await page.waitForFunction((n) => document.querySelectorAll('table.portfolio tbody tr').length < n, all);
    expect(page.url()).toContain('phase=pilot');
    const phases = await programRows().locator('td:nth-of-type(1)').allTextContents();
    expect(phases.length).toBeGreaterThan(0);
    expect(new Set(phases)).toEqual(new Set(['Pilot']));

    await page.getByLabel('Phase', { exact: true }).selectOption('');
    await page.getByLabel('Failure mode', { exact: true }).selectOption('governance-without-adoption');
    await page.waitForURL(/mode=governance-without-adoption/);
    expect(page.url()).not.toContain('phase=');
    await expect.poll(rowKeys).toEqual(['DESK']);
    await page.getByLabel('Failure mode', { exact: true }).selectOption('none');
    await page.waitForFunction(() => !document.body.textContent?.includes('Governance without adoption (strong)'));
    const healthy = await programRows().locator('td:nth-of-type(4)').allTextContents();
    expect(healthy.length).toBeGreaterThan(0);
    expect(new Set(healthy)).toEqual(new Set(['none']));
  });

  it('keeps only programs with overdue constraints and shows each program\'s escalated count', async () => {
    await page.goto(`${app.url}/?overdue=true`);
    await programRows().first().waitFor();
    expect(await page.getByLabel('Only with overdue constraints').isChecked()).toBe(true);
    const overdue = await programRows().locator('td:nth-of-type(5)').allTextContents();
    expect(overdue.every((cell) => Number(cell.split(' / ')[0]) > 0)).toBe(true);
    const escalated = await programRows().locator('td:nth-of-type(6)').allTextContents();
    expect(escalated.some((cell) => Number(cell) > 0)).toBe(true);
  });

  it('sorts by a column header, ascending then descending, marking the sorted column with aria-sort', async () => {
    await page.goto(app.url);
    await programRows().first().waitFor();
    const header = page.getByRole('columnheader', { name: /Program/ });
    await header.getByRole('button').click();
    await page.waitForURL(/sort=key/);
    // The router renders a navigation as a transition, after the URL changes: read the table once it has.
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    const keys = await rowKeys();
    expect(keys).toEqual([...keys].sort());
    await header.getByRole('button').click();
    await page.waitForURL(/dir=desc/);
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    expect(await rowKeys()).toEqual([...keys].sort().reverse());
  });

  it('links the shared constraint to the library and the programs it blocks to their pages', async () => {
    await page.goto(app.url);
    const shared = page.locator('section[aria-labelledby="shared-heading"] li').first();
    await shared.waitFor();
    expect(await shared.getByRole('link', { name: /^CLAIMS-\d+$/ }).getAttribute('href')).toMatch(/^\/constraints\?selected=CLAIMS-\d+$/);
    expect(await shared.getByRole('link', { name: 'DESK program page' }).getAttribute('href')).toBe('/programs/DESK');
  });

  it('has no serious accessibility violation and no horizontal page scroll at tablet width', async () => {
    await page.goto(app.url);
    await programRows().first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 768, height: 1024 });
    try {
      await page.goto(app.url);
      await programRows().first().waitFor();
      expect(await noHorizontalScroll()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
