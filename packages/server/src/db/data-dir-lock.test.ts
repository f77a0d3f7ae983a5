import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js';

const now = (): Date => new Date('2026-11-25T09:00:00.000Z');
let dir: string;
let lockFile: string;
const releases: (() => void)[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'handoff-lock-'));
  lockFile = join(dir, 'handoff.lock');
});
afterEach(() => {
  for (const release of releases.splice(0)) release();
  rmSync(dir, { recursive: true, force: true });
});

function lock(): () => void {
  const release = lockDataDir(dir, now);
  releases.push(release);
  return release;
}

function holderPid(): unknown {
  const parsed: unknown = JSON.parse(readFileSync(lockFile, 'utf8'));
  return typeof parsed === 'object' && parsed !== null && 'pid' in parsed ? parsed.pid : undefined;
}

/** The pid of a process that has certainly exited: a child we started and waited for. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  const pid = child.pid;
  if (pid === undefined) throw new Error('the child process did not start');
  await new Promise<void>((resolve, reject) => {
    child.once('exit', () => resolve());
    child.once('error', reject);
  });
  return pid;
}

describe('lockDataDir', () => {
  it('writes a lock file naming this process', () => {
    lock();
    expect(holderPid()).toBe(process.pid);
  });

  it('refuses a second lock on the same directory, naming the directory and the holder pid', () => {
    lock();
    let thrown: unknown;
    try { lockDataDir(dir, now); } catch (error) { thrown = error; }
    expect(thrown).toBeInstanceOf(DataDirLockedError);
    if (!(thrown instanceof DataDirLockedError)) return;
    expect(thrown.dataDir).toBe(dir);
    expect(thrown.holder.pid).toBe(process.pid);
    expect(thrown.message).toContain(dir);
    expect(thrown.message).toContain(String(process.pid));
    // The refused attempt leaves the holder's lock in place.
    expect(holderPid()).toBe(process.pid);
  });

  it('takes over a stale lock whose process has exited', async () => {
    const pid = await deadPid();
    writeFileSync(lockFile, JSON.stringify({ pid, host: hostname(), startedAt: '2026-11-24T08:00:00.000Z' }));
    lock();
    expect(holderPid()).toBe(process.pid);
  });

  it.each([
    ['garbage', 'not json at all {'],
    ['an empty file (a crash while writing)', ''],
    ['JSON without a pid', JSON.stringify({ host: 'x' })],
  ])('takes over a lock file holding %s', (_label, content) => {
    writeFileSync(lockFile, content);
    lock();
    expect(holderPid()).toBe(process.pid);
  });

  it('treats a lock held on another host as live, since that process cannot be checked from here', async () => {
    const pid = await deadPid();
    writeFileSync(lockFile, JSON.stringify({ pid, host: `not-${hostname()}`, startedAt: '2026-11-24T08:00:00.000Z' }));
    expect(() => lockDataDir(dir, now)).toThrow(DataDirLockedError);
    expect(holderPid()).toBe(pid);
  });

  it('removes the lock file on release, so the directory can be locked again', () => {
    const release = lock();
    expect(existsSync(lockFile)).toBe(true);
    release();
    expect(existsSync(lockFile)).toBe(false);
    lock();
    expect(holderPid()).toBe(process.pid);
  });

  it('leaves alone a lock file that another process has taken since', async () => {
    const release = lock();
    const other = JSON.stringify({ pid: await deadPid(), host: hostname(), startedAt: '2026-11-25T10:00:00.000Z' });
    writeFileSync(lockFile, other);
    release();
    expect(readFileSync(lockFile, 'utf8')).toBe(other);
  });
});
