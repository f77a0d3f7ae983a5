import { routes } from '@handoff/contract';
import type { Api } from '../../http/app-types.js';
import type { Services } from '../../services/index.js';
import { presentBuiltInRoles, presentGovernanceRole, presentOwnershipMap, presentPersonRoles } from './ownership.presenter.js';

export function registerOwnershipRoutes(app: Api, { ownership }: Services): void {
  app.openapi(routes.getOwnershipMap, async (c) => {
    return c.json(presentOwnershipMap(await ownership.map(c.var.actor, c.req.valid('param').id)), 200);
  });

  app.openapi(routes.assignProgramRole, async (c) => {
    const { id, role } = c.req.valid('param');
    return c.json(presentOwnershipMap(await ownership.assign(c.var.actor, id, role, c.req.valid('json'))), 200);
  });

  app.openapi(routes.vacateProgramRole, async (c) => {
    const { id, role } = c.req.valid('param');
    return c.json(presentOwnershipMap(await ownership.vacate(c.var.actor, id, role, c.req.valid('json'))), 200);
  });

  app.openapi(routes.getPersonRoles, async (c) => {
    return c.json(presentPersonRoles(await ownership.personRoles(c.var.actor, c.req.valid('param').id)), 200);
  });

  app.openapi(routes.listGovernanceRoles, async (c) => {
    const rows = await ownership.listRoles(c.var.actor, c.req.valid('query').includeRetired === 'true');
    return c.json({ items: [...presentBuiltInRoles(), ...rows.map(presentGovernanceRole)], nextCursor: null }, 200);
  });

  app.openapi(routes.createGovernanceRole, async (c) => {
    const row = await ownership.createRole(c.var.actor, c.req.valid('json'));
    return c.json(presentGovernanceRole(row), 201, { Location: `/api/governance-roles/${row.key}` });
  });

  app.openapi(routes.updateGovernanceRole, async (c) => {
    return c.json(presentGovernanceRole(await ownership.updateRole(c.var.actor, c.req.valid('param').key, c.req.valid('json'))), 200);
  });

  app.openapi(routes.retireGovernanceRole, async (c) => {
    return c.json(presentGovernanceRole(await ownership.retireRole(c.var.actor, c.req.valid('param').key)), 200);
  });
}
