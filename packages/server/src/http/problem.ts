import { ERROR_STATUS, type ErrorCode, type FieldError, type Problem } from '@handoff/contract';
import type { z } from 'zod';

const TITLES: Record<ErrorCode, string> = {
  'validation-failed': 'Validation failed',
  'malformed-json': 'Malformed JSON',
  'reason-required': 'A reason is required',
  'unauthorized': 'Sign-in required',
  'forbidden': 'Not allowed',
  'not-found': 'Not found',
  'conflict': 'Conflict',
  'dependency-cycle': 'Dependency cycle',
  'gate-closed': 'Gate closed',
  'precondition-failed': 'Precondition failed',
  'payload-too-large': 'Payload too large',
  'unsupported-media-type': 'Unsupported media type',
  'import-rejected': 'Import rejected',
  'too-many-requests': 'Too many requests',
  'internal': 'Internal error',
  'bad-gateway': 'Bad gateway',
};

/** Builds the RFC 9457 body for an error code. */
export function problemBody(code: ErrorCode, detail: string, errors: readonly FieldError[] = [], extra: { cycle?: readonly string[] } = {}): Problem {
  return {
    type: `https://handoff.dev/problems/${code}`,
    title: TITLES[code],
    status: ERROR_STATUS[code],
    detail,
    ...(errors.length > 0 ? { errors: [...errors] } : {}),
    ...(extra.cycle ? { cycle: [...extra.cycle] } : {}),
  };
}

/** An application/problem+json response. */
export function problemResponse(body: Problem): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'content-type': 'application/problem+json' },
  });
}

/** Field errors from a zod failure; `prefix` names where the value came from (query, header). */
export function fieldErrors(error: z.core.$ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const full = [prefix, path].filter(Boolean).join('.');
    return { path: full || '(body)', message: messageOf(issue) };
  });
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
  return issue.message;
}
