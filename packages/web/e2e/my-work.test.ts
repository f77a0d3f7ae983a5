import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, seriousViolations } from './browser.js';
import { signIn, startDemoApp, type DemoApp } from './demo-app.js';

/**
 * My work of issue 8 against the demo portfolio, as the model-risk owner (escalations reached them in the demo's
 * first sweep): owned constraints by urgency, the inbox read one by one and all at once, a calendar feed.
 */
let app: DemoApp;
let page: Page;

beforeAll(async () => {
  app = await startDemoApp();
  page = await newPage(app.browser);
  await signIn(page, app, app.email((s) => s.note.includes('model-risk')), '/my-work');
  await page.getByRole('heading', { name: 'My work' }).waitFor();
}, 300_000);

afterAll(async () => {
  await app?.close();
});

const inbox = () => page.locator('section[aria-labelledby="inbox-heading"]');
const unread = async () => Number(((await inbox().getByText(/^\d+ unread$/).textContent()) ?? '').split(' ')[0]);
const noHorizontalScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('my work', () => {
  it('lists the constraints I own most overdue first, each linked to the library', async () => {
    const items = page.locator('section[aria-labelledby="owned-heading"] li');
    await items.first().waitFor();
    const overdue = await items.evaluateAll((lis) => lis.map((li) => Number(/(\d+) d overdue/.exec(li.textContent ?? '')?.[1] ?? 0)));
    expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
    expect(await items.first().getByRole('link').getAttribute('href')).toMatch(/^\/constraints\?selected=[A-Z]+-\d+$/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('marks one inbox item read, then all of them', async () => {
    await inbox().getByText(/^\d+ unread$/).waitFor();
    const before = await unread();
    expect(before).toBeGreaterThan(1);
    await inbox().getByRole('button', { name: /^Mark read: / }).first().click();
    await inbox().getByText(`${before - 1} unread`, { exact: true }).waitFor();
    expect(await inbox().getByRole('button', { name: /^Mark read: / }).count()).toBe(before - 1);
    await inbox().getByRole('button', { name: 'Mark all read' }).click();
    await inbox().getByText('0 unread', { exact: true }).waitFor();
    expect(await inbox().getByRole('button', { name: /^Mark read: / }).count()).toBe(0);
    expect(await inbox().getByRole('status').textContent()).toContain('marked read');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('creates a calendar feed whose URL answers a VCALENDAR, then revokes it and the URL is refused', async () => {
    await page.getByLabel('Where you will use it (optional)').fill('e2e calendar');
    await page.getByRole('button', { name: 'Create a calendar feed' }).click();
    const url = await page.getByLabel('Calendar feed URL').inputValue();
    expect(url).toMatch(/\/calendar\/.+\.ics$/);
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    expect(await page.getByRole('button', { name: 'Copy the URL' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: /^Revoke e2e calendar/ }).click();
    await page.getByText(/^Revoked e2e calendar/).waitFor();
    expect(await page.getByLabel('Calendar feed URL').count()).toBe(0);
    expect((await fetch(url)).status).toBe(404);
    expect(await page.locator('section[aria-labelledby="calendar-heading"] li', { hasText: 'e2e calendar' }).getByText(/^revoked/).count()).toBe(1);
  });

  it('has no serious accessibility violation and no horizontal page scroll at tablet width', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    try {
      await page.goto(`${app.url}/my-work`);
      await page.locator('section[aria-labelledby="escalated-heading"] li').first().waitFor();
      await inbox().getByText(/unread$/).waitFor();
      expect(await noHorizontalScroll()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
