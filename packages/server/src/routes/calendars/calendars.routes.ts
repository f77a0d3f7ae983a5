import { ICALENDAR, routes } from '@handoff/contract';
import type { Api } from '../../http/app-types.js';
import type { Services } from '../../services/index.js';
import { presentCalendarFeed, presentCreatedFeed } from './calendar-feeds.presenter.js';
import { renderCalendar } from './calendar-ics.presenter.js';

export interface CalendarRouteOptions {
  /** The public origin of the server for subscription URLs; each request's own origin when undefined. */
  readonly publicUrl?: string | undefined;
}

/** Calendar feeds: management under /api, and the secret feed URLs under /calendar. */
export function registerCalendarRoutes(app: Api, { calendars }: Services, options: CalendarRouteOptions = {}): void {
  const configured = options.publicUrl?.replace(/\/+$/, '');
  const publicUrl = (requestUrl: string): string => configured ?? new URL(requestUrl).origin;
  // The answer carries the secret URL: no cache may keep it.
  const secret = { 'Cache-Control': 'no-store' };

  app.openapi(routes.createPersonCalendarFeed, async (c) => {
    const { row, token } = await calendars.create(c.var.actor, 'person', c.req.valid('param').id, c.req.valid('json'));
    return c.json(presentCreatedFeed(row, token, publicUrl(c.req.url)), 201, secret);
  });

  app.openapi(routes.createProgramCalendarFeed, async (c) => {
    const { row, token } = await calendars.create(c.var.actor, 'program', c.req.valid('param').id, c.req.valid('json'));
    return c.json(presentCreatedFeed(row, token, publicUrl(c.req.url)), 201, secret);
  });

  app.openapi(routes.listPersonCalendarFeeds, async (c) => {
    const page = await calendars.list(c.var.actor, 'person', c.req.valid('param').id, c.req.valid('query'));
    return c.json({ items: page.rows.map(presentCalendarFeed), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.listProgramCalendarFeeds, async (c) => {
    const page = await calendars.list(c.var.actor, 'program', c.req.valid('param').id, c.req.valid('query'));
    return c.json({ items: page.rows.map(presentCalendarFeed), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.revokeCalendarFeed, async (c) => {
    const row = await calendars.revoke(c.var.actor, c.req.valid('param').id);
    return c.json(presentCalendarFeed(row), 200);
  });

  // `{token}.ics` cannot be expressed as an OpenAPI route path Hono matches, so the route is
  // documented from the contract and served by a plain handler with a pattern parameter.
  app.openAPIRegistry.registerPath(routes.getCalendarFeed);
  app.get('/calendar/:file{[A-Za-z0-9_-]+\\.ics}', async (c) => {
    const content = await calendars.feed(c.req.param('file').slice(0, -'.ics'.length));
    return c.body(renderCalendar(content, publicUrl(c.req.url)), 200, {
      'Content-Type': `${ICALENDAR}; charset=utf-8`,
      'Content-Disposition': 'inline; filename="deadlines.ics"',
      'Cache-Control': 'private, no-cache',
      // The URL is the credential: keep it out of referrers and search indexes.
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex, nofollow',
    });
  });
}
