import { routes } from '@handoff/contract';
import type { Api } from '../../http/app-types.js';
import type { Services } from '../../services/index.js';
import { etag } from '../../services/transaction.js';
import { presentConstraint } from '../constraints/constraints.presenter.js';
import { presentHistory } from '../shared/history.presenter.js';
import { presentCriterion } from './criteria.presenter.js';
import { presentGateOverride, presentReadiness, presentTrend } from './readiness.presenter.js';

/** The criteria library, assessments, readiness (now, as of a date, trend), gaps as constraints, gate overrides. */
export function registerReadinessRoutes(app: Api, { criteria, readiness, constraints }: Services): void {
  app.openapi(routes.listCriteria, async (c) => {
    const page = await criteria.list(c.var.actor, c.req.valid('query'));
    return c.json({ items: page.rows.map(presentCriterion), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.createCriterion, async (c) => {
    const row = await criteria.create(c.var.actor, c.req.valid('json'));
    return c.json(presentCriterion(row), 201, { ETag: etag(row.version), Location: `/api/criteria/${row.id}` });
  });

  // Registered before /api/criteria/{id}, which would otherwise take `export` for a code.
  app.openapi(routes.exportCriteria, async (c) => {
    const file = await criteria.exportLibrary(c.var.actor, c.req.valid('query').format);
    return c.body(file.text, 200, { 'content-type': file.contentType });
  });

  app.openapi(routes.importCriteria, async (c) => {
    const result = await criteria.importLibrary(c.var.actor, await c.req.text());
    return c.json(result, 200);
  });

  app.openapi(routes.getCriterion, async (c) => {
    const row = await criteria.get(c.var.actor, c.req.valid('param').id);
    return c.json(presentCriterion(row), 200, { ETag: etag(row.version) });
  });

  app.openapi(routes.updateCriterion, async (c) => {
    const row = await criteria.update(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.req.valid('header')['if-match']);
    return c.json(presentCriterion(row), 200, { ETag: etag(row.version) });
  });

  app.openapi(routes.retireCriterion, async (c) => {
    const row = await criteria.retire(c.var.actor, c.req.valid('param').id, c.req.valid('json').reason, c.req.valid('header')['if-match']);
    return c.json(presentCriterion(row), 200, { ETag: etag(row.version) });
  });

  app.openapi(routes.getCriterionHistory, async (c) => {
    const page = await criteria.history(c.var.actor, c.req.valid('param').id, c.req.valid('query'));
    return c.json({ items: page.rows.map(presentHistory), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.createAssessment, async (c) => {
    const state = await readiness.assess(c.var.actor, c.req.valid('param').id, c.req.valid('json'));
    return c.json(presentReadiness(state), 201);
  });

  app.openapi(routes.getReadiness, async (c) => {
    const state = await readiness.readiness(c.var.actor, c.req.valid('param').id, c.req.valid('query'));
    return c.json(presentReadiness(state), 200);
  });

  app.openapi(routes.getReadinessTrend, async (c) => {
    const trend = await readiness.trend(c.var.actor, c.req.valid('param').id, c.req.valid('query'));
    return c.json(presentTrend(trend), 200);
  });

  app.openapi(routes.createCriterionConstraint, async (c) => {
    const actor = c.var.actor;
    const { id, criterion } = c.req.valid('param');
    const row = await readiness.openConstraint(actor, id, criterion, c.req.valid('json'));
    return c.json(presentConstraint(row, constraints.today(actor), constraints.now()), 201, { ETag: etag(row.version), Location: `/api/constraints/${row.id}` });
  });

  app.openapi(routes.listGateOverrides, async (c) => {
    const page = await readiness.gateOverrides(c.var.actor, c.req.valid('param').id, c.req.valid('query'));
    return c.json({ items: page.rows.map(presentGateOverride), nextCursor: page.nextCursor }, 200);
  });
}
