import type { Reading, ReadingPage } from '@handoff/contract';
import { useCallback, useEffect, useState } from 'react';
import { api } from './client.js';
import type { Loaded } from './use-api.js';

const HOUR = 3_600_000;
/** Look-back spans tried in turn, widest first, until one fits in a page: daily readings show a month, per-minute ones an hour. */
const SPANS_HOURS = [30 * 24, 7 * 24, 24, 1] as const;
/** Readings per request (the API's largest page). */
const PAGE = 200;

/** A monitor's most recent readings, oldest first, and the span they cover. */
export interface RecentReadings {
  readonly readings: readonly Reading[];
  /** Hours before the latest reading the readings start from. */
  readonly spanHours: number;
}

/**
 * The readings of one monitor up to its latest reading (`lastObservedAt`), over the widest span whose readings fit
 * in one page. Nothing is requested when the monitor has no reading.
 */
export function useRecentReadings(monitorId: string, lastObservedAt: string | null): Loaded<RecentReadings> {
  const [result, setResult] = useState<Loaded<RecentReadings>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const again = useCallback(() => setAttempt((n) => n + 1), []);
  useEffect(() => {
    let current = true;
    async function load(): Promise<RecentReadings> {
      if (lastObservedAt === null) return { readings: [], spanHours: 0 };
      const latest = Date.parse(lastObservedAt);
      let last: RecentReadings = { readings: [], spanHours: 0 };
      for (const hours of SPANS_HOURS) {
        const from = new Date(latest - hours * HOUR).toISOString();
        const page = await api<ReadingPage>(`/api/monitors/${monitorId}/readings?limit=${PAGE}&from=${encodeURIComponent(from)}`);
        last = { readings: page.items, spanHours: hours };
        if (page.nextCursor === null) break;
      }
      return last;
    }
    load().then(
      (data) => { if (current) setResult({ state: 'ready', data, reload: again }); },
      (error: unknown) => { if (current) setResult({ state: 'error', error: error instanceof Error ? error : new Error(String(error)), retry: again }); },
    );
    return () => { current = false; };
  }, [monitorId, lastObservedAt, attempt, again]);
  return result;
}
