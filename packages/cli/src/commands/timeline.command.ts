import {
  ConstraintImpact, FORECAST_MAX_TRIALS, IMPACT_MAX_DAYS, PLANNABLE_GATES, PhasePlan, ProgramForecast, ProgramTimeline, type TimelineConstraintRef,
} from '@handoff/contract';
import type { Command } from 'commander';
import { getAs, parseAs, requestJson } from '../api-call.js';
import { CliError } from '../cli-error.js';
import { withClient, withClientOptions } from '../client-options.js';
import { integer, readOptions } from '../options.js';
import { orDash, printJson, printLine, printTable } from '../output/print.js';

/**
 * The sponsor's third question from the terminal: `handoff timeline PROGRAM` (gates planned / projected /
 * slip, the binding constraint, critical paths), `handoff impact REF --days N`, `handoff forecast PROGRAM`
 * and `handoff plan PROGRAM [GATE=DATE…]`.
 */
export function registerTimeline(program: Command): void {
  withClientOptions(program.command('timeline').description('projected gate dates, the binding constraint and the critical path of a program')
    .argument('<program>', 'program key or id'))
    .action(async (key: string, _o: unknown, command: Command) => {
      const t = await withClient(command, (client) => getAs(client, `${programPath(key)}/timeline`, ProgramTimeline, 'timeline'));
      if (readOptions(command).flag('json')) return printJson(t);
      showTimeline(t);
    });

  withClientOptions(program.command('impact').description('which gates move, and by how much, if a constraint resolves N days late')
    .argument('<constraint>', 'ref (e.g. CLAIMS-12) or id')
    .requiredOption('--days <n>', `days of slip beyond its projected finish (0 to ${IMPACT_MAX_DAYS})`, integer(0, IMPACT_MAX_DAYS)))
    .action(async (ref: string, _o: unknown, command: Command) => {
      const o = readOptions(command);
      const path = `/api/constraints/${encodeURIComponent(ref)}/impact?days=${o.number('days') ?? 0}`;
      const impact = await withClient(command, (client) => getAs(client, path, ConstraintImpact, 'impact'));
      if (o.flag('json')) return printJson(impact);
      showImpact(impact);
    });

  withClientOptions(program.command('forecast').description('Monte Carlo forecast of each gate (P50/P80/P95) from the workspace history')
    .argument('<program>', 'program key or id')
    .option('--seed <n>', 'seed of the draws (default 1: the same data gives the same forecast)', integer(0, 2 ** 32 - 1))
    .option('--trials <n>', `trials (default 2000, at most ${FORECAST_MAX_TRIALS})`, integer(1, FORECAST_MAX_TRIALS)))
    .action(async (key: string, _o: unknown, command: Command) => {
      const o = readOptions(command);
      const query = new URLSearchParams();
      for (const name of ['seed', 'trials']) {
        const value = o.number(name);
        if (value !== undefined) query.set(name, String(value));
      }
      const f = await withClient(command, (client) => getAs(client, `${programPath(key)}/forecast?${query.toString()}`, ProgramForecast, 'forecast'));
      if (o.flag('json')) return printJson(f);
      showForecast(f);
    });

  withClientOptions(program.command('plan').description('show or change the planned date of gates: GATE=YYYY-MM-DD sets, GATE=none clears')
    .argument('<program>', 'program key or id')
    .argument('[changes...]', `GATE=DATE pairs; gates: ${PLANNABLE_GATES.join(', ')}`)
    .option('--reason <text>', 'why the plan changes, for the history'))
    .action(async (key: string, changes: string[], _o: unknown, command: Command) => {
      const o = readOptions(command);
      const edits = changes.map(parseChange);
      const plan = await withClient(command, async (client) => {
        const current = await getAs(client, `${programPath(key)}/plan`, PhasePlan, 'plan');
        if (edits.length === 0) return current;
        // The API takes the whole plan: keep the dates set on it, then apply the edits.
        const gates: Record<string, string> = {};
        for (const g of current.gates) if (g.source === 'plan' && g.plannedDate) gates[g.gate] = g.plannedDate;
        for (const [gate, date] of edits) {
          if (date === null) delete gates[gate];
          else gates[gate] = date;
        }
        const reason = o.string('reason');
        return parseAs(PhasePlan, await requestJson(client, 'PUT', `${programPath(key)}/plan`, { gates, ...(reason ? { reason } : {}) }), 'plan');
      });
      if (o.flag('json')) return printJson(plan);
      showPlan(plan);
    });
}

function programPath(key: string): string {
  return `/api/programs/${encodeURIComponent(key)}`;
}

function parseChange(text: string): [string, string | null] {
  const [gate = '', date = ''] = text.split('=', 2);
  if (!PLANNABLE_GATES.some((g) => g === gate)) throw new CliError(`${text}: the gate must be one of ${PLANNABLE_GATES.join(', ')} (write GATE=YYYY-MM-DD)`);
  if (date === '') throw new CliError(`${text}: give a date as ${gate}=YYYY-MM-DD, or ${gate}=none to clear it`);
  return [gate, date === 'none' ? null : date];
}

function signed(days: number | null): string {
  return days === null ? '-' : days > 0 ? `+${days}` : String(days);
}

function named(c: TimelineConstraintRef): string {
  return `${c.ref} ${c.title} (${c.owner.name}, due ${c.deadline})`;
}

function showPlan(plan: PhasePlan): void {
  printLine(`${plan.program.key} ${plan.program.name}: ${plan.program.phase}`);
  printTable(plan.gates, [
    { header: 'GATE', value: (g) => g.gate },
    { header: 'PLANNED', value: (g) => orDash(g.plannedDate) },
    { header: 'NOTE', value: (g) => (g.passed ? 'passed' : g.source === 'target-production-date' ? 'target production date' : '') },
  ]);
}

function showTimeline(t: ProgramTimeline): void {
  printLine(`${t.program.key} ${t.program.name}: ${t.program.phase}, today ${t.today}`);
  if (t.gates.length === 0) return printLine('in production: no gates ahead');
  printTable(t.gates, [
    { header: 'GATE', value: (g) => g.gate },
    { header: 'PLANNED', value: (g) => orDash(g.plannedDate) },
    { header: 'PROJECTED', value: (g) => g.projectedDate },
    { header: 'SLIP', value: (g) => signed(g.slipDays), align: 'right' },
    { header: 'SET BY', value: (g) => (g.criticalPath.kind === 'constraints' ? g.criticalPath.constraints.map((c) => c.ref).join(' → ') : g.criticalPath.kind) },
  ]);
  if (t.targetProductionDate) {
    const vs = t.productionVsTargetDays ?? 0;
    printLine(`Production vs target ${t.targetProductionDate}: ${vs > 0 ? `${vs} days late` : vs < 0 ? `${-vs} days early` : 'on target'}`);
  }
  const b = t.binding;
  if (b.kind === 'constraint') {
    printLine(`Binding constraint: ${named(b.constraint)} holds ${b.gate}${b.delayOverPlanDays ? ` ${b.delayOverPlanDays} days past plan` : ''}.`);
    printLine(`  Each day it slips moves ${b.gate} a day; production moves once it slips more than ${b.productionSlackDays} days ` +
      `(a week's slip: ${b.gate} +${b.delayPerWeekOfSlip.nextGate}, production +${b.delayPerWeekOfSlip.production}).`);
  } else if (b.kind !== 'in-production') {
    printLine(`Binding constraint: none; ${b.gate} is set by ${b.kind === 'plan' ? 'its plan date' : 'today (nothing blocks it)'}`);
  }
  for (const g of t.gates) {
    if (g.criticalPath.kind === 'constraints') printLine(`Critical path to ${g.gate}: ${g.criticalPath.constraints.map(named).join(' → ')}`);
  }
  if (t.constraints.length === 0) return;
  printTable(t.constraints, [
    { header: 'REF', value: (c) => c.ref },
    { header: 'TITLE', value: (c) => c.title },
    { header: 'OWNER', value: (c) => c.owner.name },
    { header: 'DEADLINE', value: (c) => c.deadline },
    { header: 'FINISH', value: (c) => c.projectedFinish },
    { header: 'SLACK', value: (c) => orDash(c.slackDays), align: 'right' },
  ]);
}

function showImpact(i: ConstraintImpact): void {
  printLine(`If ${i.constraint.ref} ${i.constraint.title} resolves ${i.days} days after its projected finish ${i.projectedFinish} (slack ${orDash(i.slackDays)} days):`);
  if (i.programs.length === 0) return printLine('no gate moves: it reaches no gate of a program still ahead of production');
  const rows = i.programs.flatMap((p) => p.gates.map((g) => ({ key: p.program.key, ...g })));
  printTable(rows, [
    { header: 'PROGRAM', value: (r) => r.key },
    { header: 'GATE', value: (r) => r.gate },
    { header: 'PROJECTED', value: (r) => r.projectedDate },
    { header: 'MOVES', value: (r) => signed(r.delayDays), align: 'right' },
    { header: 'NEW DATE', value: (r) => r.newDate },
  ]);
  for (const p of i.programs) printLine(`${p.program.key} production: ${p.production.before} → ${p.production.after} (${signed(p.productionDelayDays)} days)`);
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function showForecast(f: ProgramForecast): void {
  printLine(`${f.program.key} ${f.program.name}: forecast from ${f.today}, ${f.trials} trials, seed ${f.seed}`);
  if (f.gates.length === 0) return printLine('in production: no gates ahead');
  printTable(f.gates, [
    { header: 'GATE', value: (g) => g.gate },
    { header: 'PLANNED', value: (g) => orDash(g.plannedDate) },
    { header: 'P50', value: (g) => g.p50 },
    { header: 'P80', value: (g) => g.p80 },
    { header: 'P95', value: (g) => g.p95 },
  ]);
  if (f.onTargetProbability !== null) printLine(`Chance of production by the target ${f.targetProductionDate}: ${percent(f.onTargetProbability)}`);
  if (f.criticality.length > 0) {
    printTable(f.criticality.slice(0, 10), [
      { header: 'CRITICAL', value: (c) => c.constraint.ref },
      { header: 'TITLE', value: (c) => c.constraint.title },
      { header: 'NEXT GATE', value: (c) => percent(c.nextGate), align: 'right' },
      { header: 'PRODUCTION', value: (c) => percent(c.production), align: 'right' },
    ]);
  }
  for (const r of f.referenceClasses) {
    printLine(`${r.kind}/${r.dimension}: ${r.classSamples} past cases of this class, ${r.workspaceSamples} in the workspace; prior weight ${percent(r.weights.prior)}`);
  }
}
