import type { ConstraintPage } from '@handoff/contract';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, seriousViolations } from './browser.js';
import { signIn, startDemoApp, type DemoApp } from './demo-app.js';

/**
 * The constraint library in a real browser against the demo portfolio: add a constraint (the server's field
 * messages beside the fields), edit it in the detail, filter by escalation, follow dependencies, the keyboard,
 * and the page at tablet width.
 */
let app: DemoApp;
let page: Page;
let adminEmail = '';
let createdRef = '';

beforeAll(async () => {
  app = await startDemoApp();
  adminEmail = app.email((s) => s.role === 'admin');
  page = await newPage(app.browser);
  await signInTo(page, '/constraints');
}, 300_000);

afterAll(async () => {
  await app?.close();
});

async function signInTo(p: Page, path: string): Promise<void> {
  await signIn(p, app, adminEmail, path);
  await p.getByRole('heading', { name: 'Constraint library' }).waitFor();
}

/** The library's rows as the API lists them, fetched in the page with its session. */
function apiPage(p: Page, query: string): Promise<ConstraintPage> {
  return p.evaluate(async (q) => (await fetch(`/api/constraints?${q}`)).json() as Promise<ConstraintPage>, query);
}

const escalationCells = (p: Page): Promise<string[]> =>
  p.locator('table.grid tbody tr td:nth-child(6)').allTextContents();

describe('the constraint library', () => {
  it('adds a constraint with an owner and a deadline, showing the server\'s message beside the title first', async () => {
    await page.goto(`${app.url}/constraints?new=FRAUD`);
    const form = page.getByRole('form', { name: 'Add a constraint' });
    await form.waitFor();
    await page.waitForFunction(() => document.querySelector<HTMLSelectElement>('#new-program')?.selectedOptions[0]?.text.startsWith('FRAUD'));
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByLabel('Kind').selectOption('risk');
    await form.getByLabel('Dimension').selectOption('technical');
    await form.getByLabel('Owner').selectOption({ index: 1 });
    await form.getByLabel('Deadline').fill('2027-09-30');
    await form.getByRole('button', { name: 'Add constraint' }).click();
    await page.locator('#new-title-error').waitFor();
    expect(await page.locator('#new-title-error').textContent()).toMatch(/empty|required/);
    expect(await form.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);

    await form.getByLabel('Title').fill('Feature store has no second region');
    // Depends on: search as you type, add the first match.
    await form.getByLabel('Find a constraint').fill('model');
    const add = form.getByRole('button', { name: /^Add [A-Z]+-\d+$/ }).first();
    await add.waitFor();
    const dependency = ((await add.textContent()) ?? '').replace(/^Add /, '');
    await add.click();
    await form.getByRole('list', { name: 'Depends on: chosen' }).getByText(dependency).waitFor();
    await form.getByRole('button', { name: 'Add constraint' }).click();
    await page.waitForURL(/selected=FRAUD-\d+/);
    createdRef = new URL(page.url()).searchParams.get('selected') ?? '';
    await page.getByRole('heading', { name: new RegExp(`${createdRef} Feature store has no second region`) }).waitFor();
    await page.getByText(`Added ${createdRef}.`).waitFor();
    const history = page.locator('ol.history');
    await history.getByText('created').waitFor();
    await page.getByRole('list', { name: 'Depends on' }).getByRole('link', { name: dependency, exact: true }).waitFor();
  });

  it('changes the owner in the detail and the history records the change by name', async () => {
    const detail = page.locator('aside.detail');
    const owner = detail.getByLabel('Owner');
    const before = (await owner.locator('option:checked').textContent()) ?? '';
    await owner.selectOption({ index: 3 });
    const after = (await owner.locator('option:checked').textContent()) ?? '';
    expect(after).not.toBe(before);
    await detail.getByRole('button', { name: 'Save changes' }).click();
    await detail.getByText('Changes saved.').waitFor();
    await detail.locator('ol.history').getByText(`owner: ${before} → ${after}`).waitFor();
    expect(await detail.locator('dl.facts').textContent()).toContain(after);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('filters by escalation and shows only escalated rows, then only the rows at one level', async () => {
    await page.goto(`${app.url}/constraints`);
    await page.locator('table.grid tbody tr').first().waitFor();
    expect(await escalationCells(page)).toContain('—');
    await page.getByLabel('Escalation').selectOption({ label: 'Escalated (any level)' });
    await page.waitForURL(/escalated=true/);
    await page.waitForFunction(() => {
      const cells = Array.from(document.querySelectorAll('table.grid tbody tr td:nth-child(6)'));
      return cells.length > 0 && cells.every((c) => c.textContent !== '—');
    });
    const escalated = await escalationCells(page);
    expect(escalated.length).toBeGreaterThan(0);
    expect(escalated.filter((t) => t === '—')).toEqual([]);

    await page.getByLabel('Escalation').selectOption({ label: 'At level: board' });
    await page.waitForURL(/escalationLevel=board/);
    await page.waitForFunction(() => {
      const cells = Array.from(document.querySelectorAll('table.grid tbody tr td:nth-child(6)'));
      return cells.length > 0 && cells.every((c) => c.textContent?.startsWith('board'));
    });
    const atBoard = await escalationCells(page);
    expect(atBoard.every((t) => t.startsWith('board'))).toBe(true);
    expect(atBoard.length).toBeLessThan(escalated.length);
  });

  it('opens a constraint with dependencies and follows a dependency link to it, which lists the first as depending on it', async () => {
    const all = await apiPage(page, 'limit=200');
    const withDeps = all.items.find((c) => c.dependsOn.length > 0);
    expect(withDeps).toBeDefined();
    const from = withDeps?.ref ?? '';
    await page.goto(`${app.url}/constraints?selected=${from}`);
    const upstream = page.getByRole('list', { name: 'Depends on' });
    await upstream.getByRole('link').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const to = (await upstream.getByRole('link').first().textContent()) ?? '';
    await upstream.getByRole('link', { name: to, exact: true }).click();
    await page.waitForURL(new RegExp(`selected=${to}$`));
    await page.getByRole('heading', { name: new RegExp(`^${to} `) }).waitFor();
    await page.getByRole('list', { name: 'What depends on it' }).getByRole('link', { name: from, exact: true }).waitFor();
  });

  it('selects rows from the keyboard and closes the detail with Escape', async () => {
    await page.goto(`${app.url}/constraints?status=open`);
    const rows = page.locator('table.grid tbody tr');
    await rows.nth(1).waitFor();
    const second = (await rows.nth(1).getAttribute('data-ref')) ?? '';
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-ref'))).toBe(second);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`selected=${second}`));
    await page.locator('#detail-heading').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('aside.detail').waitFor({ state: 'detached' });
    expect(page.url()).not.toContain('selected=');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-ref'))).toBe(second);
  });

  it('fits a 768-pixel-wide tablet screen without horizontal scrolling, with the detail and with the add form open', async () => {
    const tablet = await app.browser.newPage({ viewport: { width: 768, height: 1024 } });
    await signInTo(tablet, `/constraints?selected=${createdRef}`);
    await tablet.locator('#detail-heading').waitFor();
    await tablet.locator('ol.history li').first().waitFor();
    expect(await tablet.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await tablet.getByRole('button', { name: 'Add a constraint' }).click();
    await tablet.getByRole('form', { name: 'Add a constraint' }).waitFor();
    expect(await tablet.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await tablet.close();
  });
});
