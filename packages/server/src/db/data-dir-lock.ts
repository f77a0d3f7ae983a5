import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** What the lock file records about its holder. */
interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

/** The data directory is in use by another live process. */
export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string, readonly holder: LockInfo) {
    super(
      `data directory ${dataDir} is in use by process ${holder.pid} on ${holder.host} (since ${holder.startedAt}); ` +
        'stop that process or use another --data-dir',
    );
  }
}

/**
 * Takes an exclusive lock on a PGlite data directory (PGlite has none of its own, and two processes
 * writing one directory corrupt it). The lock file is created with O_EXCL; a lock left by a process
 * that no longer exists on this host is stale and is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string, now: () => Date): () => void {
  const path = join(dataDir, 'handoff.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      const info: LockInfo = { pid: process.pid, host: hostname(), startedAt: now().toISOString() };
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      return () => releaseIfOurs(path);
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
      const holder = readHolder(path);
      if (holder && isAlive(holder)) throw new DataDirLockedError(dataDir, holder);
      // Stale (dead holder, or an unreadable half-written file from a crash): take it over.
      try { unlinkSync(path); } catch (e) { if (!isCode(e, 'ENOENT')) throw e; }
    }
  }
  const holder = readHolder(path);
  throw new DataDirLockedError(dataDir, holder ?? { pid: 0, host: 'unknown', startedAt: 'unknown' });
}

function releaseIfOurs(path: string): void {
  const holder = readHolder(path);
  if (holder?.pid === process.pid && holder.host === hostname()) {
    try { unlinkSync(path); } catch { /* already gone */ }
  }
}

function readHolder(path: string): LockInfo | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'pid' in parsed && typeof parsed.pid === 'number') {
      const host = 'host' in parsed && typeof parsed.host === 'string' ? parsed.host : hostname();
      const startedAt = 'startedAt' in parsed && typeof parsed.startedAt === 'string' ? parsed.startedAt : 'unknown';
      return { pid: parsed.pid, host, startedAt };
    }
    return null;
  } catch {
    return null;
  }
}

function isAlive(holder: LockInfo): boolean {
  // A holder on another host cannot be checked from here: treat it as alive.
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return !isCode(error, 'ESRCH');
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}
