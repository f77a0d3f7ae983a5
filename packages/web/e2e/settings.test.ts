import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, seriousViolations } from './browser.js';
import { signIn, startDemoApp, type DemoApp } from './demo-app.js';

/**
 * The settings sections in a real browser on the demo portfolio: the admin edits the escalation ladder, the
 * criteria library, the people and the webhook channels; a viewer reads without edit controls.
 */
let app: DemoApp;
let page: Page;
let adminEmail = '';
let viewerEmail = '';

const SECTIONS = ['policy', 'criteria', 'people', 'channels', 'accounts', 'tokens'] as const;

interface StoredLevel { name: string; offsetDays: number }
interface StoredPolicy { scope: string; levels: StoredLevel[] }

beforeAll(async () => {
  app = await startDemoApp();
  adminEmail = app.email((s) => s.role === 'admin');
  viewerEmail = app.email((s) => s.role === 'viewer');
  page = await newPage(app.browser);
}, 300_000);

afterAll(async () => {
  await app?.close();
});

async function signInTo(p: Page, email: string, path: string): Promise<void> {
  await signIn(p, app, email, path);
  await p.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
}

/** A GET through the signed-in page's session, as the app itself would make it. */
function apiGet<T>(p: Page, path: string): Promise<T> {
  return p.evaluate(async (url) => (await fetch(url, { headers: { accept: 'application/json' } })).json(), path);
}

describe('settings', () => {
  it('opens the escalation policy, the first section, at /settings', async () => {
    await signInTo(page, adminEmail, '/settings');
    await page.getByRole('heading', { name: 'Escalation policy' }).waitFor();
    expect(page.url()).toMatch(/\/settings\/policy$/);
    await page.getByRole('group', { name: 'Level 3: sponsor' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link').count()).toBe(SECTIONS.length);
  });

  it('saves a new offset for the sponsor level as the workspace default', async () => {
    const offset = page.getByRole('group', { name: 'Level 3: sponsor' }).getByLabel('Days from the deadline');
    await offset.fill('10');
    await page.getByRole('button', { name: 'Save ladder' }).click();
    await page.getByRole('status').getByText(/^Saved\./).waitFor();
    const stored = await apiGet<StoredPolicy>(page, '/api/escalation-policy');
    expect(stored.scope).toBe('workspace');
    expect(stored.levels.find((l) => l.name === 'sponsor')?.offsetDays).toBe(10);
    await page.getByText('The workspace default, last changed').waitFor();
  });

  it('shows the server\'s message next to an offset it refuses, and stores nothing', async () => {
    const level = page.getByRole('group', { name: 'Level 3: sponsor' });
    const offset = level.getByLabel('Days from the deadline');
    await offset.fill('400');
    await page.getByRole('button', { name: 'Save ladder' }).click();
    await level.locator('.field-error').first().waitFor();
    expect(await offset.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await offset.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error')) ?? 'none';
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toMatch(/365/);
    expect(await seriousViolations(page)).toEqual([]);
    const stored = await apiGet<StoredPolicy>(page, '/api/escalation-policy');
    expect(stored.levels.find((l) => l.name === 'sponsor')?.offsetDays).toBe(10);
  });

  it('says a program inherits the default, then gives it its own ladder', async () => {
    await page.goto(`${app.url}/settings/policy?program=CLAIMS`);
    await page.getByText(/CLAIMS \(.*\) inherits/).waitFor();
    await page.getByRole('group', { name: 'Level 1: reminder' }).getByLabel('Days from the deadline').fill('-5');
    await page.getByRole('button', { name: 'Save ladder' }).click();
    await page.locator('.callout').getByText(/has its own ladder/).waitFor();
    const override = await apiGet<StoredPolicy>(page, '/api/programs/CLAIMS/escalation-policy');
    expect(override.scope).toBe('program');
    expect(override.levels[0]?.offsetDays).toBe(-5);
    const workspace = await apiGet<StoredPolicy>(page, '/api/escalation-policy');
    expect(workspace.levels[0]?.offsetDays).toBe(-3);
  });

  it('adds a criterion and lists it under its dimension', async () => {
    await page.goto(`${app.url}/settings/criteria`);
    const form = page.getByRole('form', { name: 'Add a criterion' });
    await form.getByLabel('Code').fill('gov-90');
    await form.getByLabel('Dimension', { exact: true }).selectOption('governance');
    await form.getByLabel('Criterion', { exact: true }).fill('The escalation ladder has been rehearsed with the sponsor.');
    await form.getByLabel('Applies from gate').selectOption('pilot');
    await form.getByRole('button', { name: 'Add reference' }).click();
    await form.getByLabel('Reference 1: provision').fill('GOVERN 9.9 not an id');
    await form.getByRole('button', { name: 'Add criterion' }).click();
    // The server judges the reference's shape and names the field.
    await form.locator('[id="new-criterion-ref-0-id-error"]').waitFor();
    await form.getByLabel('Reference 1: provision').fill('GOVERN 2.1');
    await form.getByRole('button', { name: 'Add criterion' }).click();
    await page.getByText('Criterion GOV-90 added.').waitFor();
    const governance = page.getByRole('table', { name: /governance/ });
    await governance.getByRole('row', { name: /GOV-90/ }).waitFor();
    expect(await governance.getByRole('row', { name: /GOV-90/ }).textContent()).toContain('GOVERN 2.1');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('explains a stale edit of a criterion (412), then saves it after a reload', async () => {
    await page.getByRole('link', { name: 'GOV-90' }).click();
    const edit = page.getByRole('form', { name: 'Change GOV-90' });
    await edit.waitFor();
    // Someone else changes it first, through the API.
    const status = await page.evaluate(async () => {
      const me = await (await fetch('/api/me')).json();
      const res = await fetch('/api/criteria/GOV-90', {
        method: 'PATCH', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken, 'if-match': '"1"' },
        body: JSON.stringify({ guidance: 'Minutes of the rehearsal.' }),
      });
      return res.status;
    });
    expect(status).toBe(200);
    await edit.getByLabel('Criterion', { exact: true }).fill('The ladder has been rehearsed with the sponsor and the board.');
    await edit.getByRole('button', { name: 'Save GOV-90' }).click();
    await page.getByText(/Someone else changed this criterion/).waitFor();
    await page.getByRole('button', { name: 'Reload to see their change' }).click();
    const reloaded = page.getByRole('form', { name: 'Change GOV-90' });
    expect(await reloaded.getByLabel('Guidance: what counts as evidence').inputValue()).toBe('Minutes of the rehearsal.');
    await reloaded.getByLabel('Criterion', { exact: true }).fill('The ladder has been rehearsed with the sponsor and the board.');
    await reloaded.getByLabel('Reason (kept in the history)').fill('The board asked to be included');
    await reloaded.getByRole('button', { name: 'Save GOV-90' }).click();
    await page.getByText('GOV-90 saved.').waitFor();
    await page.getByText('The board asked to be included').waitFor();
  });

  it('retires a criterion with a reason; only the retired filter lists it again', async () => {
    await page.getByLabel('Why it no longer applies').fill('Folded into GOV-04');
    await page.getByRole('button', { name: 'Retire criterion' }).click();
    await page.getByText('GOV-90 retired.').waitFor();
    await page.getByRole('heading', { name: /GOV-90/ }).getByText(/retired/).waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('link', { name: 'GOV-90' }).waitFor({ state: 'detached' });
    await page.getByLabel('Include retired').check();
    await page.getByRole('row', { name: /GOV-90/ }).getByText('retired').waitFor();
  });

  it('adds a person and makes them a board member', async () => {
    await page.goto(`${app.url}/settings/people`);
    const form = page.getByRole('form', { name: 'Add a person' });
    await form.getByLabel('Name').fill('Imogen Clarke');
    await form.getByLabel('E-mail').fill('imogen.clarke@northwind-mutual.example');
    await form.getByLabel('Title').fill('Head of Model Validation');
    await form.getByRole('button', { name: 'Add person' }).click();
    await page.getByText('Imogen Clarke added.').waitFor();
    const row = page.getByRole('row', { name: /Imogen Clarke/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Head of Model Validation');
    await row.getByRole('link', { name: 'Imogen Clarke' }).click();
    const edit = page.getByRole('form', { name: 'Change Imogen Clarke' });
    await edit.getByLabel(/Board member/).check();
    await edit.getByLabel('Title').fill('Chief Model Validation Officer');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Imogen Clarke saved.').waitFor();
    await page.getByRole('row', { name: /Chief Model Validation Officer/ }).getByText('yes').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('adds a Slack channel, shows its webhook only masked, and disables it', async () => {
    await page.goto(`${app.url}/settings/channels`);
    const form = page.getByRole('form', { name: 'Add a channel' });
    await form.getByLabel('Kind').selectOption('slack');
    await form.getByLabel('Channel name').fill('#ai-programs');
    // A loopback address: nothing leaves the machine if the outbox tries it.
    await form.getByLabel('Webhook URL').fill('http://127.0.0.1:9/services/T000/B000/SECRETXYZ');
    await form.getByRole('button', { name: 'Add channel' }).click();
    await page.getByText('Channel #ai-programs added.').waitFor();
    const row = page.getByRole('row', { name: /#ai-programs/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Slack');
    expect(await page.locator('body').textContent()).not.toContain('B000/SECRETXYZ');
    expect(await form.getByLabel('Webhook URL').inputValue()).toBe('');
    await row.getByRole('button', { name: /Disable/ }).click();
    await row.getByText('disabled').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('has no serious accessibility violation on any section', async () => {
    for (const section of SECTIONS) {
      await page.goto(`${app.url}/settings/${section}`);
      await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: /./ }).first().waitFor();
      await page.locator('.settings-body h2').first().waitFor();
      await page.waitForFunction(() => !document.querySelector('.settings-body [role="status"][aria-live="polite"]'));
      expect({ section, violations: await seriousViolations(page) }).toEqual({ section, violations: [] });
    }
  });

  it('fits a 768-pixel-wide viewport without horizontal scrolling', async () => {
    const tablet = await app.browser.newContext({ viewport: { width: 768, height: 1024 } });
    const narrow = await tablet.newPage();
    await signInTo(narrow, adminEmail, '/settings/criteria');
    for (const section of ['criteria', 'policy', 'people'] as const) {
      await narrow.goto(`${app.url}/settings/${section}`);
      await narrow.locator('.settings-body h2').first().waitFor();
      await narrow.waitForFunction(() => !document.querySelector('.settings-body [role="status"][aria-live="polite"]'));
      const [scrollWidth, innerWidth] = await narrow.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect({ section, fits: scrollWidth <= innerWidth }).toEqual({ section, fits: true });
    }
    await tablet.close();
  });

  it('shows a viewer the policy, the criteria and the people without any edit control', async () => {
    const viewer = await newPage(app.browser);
    await signInTo(viewer, viewerEmail, '/settings');
    await viewer.getByRole('table', { name: 'Escalation levels' }).waitFor();
    const nav = viewer.getByRole('navigation', { name: 'Settings sections' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Escalation policy', 'Criteria library', 'People']);
    expect(await viewer.getByRole('button', { name: 'Save ladder' }).count()).toBe(0);
    expect(await viewer.locator('.settings-body input:not([type="checkbox"]), .settings-body textarea').count()).toBe(0);
    expect(await seriousViolations(viewer)).toEqual([]);

    await viewer.goto(`${app.url}/settings/criteria?criterion=GOV-01`);
    await viewer.getByRole('heading', { name: 'GOV-01' }).waitFor();
    await viewer.getByRole('heading', { name: 'History' }).waitFor();
    expect(await viewer.getByRole('form').count()).toBe(0);
    expect(await viewer.getByRole('button', { name: /Add|Save|Retire|Remove/ }).count()).toBe(0);
    expect(await seriousViolations(viewer)).toEqual([]);

    await viewer.goto(`${app.url}/settings/people`);
    await viewer.getByRole('row', { name: /Imogen Clarke/ }).waitFor();
    expect(await viewer.getByRole('form').count()).toBe(0);
    expect(await viewer.getByRole('table').getByRole('link').count()).toBe(0);
    expect(await seriousViolations(viewer)).toEqual([]);

    await viewer.goto(`${app.url}/settings/accounts`);
    await viewer.getByText('Only an admin can see accounts.').waitFor();
    await viewer.close();
  });
});
