import { routes } from '@handoff/contract';
import type { Api } from '../../http/app-types.js';
import type { Services } from '../../services/index.js';
import { presentTransfer } from './transfer.presenter.js';

export function registerTransferRoutes(app: Api, { transfer }: Services): void {
  app.openapi(routes.exportWorkspace, async (c) => {
    const rows = await transfer.export(c.var.actor);
    return c.json(presentTransfer(rows), 200);
  });

  app.openapi(routes.importWorkspace, async (c) => {
    const summary = await transfer.import(c.var.actor, c.req.valid('json'));
    return c.json(summary, 200);
  });
}
