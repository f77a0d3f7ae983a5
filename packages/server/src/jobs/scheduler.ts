/** Stops a job started by `runEvery`; resolves once the run in flight (if any) has finished. */
export type StopJob = () => Promise<void>;

/**
 * Runs `task` now and then `intervalMs` after each run ends, until stopped. Runs of one job never
 * overlap: a run slower than the interval delays the next instead of starting a second. A failing run
 * is reported to `onError` and the schedule goes on. The timer does not keep the process alive by itself.
 */
export function runEvery(
  name: string,
  intervalMs: number,
  task: () => Promise<unknown>,
  onError: (error: unknown, name: string) => void,
): StopJob {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;

  const tick = (): void => {
    timer = undefined;
    inFlight = (async () => {
      try {
        await task();
      } catch (error) {
        onError(error, name);
      }
    })().finally(() => {
      inFlight = undefined;
      if (!stopped) {
        timer = setTimeout(tick, intervalMs);
        timer.unref();
      }
    });
  };

  tick();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = undefined;
    await inFlight;
  };
}
