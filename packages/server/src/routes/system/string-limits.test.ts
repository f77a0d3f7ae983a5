import { OpenAPIHono } from '@hono/zod-openapi';
import { routes } from '@handoff/contract';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

/**
 * Every string a client sends (request bodies and query parameters) has a maximum length in the contract,
 * so no field can carry an unbounded value into a service, the database or a log line. Strings whose format
 * or enumeration already bounds them (uuid, date, date-time, enum, const) need none;
 * file uploads are bounded by the import body limit.
 */

const Schema: z.ZodType<SchemaNode> = z.lazy(() => z.looseObject({
  $ref: z.string().optional(),
  type: z.union([z.string(), z.array(z.string())]).optional(),
  format: z.string().optional(),
  maxLength: z.number().optional(),
  enum: z.array(z.unknown()).optional(),
  const: z.unknown().optional(),
  properties: z.record(z.string(), Schema).optional(),
  additionalProperties: z.union([z.boolean(), Schema]).optional(),
  items: Schema.optional(),
  anyOf: z.array(Schema).optional(),
  oneOf: z.array(Schema).optional(),
  allOf: z.array(Schema).optional(),
}));
interface SchemaNode {
  $ref?: string | undefined;
  type?: string | string[] | undefined;
  format?: string | undefined;
  maxLength?: number | undefined;
  enum?: unknown[] | undefined;
  const?: unknown;
  properties?: Record<string, SchemaNode> | undefined;
  additionalProperties?: boolean | SchemaNode | undefined;
  items?: SchemaNode | undefined;
  anyOf?: SchemaNode[] | undefined;
  oneOf?: SchemaNode[] | undefined;
  allOf?: SchemaNode[] | undefined;
}

const Operation = z.looseObject({
  parameters: z.array(z.looseObject({ in: z.string(), name: z.string(), schema: Schema.optional() })).optional(),
  requestBody: z.looseObject({ content: z.record(z.string(), z.looseObject({ schema: Schema.optional() })) }).optional(),
});
const Document = z.looseObject({
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.looseObject({ schemas: z.record(z.string(), Schema).optional() }).optional(),
});

const BOUNDED_FORMATS = new Set(['uuid', 'date', 'date-time', 'time']);

/** The OpenAPI document of the contract's routes, as the server publishes it at /openapi.json. */
function contractDocument(): z.infer<typeof Document> {
  const app = new OpenAPIHono();
  for (const value of Object.values(routes)) {
    if (typeof value === 'object' && value !== null && 'method' in value && 'path' in value) app.openAPIRegistry.registerPath(value);
  }
  return Document.parse(app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Handoff API', version: 'test' } }));
}

/** Paths (`POST /api/x body.items[].label`) of strings without a maximum length. */
function unbounded(doc: z.infer<typeof Document>): string[] {
  const components = doc.components?.schemas ?? {};
  const found = new Set<string>();
  const walk = (s: SchemaNode, where: string, seen: ReadonlySet<string>): void => {
    if (s.$ref) {
      const name = s.$ref.split('/').pop() ?? '';
      const target = components[name];
      if (target && !seen.has(name)) walk(target, where, new Set([...seen, name]));
      return;
    }
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (types.includes('string') && s.maxLength === undefined && s.enum === undefined && s.const === undefined && !BOUNDED_FORMATS.has(s.format ?? '')) {
      found.add(where);
    }
    for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${where}.${k}`, seen);
    if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${where}.*`, seen);
    if (s.items) walk(s.items, `${where}[]`, seen);
    for (const v of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) walk(v, where, seen);
  };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      const op = Operation.safeParse(raw);
      if (!op.success) continue;
      const at = `${method.toUpperCase()} ${path}`;
      for (const p of op.data.parameters ?? []) if (p.in === 'query' && p.schema) walk(p.schema, `${at} query.${p.name}`, new Set());
      // File uploads (CSV, XLSX) are bounded by the import body limit, not per string.
      for (const [type, media] of Object.entries(op.data.requestBody?.content ?? {})) if (/json/.test(type) && media.schema) walk(media.schema, `${at} body`, new Set());
    }
  }
  return [...found].sort();
}

describe('length limits on every string a client sends', () => {
  it('finds an unbounded string when there is one (the walker works)', () => {
    const doc = Document.parse({ paths: { '/x': { post: { requestBody: { content: { 'application/json': { schema: {
      type: 'object', properties: { a: { type: 'string', maxLength: 5 }, b: { type: 'string' }, c: { type: 'string', format: 'uuid' }, d: { $ref: '#/components/schemas/D' } },
    } } } } } } }, components: { schemas: { D: { type: 'array', items: { type: 'string' } } } } });
    expect(unbounded(doc)).toEqual(['POST /x body.b', 'POST /x body.d[]']);
  });

  it('every string in a request body or query of the contract has a maxLength', () => {
    expect(unbounded(contractDocument())).toEqual([]);
  });
});
