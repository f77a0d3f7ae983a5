import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runEvery } from './scheduler.js';

/** Waits until `condition` holds (polling), so the tests do not depend on how busy the machine is. */
async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(2);
  }
}

describe('runEvery', () => {
  it('never runs a job twice at once, even when a run outlasts the interval', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const stop = runEvery('slow', 1, async () => {
      running += 1;
      most = Math.max(most, running);
      await sleep(20);
      running -= 1;
      runs += 1;
    }, () => {});
    await until(() => runs >= 3);
    await stop();
    expect(most).toBe(1);
  });

  it('waits for the run in flight when stopped, then runs no more', async () => {
    let started = 0;
    let finished = 0;
    const stop = runEvery('job', 1, async () => {
      started += 1;
      await sleep(30);
      finished += 1;
    }, () => {});
    await until(() => started === 2);
    await stop();
    expect(finished).toBe(2);
    await sleep(50);
    expect(started).toBe(2);
  });

  it('reports a failing run with the job name and keeps the schedule going', async () => {
    const errors: string[] = [];
    let calls = 0;
    const stop = runEvery('flaky', 1, async () => {
      calls += 1;
      if (calls === 1) throw new Error('boom');
    }, (error, name) => errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`));
    await until(() => calls >= 3);
    await stop();
    expect(errors).toEqual(['flaky: boom']);
  });
});
