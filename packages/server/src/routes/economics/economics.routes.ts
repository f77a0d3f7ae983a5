import { CostItemBatch, CostItemInput, routes } from '@handoff/contract';
import type { Api } from '../../http/app-types.js';
import { fieldErrors, problemBody, problemResponse } from '../../http/problem.js';
import type { Services } from '../../services/index.js';
import { etag } from '../../services/transaction.js';
import { presentCostItem, presentCostModel, presentEconomics } from './economics.presenter.js';

/**
 * A refused cost-items body named field by field. The body is one item or `{ items: [...] }`; zod reports a
 * failed union as a single "invalid input", so the errors come from the shape the client meant to send.
 */
function itemsProblem(input: unknown): Response {
  const batch = typeof input === 'object' && input !== null && 'items' in input;
  const result = (batch ? CostItemBatch : CostItemInput).safeParse(input);
  const errors = result.success ? [{ path: '(body)', message: 'is not a cost item or { items: [...] }' }] : fieldErrors(result.error);
  const shown = errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join('; ');
  return problemResponse(problemBody('validation-failed', `${shown}${errors.length > 5 ? `; and ${errors.length - 5} more` : ''}`, errors));
}

export function registerEconomicsRoutes(app: Api, { economics }: Services): void {
  app.openapi(routes.putCostModel, async (c) => {
    const { model, created } = await economics.putModel(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.req.valid('header')['if-match']);
    const headers = { ETag: etag(model.version) };
    return created ? c.json(presentCostModel(model), 201, headers) : c.json(presentCostModel(model), 200, headers);
  });

  app.openapi(routes.createCostItems, async (c) => {
    const items = await economics.addItems(c.var.actor, c.req.valid('param').id, c.req.valid('json'));
    return c.json({ items: items.map(presentCostItem) }, 201);
  }, async (result, c) => {
    if (result.success) return undefined;
    // The validator has parsed (and cached) the body already; reading it again costs nothing.
    return result.target === 'json' ? itemsProblem(await c.req.json<unknown>()) : app.defaultHook?.(result, c);
  });

  app.openapi(routes.getCostItem, async (c) => {
    const item = await economics.getItem(c.var.actor, c.req.valid('param').id);
    return c.json(presentCostItem(item), 200, { ETag: etag(item.version) });
  });

  app.openapi(routes.updateCostItem, async (c) => {
    const item = await economics.updateItem(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.req.valid('header')['if-match']);
    return c.json(presentCostItem(item), 200, { ETag: etag(item.version) });
  });

  app.openapi(routes.retireCostItem, async (c) => {
    const item = await economics.retireItem(c.var.actor, c.req.valid('param').id, c.req.valid('json').reason, c.req.valid('header')['if-match']);
    return c.json(presentCostItem(item), 200, { ETag: etag(item.version) });
  });

  app.openapi(routes.getEconomics, async (c) => {
    const query = c.req.valid('query');
    const detail = await economics.report(c.var.actor, c.req.valid('param').id, query);
    return c.json(presentEconomics(detail, query.cashFlow ?? false), 200);
  });
}
