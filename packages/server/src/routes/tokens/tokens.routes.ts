import { routes } from '@handoff/contract';
import type { Api } from '../../http/app-types.js';
import type { Services } from '../../services/index.js';
import { presentCreatedToken, presentToken } from './tokens.presenter.js';

/** API tokens: admins (and the local operator) create, list and revoke them; tokens themselves cannot. */
export function registerTokenRoutes(app: Api, { tokens }: Services): void {
  app.openapi(routes.createToken, async (c) => {
    const { row, secret } = await tokens.create(c.var.actor, c.req.valid('json'));
    // The answer carries the secret: no cache may keep it.
    return c.json(presentCreatedToken(row, secret), 201, { 'Cache-Control': 'no-store' });
  });

  app.openapi(routes.listTokens, async (c) => {
    const page = await tokens.list(c.var.actor, c.req.valid('query'));
    return c.json({ items: page.rows.map(presentToken), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.getToken, async (c) => c.json(presentToken(await tokens.get(c.var.actor, c.req.valid('param').id)), 200));

  app.openapi(routes.revokeToken, async (c) => c.json(presentToken(await tokens.revoke(c.var.actor, c.req.valid('param').id)), 200));
}
