import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPost {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

export interface WebhookSink {
  /** Base URL, e.g. http://127.0.0.1:40123; webhooks are `${url}/any-path`. */
  readonly url: string;
  readonly posts: ReceivedPost[];
  /** Posts received on one path. */
  postsTo(path: string): ReceivedPost[];
  /** Answers posts to `path` with `status` from now on (200 otherwise); failed posts are still recorded. */
  answer(path: string, status: number): void;
  stop(): Promise<void>;
}

/** A real HTTP receiver on 127.0.0.1 standing in for Slack and Teams webhooks in tests. */
export async function startWebhookSink(): Promise<WebhookSink> {
  const posts: ReceivedPost[] = [];
  const statuses = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try { body = JSON.parse(text); } catch { /* recorded as text */ }
      posts.push({ path, headers: req.headers, body });
      const status = statuses.get(path) ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no_service');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('webhook sink is not listening on a TCP port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    posts,
    postsTo: (path) => posts.filter((p) => p.path === path),
    answer: (path, status) => { statuses.set(path, status); },
    stop: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
