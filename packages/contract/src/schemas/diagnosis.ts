import { z } from '@hono/zod-openapi';
import { DIAGNOSIS_SIGNALS, FAILURE_MODES } from '@handoff/core';
import { Phase } from './programs.js';
import { RoleProgramRef } from './ownership.js';

export const FailureMode = z.enum(FAILURE_MODES).openapi('FailureMode', { description: 'The three failure modes of METHOD.md section 1.' });
export type FailureMode = z.infer<typeof FailureMode>;

export const DiagnosisEvidence = z
  .object({
    signal: z.enum(DIAGNOSIS_SIGNALS),
    observed: z.string().openapi({ example: 'governance readiness 20/100' }),
    expected: z.string().openapi({ example: 'at least 50' }),
  })
  .openapi('DiagnosisEvidence');

export const DiagnosisFinding = z
  .object({
    mode: FailureMode,
    strength: z.enum(['strong', 'emerging']).openapi({ description: 'Strong: two or more gaps beside what is in place; emerging: one.' }),
    evidence: z.array(DiagnosisEvidence).openapi({ description: 'What led to the finding, each item checkable against the data.' }),
    clears: z.array(z.string()).openapi({ description: 'What would clear it, concretely.' }),
  })
  .openapi('DiagnosisFinding');

const Dim = z.object({ score: z.number(), met: z.boolean(), assessed: z.number().int(), applicable: z.number().int() });

/** The data the diagnosis read: shown so that every finding can be checked. */
export const DiagnosisSignals = z
  .object({
    readiness: z.object({ technical: Dim, governance: Dim, workforce: Dim, economic: Dim }).nullable()
      .openapi({ description: 'Per dimension for the next gate; null when the program was never assessed.' }),
    roles: z.object({ required: z.number().int(), vacant: z.array(z.string()) }),
    constraints: z.object({
      total: z.number().int(), active: z.number().int(), withoutOwnerMovement: z.number().int(), overdue: z.number().int(),
      stale: z.number().int(), everReviewed: z.number().int(),
    }),
    escalations: z.object({ levelsFired: z.number().int(), boardLevel: z.number().int(), acknowledged: z.number().int() }),
    monitors: z.object({
      total: z.number().int(), governance: z.number().int(), inBreach: z.number().int(), unownedBreaches: z.number().int(),
      aiShare: z.object({ first: z.number(), last: z.number(), count: z.number().int() }).nullable(),
      legacyFallback: z.number().nullable(),
    }),
  })
  .openapi('DiagnosisSignals');

export const ProgramDiagnosis = z
  .object({
    program: RoleProgramRef.extend({ phase: Phase, hasSponsor: z.boolean() }),
    asOf: z.string(),
    healthy: z.boolean().openapi({ description: 'No failure mode found (read `summary` for what could not be judged).' }),
    summary: z.string(),
    modes: z.array(DiagnosisFinding),
    signals: DiagnosisSignals,
  })
  .openapi('ProgramDiagnosis');
export type ProgramDiagnosis = z.infer<typeof ProgramDiagnosis>;
