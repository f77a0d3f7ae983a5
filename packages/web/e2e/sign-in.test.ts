import { openHandoff, serveHandoff, type RunningServer } from '@handoff/server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, seriousViolations } from './browser.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  const handoff = await openHandoff({ database: { kind: 'pglite', dataDir: null } });
  server = await serveHandoff(handoff, { port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the web app in a real browser', () => {
  it('is served at / and shows the sign-in page, with no serious accessibility violation', async () => {
    const page = await newPage(browser);
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'Sign in to Handoff' }).isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('E-mail').isVisible()).resolves.toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('answers a deep link with the app, not a 404, and leaves the API its own 401', async () => {
    const deep = await fetch(`${server.url}/programs/CLAIMS?tab=brief`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toContain('text/html');
    expect(await deep.text()).toContain('<div id="root">');
    const api = await fetch(`${server.url}/api/programs`);
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });
});
