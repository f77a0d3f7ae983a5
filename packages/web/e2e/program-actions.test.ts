import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, seriousViolations } from './browser.js';
import { signIn, startDemoApp, type DemoApp } from './demo-app.js';

/**
 * Acting on programs in the browser (issue 8): start one, edit it, move CLAIMS through its closed
 * limited-rollout gate (refused, then overridden by its sponsor), assign a vacant role, re-plan a gate.
 * The demo's CLAIMS is in production-readiness with governance unmet and its drift monitor role vacant.
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

const noHorizontalScroll = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** Runs `check` at tablet width, then goes back to desktop width. */
async function atTabletWidth(p: Page, check: () => Promise<void>): Promise<void> {
  await p.setViewportSize({ width: 768, height: 1024 });
  try {
    await check();
  } finally {
    await p.setViewportSize({ width: 1280, height: 900 });
  }
}

async function openProgram(p: Page, key: string): Promise<void> {
  await p.goto(`${app.url}/programs/${key}`);
  await p.getByRole('heading', { name: /The brief/ }).waitFor();
}

const isoDaysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('program actions', () => {
  it('creates a program from the portfolio, naming an empty name beside the Name field, and lands on its page', async () => {
    await page.getByRole('link', { name: 'New program' }).click();
    await page.getByRole('heading', { name: 'New program' }).waitFor();
    await page.getByRole('button', { name: 'Create program' }).click();
    const name = page.getByLabel('Name', { exact: true });
    await page.locator('#new-program-name-error').waitFor();
    expect(await page.locator('#new-program-name-error').textContent()).toBe('must not be empty');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await atTabletWidth(page, async () => expect(await noHorizontalScroll(page)).toBe(true));

    await name.fill('Underwriting assistant');
    await page.getByLabel('Executive sponsor').selectOption({ index: 1 });
    await page.getByLabel('Target production date').fill('2031-06-30');
    await page.getByRole('button', { name: 'Create program' }).click();
    await page.waitForURL(/\/programs\/[A-Z][A-Z0-9]+$/);
    await page.getByRole('heading', { name: /Underwriting assistant/ }).waitFor();
    expect(await page.locator('.program > p').first().textContent()).toContain('target production 2031-06-30');
  });

  it('edits the new program\'s target production date and shows it in the header', async () => {
    await page.getByRole('button', { name: 'Edit program' }).click();
    await page.getByRole('heading', { name: /^Edit / }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await atTabletWidth(page, async () => expect(await noHorizontalScroll(page)).toBe(true));
    await page.getByLabel('Target production date').fill('2031-09-30');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Program saved.' }).waitFor();
    await page.getByText('target production 2031-09-30').waitFor();
    expect(await page.getByRole('heading', { name: /^Edit / }).count()).toBe(0);
  });

  it('assigns the vacant drift monitor role of CLAIMS, and the vacancy is no longer called out', async () => {
    await openProgram(page, 'CLAIMS');
    const ownership = page.locator('section[aria-labelledby="ownership-heading"]');
    await ownership.getByRole('table', { name: 'Governance roles and their holders' }).waitFor();
    expect(await ownership.locator('p.warn').first().textContent()).toContain('Drift monitor');
    const row = ownership.getByRole('form', { name: 'Holder of Drift monitor' });
    await row.getByLabel('Holder of Drift monitor').selectOption({ index: 1 });
    await row.getByRole('button', { name: 'Assign' }).click();
    await ownership.getByRole('status').filter({ hasText: 'now holds Drift monitor' }).waitFor();
    expect(await ownership.locator('p').filter({ hasText: /^Gaps:/ }).textContent()).not.toContain('Drift monitor');
    expect(await ownership.getByRole('row', { name: /Drift monitor/ }).getByText('vacant').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('changes the planned limited-rollout date of CLAIMS and the gates table shows it', async () => {
    const date = isoDaysFromToday(14);
    const timeline = page.locator('section[aria-labelledby="timeline-heading"]');
    await timeline.getByRole('button', { name: 'Edit the plan' }).click();
    await timeline.getByLabel('limited-rollout gate').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await timeline.getByLabel('limited-rollout gate').fill(date);
    await timeline.getByRole('button', { name: 'Save the plan' }).click();
    await timeline.getByRole('status').filter({ hasText: 'Plan saved' }).waitFor();
    const row = timeline.getByRole('table', { name: 'Gates' }).getByRole('row', { name: /^limited-rollout/ });
    await row.getByRole('cell', { name: date, exact: true }).waitFor();
    expect(await row.getByRole('cell').first().textContent()).toBe(date);
  });

  it('refuses to move CLAIMS to limited rollout, listing each unmet dimension, and tells an admin who may override', async () => {
    await openProgram(page, 'CLAIMS');
    await page.getByRole('button', { name: 'Move to limited rollout' }).click();
    const refusal = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'The limited rollout gate is closed' }) });
    await refusal.locator('.unmet-list li').first().waitFor();
    const unmet = await refusal.locator('.unmet-list li').allTextContents();
    expect(unmet.some((line) => line.startsWith('governance is not met'))).toBe(true);
    expect(await refusal.getByRole('link', { name: 'See the readiness section' }).getAttribute('href')).toBe('#readiness-heading');
    await page.getByText('Only the program’s sponsor or a board member can override a closed gate.').waitFor();
    expect(await page.getByRole('button', { name: 'Override the gate' }).count()).toBe(0);
    expect(await page.locator('.program > p').first().textContent()).toContain('Phase production-readiness');
    expect(await seriousViolations(page)).toEqual([]);
    await atTabletWidth(page, async () => expect(await noHorizontalScroll(page)).toBe(true));
  });

  it('lets the sponsor of CLAIMS override the closed gate with a reason, moving the phase and recording the override', async () => {
    const sponsor = await newPage(app.browser);
    await signIn(sponsor, app, app.email((s) => s.note === 'sponsor of CLAIMS'), '/programs/CLAIMS');
    await sponsor.getByRole('heading', { name: /The brief/ }).waitFor();
    await sponsor.getByRole('button', { name: 'Move to limited rollout' }).click();
    await sponsor.getByRole('heading', { name: 'Override the limited rollout gate' }).waitFor();
    expect(await sponsor.getByRole('button', { name: 'Override the gate' }).isDisabled()).toBe(true);
    expect(await seriousViolations(sponsor)).toEqual([]);
    await atTabletWidth(sponsor, async () => expect(await noHorizontalScroll(sponsor)).toBe(true));
    await sponsor.getByLabel('Reason (required, kept in the history)').fill('Regulator sign-off is booked; the rollout is limited to two regions.');
    await sponsor.getByRole('button', { name: 'Override the gate' }).click();
    await sponsor.getByRole('status').filter({ hasText: 'with the gate overridden' }).waitFor();
    await sponsor.getByText('Phase limited-rollout', { exact: false }).waitFor();
    const overrides = sponsor.locator('.gate-overrides');
    await overrides.getByText(/production-readiness → limited-rollout, overridden by .+ Reason: “Regulator sign-off is booked/).waitFor();
    expect(await overrides.getByText(/Unmet then: .*governance/).count()).toBe(1);
    expect(await sponsor.getByRole('button', { name: 'Move to production' }).count()).toBe(1);

    // Moving back needs no gate, but a reason, which the history keeps.
    await sponsor.getByRole('button', { name: 'Move back to production readiness…' }).click();
    expect(await sponsor.getByRole('button', { name: 'Move back to production readiness', exact: true }).isDisabled()).toBe(true);
    await sponsor.getByLabel('Reason (required, kept in the history)').fill('The second region pulled out; back to readiness work.');
    await sponsor.getByRole('button', { name: 'Move back to production readiness', exact: true }).click();
    await sponsor.getByText('Phase production-readiness', { exact: false }).waitFor();
    const history = await sponsor.evaluate(async () => (await (await fetch('/api/programs/CLAIMS/history?limit=200')).json()) as { items: { field: string; after: unknown; reason: string | null }[] });
    expect(history.items.some((h) => h.field === 'phase' && h.after === 'production-readiness' && h.reason === 'The second region pulled out; back to readiness work.')).toBe(true);
    await sponsor.context().close();
  });
});
