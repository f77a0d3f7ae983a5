import { Problem } from '@handoff/contract';
import type { ApiClient } from './api-client.js';
import { CliError, oneLine } from './cli-error.js';

/** A schema the CLI checks responses against (any zod schema of the contract). */
export interface ResponseSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/**
 * Calls the API and returns the JSON body of a 2xx answer. Every failure becomes one CliError line:
 * the problem+json detail, an unreachable server, or an answer that is not Handoff's.
 */
export async function requestJson(client: ApiClient, method: string, path: string, body?: unknown): Promise<unknown> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.headers = { 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await client.fetch(path, init);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot reach ${client.target}: ${networkReason(error)}`);
  }
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    throw new CliError(`${client.target} answered ${method} ${path} with HTTP ${res.status} and a body that is not JSON; is it a Handoff server?`);
  }
  if (res.ok) return parsed;
  const problem = Problem.safeParse(parsed);
  if (problem.success) throw new CliError(problemLine(problem.data));
  throw new CliError(`${client.target} answered ${method} ${path} with HTTP ${res.status}`);
}

/** Most field errors quoted from one problem: a bad import file can have thousands, and the reason stays one readable line. */
const MAX_QUOTED_ERRORS = 5;

function problemLine(problem: Problem): string {
  const errors = problem.errors ?? [];
  if (errors.length <= MAX_QUOTED_ERRORS) return problem.detail || problem.title;
  const quoted = errors.slice(0, MAX_QUOTED_ERRORS).map((e) => `${e.path}: ${e.message}`).join('; ');
  return `${quoted}; and ${errors.length - MAX_QUOTED_ERRORS} more problems`;
}

/** Checks a response against its contract schema; a mismatch means client and server versions differ. */
export function parseAs<T>(schema: ResponseSchema<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue ? `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}` : 'unexpected shape';
  throw new CliError(`unexpected ${what} from the server (${where}); are the CLI and server the same version?`);
}

export async function getAs<T>(client: ApiClient, path: string, schema: ResponseSchema<T>, what: string): Promise<T> {
  return parseAs(schema, await requestJson(client, 'GET', path), what);
}

/**
 * Fetches up to `limit` items of a list, following `nextCursor` page by page (at most 200 per page,
 * the API's maximum).
 */
export async function fetchList<T>(
  client: ApiClient,
  path: string,
  query: URLSearchParams,
  limit: number,
  schema: ResponseSchema<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const q = new URLSearchParams(query);
    q.set('limit', String(Math.min(200, limit - items.length)));
    if (cursor) q.set('cursor', cursor);
    const page = await getAs(client, `${path}?${q.toString()}`, schema, 'list page');
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && items.length < limit);
  return items.slice(0, limit);
}

/** Why a request did not reach the server, in a few words (ECONNREFUSED, ENOTFOUND, …). */
function networkReason(error: unknown): string {
  const cause = error instanceof Error && 'cause' in error ? error.cause : undefined;
  if (typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string') {
    return cause.code === 'ECONNREFUSED' ? 'connection refused (is `handoff serve` running there?)' : `${cause.code} ${oneLine(cause)}`;
  }
  return cause !== undefined ? oneLine(cause) : oneLine(error);
}
