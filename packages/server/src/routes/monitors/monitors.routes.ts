import { ReadingBatch, ReadingInput, routes } from '@handoff/contract';
import type { Api } from '../../http/app-types.js';
import { fieldErrors, problemBody, problemResponse } from '../../http/problem.js';
import type { Services } from '../../services/index.js';
import { etag } from '../../services/transaction.js';
import { presentHistory } from '../shared/history.presenter.js';
import { presentMonitor, presentReading } from './monitors.presenter.js';

/**
 * A refused readings body named field by field. The body is one reading or `{ readings: [...] }`; zod reports
 * a failed union as a single "invalid input", so the errors come from the shape the client meant to send.
 */
function readingsProblem(input: unknown): Response {
  const batch = typeof input === 'object' && input !== null && 'readings' in input;
  const result = (batch ? ReadingBatch : ReadingInput).safeParse(input);
  const errors = result.success ? [{ path: '(body)', message: 'is not a reading or { readings: [...] }' }] : fieldErrors(result.error);
  const shown = errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join('; ');
  return problemResponse(problemBody('validation-failed', `${shown}${errors.length > 5 ? `; and ${errors.length - 5} more` : ''}`, errors));
}

export function registerMonitorRoutes(app: Api, { monitors }: Services): void {
  app.openapi(routes.createMonitor, async (c) => {
    const detail = await monitors.create(c.var.actor, c.req.valid('param').id, c.req.valid('json'));
    return c.json(presentMonitor(detail), 201, { ETag: etag(detail.view.version), Location: `/api/monitors/${detail.view.id}` });
  });

  app.openapi(routes.listProgramMonitors, async (c) => {
    const page = await monitors.list(c.var.actor, c.req.valid('param').id, c.req.valid('query'));
    return c.json({ items: page.rows.map(presentMonitor), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.getMonitor, async (c) => {
    const detail = await monitors.get(c.var.actor, c.req.valid('param').id);
    return c.json(presentMonitor(detail), 200, { ETag: etag(detail.view.version) });
  });

  app.openapi(routes.updateMonitor, async (c) => {
    const detail = await monitors.update(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.req.valid('header')['if-match']);
    return c.json(presentMonitor(detail), 200, { ETag: etag(detail.view.version) });
  });

  app.openapi(routes.getMonitorHistory, async (c) => {
    const page = await monitors.history(c.var.actor, c.req.valid('param').id, c.req.valid('query'));
    return c.json({ items: page.rows.map(presentHistory), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.retireMonitor, async (c) => {
    const detail = await monitors.retire(c.var.actor, c.req.valid('param').id);
    return c.json(presentMonitor(detail), 200, { ETag: etag(detail.view.version) });
  });

  // Auth (issue 7): a token with the `readings` scope will be checked here, as for the Alertmanager receiver.
  app.openapi(routes.postReadings, async (c) => {
    const result = await monitors.record(c.var.actor, c.req.valid('param').id, c.req.valid('json'));
    return c.json({ received: result.received, monitors: result.monitors.map(presentMonitor) }, 200);
  }, async (result, c) => {
    if (result.success) return undefined;
    // The validator has parsed (and cached) the body already; reading it again costs nothing.
    return result.target === 'json' ? readingsProblem(await c.req.json<unknown>()) : app.defaultHook?.(result, c);
  });

  app.openapi(routes.listReadings, async (c) => {
    const page = await monitors.readings(c.var.actor, c.req.valid('param').id, c.req.valid('query'));
    return c.json({ items: page.rows.map(presentReading), nextCursor: page.nextCursor }, 200);
  });
}
