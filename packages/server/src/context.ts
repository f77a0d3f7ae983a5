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
  /** A label recorded in history (a person's e-mail once accounts exist; `api` or `cli:user` before). */
  readonly label: string;
}
