import { routes, type ProgramDiagnosis } from '@handoff/contract';
import type { Api } from '../../http/app-types.js';
import type { DiagnosisView } from '../../services/diagnosis.service.js';
import type { Services } from '../../services/index.js';

export function presentDiagnosis(view: DiagnosisView): ProgramDiagnosis {
  const { program, input, diagnosis } = view;
  return {
    program: { id: program.id, key: program.key, name: program.name, phase: program.phase, hasSponsor: input.program.hasSponsor },
    asOf: view.asOf.toISOString(),
    healthy: diagnosis.healthy,
    summary: diagnosis.summary,
    modes: diagnosis.modes.map((f) => ({ mode: f.mode, strength: f.strength, evidence: [...f.evidence], clears: [...f.clears] })),
    signals: {
      readiness: input.readiness,
      roles: { required: input.roles.required, vacant: [...input.roles.vacant] },
      constraints: input.constraints,
      escalations: input.escalations,
      monitors: input.monitors,
    },
  };
}

export function registerDiagnosisRoutes(app: Api, { diagnosis }: Services): void {
  app.openapi(routes.getProgramDiagnosis, async (c) => c.json(presentDiagnosis(await diagnosis.diagnose(c.var.actor, c.req.valid('param').id)), 200));
}
