import { DEMO_PASSWORD, loadDemoAccounts, loadDemoPortfolio, openHandoff, serveHandoff, type DemoSignIn } from '@handoff/server';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';

/** The demo portfolio served on loopback with a browser to drive it: what every browser test starts from. */
export interface DemoApp {
  /** The server's origin, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  readonly browser: Browser;
  /** The e-mail of the first demo account whose role or note matches. */
  email(match: (signIn: DemoSignIn) => boolean): string;
  /** Closes the browser and stops the server. */
  close(): Promise<void>;
}

/**
 * Loads the demo portfolio and its accounts into an in-memory database, runs one escalation sweep (what a serving
 * process does within its first minute: overdue constraints escalate, board levels raise decisions), serves it on
 * a free loopback port and launches Chromium.
 */
export async function startDemoApp(): Promise<DemoApp> {
  const handoff = await openHandoff({ database: { kind: 'pglite', dataDir: null }, actorLabel: 'demo' });
  await loadDemoPortfolio(handoff, new Date().toISOString().slice(0, 10));
  const signIns = await loadDemoAccounts(handoff);
  await handoff.services.escalations.sweep(new Date());
  const server = await serveHandoff(handoff, { port: 0, host: '127.0.0.1' });
  const browser = await launchBrowser();
  return {
    url: server.url, browser,
    email(match) {
      const found = signIns.find(match);
      if (!found) throw new Error('no demo account matches');
      return found.email;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Opens `path` on the app, signs in on the sign-in page it shows with the demo password, and waits for the signed-in frame. */
export async function signIn(page: Page, app: DemoApp, email: string, path = '/'): Promise<void> {
  await page.goto(`${app.url}${path}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}
