import { routes } from '@handoff/contract';
import type { Api } from '../../http/app-types.js';
import type { Services } from '../../services/index.js';
import { etag } from '../../services/transaction.js';
import { presentAccount, presentMember } from './auth.presenter.js';

/** Accounts (admins) and program members (program leads). */
export function registerAccountRoutes(app: Api, { accounts, programMembers }: Services): void {
  app.openapi(routes.listAccounts, async (c) => {
    const page = await accounts.list(c.var.actor, c.req.valid('query'));
    return c.json({ items: page.rows.map(presentAccount), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.createAccount, async (c) => {
    const row = await accounts.create(c.var.actor, c.req.valid('json'));
    return c.json(presentAccount(row), 201, { ETag: etag(row.version), Location: `/api/accounts/${row.id}` });
  });

  app.openapi(routes.updateAccount, async (c) => {
    const row = await accounts.update(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.req.valid('header')['if-match']);
    return c.json(presentAccount(row), 200, { ETag: etag(row.version) });
  });

  app.openapi(routes.listProgramMembers, async (c) => {
    const rows = await programMembers.list(c.var.actor, c.req.valid('param').id);
    return c.json({ items: rows.map(presentMember) }, 200);
  });

  app.openapi(routes.putProgramMember, async (c) => {
    const { id, personId } = c.req.valid('param');
    return c.json(presentMember(await programMembers.add(c.var.actor, id, personId)), 200);
  });

  app.openapi(routes.deleteProgramMember, async (c) => {
    const { id, personId } = c.req.valid('param');
    await programMembers.remove(c.var.actor, id, personId);
    return c.body(null, 204);
  });
}
