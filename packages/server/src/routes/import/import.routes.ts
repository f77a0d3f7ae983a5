import { NDJSON, routes } from '@handoff/contract';
import type { Api } from '../../http/app-types.js';
import type { ImportOptions } from '../../services/import.service.js';
import type { Services } from '../../services/index.js';
import { ndjsonResponse } from './ndjson-stream.js';
import { presentImport } from './import.presenter.js';

/** RAID-log import. `onUnexpectedError` reports failures that happen after a progress stream has started. */
export function registerImportRoutes(app: Api, { imports }: Services, onUnexpectedError?: (error: unknown) => void): void {
  app.openapi(routes.importConstraints, async (c) => {
    const actor = c.var.actor;
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const options: ImportOptions = {
      mappings: q.map ?? [], defaults: q.default ?? {}, dateOrder: q.dateOrder, sheet: q.sheet, dryRun: q.dryRun ?? false, filename: q.filename,
    };
    const file = new Uint8Array(await c.req.arrayBuffer());
    if ((c.req.header('accept') ?? '').includes(NDJSON)) {
      return ndjsonResponse(async (send) => {
        const summary = await imports.importConstraints(actor, id, file, options, send);
        return { result: presentImport(summary) };
      }, onUnexpectedError);
    }
    const summary = await imports.importConstraints(actor, id, file, options);
    return c.json(presentImport(summary), summary.dryRun ? 200 : 201);
  });
}
