import type { Deps } from '../context.js';
import { insertWorkspaceIfMissing, type WorkspaceRow } from '../db/repos/workspaces.repo.js';

/** Slug of the workspace created on first start. */
export const DEFAULT_WORKSPACE_SLUG = 'default';

/** Creates the default workspace on first start (idempotent, safe for concurrent starts). */
export function ensureDefaultWorkspace(deps: Deps, timeZone: string): Promise<WorkspaceRow> {
  return insertWorkspaceIfMissing(deps.database.db, {
    id: deps.newId(),
    slug: DEFAULT_WORKSPACE_SLUG,
    name: 'Default workspace',
    time_zone: timeZone,
    created_at: deps.clock.now(),
  });
}
