import { userInfo } from 'node:os';
import { openHandoff, type Handoff } from '@handoff/server';

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

/** A client for a running server. */
export function remoteClient(baseUrl: string, token?: string): ApiClient {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    target: base,
    fetch: (path, init = {}) => {
      const headers = new Headers(init.headers);
      if (token) headers.set('authorization', `Bearer ${token}`);
      return fetch(`${base}${path}`, { ...init, headers });
    },
    close: async () => {},
  };
}

/** A client on a data directory (PGlite, locked while open) or DATABASE_URL (PostgreSQL). */
export async function localClient(dataDir: string, databaseUrl?: string): Promise<ApiClient & { handoff: Handoff }> {
  const handoff = await openHandoff({
    database: databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir },
    actorLabel: `cli:${safeUser()}`,
  });
  return {
    handoff,
    target: databaseUrl ? 'DATABASE_URL' : dataDir,
    fetch: async (path, init) => handoff.app.request(path, init),
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
