import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Env, Hono } from 'hono';

/** Where the built web app lives by default: packages/web/dist beside this package. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8', '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt', '.webmanifest']);

interface WebFile { body: Uint8Array; gzip: Uint8Array | null; type: string; etag: string; immutable: boolean }

/** Reads every file of the built app into memory once: a handful of small files, served without touching the disk again. */
function loadFiles(dir: string): Map<string, WebFile> {
  const files = new Map<string, WebFile>();
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      const full = join(at, name);
      if (statSync(full).isDirectory()) { walk(full); continue; }
      const ext = extname(name).toLowerCase();
      const body = readFileSync(full);
      const path = `/${relative(dir, full).split(sep).join('/')}`;
      files.set(path, {
        body, type: TYPES[ext] ?? 'application/octet-stream',
        gzip: COMPRESSIBLE.has(ext) && body.length > 1024 ? gzipSync(body, { level: 9 }) : null,
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
        // Vite names built assets by content hash: they never change under the same name.
        immutable: path.startsWith('/assets/'),
      });
    }
  };
  walk(dir);
  return files;
}

/** Built apps already read, by directory (tests build many apps over one build). */
const loaded = new Map<string, Map<string, WebFile>>();

/** Paths the web app never owns: the API, its document and docs, calendar feeds. */
const SERVER_PATHS = /^\/(api|openapi\.json|docs|calendar)(\/|$)/;

/**
 * Serves the web app (packages/web, built by `npm run build`) at `/`: its files by exact path, and
 * index.html for every other GET that is not the server's own (deep links such as /programs/CLAIMS).
 * Without a build, `/` explains how to make one and the API works as before.
 */
export function mountWebApp<E extends Env>(app: Hono<E>, dir: string = process.env.HANDOFF_WEB_DIR ?? DEFAULT_WEB_DIR): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    app.get('/', (c) => c.html('<!doctype html><title>Handoff</title><p>The web app is not built. Run <code>npm run build</code>, or use the API at <a href="/docs">/docs</a>.</p>'));
    return false;
  }
  const files = loaded.get(dir) ?? loadFiles(dir);
  loaded.set(dir, files);
  app.on(['GET', 'HEAD'], '*', async (c, next) => {
    const path = c.req.path;
    if (SERVER_PATHS.test(path)) return next();
    const file = files.get(path) ?? (extname(path) === '' ? files.get('/index.html') : undefined);
    if (!file) return next();
    const headers: Record<string, string> = {
      'content-type': file.type, etag: file.etag, vary: 'accept-encoding',
      'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (c.req.header('if-none-match') === file.etag) return c.body(null, 304, headers);
    const gzip = file.gzip !== null && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    if (gzip) headers['content-encoding'] = 'gzip';
    const body = gzip && file.gzip ? file.gzip : file.body;
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(new Uint8Array(body), 200, headers);
  });
  return true;
}
