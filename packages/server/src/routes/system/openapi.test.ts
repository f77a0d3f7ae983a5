import { compileErrors, validate } from '@readme/openapi-parser';
import { Health, Problem } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestApi, type TestApi } from '../../testing/harness.js';

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api.close(); });

/** The document type `validate` accepts (it also takes a path or URL string, which we never pass). */
type ApiDocument = Exclude<Parameters<typeof validate>[0], string>;

function isOpenApi31(value: unknown): value is ApiDocument {
  return typeof value === 'object' && value !== null && 'openapi' in value && typeof value.openapi === 'string' &&
    value.openapi.startsWith('3.1.') && 'info' in value && 'paths' in value;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Just the parts of an operation this test inspects. */
const Operation = z.object({
  summary: z.string().trim().min(1),
  tags: z.array(z.string().min(1)).min(1),
  responses: z.record(z.string(), z.object({ content: z.record(z.string(), z.unknown()).optional() })),
});
const Document = z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) });

async function openApiDocument(): Promise<unknown> {
  const res = await api.call('GET', '/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/json');
  return res.body;
}

/** Every operation in the document as `METHOD /path` with its raw object. */
function operations(doc: unknown): [string, unknown][] {
  const { paths } = Document.parse(doc);
  return Object.entries(paths).flatMap(([path, item]) =>
    METHODS.filter((m) => m in item).map((m): [string, unknown] => [`${m.toUpperCase()} ${path}`, item[m]]),
  );
}

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const doc = await openApiDocument();
    expect(isOpenApi31(doc)).toBe(true);
    if (!isOpenApi31(doc)) return;
    // validate() dereferences in place, so it gets a copy.
    const result = await validate(structuredClone(doc));
    expect(result.valid ? '' : compileErrors(result)).toBe('');
    expect(result.specification).toBe('OpenAPI');
  });

  it('documents the resources of the API', async () => {
    const names = operations(await openApiDocument()).map(([name]) => name);
    expect(names.length).toBeGreaterThan(10);
    for (const path of ['/api/health', '/api/people', '/api/programs', '/api/constraints']) {
      expect(names).toContain(`GET ${path}`);
    }
  });

  it('gives every operation a summary and at least one tag', async () => {
    for (const [name, operation] of operations(await openApiDocument())) {
      const parsed = Operation.safeParse(operation);
      expect(parsed.success ? name : `${name}: ${parsed.error.message}`).toBe(name);
    }
  });

  it('answers every documented 4xx response with application/problem+json only', async () => {
    let checked = 0;
    for (const [name, operation] of operations(await openApiDocument())) {
      for (const [status, response] of Object.entries(Operation.parse(operation).responses)) {
        if (!status.startsWith('4')) continue;
        checked++;
        expect({ at: `${name} ${status}`, types: Object.keys(response.content ?? {}) })
          .toEqual({ at: `${name} ${status}`, types: ['application/problem+json'] });
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('GET /docs', () => {
  it('answers an HTML page whose stylesheets and scripts are all served with the right content type', async () => {
    const page = await api.call('GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(typeof page.body).toBe('string');
    const html = String(page.body);
    const assets = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    for (const asset of assets) {
      // Served from this server, never a CDN.
      expect(asset.startsWith('/')).toBe(true);
      const res = await api.call('GET', asset);
      expect({ asset, status: res.status }).toEqual({ asset, status: 200 });
      expect(res.headers.get('content-type')).toContain(asset.endsWith('.css') ? 'text/css' : 'javascript');
      expect(String(res.body).length).toBeGreaterThan(0);
    }
  });

  it('points Swagger UI at /openapi.json', async () => {
    const res = await api.call('GET', '/docs/init.js');
    expect(res.status).toBe(200);
    expect(String(res.body)).toContain("'/openapi.json'");
  });

  it('answers 404 problem+json for an asset it does not have', async () => {
    const res = await api.call('GET', '/docs/assets/nothing.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('GET /api/health', () => {
  it('answers ok and names the database in use, as chosen by DATABASE_URL', async () => {
    const res = await api.call('GET', '/api/health');
    expect(res.status).toBe(200);
    const health = Health.parse(res.body);
    expect(health.status).toBe('ok');
    expect(health.database).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  });
});

describe('unknown routes', () => {
  it.each([
    ['GET', '/api/nothing-here'],
    ['POST', '/api/nothing-here'],
    // A path without an extension is a deep link of the web app (index.html); a missing file is a 404.
    ['GET', '/nothing-here.txt'],
    ['POST', '/nothing-here'],
    ['DELETE', '/api/health'],
  ])('answers %s %s with 404 problem+json naming the route', async (method, path) => {
    const res = await api.call(method, path, method === 'POST' ? {} : undefined);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = Problem.parse(res.body);
    expect(problem.status).toBe(404);
    expect(problem.detail).toContain(path);
  });
});
