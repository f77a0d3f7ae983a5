import { z } from '@hono/zod-openapi';

/** Every error code the API can answer with, and its HTTP status: the one table the error mapper uses. */
export const ERROR_STATUS = {
  'validation-failed': 400,
  'malformed-json': 400,
  'reason-required': 400,
  'unauthorized': 401,
  'forbidden': 403,
  'not-found': 404,
  'conflict': 409,
  'dependency-cycle': 409,
  'gate-closed': 409,
  'precondition-failed': 412,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'import-rejected': 422,
  'too-many-requests': 429,
  'internal': 500,
  'bad-gateway': 502,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export const FieldError = z
  .object({
    path: z.string().openapi({ description: 'Where the problem is: a field path such as `owner.email`, or `line 12` for imports.', example: 'deadline' }),
    message: z.string().openapi({ example: 'must be a real calendar date in YYYY-MM-DD form' }),
  })
  .openapi('FieldError');
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details. */
export const Problem = z
  .object({
    type: z.string().openapi({ example: 'https://handoff.dev/problems/validation-failed' }),
    title: z.string().openapi({ example: 'Validation failed' }),
    status: z.number().int(),
    detail: z.string().openapi({ example: 'deadline: must be a real calendar date in YYYY-MM-DD form' }),
    errors: z.array(FieldError).optional(),
    cycle: z.array(z.string()).optional().openapi({ description: 'For dependency-cycle: the constraints forming the cycle, first repeated last.' }),
  })
  .openapi('Problem');
export type Problem = z.infer<typeof Problem>;

/** The problem+json responses a route may answer with, for its OpenAPI entry. */
export function problems(...statuses: number[]) {
  const out: Record<number, { description: string; content: { 'application/problem+json': { schema: typeof Problem } } }> = {};
  for (const s of statuses) {
    out[s] = { description: PROBLEM_DESCRIPTIONS[s] ?? 'Error', content: { 'application/problem+json': { schema: Problem } } };
  }
  return out;
}

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is invalid; `errors` names each field.',
  403: 'Not allowed for this person.',
  404: 'No such resource in this workspace.',
  409: 'The change conflicts with stored data (duplicate, dependency cycle) or a rule (gate closed: readiness unmet).',
  412: 'The If-Match version is stale: someone else changed it first. Nothing was changed.',
  413: 'The request body is too large.',
  415: 'The body has an unsupported content type.',
  422: 'The import was refused; `errors` names each bad line.',
  429: 'Too many attempts; try again after Retry-After seconds.',
  502: 'A service Handoff depends on (such as the single sign-on provider) cannot be reached or answered wrongly.',
};
