import { serve, type ServerType } from '@hono/node-server';
import type { Handoff } from './handoff.js';

export interface ServeOptions {
  readonly port: number;
  /** Interface to bind; 127.0.0.1 unless told otherwise. */
  readonly host: string;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections, waits for in-flight requests, closes the database. */
  close(): Promise<void>;
}

/** Serves an opened Handoff over HTTP. Port 0 picks a free port. */
export function serveHandoff(handoff: Handoff, options: ServeOptions): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    const server: ServerType = serve({ fetch: handoff.app.fetch, port: options.port, hostname: options.host }, (info) => {
      server.off('error', onError);
      const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
      resolve({
        url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => {
              void handoff.close().then(done, done);
            });
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.on('error', onError);
  });
}
