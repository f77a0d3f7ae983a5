import { Problem } from '@handoff/contract';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestApi, type TestApi, type TestResponse } from '../../testing/harness.js';
import { buildPortfolio, type Portfolio } from '../../testing/security-fixture.js';
import { tableDigest, tableNames } from '../../testing/table-digest.js';

/**
 * Malformed requests to every operation of the OpenAPI document (wrong types, missing and extra fields, huge
 * and odd strings, bad ids and query values, bad JSON, wrong content types), as the local operator (so no
 * authorization hides a bug) and as nobody: never a 5xx, a problem+json body on every 4xx with no stack
 * trace or SQL in it, and nothing stored changes when a request is refused.
 */

const RUNS_AS_OPERATOR = 6;
const RUNS_ANONYMOUS = 2;

const Param = z.looseObject({ name: z.string(), in: z.string() });
const Op = z.looseObject({
  parameters: z.array(Param).optional(),
  requestBody: z.looseObject({ content: z.record(z.string(), z.looseObject({ schema: z.looseObject({ $ref: z.string().optional(), properties: z.record(z.string(), z.unknown()).optional() }).optional() })) }).optional(),
});
const Doc = z.looseObject({
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.looseObject({ schemas: z.record(z.string(), z.looseObject({ properties: z.record(z.string(), z.unknown()).optional() })).optional() }).optional(),
});

interface Operation { method: string; path: string; pathParams: string[]; query: string[]; fields: string[]; hasBody: boolean }

let api: TestApi;
let portfolio: Portfolio;
let operations: Operation[] = [];
let tables: { name: string; scoped: boolean }[] = [];
let baseline: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi();
  portfolio = await buildPortfolio(api.handoff, api.handoff.workspace.id, (m, p, b) => api.call(m, p, b), 'FZ');
  const doc = Doc.parse((await api.call('GET', '/openapi.json')).body);
  const schemas = doc.components?.schemas ?? {};
  operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).flatMap(([method, raw]): Operation[] => {
    const op = Op.safeParse(raw);
    if (!op.success) return [];
    const params = op.data.parameters ?? [];
    const body = op.data.requestBody?.content['application/json']?.schema;
    const ref = body?.$ref?.split('/').pop();
    const props = body?.properties ?? (ref ? schemas[ref]?.properties : undefined) ?? {};
    return [{
      method: method.toUpperCase(), path,
      pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
      query: params.filter((p) => p.in === 'query').map((p) => p.name),
      fields: Object.keys(props), hasBody: op.data.requestBody !== undefined,
    }];
  }));
  tables = await tableNames(api.handoff.deps.database.db);
  baseline = await digest();
}, 240_000);
afterAll(async () => { await api.close(); });

const digest = (): Promise<Record<string, string>> => tableDigest(api.handoff.deps.database.db, tables);

const ODD = [
  '', ' ', '\u0000', '\u202eevil', '𝕳𝖆𝖓𝖉𝖔𝖋𝖋', 'e\u0301', '\ud800', '../../etc/passwd', "'; drop table people; --", '<script>alert(1)</script>',
  '1e309', '-1', '0', 'NaN', 'null', 'true', '[]', '{}', '2026-02-30', '0000-00-00', '9999-99-99T99:99:99Z', '00000000-0000-0000-0000-000000000000',
  'a'.repeat(70_000),
];
const oddString = fc.oneof(fc.constantFrom(...ODD), fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }));
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  oddString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(oddString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), oddString, { maxKeys: 3 }),
);
const BAD_JSON = ['{', '{"a":1', 'nul', '[1,2', '\u0000', '"unterminated', '{}}', '{"__proto__":{"x":1}}', 'a'.repeat(1000)];
const OTHER_CONTENT_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'application/merge-patch+json', 'multipart/form-data'];
/** Mostly JSON, so most requests get past the media-type check to validation and the services. */
const contentType = fc.oneof({ arbitrary: fc.constant('application/json'), weight: 4 }, { arbitrary: fc.constantFrom(...OTHER_CONTENT_TYPES), weight: 1 });

function realIds(): string[] {
  const a = portfolio.sides.A;
  return [a.programKey, a.programId, a.constraintRef, a.constraintId, a.monitorId, a.costItemId, a.reviewId, a.decisionId, portfolio.people.other, portfolio.criterionCode];
}

function encode(value: string): string {
  try { return encodeURIComponent(value); } catch { return 'x%ZZ'; } // a lone surrogate cannot be encoded: send a bad escape instead
}

/** One malformed request for an operation. */
function request(op: Operation): fc.Arbitrary<{ path: string; body: unknown; contentType: string }> {
  const id = fc.oneof(oddString, fc.constantFrom(...realIds()));
  const params = fc.tuple(...op.pathParams.map(() => id));
  const query = fc.dictionary(fc.constantFrom(...op.query, 'limit', 'cursor', 'extra'), fc.oneof(oddString, fc.constantFrom('201', '0', '-5', 'abc')), { maxKeys: 4 });
  const fields = op.fields.length > 0 ? op.fields : ['x'];
  const shaped = fc.dictionary(fc.constantFrom(...fields, 'unexpected'), oddValue, { maxKeys: fields.length + 1 });
  // A GET cannot carry a body at all (fetch refuses); other bodiless operations get an unexpected one now and then.
  const body = op.hasBody ? fc.oneof(shaped, fc.jsonValue(), fc.constantFrom(...BAD_JSON)) : op.method === 'GET' ? fc.constant(undefined) : fc.option(shaped, { nil: undefined });
  return fc.record({ params, query, body, contentType }).map(({ params: ps, query: q, body: b, contentType }) => {
    let path = op.path;
    op.pathParams.forEach((name, i) => { path = path.replace(`{${name}}`, encode(String(ps[i] ?? ''))); });
    const search = new URLSearchParams(Object.entries(q).map(([k, v]): [string, string] => [k, String(v)])).toString();
    return { path: search ? `${path}?${search}` : path, body: b, contentType };
  });
}

const STACK_FRAME = /\n\s+at |\bat [\w.<>]+ \(.*:\d+:\d+\)|node_modules/;
const SQL_TEXT = /\bselect\b[^"]*"?\w+"? from "|\binsert into "|\bupdate "\w+" set\b|syntax error at or near|violates (foreign key|unique|check) constraint/i;

const seen = new Map<number, number>();

async function check(op: Operation, res: TestResponse, sent: string): Promise<void> {
  seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
  const where = `${op.method} ${sent.slice(0, 200)} → ${res.status}`;
  expect(res.status, where).toBeLessThan(500);
  const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
  if (res.status >= 400) {
    expect(res.headers.get('content-type'), where).toContain('application/problem+json');
    expect(Problem.parse(res.body).status, where).toBe(res.status);
    expect(text, where).not.toMatch(STACK_FRAME);
    expect(text, where).not.toMatch(SQL_TEXT);
  }
  if (op.method === 'GET' && res.status < 400) return;
  const after = await digest();
  if (res.status >= 400) expect(after, `${where}: a refused request changed stored data`).toEqual(baseline);
  baseline = after;
}

describe('malformed requests never break the server', () => {
  it('every operation answers malformed requests with a 4xx problem (or a success) and changes nothing when it refuses', { timeout: 240_000 }, async () => {
    expect(operations.length).toBeGreaterThan(90);
    for (const op of operations) {
      for (const [runs, anonymous] of [[RUNS_AS_OPERATOR, false], [RUNS_ANONYMOUS, true]] as const) {
        await fc.assert(fc.asyncProperty(request(op), async (r) => {
          const headers: Record<string, string> = { 'content-type': r.contentType, ...(anonymous ? { authorization: '' } : {}) };
          const res = await api.call(op.method, r.path, r.body, headers);
          await check(op, res, r.path);
        }), { numRuns: runs, seed: 7, endOnFailure: true });
      }
    }
    // The generators reach validation, authentication and lookups, not just one kind of refusal.
    console.info(`fuzz statuses: ${JSON.stringify(Object.fromEntries([...seen].sort(([a], [b]) => a - b)))}`);
    for (const status of [400, 401, 404, 415]) expect(seen.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
  });
});
