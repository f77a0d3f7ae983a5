import { routes } from '@handoff/contract';
import type { Api } from '../../http/app-types.js';
import type { Services } from '../../services/index.js';
import { presentPortfolioBrief, presentProgramBrief } from './brief.presenter.js';

export function registerBriefRoutes(app: Api, { brief }: Services): void {
  app.openapi(routes.getProgramBrief, async (c) => {
    return c.json(presentProgramBrief(await brief.program(c.var.actor, c.req.valid('param').id)), 200);
  });

  app.openapi(routes.getPortfolioBrief, async (c) => {
    return c.json(presentPortfolioBrief(await brief.portfolio(c.var.actor)), 200);
  });
}
