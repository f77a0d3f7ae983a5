import { OpenAPIHono } from '@hono/zod-openapi';
import { routes } from '@handoff/contract';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { authMiddleware, type LocalOperator } from './auth/authenticate.js';
import { DEFAULT_AUTH_CONFIG, type AuthConfig } from './auth/auth-config.js';
import type { Deps } from './context.js';
import { HandoffError } from './errors.js';
import type { Api, ApiEnv } from './http/app-types.js';
import { mountDocs } from './http/docs-page.js';
import { mountWebApp } from './http/web-app.js';
import { securityHeaders } from './http/security-headers.js';
import { fieldErrors, problemBody, problemResponse } from './http/problem.js';
import { registerCalendarRoutes } from './routes/calendars/calendars.routes.js';
import { registerConstraintRoutes } from './routes/constraints/constraints.routes.js';
import { registerEconomicsRoutes } from './routes/economics/economics.routes.js';
import { registerEscalationRoutes } from './routes/escalations/escalations.routes.js';
import { registerImportRoutes } from './routes/import/import.routes.js';
import { registerIntegrationRoutes } from './routes/integrations/integrations.routes.js';
import { registerMonitorRoutes } from './routes/monitors/monitors.routes.js';
import { registerNotificationRoutes } from './routes/notifications/notifications.routes.js';
import { registerOwnershipRoutes } from './routes/ownership/ownership.routes.js';
import { registerDiagnosisRoutes } from './routes/diagnosis/diagnosis.routes.js';
import { registerClarityRoutes } from './routes/diagnosis/clarity.routes.js';
import { registerPeopleRoutes } from './routes/people/people.routes.js';
import { registerProgramRoutes } from './routes/programs/programs.routes.js';
import { registerReadinessRoutes } from './routes/readiness/readiness.routes.js';
import { registerReviewRoutes } from './routes/reviews/reviews.routes.js';
import { registerTimelineRoutes } from './routes/timeline/timeline.routes.js';
import { registerBriefRoutes } from './routes/brief/brief.routes.js';
import { registerBoardPackRoutes } from './routes/board-pack/board-pack.routes.js';
import { registerTransferRoutes } from './routes/transfer/transfer.routes.js';
import { registerTokenRoutes } from './routes/tokens/tokens.routes.js';
import { registerAuditRoutes } from './routes/audit/audit.routes.js';
import { registerAccountRoutes } from './routes/auth/accounts.routes.js';
import { registerAuthRoutes } from './routes/auth/auth.routes.js';
import { oidcProvider } from './auth/oidc-config.js';
import { registerOidcRoutes } from './routes/auth-oidc/auth-oidc.routes.js';
import type { OidcConfig } from './auth/oidc-config.js';
import { createOidcService } from './services/oidc.service.js';
import { createServices, type Services } from './services/index.js';

export interface AppOptions {
  /** The in-process operator's credential (CLI on a data directory, tests); see auth/authenticate.ts. */
  readonly local: LocalOperator;
  /** Session lifetimes, cookie security, proxy trust; defaults in auth-config.ts. */
  readonly auth?: AuthConfig;
  /** Where the built web app is (default packages/web/dist, or HANDOFF_WEB_DIR). */
  readonly webDir?: string;
  /** Single sign-on with an OpenID Connect provider; absent: off (auth/oidc-config.ts). */
  readonly oidc?: OidcConfig;
  /** Largest JSON body accepted, in bytes. */
  readonly maxBodyBytes?: number;
  /** Largest import file accepted, in bytes. */
  readonly maxImportBytes?: number;
  /** Where unexpected errors are reported (never to the client). */
  readonly onUnexpectedError?: (error: unknown) => void;
  /** Public origin of the server (e.g. https://handoff.example.com) for calendar feed URLs; default `deps.notify.publicUrl`. */
  readonly publicUrl?: string;
}

const TARGET_PREFIX: Record<string, string | undefined> = { query: 'query', param: 'path', header: 'header' };

/** The composition root of the HTTP API: services from explicit dependencies, routes, errors, docs. */
export function createApp(deps: Deps, options: AppOptions): { app: Api; services: Services } {
  const services = createServices(deps);
  const app: Api = new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (result.success) return undefined;
      const errors = fieldErrors(result.error, TARGET_PREFIX[result.target]);
      return problemResponse(problemBody('validation-failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors));
    },
  });

  app.use('*', securityHeaders({ secureCookies: (options.auth ?? DEFAULT_AUTH_CONFIG).secureCookies }));

  app.use('/api/*', async (c, next) => {
    const isImport = c.req.path.endsWith(':import') || c.req.path === '/api/workspace/import';
    // A batch of up to 10,000 readings is larger than any other JSON body; it gets the import limit too.
    const isReadings = /^\/api\/programs\/[^/]+\/readings$/.test(c.req.path);
    const limit = isImport || isReadings ? (options.maxImportBytes ?? 64 * 1024 * 1024) : (options.maxBodyBytes ?? 1024 * 1024);
    return bodyLimit({
      maxSize: limit,
      onError: () => problemResponse(problemBody('payload-too-large', `the request body is larger than ${limit} bytes`)),
    })(c, next);
  });

  app.use('/api/*', async (c, next) => {
    if (['POST', 'PUT', 'PATCH'].includes(c.req.method) && !c.req.path.endsWith(':import')) {
      const type = c.req.header('content-type') ?? '';
      // An action with nothing to say (`POST …/revoke`) may come without a body at all.
      const bodiless = type === '' && (c.req.raw.body === null || c.req.header('content-length') === '0');
      if (!bodiless && !/^application\/(.+\+)?json\b/i.test(type)) {
        return problemResponse(problemBody('unsupported-media-type', `send the body as application/json (got ${type || 'no content type'})`));
      }
    }
    return next();
  });

  app.use('/api/*', authMiddleware(deps, options.auth ?? DEFAULT_AUTH_CONFIG, options.local));

  app.openapi(routes.getHealth, (c) => c.json({ status: 'ok' as const, database: deps.database.kind, version: deps.version }, 200));
  registerPeopleRoutes(app, services);
  registerProgramRoutes(app, services);
  registerConstraintRoutes(app, services);
  registerReadinessRoutes(app, services);
  registerEscalationRoutes(app, services);
  registerOwnershipRoutes(app, services);
  registerDiagnosisRoutes(app, services);
  registerClarityRoutes(app, services);
  registerReviewRoutes(app, services);
  registerImportRoutes(app, services, options.onUnexpectedError);
  registerTransferRoutes(app, services);
  registerNotificationRoutes(app, services);
  registerMonitorRoutes(app, services);
  registerIntegrationRoutes(app, services);
  registerEconomicsRoutes(app, services);
  registerTimelineRoutes(app, services);
  registerBriefRoutes(app, services);
  registerBoardPackRoutes(app, services);
  registerOidcRoutes(app, createOidcService(deps, options.oidc, options.auth ?? DEFAULT_AUTH_CONFIG), options.auth ?? DEFAULT_AUTH_CONFIG, options.onUnexpectedError);
  registerAuthRoutes(app, services, { config: options.auth ?? DEFAULT_AUTH_CONFIG, oidc: oidcProvider(options.oidc) });
  registerAccountRoutes(app, services);
  registerTokenRoutes(app, services);
  registerAuditRoutes(app, services, options.onUnexpectedError);
  // Feed URLs use the public URL links in notifications use (HANDOFF_PUBLIC_URL), else the request's origin.
  registerCalendarRoutes(app, services, { publicUrl: options.publicUrl ?? deps.notify?.publicUrl });

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Handoff API',
      version: deps.version,
      description:
        'Portfolio of AI programs, their readiness and the constraint library that keeps them moving from pilot to production. ' +
        'Errors are RFC 9457 problem+json. Lists are cursor-paginated: pass `nextCursor` back as `cursor`. ' +
        'Updates accept `If-Match` with the ETag last read; a stale one is refused with 412.',
    },
  });
  mountDocs(app);
  mountWebApp(app, options.webDir);

  app.notFound((c) => problemResponse(problemBody('not-found', `no route for ${c.req.method} ${c.req.path}`)));
  app.onError((error) => {
    if (error instanceof HandoffError) return problemResponse(problemBody(error.code, error.detail, error.errors, error.extra));
    if (error instanceof HTTPException && error.status === 400) {
      return problemResponse(problemBody('malformed-json', 'the request body is not valid JSON', [{ path: '(body)', message: error.message }]));
    }
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse({ ...problemBody('validation-failed', error.message), status: error.status });
    }
    options.onUnexpectedError?.(error);
    return problemResponse(problemBody('internal', 'an unexpected error occurred; it has been logged'));
  });
  return { app, services };
}
