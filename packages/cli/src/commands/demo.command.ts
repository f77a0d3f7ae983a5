import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { localDate } from '@handoff/core';
import type { Handoff } from '@handoff/server';
import type { Command } from 'commander';
import { dataDirOption, openFailure, timeZoneFromEnv } from '../client-options.js';
import { readOptions } from '../options.js';
import { printLine } from '../output/print.js';
import { listenOptions, serveUntilSignal, withListenOptions } from '../serve-runner.js';

/**
 * `handoff demo`: the demo portfolio in its own PGlite data directory (never DATABASE_URL, so a demo
 * cannot land in a real database), loaded on first run and served.
 */
export function registerDemo(program: Command): void {
  withListenOptions(program.command('demo').description('load the demo portfolio into its own data directory and serve it'))
    .addOption(dataDirOption('./.handoff-demo', false))
    .option('--reset', 'delete the demo data first and load it afresh')
    .action(async (_options: unknown, command: Command) => {
      const o = readOptions(command);
      const dataDir = resolve(o.string('dataDir') ?? './.handoff-demo');
      const { lockDataDir, openHandoff } = await import('@handoff/server');
      if (o.flag('reset')) resetDemoData(dataDir, lockDataDir);
      const timeZone = timeZoneFromEnv();
      const handoff = await openHandoff({ database: { kind: 'pglite', dataDir }, actorLabel: 'demo', ...(timeZone ? { timeZone } : {}) })
        .catch(async (error: unknown) => { throw await openFailure(error, dataDir); });
      try {
        printLine(await loadIfEmpty(handoff, dataDir));
      } catch (error) {
        await handoff.close();
        throw error;
      }
      await serveUntilSignal(handoff, listenOptions(command), (url) => [
        `Handoff demo serving ${dataDir}`,
        `open ${url.replace('//127.0.0.1:', '//localhost:')} (API docs at /docs); stop with Ctrl+C`,
      ]);
    });
}

/**
 * Deletes the database of a demo data directory, but only while no process holds it (the lock is
 * taken first) and only what Handoff put there (`pgdata`): a mistyped --data-dir loses nothing else.
 */
function resetDemoData(dataDir: string, lockDataDir: (dir: string, now: () => Date) => () => void): void {
  if (!existsSync(dataDir)) return;
  const release = lockDataDir(dataDir, () => new Date());
  try {
    rmSync(join(dataDir, 'pgdata'), { recursive: true, force: true });
  } finally {
    release();
  }
}

async function loadIfEmpty(handoff: Handoff, dataDir: string): Promise<string> {
  const people = await handoff.services.people.list(handoff.actor, { limit: 1 });
  const programs = await handoff.services.programs.list(handoff.actor, { limit: 1 });
  if (people.rows.length > 0 || programs.rows.length > 0) {
    const { DEMO_PASSWORD } = await import('@handoff/server');
    return `${dataDir} already holds data: serving it as it is (pass --reset to load the demo afresh); ` +
      `demo accounts sign in with the password ${DEMO_PASSWORD} unless it was changed`;
  }
  const { DEMO_PASSWORD, loadDemoAccounts, loadDemoPortfolio } = await import('@handoff/server');
  const s = await loadDemoPortfolio(handoff, localDate(new Date(), handoff.workspace.time_zone));
  const signIns = await loadDemoAccounts(handoff);
  const width = Math.max(...signIns.map((a) => a.email.length));
  const table = signIns.map((a) => `  ${a.email.padEnd(width)}  ${a.role.padEnd(11)}  ${a.note}`);
  const summary = `loaded the demo portfolio: ${s.programs} programs, ${s.people} people, ${s.constraints} constraints ` +
    `(${s.overdue} overdue), ${s.dependencies} dependencies; ${s.governance.assessments} readiness results, ` +
    `${s.governance.roles} governance roles held, ${s.governance.monitors} monitors with ${s.governance.readings} readings; ` +
    `${s.plans.gates} planned gates; ${s.economics.models} cost models (pilot economics: ${s.economics.pilotEconomics.join(', ') || 'none'})`;
  return [summary, `sign in as any of these with the password ${DEMO_PASSWORD}:`, ...table].join('\n');
}
