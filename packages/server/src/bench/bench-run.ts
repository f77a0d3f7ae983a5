import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { DatabaseConfig } from '../db/database.js';
import { freshDatabase } from '../testing/harness.js';
import { benchDatabase } from './bench-database.js';
import { BENCH_TODAY, generatePortfolio, type BenchSize } from './bench-generator.js';
import { benchWholeGraph } from './bench-graph.js';
import { formatComparison } from './bench-measure.js';

/**
 * `npm run bench [-- --seed N --programs N --constraints N --runs N --portfolio-runs N | --quick]`: generates the portfolio,
 * measures the whole-graph timeline in memory, then one program's timeline on PGlite and, when
 * DATABASE_URL is set, on a fresh database of that PostgreSQL server (created and dropped here).
 * docs/BENCHMARKS.md explains each line.
 */

export interface BenchOptions extends BenchSize {
  /** Timed rounds per measurement (each round runs subject and baseline once). */
  readonly runs: number;
  /** Timed rounds of the portfolio brief, which reads every program's graph and is by far the slowest. */
  readonly portfolioRuns: number;
}

/** The sizes: 500 programs, 100,000 constraints. */
export const DEFAULT_BENCH: BenchOptions = { seed: 42, programs: 500, constraints: 100_000, runs: 30, portfolioRuns: 3 };
/** A smoke-run size: seconds, not minutes. */
export const QUICK_BENCH: BenchOptions = { seed: 42, programs: 40, constraints: 4_000, runs: 10, portfolioRuns: 3 };

const TARGETS = { wholeGraph: 3, programTimeline: 2, programBrief: 2, portfolioBrief: 3 } as const;

/** Parses the command line; throws with a usage message on an unknown option or a bad number. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  let options: BenchOptions = argv.includes('--quick') ? QUICK_BENCH : DEFAULT_BENCH;
  const names = { '--seed': 'seed', '--programs': 'programs', '--constraints': 'constraints', '--runs': 'runs', '--portfolio-runs': 'portfolioRuns' } as const;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--quick') continue;
    const [flag, inline] = arg.split('=', 2);
    const name = Object.entries(names).find(([f]) => f === flag)?.[1];
    if (!name) throw new Error(`unknown option ${arg}; usage: npm run bench -- [--quick] [--seed N] [--programs N] [--constraints N] [--runs N] [--portfolio-runs N]`);
    const text = inline ?? argv[++i] ?? '';
    const value = Number(text);
    const min = name === 'seed' ? 0 : 1;
    if (!/^\d+$/.test(text) || value < min || !Number.isSafeInteger(value)) throw new Error(`${flag} needs a whole number ≥ ${min}, got "${text}"`);
    options = { ...options, [name]: value };
  }
  if (options.constraints < options.programs) throw new Error('--constraints must be at least --programs (one constraint per program)');
  return options;
}

/** Runs every measurement and writes the report through `log`, one line per call. */
export async function runBench(options: BenchOptions, log: (line: string) => void = console.log): Promise<void> {
  const { seed, programs, constraints, runs } = options;
  log(`Handoff bench · node ${process.version} · ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}) · ${new Date().toISOString()}`);
  log(`seed ${seed} · ${programs} programs · ${constraints} constraints · ${runs} timed runs each (after 2 warm-up) · today ${BENCH_TODAY}`);

  const started = performance.now();
  const portfolio = generatePortfolio(options, '00000000-0000-4000-8000-000000000000');
  const crossProgram = countCrossProgram(portfolio.constraints, portfolio.dependencies);
  const resolved = portfolio.constraints.filter((c) => c.status === 'resolved').length;
  log(`generated in ${(performance.now() - started).toFixed(0)} ms: ${portfolio.people.length} people, ${portfolio.dependencies.length} dependencies `
    + `(${crossProgram} across programs), ${resolved} resolved with lateness history`);

  log('');
  log(formatComparison('critical path + slack, whole graph (core)', 'Kahn topological sort', await benchWholeGraph(portfolio, runs), TARGETS.wholeGraph));

  const engines: { name: string; open: () => Promise<{ config: DatabaseConfig; drop: () => Promise<void> }> }[] = [
    { name: 'PGlite', open: async () => ({ config: { kind: 'pglite', dataDir: null }, drop: async () => {} }) },
  ];
  if (process.env.DATABASE_URL) engines.push({ name: 'PostgreSQL', open: freshDatabase });
  else log('\n(PostgreSQL skipped: set DATABASE_URL to a server this user may create databases on)');
  for (const engine of engines) {
    const { config, drop } = await engine.open();
    try {
      const result = await benchDatabase(config, options, runs, options.portfolioRuns);
      log('');
      log(`[${engine.name}] inserted in ${(result.insertMs / 1000).toFixed(1)} s; sample program ${result.sampleReach.programKey} loads `
        + `${result.sampleReach.constraints} constraints from ${result.sampleReach.programs} programs`);
      log(formatComparison(`[${engine.name}] one program's timeline (service)`, 'bare SQL load of the same rows', result.timeline, TARGETS.programTimeline));
      log(formatComparison(`[${engine.name}] one program's brief (service)`, 'bare load of its reads', result.programBrief, TARGETS.programBrief));
      log(formatComparison(`[${engine.name}] portfolio brief (service, ${options.portfolioRuns} runs)`, 'bare aggregate of the portfolio', result.portfolioBrief, TARGETS.portfolioBrief));
    } finally {
      await drop();
    }
  }
}

function countCrossProgram(
  constraints: readonly { id: string; program_id: string }[], dependencies: readonly { constraint_id: string; depends_on_id: string }[],
): number {
  const programOf = new Map(constraints.map((c) => [c.id, c.program_id]));
  return dependencies.filter((d) => programOf.get(d.constraint_id) !== programOf.get(d.depends_on_id)).length;
}
