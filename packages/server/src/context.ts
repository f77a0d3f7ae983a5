import type { Database } from './db/database.js';

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
}

/** Who is acting, in which workspace: resolved once per request. */
export interface Actor {
  readonly workspaceId: string;
  readonly timeZone: string;
  /** A label recorded in history (a person's e-mail once accounts exist; `api` or `cli:user` before). */
  readonly label: string;
}
