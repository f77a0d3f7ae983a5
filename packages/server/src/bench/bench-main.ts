import { parseBenchArgs, runBench, type BenchOptions } from './bench-run.js';

/** Entry point of `npm run bench` (run from dist after a build); never imported by tests. */
let options: BenchOptions | undefined;
try {
  options = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  // A usage error: the message says what to change.
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
}
if (options) {
  try {
    await runBench(options);
  } catch (error) {
    console.error('bench failed:', error);
    process.exitCode = 1;
  }
}
