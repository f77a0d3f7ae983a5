import { routes } from '@handoff/contract';
import type { Api } from '../../http/app-types.js';
import type { Services } from '../../services/index.js';

/** Receivers for other systems' notifications (Prometheus Alertmanager). */
export function registerIntegrationRoutes(app: Api, { alertmanager }: Services): void {
  // Auth (issue 7): the caller's token must carry the `readings` scope; check it here, before anything is
  // recorded. Until then the receiver acts in the default workspace like every other route.
  app.openapi(routes.receiveAlertmanager, async (c) => {
    const summary = await alertmanager.receive(c.var.actor, c.req.valid('json'));
    return c.json(summary, 200);
  });
}
