import { performance } from 'node:perf_hooks';
import type { DatabaseConfig } from '../db/database.js';
import { findProgram } from '../db/repos/programs.repo.js';
import { latenessHistory, listGatePlans, listTimelinePrograms, loadReachingConstraints } from '../db/repos/timeline.repo.js';
import { openHandoff } from '../handoff.js';
import { inTransaction } from '../services/transaction.js';
import { BENCH_TODAY, generatePortfolio, type BenchPortfolio, type BenchSize } from './bench-generator.js';
import { bareProgramBriefLoad, barePortfolioLoad } from './bench-brief.js';
import { compare, type Comparison } from './bench-measure.js';
import { insertPortfolio } from './bench.repo.js';

/**
 * Measurements 2–4, on one database engine: one program's timeline through the service against the bare
 * queries that load the same rows (the program lookup, then the timeline repo's four reads: programs,
 * reaching constraints, gate plans, lateness history); one program's brief and the portfolio brief against
 * their bare loads (bench-brief.ts). Round i of subject and baseline uses the same program, taken from a
 * fixed spread over the programs that still have gates ahead.
 */

export interface DatabaseBench {
  readonly portfolio: BenchPortfolio;
  readonly insertMs: number;
  readonly timeline: Comparison;
  readonly programBrief: Comparison;
  /** Timed without warm-up: one portfolio brief reads every program's graph. */
  readonly portfolioBrief: Comparison;
  /** Rows the service's timeline loaded for the first sampled program (its reach across programs). */
  readonly sampleReach: { readonly programKey: string; readonly constraints: number; readonly programs: number };
}

/** Opens a fresh Handoff on `database` (migrated, its clock fixed at the bench's today), loads the portfolio and measures. */
export async function benchDatabase(database: DatabaseConfig, size: BenchSize, runs: number, portfolioRuns: number): Promise<DatabaseBench> {
  const now = new Date(`${BENCH_TODAY}T09:00:00.000Z`);
  const handoff = await openHandoff({ database, clock: { now: () => now }, timeZone: 'UTC', actorLabel: 'bench' });
  try {
    const { db } = handoff.deps.database;
    const { actor, services } = handoff;
    const portfolio = generatePortfolio(size, actor.workspaceId);
    const started = performance.now();
    await inTransaction(db, (trx) => insertPortfolio(trx, portfolio));
    const insertMs = performance.now() - started;

    const candidates = portfolio.programs.filter((p) => p.phase !== 'production').map((p) => p.key);
    if (candidates.length === 0) throw new Error('the generated portfolio has no program before production');
    // A stride coprime with most sizes walks the programs in a fixed, spread-out order.
    const keyOf = (round: number): string => candidates[((round + 1) * 7919) % candidates.length] ?? '';

    const first = await services.timeline.timeline(actor, keyOf(0));
    const timeline = await compare(
      (round) => services.timeline.timeline(actor, keyOf(round)),
      async (round) => {
        const row = await findProgram(db, actor.workspaceId, keyOf(round));
        if (!row) throw new Error(`program ${keyOf(round)} not found`);
        const ids = [row.id];
        return Promise.all([
          listTimelinePrograms(db, actor.workspaceId, ids), loadReachingConstraints(db, actor.workspaceId, ids),
          listGatePlans(db, actor.workspaceId, ids), latenessHistory(db, actor.workspaceId, actor.timeZone),
        ]);
      },
      runs,
    );
    const programBrief = await compare(
      (round) => services.brief.program(actor, keyOf(round)),
      (round) => bareProgramBriefLoad(db, actor, now, keyOf(round)),
      runs,
    );
    const portfolioBrief = await compare(() => services.brief.portfolio(actor), () => barePortfolioLoad(db, actor, now), portfolioRuns, 0);
    const reached = new Set([...first.constraints.values()].map((c) => c.program_id));
    return {
      portfolio, insertMs, timeline, programBrief, portfolioBrief,
      sampleReach: { programKey: keyOf(0), constraints: first.constraints.size, programs: reached.size },
    };
  } finally {
    await handoff.close();
  }
}
