import { NDJSON, type ImportEvent, type Problem } from '@handoff/contract';
import { HandoffError } from '../../errors.js';
import { problemBody } from '../../http/problem.js';

/**
 * A 200 response that streams one JSON event per line while `work` runs, then its final event. The
 * status is sent before the outcome is known, so a failure arrives as a final `{"problem": …}` line.
 * If the client goes away the work still finishes (its transaction commits or rolls back whole);
 * only the remaining events are dropped.
 */
export function ndjsonResponse(
  work: (send: (event: ImportEvent) => void) => Promise<ImportEvent>,
  onUnexpectedError?: (error: unknown) => void,
): Response {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let open = true;
  const send = (event: ImportEvent): void => {
    if (!open || !controller) return;
    try {
      controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
    } catch {
      open = false;
    }
  };
  const stream = new ReadableStream<Uint8Array>({
    start: (c) => { controller = c; },
    cancel: () => { open = false; },
  });
  void (async () => {
    try {
      send(await work(send));
    } catch (error) {
      send({ problem: problemOf(error, onUnexpectedError) });
    } finally {
      if (open) controller?.close();
    }
  })();
  return new Response(stream, { status: 200, headers: { 'content-type': `${NDJSON}; charset=utf-8`, 'cache-control': 'no-store' } });
}

function problemOf(error: unknown, onUnexpectedError?: (error: unknown) => void): Problem {
  if (error instanceof HandoffError) return problemBody(error.code, error.detail, error.errors, error.extra);
  onUnexpectedError?.(error);
  return problemBody('internal', 'an unexpected error occurred; it has been logged');
}
