import { SendError } from './channel.js';

/** A webhook that has not answered within this time counts as failed (and is retried later). */
const TIMEOUT_MS = 15_000;

/**
 * POSTs JSON to a webhook with the delivery's idempotency key as `Idempotency-Key`. A 2xx answer is
 * success; 408, 429 and 5xx are worth retrying; any other 4xx (revoked or malformed webhook) is permanent.
 */
export async function postWebhook(url: string, body: unknown, idempotencyKey: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(body),
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new SendError(`webhook unreachable: ${describe(error)}`, false);
  }
  if (res.ok) {
    await res.body?.cancel();
    return;
  }
  const detail = (await res.text().catch(() => '')).slice(0, 200).replace(/\s+/g, ' ').trim();
  const permanent = res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429;
  throw new SendError(`webhook answered ${res.status}${detail ? `: ${detail}` : ''}`, permanent);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
