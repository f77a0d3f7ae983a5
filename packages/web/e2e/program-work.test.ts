import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, seriousViolations } from './browser.js';
import { signIn, startDemoApp, type DemoApp } from './demo-app.js';

/**
 * The work a program's leads do on its page (issue 8): assess readiness, open a constraint from a gap, edit the
 * economics. Signed in as the COO, the sponsor of CLAIMS, whose governance criteria GOV-02, GOV-04 and GOV-05 are
 * not met and whose production model (pilot economics) has no adoption or governance costs.
 */
let app: DemoApp;
let page: Page;

beforeAll(async () => {
  app = await startDemoApp();
  page = await newPage(app.browser);
  await signIn(page, app, app.email((s) => s.note === 'sponsor of CLAIMS'));
}, 300_000);

afterAll(async () => {
  await app?.close();
});

const readiness = () => page.locator('section[aria-labelledby="readiness-heading"]');
const economics = () => page.locator('section[aria-labelledby="economics-heading"]');
const bars = () => readiness().getByRole('img', { name: /^technical \d+%/ });
const governanceScore = async () => Number(/governance (\d+)%/.exec((await bars().getAttribute('aria-label')) ?? '')?.[1]);
const assessRow = (code: string) => readiness().locator('.assess-row', { has: page.locator('strong', { hasText: new RegExp(`^${code}$`) }) });
const noHorizontalScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

async function openProgram(key: string): Promise<void> {
  await page.goto(`${app.url}/programs/${key}`);
  await bars().waitFor();
  await economics().getByRole('table', { name: 'Pilot and production side by side' }).waitFor();
}

describe('assessing readiness on the program page', () => {
  it('records one assessment of two criteria, showing the server\'s message beside the criterion it names first, and the score changes', async () => {
    await openProgram('CLAIMS');
    const before = await governanceScore();
    await readiness().getByRole('button', { name: 'Assess', exact: true }).click();
    await readiness().getByRole('heading', { name: /^Assess readiness for the / }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await assessRow('GOV-04').getByLabel('New status of GOV-04').selectOption('partial');
    await assessRow('GOV-04').getByLabel('Evidence for GOV-04').fill('Drift alerts now page the output owner; the rota is not yet agreed.');
    await assessRow('GOV-05').getByLabel('New status of GOV-05').selectOption('met');
    await assessRow('GOV-05').getByLabel('Evidence for GOV-05').fill('');
    await readiness().getByRole('button', { name: 'Submit the assessment (2 criteria)' }).click();
    const evidence = assessRow('GOV-05').getByLabel('Evidence for GOV-05');
    await page.waitForFunction(() => document.querySelector('.assess-row [aria-invalid="true"]') !== null);
    expect(await evidence.getAttribute('aria-invalid')).toBe('true');
    expect(await assessRow('GOV-05').locator('.field-error').textContent()).toMatch(/required when the status is met/);
    expect(await assessRow('GOV-04').locator('.field-error').count()).toBe(0);

    await evidence.fill('The COO may pause the model (delegation signed 2 June).');
    await readiness().getByRole('button', { name: 'Submit the assessment (2 criteria)' }).click();
    await readiness().getByRole('status').filter({ hasText: 'Assessment of 2 criteria recorded.' }).waitFor();
    await page.waitForFunction((b) => {
      const label = document.querySelector('section[aria-labelledby="readiness-heading"] svg[role="img"]')?.getAttribute('aria-label') ?? '';
      return Number(/governance (\d+)%/.exec(label)?.[1]) !== b;
    }, before);
    expect(await governanceScore()).toBeGreaterThan(before);
    const trend = readiness().getByRole('img', { name: /^Readiness trend for the / });
    await expect.poll(async () => ((await trend.getAttribute('aria-label')) ?? '').match(/\d{4}-\d\d-\d\d: technical/g)?.length).toBe(3);
  });

  it('opens a constraint for an unmet criterion in one step and links to it in the library', async () => {
    await openProgram('CLAIMS');
    await readiness().locator('summary', { hasText: /^governance/ }).click();
    await readiness().getByRole('button', { name: 'Open a constraint for this gap (GOV-02)' }).click();
    const form = readiness().getByRole('form', { name: 'Open a constraint for the gap on GOV-02' });
    await form.getByRole('button', { name: 'Open the constraint' }).click();
    await form.locator('.field-error').first().waitFor();
    expect(await form.getByLabel('Owner').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Owner').selectOption({ index: 1 });
    await form.getByLabel('Deadline').fill('2031-03-31');
    await form.getByRole('button', { name: 'Open the constraint' }).click();
    const link = readiness().getByRole('status').getByRole('link', { name: /^CLAIMS-\d+$/ });
    await link.waitFor();
    const ref = (await link.textContent()) ?? '';
    expect(await link.getAttribute('href')).toBe(`/constraints?selected=${ref}`);
    await link.click();
    await page.waitForURL(new RegExp(`/constraints\\?selected=${ref}$`));
    expect(await page.locator('#detail-heading').textContent()).toContain(ref);
    expect(await page.locator('#detail-heading').textContent()).toContain('Readiness gap');
  });
});

describe('editing the economics on the program page', () => {
  const missing = () => economics().locator('.missing');

  it('adds the missing production cost categories until the pilot-economics flag clears', async () => {
    await openProgram('CLAIMS');
    expect(await missing().textContent()).toMatch(/no adoption, governance costs/);
    await economics().getByRole('button', { name: 'Add a governance cost' }).click();
    const form = economics().getByRole('form', { name: 'Add an item' });
    expect(await form.getByLabel('Category').inputValue()).toBe('governance');
    expect(await form.getByLabel('Scope').inputValue()).toBe('production');
    await form.getByLabel(/^Amount/).fill('12,5');
    await form.getByRole('button', { name: 'Add the item' }).click();
    await form.locator('#add-item-amount-error').waitFor();
    expect(await form.getByLabel(/^Amount/).getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);

    await form.getByLabel(/^Amount/).fill('1500.50');
    await form.getByRole('button', { name: 'Add the item' }).click();
    await page.waitForFunction(() => !document.querySelector('section[aria-labelledby="economics-heading"] .missing')?.textContent?.includes('governance'));
    expect(await missing().textContent()).toMatch(/no adoption costs/);
    expect(await economics().getByRole('table', { name: /^Production items/ }).textContent()).toContain('1500.50 GBP');

    await economics().getByRole('button', { name: 'Add an adoption cost' }).click();
    await form.getByLabel(/^Amount/).fill('4000');
    await form.getByLabel('Recurrence').selectOption('one-off');
    await form.getByRole('button', { name: 'Add the item' }).click();
    await missing().waitFor({ state: 'detached' });
    expect(await economics().locator('p.warn').count()).toBe(0);
  });

  it('edits an item\'s amount with its version and retires another with a reason', async () => {
    await openProgram('CLAIMS');
    await economics().getByRole('button', { name: 'Edit Model serving in two data centres' }).click();
    const edit = economics().getByRole('form', { name: 'Edit “Model serving in two data centres”' });
    await edit.getByLabel(/^Amount/).fill('6500.00');
    expect(await seriousViolations(page)).toEqual([]);
    await edit.getByRole('button', { name: 'Save the item' }).click();
    await economics().getByRole('status').filter({ hasText: 'Saved “Model serving in two data centres”.' }).waitFor();
    const row = economics().getByRole('row', { name: /Model serving in two data centres/ });
    expect(await row.textContent()).toContain('6500.00 GBP');

    await economics().getByRole('button', { name: 'Retire Pilot build and claims-system hook' }).click();
    const retire = economics().getByRole('form', { name: 'Retire “Pilot build and claims-system hook”' });
    await retire.getByLabel('Reason').fill('Counted twice: the build is in the integration budget.');
    await retire.getByRole('button', { name: 'Retire the item' }).click();
    await economics().getByRole('status').filter({ hasText: 'Retired' }).waitFor();
    expect(await economics().getByRole('row', { name: /Pilot build and claims-system hook/ }).count()).toBe(0);
  });

  it('has no horizontal page scroll at tablet width with the assess mode and the economics editor open', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    try {
      await openProgram('CLAIMS');
      await readiness().getByRole('button', { name: 'Assess', exact: true }).click();
      await economics().getByRole('button', { name: /^Edit / }).first().click();
      expect(await noHorizontalScroll()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});

describe('a reader of the program page', () => {
  it('sees the criteria, the items and what production lacks, but no assess, gap or edit controls', async () => {
    const reader = await newPage(app.browser);
    try {
      await signIn(reader, app, app.email((s) => s.role === 'viewer'), '/programs/DESK');
      const items = reader.getByRole('table', { name: /^Production items/ });
      await items.waitFor();
      expect(await items.locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await reader.locator('.missing').textContent()).toMatch(/^Pilot economics: the production model has no adoption, workforce costs/);
      await reader.locator('summary', { hasText: /^governance/ }).click();
      expect(await reader.locator('li.criterion').count()).toBeGreaterThan(0);
      expect(await reader.getByRole('button', { name: 'Assess', exact: true }).count()).toBe(0);
      expect(await reader.getByRole('button', { name: /^Open a constraint for this gap/ }).count()).toBe(0);
      expect(await reader.getByRole('button', { name: /^(Edit|Retire|Add) / }).count()).toBe(0);
      expect(await reader.getByRole('form', { name: 'Cost model' }).count()).toBe(0);
    } finally {
      await reader.context().close();
    }
  });
});
