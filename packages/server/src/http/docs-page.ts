import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Api } from './app-types.js';

const require = createRequire(import.meta.url);
const ASSETS = ['swagger-ui.css', 'swagger-ui-bundle.js'] as const;

/**
 * Serves browsable API docs at /docs: Swagger UI, from the swagger-ui-dist package on disk (no CDN),
 * reading /openapi.json.
 */
export function mountDocs(app: Api): void {
  const dir = join(require.resolve('swagger-ui-dist/package.json'), '..');
  const files = new Map<string, string>(ASSETS.map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
  app.get('/docs/assets/:name', (c) => {
    const name = c.req.param('name');
    const body = files.get(name);
    if (!body) return c.notFound();
    const type = name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8';
    return c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
  });
  app.get('/docs/init.js', (c) =>
    c.body(
      "window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#api', deepLinking: true, defaultModelsExpandDepth: 1, tryItOutEnabled: true });",
      200,
      { 'content-type': 'text/javascript; charset=utf-8' },
    ),
  );
  app.get('/docs', (c) =>
    c.html(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Handoff API</title><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="api"></div><script src="/docs/assets/swagger-ui-bundle.js"></script><script src="/docs/init.js"></script></body>
</html>`),
  );
}
