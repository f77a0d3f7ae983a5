import { z } from '@hono/zod-openapi';
import { CRITERION_CODE_PATTERN, FRAMEWORK_REF_PATTERNS, FRAMEWORKS } from '@handoff/core';
import { Id, PageQuery, QueryFlag, Version, longText, pageOf, requiredText } from './common.js';
import { Dimension } from './constraints.js';
import { Phase } from './programs.js';

/** The readiness criteria library of a workspace: what each dimension is judged against. */

export const CriterionCode = z
  .string()
  .trim()
  .toUpperCase()
  .max(40, 'must be at most 40 characters')
  .regex(CRITERION_CODE_PATTERN, 'must be a code such as GOV-02: a letter, then letters and digits, in up to four hyphen-separated parts')
  .openapi({ example: 'GOV-02' });

export const Framework = z.enum(FRAMEWORKS).openapi('Framework', {
  description: 'nist-ai-rmf: NIST AI RMF 1.0 subcategory; iso-42001: ISO/IEC 42001 Annex A control; eu-ai-act: EU AI Act article.',
});

export const CriterionRef = z
  .strictObject({
    framework: Framework,
    id: z.string().trim().min(1, 'must not be empty').max(40).openapi({ example: 'GOVERN 2.1' }),
  })
  .superRefine((ref, ctx) => {
    if (!FRAMEWORK_REF_PATTERNS[ref.framework].test(ref.id)) {
      const shape = { 'nist-ai-rmf': 'GOVERN 2.1', 'iso-42001': 'A.6.2.6', 'eu-ai-act': 'Art. 14' }[ref.framework];
      ctx.addIssue({ code: 'custom', path: ['id'], message: `is not a ${ref.framework} id; write it like ${shape}` });
    }
  })
  .openapi('CriterionRef', { description: 'A framework provision the criterion helps evidence.' });
export type CriterionRef = z.infer<typeof CriterionRef>;

const Refs = z
  .array(CriterionRef)
  .max(20, 'must list at most 20 references')
  .refine((refs) => new Set(refs.map((r) => `${r.framework} ${r.id}`)).size === refs.length, { message: 'must not list a reference twice' });

export const Criterion = z
  .object({
    id: Id,
    code: z.string().openapi({ example: 'GOV-02' }),
    dimension: Dimension,
    text: z.string().openapi({ example: 'Every required governance role is held by a named person.' }),
    guidance: z.string().openapi({ description: 'What counts as evidence.' }),
    required: z.boolean().openapi({ description: 'Required criteria must be met (or not applicable) for the dimension to be met.' }),
    gate: Phase.openapi({ description: 'The first gate the criterion applies to; it applies to every later gate too.' }),
    refs: z.array(CriterionRef),
    retiredAt: z.string().nullable().openapi({ description: 'Retired criteria no longer apply; past assessments keep them.' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: Version,
  })
  .openapi('Criterion');
export type Criterion = z.infer<typeof Criterion>;

export const CriterionCreate = z
  .strictObject({
    code: CriterionCode,
    dimension: Dimension,
    text: requiredText(500),
    guidance: longText(5000).default(''),
    required: z.boolean().default(true),
    gate: Phase,
    refs: Refs.default([]),
  })
  .openapi('CriterionCreate');
export type CriterionCreate = z.infer<typeof CriterionCreate>;

export const CriterionUpdate = z
  .strictObject({
    dimension: Dimension,
    text: requiredText(500),
    guidance: longText(5000),
    required: z.boolean(),
    gate: Phase,
    refs: Refs,
    reason: requiredText(2000).openapi({ description: 'Why; kept in the history.' }),
  })
  .partial()
  .refine((v) => Object.keys(v).some((k) => k !== 'reason'), { message: 'must change at least one field' })
  .openapi('CriterionUpdate', { description: 'The code is the stable key and cannot change.' });
export type CriterionUpdate = z.infer<typeof CriterionUpdate>;

export const CriterionRetire = z
  .strictObject({ reason: requiredText(2000).openapi({ description: 'Why the criterion no longer applies; kept in the history.' }) })
  .openapi('CriterionRetire');
export type CriterionRetire = z.infer<typeof CriterionRetire>;

export const CriteriaListQuery = PageQuery.extend({
  dimension: Dimension.optional(),
  gate: Phase.optional().openapi({ description: 'Only criteria that apply to this gate (their gate is it or an earlier one).' }),
  includeRetired: QueryFlag.optional().openapi({ type: 'string', enum: ['true', 'false'], description: 'Include retired criteria (default false).' }),
});
export type CriteriaListQuery = z.infer<typeof CriteriaListQuery>;

export const CriterionPage = pageOf(Criterion, 'CriterionPage');
export type CriterionPage = z.infer<typeof CriterionPage>;

/** One criterion in a library file: what a workspace shares, without ids or timestamps. */
export const CriterionEntry = z
  .strictObject({
    code: CriterionCode,
    dimension: Dimension,
    text: requiredText(500),
    guidance: longText(5000).default(''),
    required: z.boolean().default(true),
    gate: Phase,
    refs: Refs.default([]),
  })
  .openapi('CriterionEntry');
export type CriterionEntry = z.infer<typeof CriterionEntry>;

/** Most criteria one library file may carry. */
export const MAX_LIBRARY_ENTRIES = 1000;

export const CriteriaLibrary = z
  .strictObject({
    version: z.literal(1).default(1).openapi({ description: 'Format version of the library file.' }),
    criteria: z
      .array(CriterionEntry)
      .max(MAX_LIBRARY_ENTRIES, `must hold at most ${MAX_LIBRARY_ENTRIES} criteria`)
      .superRefine((list, ctx) => {
        const first = new Map<string, number>();
        list.forEach((c, i) => {
          const seen = first.get(c.code);
          if (seen === undefined) first.set(c.code, i);
          else ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `repeats the code of criteria.${seen}` });
        });
      }),
  })
  .openapi('CriteriaLibrary', { description: 'A criteria library as exported and imported (YAML or JSON): the active criteria, by dimension then code.' });
export type CriteriaLibrary = z.infer<typeof CriteriaLibrary>;

export const CriteriaExportQuery = z.object({
  format: z.enum(['yaml', 'json']).default('yaml').openapi({ description: 'yaml (default) or json.' }),
});

export const CriteriaImportResult = z
  .object({
    created: z.array(z.string()).openapi({ description: 'Codes added to the library.' }),
    updated: z.array(z.string()).openapi({ description: 'Codes whose fields changed (or that were retired and are active again).' }),
    unchanged: z.array(z.string()),
  })
  .openapi('CriteriaImportResult');
export type CriteriaImportResult = z.infer<typeof CriteriaImportResult>;

