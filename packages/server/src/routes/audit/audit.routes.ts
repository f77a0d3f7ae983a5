import { AUDIT_EXPORT_MEDIA_TYPE, routes } from '@handoff/contract';
import type { Api } from '../../http/app-types.js';
import type { Services } from '../../services/index.js';
import { auditLine, presentAuditEntry } from './audit.presenter.js';

/** The audit trail, admins only (ROUTE_ACCESS): list, verify the hash chain, export as JSON lines. */
export function registerAuditRoutes(app: Api, { audit }: Services, onUnexpectedError?: (error: unknown) => void): void {
  app.openapi(routes.listAudit, async (c) => {
    const page = await audit.list(c.var.actor, c.req.valid('query'));
    return c.json({ items: page.rows.map(presentAuditEntry), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.verifyAudit, async (c) => c.json(await audit.verify(c.var.actor), 200));

  // A plain handler plus the documented route: @hono/zod-openapi types an application/x-ndjson response as
  // `never` (it looks like JSON but is not), so app.openapi cannot type this handler.
  app.openAPIRegistry.registerPath(routes.exportAudit);
  app.get(routes.exportAudit.path, async (c) => {
    const { filename, chunks } = audit.export(c.var.actor);
    const encoder = new TextEncoder();
    // Pulled one chunk of rows at a time, so a slow reader holds back the queries instead of filling memory.
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value.map(auditLine).join('')));
        } catch (error) {
          onUnexpectedError?.(error);
          // Broken off rather than ended: a truncated file must not look like a complete log.
          controller.error(error);
        }
      },
      async cancel() { await chunks.return(undefined); },
    });
    return c.body(stream, 200, {
      'Content-Type': `${AUDIT_EXPORT_MEDIA_TYPE}; charset=utf-8`,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    });
  });
}
