import { routes } from '@handoff/contract';
import type { Api } from '../../http/app-types.js';
import type { Services } from '../../services/index.js';
import { etag } from '../../services/transaction.js';
import { presentHistory } from '../shared/history.presenter.js';
import { presentConstraint } from './constraints.presenter.js';

export function registerConstraintRoutes(app: Api, { constraints }: Services): void {
  app.openapi(routes.createConstraint, async (c) => {
    const actor = c.var.actor;
    const row = await constraints.create(actor, c.req.valid('param').id, c.req.valid('json'));
    return c.json(presentConstraint(row, constraints.today(actor), constraints.now()), 201, { ETag: etag(row.version), Location: `/api/constraints/${row.id}` });
  });

  app.openapi(routes.listProgramConstraints, async (c) => {
    const actor = c.var.actor;
    const page = await constraints.list(actor, c.req.valid('query'), c.req.valid('param').id);
    const today = constraints.today(actor);
    const now = constraints.now();
    return c.json({ items: page.rows.map((r) => presentConstraint(r, today, now)), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.listConstraints, async (c) => {
    const actor = c.var.actor;
    const page = await constraints.list(actor, c.req.valid('query'));
    const today = constraints.today(actor);
    const now = constraints.now();
    return c.json({ items: page.rows.map((r) => presentConstraint(r, today, now)), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.getConstraint, async (c) => {
    const actor = c.var.actor;
    const row = await constraints.get(actor, c.req.valid('param').id);
    return c.json(presentConstraint(row, constraints.today(actor), constraints.now()), 200, { ETag: etag(row.version) });
  });

  app.openapi(routes.updateConstraint, async (c) => {
    const actor = c.var.actor;
    const row = await constraints.update(actor, c.req.valid('param').id, c.req.valid('json'), c.req.valid('header')['if-match']);
    return c.json(presentConstraint(row, constraints.today(actor), constraints.now()), 200, { ETag: etag(row.version) });
  });

  app.openapi(routes.getConstraintHistory, async (c) => {
    const page = await constraints.history(c.var.actor, c.req.valid('param').id, c.req.valid('query'));
    return c.json({ items: page.rows.map(presentHistory), nextCursor: page.nextCursor }, 200);
  });
}
