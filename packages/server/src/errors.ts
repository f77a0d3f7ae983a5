import type { ErrorCode, FieldError } from '@handoff/contract';

/**
 * An expected failure a service reports to its caller: a typed code (mapped to an HTTP status in one
 * table, ERROR_STATUS in the contract), a sentence for people, and the fields or lines concerned.
 */
export class HandoffError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors: readonly FieldError[] = [],
    readonly extra: { readonly cycle?: readonly string[] } = {},
  ) {
    super(detail);
  }
}

/** Not found in the caller's workspace (ids of other workspaces are not found either). */
export function notFound(what: string, id: string): HandoffError {
  return new HandoffError('not-found', `${what} ${id} does not exist in this workspace`);
}

/** One invalid field. */
export function invalidField(path: string, message: string): HandoffError {
  return new HandoffError('validation-failed', `${path}: ${message}`, [{ path, message }]);
}
