import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs it with apt-get); a browser cannot be downloaded on these machines. */
export const CHROMIUM = process.env.HANDOFF_CHROMIUM ?? '/usr/bin/chromium';

/** Launches headless Chromium with the flags issue 8 names. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** One accessibility finding of axe-core. */
export interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }

/**
 * A page whose context lets the test inject axe-core despite the app's Content-Security-Policy (which
 * forbids inline scripts, as it should); the app's own code runs under the same rules either way.
 */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

/** Runs axe-core in the page and returns the serious and critical violations (the ones a screen must not have). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Saves a screenshot of a main screen when HANDOFF_SCREENSHOTS names a directory (`npm run screenshots` sets it to
 * docs/screenshots, the images the README shows); otherwise does nothing, so test runs leave the repository alone.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.HANDOFF_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
}
