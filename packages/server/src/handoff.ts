import { randomUUID } from 'node:crypto';
import { createApp, type AppOptions } from './app.js';
import { systemActor, type Actor, type Clock, type Deps } from './context.js';
import type { AuthConfig } from './auth/auth-config.js';
import type { OidcConfig } from './auth/oidc-config.js';
import { newSecret } from './auth/secrets.js';
import { openDatabase, type DatabaseConfig } from './db/database.js';
import { migrate } from './db/migrate.js';
import { findWorkspaceById, type WorkspaceRow } from './db/repos/workspaces.repo.js';
import type { Api } from './http/app-types.js';
import type { NotifyConfig } from './notify/notify-config.js';
import type { Services } from './services/index.js';
import { ensureDefaultWorkspace } from './services/workspaces.service.js';
import { ensureDefaultCriteria } from './services/criteria.service.js';
import { VERSION } from './version.js';

export interface HandoffConfig {
  readonly database: DatabaseConfig;
  /** Time zone of the default workspace when it is first created (IANA name). */
  readonly timeZone?: string;
  /** Label recorded in history for changes made through this instance before accounts exist. */
  readonly actorLabel?: string;
  readonly clock?: Clock;
  readonly newId?: () => string;
  readonly onUnexpectedError?: AppOptions['onUnexpectedError'];
  /** SMTP server, sender and public URL for notifications (see NotifyConfig). */
  readonly notify?: NotifyConfig;
  /** Session lifetimes, cookie security, proxy trust. */
  readonly auth?: AuthConfig;
  /** Single sign-on with an OpenID Connect provider (HANDOFF_OIDC_*); absent: off. */
  readonly oidc?: OidcConfig;
}

/** An opened Handoff: database migrated, default workspace present, the API app ready to serve. */
export interface Handoff {
  readonly app: Api;
  readonly services: Services;
  readonly deps: Deps;
  readonly workspace: WorkspaceRow;
  /** The actor of the default workspace, for in-process callers. */
  readonly actor: Actor;
  /**
   * The `Authorization` header value that makes a request act as the in-process operator (the system, in
   * the default workspace): random per process, never stored; for the CLI on a data directory and tests.
   */
  readonly localAuthorization: string;
  /** `app.request` as the in-process operator (adds `localAuthorization` unless the request has its own). */
  request(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** Opens the database, applies migrations, ensures the default workspace and builds the app. */
export async function openHandoff(config: HandoffConfig): Promise<Handoff> {
  const clock = config.clock ?? { now: () => new Date() };
  const database = await openDatabase(config.database, () => clock.now());
  try {
    await migrate(database.db);
    const deps: Deps = {
      database, clock, newId: config.newId ?? randomUUID, version: VERSION, ...(config.notify ? { notify: config.notify } : {}),
    };
    const workspace = await ensureDefaultWorkspace(deps, config.timeZone ?? 'UTC');
    // A workspace starts with the default readiness criteria (once: a library emptied by retiring is left so).
    await ensureDefaultCriteria(deps, workspace.id);
    const actor: Actor = systemActor(workspace, config.actorLabel ?? 'api');
    const localSecret = newSecret();
    const { app, services } = createApp(deps, {
      local: {
        secret: localSecret,
        label: actor.label,
        // Read per request: an import or a settings change may alter the workspace's time zone while running.
        workspace: async () => (await findWorkspaceById(database.db, workspace.id)) ?? workspace,
      },
      ...(config.auth ? { auth: config.auth } : {}),
      ...(config.oidc ? { oidc: config.oidc } : {}),
      ...(config.onUnexpectedError ? { onUnexpectedError: config.onUnexpectedError } : {}),
    });
    const localAuthorization = `Local ${localSecret}`;
    const request = async (path: string, init: RequestInit = {}): Promise<Response> => {
      const headers = new Headers(init.headers);
      if (!headers.has('authorization')) headers.set('authorization', localAuthorization);
      return app.request(path, { ...init, headers });
    };
    return { app, services, deps, workspace, actor, localAuthorization, request, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}
