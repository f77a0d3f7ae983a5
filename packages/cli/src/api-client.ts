import { userInfo } from 'node:os';
import type { Handoff } from '@handoff/server';
import { CliError } from './cli-error.js';

/**
 * Every CLI command talks to the API through this one seam: either a remote server (`--url`) over
 * HTTP, or an in-process Handoff on a data directory, called through the same routing, validation
 * and error handling as HTTP (no second code path).
 */
export interface ApiClient {
  /** Sends a request; `path` starts with /api. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Where the data lives, for messages: a URL or a data directory. */
  readonly target: string;
  close(): Promise<void>;
}

/**
 * A client for a running server, sending `token` (`hnd_…`) as `Authorization: Bearer`. A 401 answer becomes
 * one CliError line saying which credential to give (every caller reports CliErrors as they are).
 */
export function remoteClient(baseUrl: string, token?: string): ApiClient {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    target: base,
    fetch: async (path, init = {}) => {
      const headers = new Headers(init.headers);
      if (token) headers.set('authorization', `Bearer ${token}`);
      const res = await fetch(`${base}${path}`, { ...init, headers });
      if (res.status === 401) throw new CliError(unauthorizedLine(base, token !== undefined && token !== ''));
      return res;
    },
    close: async () => {},
  };
}

/** What to do about a 401: give a token, or replace the one given. */
export function unauthorizedLine(base: string, sentToken: boolean): string {
  return sentToken
    ? `${base} did not accept the API token (revoked, expired or mistyped): check HANDOFF_TOKEN / --token`
    : `${base} needs an API token: set HANDOFF_TOKEN or pass --token hnd_… (an admin creates one with \`handoff tokens create\`)`;
}

/** Options of an in-process client: the time zone of a first start, where unexpected errors go. */
export interface LocalClientOptions {
  readonly timeZone?: string;
  readonly onUnexpectedError?: (error: unknown) => void;
}

/** A client on a data directory (PGlite, locked while open) or DATABASE_URL (PostgreSQL). */
export async function localClient(dataDir: string, databaseUrl?: string, options: LocalClientOptions = {}): Promise<ApiClient & { handoff: Handoff }> {
  // Loaded on demand: the server (PGlite, drivers) takes seconds to import, and --url never needs it.
  const { openHandoff } = await import('@handoff/server');
  const handoff = await openHandoff({
    database: databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir },
    actorLabel: `cli:${safeUser()}`,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.onUnexpectedError ? { onUnexpectedError: options.onUnexpectedError } : {}),
  });
  return {
    handoff,
    target: databaseUrl ? 'DATABASE_URL' : dataDir,
    // The in-process operator: whoever can open the data directory can read the database itself.
    fetch: (path, init) => handoff.request(path, init),
    close: () => handoff.close(),
  };
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
