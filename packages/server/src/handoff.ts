import { randomUUID } from 'node:crypto';
import { createApp, type AppOptions } from './app.js';
import type { Actor, Clock, Deps } from './context.js';
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
}

/** An opened Handoff: database migrated, default workspace present, the API app ready to serve. */
export interface Handoff {
  readonly app: Api;
  readonly services: Services;
  readonly deps: Deps;
  readonly workspace: WorkspaceRow;
  /** The actor of the default workspace, for in-process callers. */
  readonly actor: Actor;
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
    const actor: Actor = { workspaceId: workspace.id, timeZone: workspace.time_zone, label: config.actorLabel ?? 'api' };
    const { app, services } = createApp(deps, {
      // Read per request: an import or a settings change may alter the workspace's time zone while running.
      resolveActor: async () => {
        const current = await findWorkspaceById(database.db, workspace.id);
        return { ...actor, timeZone: current?.time_zone ?? actor.timeZone };
      },
      ...(config.onUnexpectedError ? { onUnexpectedError: config.onUnexpectedError } : {}),
    });
    return { app, services, deps, workspace, actor, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}
