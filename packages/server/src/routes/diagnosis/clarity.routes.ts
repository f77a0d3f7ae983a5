import { routes, type ClarityAssessment } from '@handoff/contract';
import type { Api } from '../../http/app-types.js';
import type { ClarityView } from '../../services/clarity.service.js';
import type { Services } from '../../services/index.js';
import { presentConstraint } from '../constraints/constraints.presenter.js';
import { presentOwnershipMap } from '../ownership/ownership.presenter.js';
import { presentReadiness } from '../readiness/readiness.presenter.js';
import { presentDiagnosis } from './diagnosis.routes.js';

export function registerClarityRoutes(app: Api, { clarity, constraints }: Services): void {
  const present = (view: ClarityView, today: string, now: Date): ClarityAssessment => ({
    readiness: presentReadiness(view.readiness),
    ownership: presentOwnershipMap(view.ownership),
    diagnosis: presentDiagnosis(view.diagnosis),
    constraints: view.constraints.map((c) => presentConstraint(c, today, now)),
  });

  app.openapi(routes.getClarity, async (c) => {
    const actor = c.var.actor;
    return c.json(present(await clarity.current(actor, c.req.valid('param').id), constraints.today(actor), constraints.now()), 200);
  });

  app.openapi(routes.recordClarity, async (c) => {
    const actor = c.var.actor;
    return c.json(present(await clarity.record(actor, c.req.valid('param').id, c.req.valid('json')), constraints.today(actor), constraints.now()), 201);
  });
}
