import { routes } from '@handoff/contract';
import type { Api } from '../../http/app-types.js';
import type { Services } from '../../services/index.js';
import { etag } from '../../services/transaction.js';
import { presentHistory } from '../shared/history.presenter.js';
import { presentPerson } from './people.presenter.js';

export function registerPeopleRoutes(app: Api, { people }: Services): void {
  app.openapi(routes.createPerson, async (c) => {
    const row = await people.create(c.var.actor, c.req.valid('json'));
    return c.json(presentPerson(row), 201, { ETag: etag(row.version), Location: `/api/people/${row.id}` });
  });

  app.openapi(routes.listPeople, async (c) => {
    const page = await people.list(c.var.actor, c.req.valid('query'));
    return c.json({ items: page.rows.map(presentPerson), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.getPerson, async (c) => {
    const row = await people.get(c.var.actor, c.req.valid('param').id);
    return c.json(presentPerson(row), 200, { ETag: etag(row.version) });
  });

  app.openapi(routes.updatePerson, async (c) => {
    const row = await people.update(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.req.valid('header')['if-match']);
    return c.json(presentPerson(row), 200, { ETag: etag(row.version) });
  });

  app.openapi(routes.getPersonHistory, async (c) => {
    const page = await people.history(c.var.actor, c.req.valid('param').id, c.req.valid('query'));
    return c.json({ items: page.rows.map(presentHistory), nextCursor: page.nextCursor }, 200);
  });
}
