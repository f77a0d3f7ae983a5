import { routes } from '@handoff/contract';
import type { Api } from '../../http/app-types.js';
import type { Services } from '../../services/index.js';
import { etag } from '../../services/transaction.js';
import { presentConstraint } from '../constraints/constraints.presenter.js';
import { presentActiveEscalation, presentDecision } from './escalations.presenter.js';

export function registerEscalationRoutes(app: Api, { escalations, policies, decisions, constraints, digests }: Services): void {
  app.openapi(routes.getDefaultPolicy, async (c) => c.json(await policies.get(c.var.actor, null), 200));
  app.openapi(routes.putDefaultPolicy, async (c) =>
    c.json(await policies.put(c.var.actor, null, c.req.valid('json'), c.req.valid('header')['if-match']), 200));
  app.openapi(routes.getProgramPolicy, async (c) => c.json(await policies.get(c.var.actor, c.req.valid('param').id), 200));
  app.openapi(routes.putProgramPolicy, async (c) =>
    c.json(await policies.put(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.req.valid('header')['if-match']), 200));

  const constraintAfter = async (actor: Parameters<typeof constraints.get>[0], id: string) => {
    const row = await constraints.get(actor, id);
    return { body: presentConstraint(row, constraints.today(actor), constraints.now()), version: row.version };
  };
  app.openapi(routes.acknowledgeConstraint, async (c) => {
    const id = await escalations.acknowledge(c.var.actor, c.req.valid('param').id, c.req.valid('json'));
    const { body, version } = await constraintAfter(c.var.actor, id);
    return c.json(body, 200, { ETag: etag(version) });
  });
  app.openapi(routes.pauseEscalation, async (c) => {
    const id = await escalations.pause(c.var.actor, c.req.valid('param').id, c.req.valid('json'));
    const { body, version } = await constraintAfter(c.var.actor, id);
    return c.json(body, 200, { ETag: etag(version) });
  });
  app.openapi(routes.resumeEscalation, async (c) => {
    const id = await escalations.resume(c.var.actor, c.req.valid('param').id, c.req.valid('json'));
    const { body, version } = await constraintAfter(c.var.actor, id);
    return c.json(body, 200, { ETag: etag(version) });
  });

  app.openapi(routes.listEscalations, async (c) => {
    const actor = c.var.actor;
    const page = await escalations.listActive(actor, c.req.valid('query'));
    const today = constraints.today(actor);
    return c.json({ items: page.rows.map((r) => presentActiveEscalation(r, today)), nextCursor: page.nextCursor }, 200);
  });
  app.openapi(routes.runSweep, async (c) => {
    const { at } = c.req.valid('json');
    return c.json(await escalations.sweep(at ? new Date(at) : undefined), 200);
  });

  app.openapi(routes.listDecisions, async (c) => {
    const page = await decisions.list(c.var.actor, c.req.valid('query'));
    const today = constraints.today(c.var.actor);
    return c.json({ items: page.rows.map((r) => presentDecision(r, today)), nextCursor: page.nextCursor }, 200);
  });
  app.openapi(routes.requestDecision, async (c) => {
    const row = await decisions.request(c.var.actor, c.req.valid('json'));
    return c.json(presentDecision(row, constraints.today(c.var.actor)), 201, { ETag: etag(row.version) });
  });
  app.openapi(routes.getDecision, async (c) => {
    const row = await decisions.get(c.var.actor, c.req.valid('param').id);
    return c.json(presentDecision(row, constraints.today(c.var.actor)), 200, { ETag: etag(row.version) });
  });
  app.openapi(routes.decideDecision, async (c) => {
    const row = await decisions.decide(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.req.valid('header')['if-match']);
    return c.json(presentDecision(row, constraints.today(c.var.actor)), 200, { ETag: etag(row.version) });
  });

  app.openapi(routes.sendDigests, async (c) => {
    const { at } = c.req.valid('json');
    return c.json(await digests.send(at ? new Date(at) : undefined), 200);
  });
}
