import type { Principal } from '@handoff/core';
import type { Database } from './db/database.js';
import type { NotifyConfig } from './notify/notify-config.js';

/** The clock: the only source of "now" in the server. */
export interface Clock {
  now(): Date;
}

/** The side-effecting capabilities every service receives explicitly. */
export interface Deps {
  readonly database: Database;
  readonly clock: Clock;
  /** New unique ids (UUIDs). */
  readonly newId: () => string;
  readonly version: string;
  /** Where notifications are sent (SMTP, sender, public URL for links); used by the dispatcher. */
  readonly notify?: NotifyConfig;
}

/** Who is acting, in which workspace: resolved once per request. */
export interface Actor {
  readonly workspaceId: string;
  readonly timeZone: string;
  /** A label recorded in history and the audit log: the account's e-mail, `token:<name>`, or the local operator's label. */
  readonly label: string;
  /** Who is calling, for authorization (core `authorize`); `system` for the in-process CLI and jobs. */
  readonly principal: Principal;
  /** The account or API token behind the call, for the audit log (null when neither). */
  readonly accountId: string | null;
  readonly tokenId: string | null;
  /** The signed-in session (null for tokens and the system). */
  readonly sessionId: string | null;
}

/** The actor of the server's own work in a workspace (jobs, the in-process CLI, the demo loader). */
export function systemActor(workspace: { id: string; time_zone: string }, label: string): Actor {
  return { workspaceId: workspace.id, timeZone: workspace.time_zone, label, principal: { kind: 'system' }, accountId: null, tokenId: null, sessionId: null };
}
