import { routes } from '@handoff/contract';
import type { Api } from '../../http/app-types.js';
import type { Services } from '../../services/index.js';
import { etag } from '../../services/transaction.js';
import { presentHistory } from '../shared/history.presenter.js';
import { presentProgram } from './programs.presenter.js';

export function registerProgramRoutes(app: Api, { programs, programAccess }: Services): void {
  app.openapi(routes.createProgram, async (c) => {
    const row = await programs.create(c.var.actor, c.req.valid('json'));
    return c.json(presentProgram(row), 201, { ETag: etag(row.version), Location: `/api/programs/${row.id}` });
  });

  app.openapi(routes.listPrograms, async (c) => {
    const page = await programs.list(c.var.actor, c.req.valid('query'));
    return c.json({ items: page.rows.map(presentProgram), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.getProgram, async (c) => {
    const row = await programs.get(c.var.actor, c.req.valid('param').id);
    return c.json(presentProgram(row), 200, { ETag: etag(row.version) });
  });

  app.openapi(routes.getProgramAccess, async (c) => {
    return c.json(await programAccess.access(c.var.actor, c.req.valid('param').id), 200);
  });

  app.openapi(routes.updateProgram, async (c) => {
    const row = await programs.update(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.req.valid('header')['if-match']);
    return c.json(presentProgram(row), 200, { ETag: etag(row.version) });
  });

  app.openapi(routes.getProgramHistory, async (c) => {
    const page = await programs.history(c.var.actor, c.req.valid('param').id, c.req.valid('query'));
    return c.json({ items: page.rows.map(presentHistory), nextCursor: page.nextCursor }, 200);
  });
}
