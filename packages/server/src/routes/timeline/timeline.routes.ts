import { routes } from '@handoff/contract';
import type { Api } from '../../http/app-types.js';
import type { Services } from '../../services/index.js';
import { presentForecast, presentImpact, presentPlan, presentTimeline } from './timeline.presenter.js';

export function registerTimelineRoutes(app: Api, { timeline }: Services): void {
  app.openapi(routes.getProgramPlan, async (c) => {
    return c.json(presentPlan(await timeline.getPlan(c.var.actor, c.req.valid('param').id)), 200);
  });

  app.openapi(routes.putProgramPlan, async (c) => {
    return c.json(presentPlan(await timeline.setPlan(c.var.actor, c.req.valid('param').id, c.req.valid('json'))), 200);
  });

  app.openapi(routes.getProgramTimeline, async (c) => {
    return c.json(presentTimeline(await timeline.timeline(c.var.actor, c.req.valid('param').id)), 200);
  });

  app.openapi(routes.getConstraintImpact, async (c) => {
    return c.json(presentImpact(await timeline.impact(c.var.actor, c.req.valid('param').id, c.req.valid('query').days)), 200);
  });

  app.openapi(routes.getProgramForecast, async (c) => {
    return c.json(presentForecast(await timeline.forecast(c.var.actor, c.req.valid('param').id, c.req.valid('query'))), 200);
  });
}
