import { z } from '@hono/zod-openapi';
import {
  DATE_ORDERS, IMPORT_FIELDS, parseColumnMapping, parseDefault, type ColumnMapping, type ImportDefaults,
} from '@handoff/core';
import { Id, QueryFlag } from './common.js';
import { Problem } from './problem.js';

/** Most data rows one import accepts; larger registers are split into several files. */
export const MAX_IMPORT_ROWS = 50_000;

/** At most this many bad lines are listed in a refusal; `detail` gives the full count. */
export const MAX_IMPORT_ERRORS = 1000;

/** The NDJSON media type of the progress stream. */
export const NDJSON = 'application/x-ndjson';

/** A query parameter that may be repeated: one value arrives as a string, several as an array. */
const repeated = z.union([z.string().max(1000), z.array(z.string().max(1000)).max(200)]).transform((v) => (Array.isArray(v) ? v : [v]));

const ColumnMappings = repeated
  .transform((specs, ctx) => {
    const out: ColumnMapping[] = [];
    specs.forEach((spec, i) => {
      const parsed = parseColumnMapping(spec);
      if (parsed.kind === 'ok') out.push(parsed.value);
      else ctx.issues.push({ code: 'custom', message: parsed.reason, input: spec, path: [i] });
    });
    return out;
  })
  .openapi({
    type: 'array',
    items: { type: 'string', maxLength: 1000 },
    maxItems: 200,
    description:
      `Repeatable \`Column name=field\`: fills \`field\` (${IMPORT_FIELDS.join(', ')}) from that column, or \`ignore\` leaves it out. ` +
      'Replaces header recognition for that field; several columns may be mapped to description (joined, each labelled).',
    example: ['Risk description=title'],
  });

const Defaults = repeated
  .transform((specs, ctx) => {
    let out: ImportDefaults = {};
    specs.forEach((spec, i) => {
      const parsed = parseDefault(spec);
      if (parsed.kind === 'invalid') ctx.issues.push({ code: 'custom', message: parsed.reason, input: spec, path: [i] });
      else if (Object.keys(parsed.value).some((k) => k in out)) ctx.issues.push({ code: 'custom', message: 'this field already has a default', input: spec, path: [i] });
      else out = { ...out, ...parsed.value };
    });
    return out;
  })
  .openapi({
    type: 'array',
    items: { type: 'string', maxLength: 1000 },
    maxItems: 200,
    description: 'Repeatable `field=value` for kind, dimension, status, severity or gate: used where the column is missing or the cell empty. Values go through the same synonyms as cells (`kind=R` is risk).',
    example: ['kind=risk', 'dimension=governance'],
  });

export const ImportQuery = z.object({
  map: ColumnMappings.optional(),
  default: Defaults.optional(),
  dateOrder: z.enum(DATE_ORDERS).default('day-first').openapi({
    description: 'How to read a numeric date whose two first parts could both be the month (03/04/2026). Dates such as 31/12/2026 or 12/31/2026 are read the only way they can be.',
  }),
  sheet: z.string().trim().min(1).max(100).optional().openapi({ description: 'XLSX: the worksheet, by name or 1-based position. Default: the first visible sheet.' }),
  dryRun: QueryFlag.optional().openapi({ type: 'string', enum: ['true', 'false'], description: 'Check everything, store nothing: answers 200 with what would be imported.' }),
  filename: z.string().trim().max(255).optional().openapi({ description: 'The file name, recorded as the reason in each history entry.', example: 'raid-log.xlsx' }),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

export const ImportColumn = z
  .object({ column: z.string().openapi({ example: 'Due date' }), field: z.enum(IMPORT_FIELDS) })
  .openapi('ImportColumn');

export const ImportResult = z
  .object({
    programKey: z.string().openapi({ example: 'CLAIMS' }),
    dryRun: z.boolean(),
    imported: z.number().int().min(0).openapi({ description: 'Constraints created (or, for a dry run, that would be).' }),
    refs: z.array(z.string()).openapi({ description: 'Their refs, consecutive, in file order.', example: ['CLAIMS-13', 'CLAIMS-14'] }),
    firstRef: z.string().nullable().openapi({ example: 'CLAIMS-13' }),
    lastRef: z.string().nullable().openapi({ example: 'CLAIMS-14' }),
    headerLine: z.number().int().min(1).openapi({ description: 'The line read as the header (rows above it are skipped).' }),
    columns: z.array(ImportColumn).openapi({ description: 'Which column filled which field.' }),
    ignoredColumns: z.array(z.string()).openapi({ description: 'Columns not imported.' }),
    blankLines: z.number().int().min(0).openapi({ description: 'Rows skipped because every imported column was empty.' }),
    changeId: Id.nullable().openapi({ description: 'The history change id shared by every created constraint; null for a dry run.' }),
  })
  .openapi('ImportResult');
export type ImportResult = z.infer<typeof ImportResult>;

export const IMPORT_PHASES = ['reading', 'validating', 'saving'] as const;

/** One line of the NDJSON stream: progress, then exactly one final `result` or `problem`. */
export const ImportEvent = z
  .union([
    z.object({ phase: z.enum(IMPORT_PHASES), done: z.number().int().min(0), total: z.number().int().min(0) }),
    z.object({ result: ImportResult }),
    z.object({ problem: Problem }),
  ])
  .openapi('ImportEvent', { description: 'One line of the progress stream.' });
export type ImportEvent = z.infer<typeof ImportEvent>;
