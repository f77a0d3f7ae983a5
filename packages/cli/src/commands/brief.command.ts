import { PortfolioBrief, ProgramBriefResponse, type ProgramBrief } from '@handoff/contract';
import { DIMENSIONS } from '@handoff/core';
import type { Command } from 'commander';
import { getAs } from '../api-call.js';
import { withClient, withClientOptions } from '../client-options.js';
import { readOptions } from '../options.js';
import { printJson, printLine, printTable } from '../output/print.js';

/**
 * The executive brief from the terminal (docs/BRIEF.md): `handoff brief PROGRAM` prints the sponsor's four
 * answers in plain language; `handoff brief` prints the portfolio, most risk to the production date first.
 */
export function registerBrief(program: Command): void {
  withClientOptions(program.command('brief').description("the sponsor's four answers for a program, or the portfolio brief without one")
    .argument('[program]', 'program key or id; omit for the whole portfolio'))
    .action(async (key: string | undefined, _o: unknown, command: Command) => {
      const o = readOptions(command);
      if (key === undefined) {
        const p = await withClient(command, (client) => getAs(client, '/api/brief', PortfolioBrief, 'portfolio brief'));
        if (o.flag('json')) return printJson(p);
        return showPortfolio(p);
      }
      const b = await withClient(command, (client) => getAs(client, `/api/programs/${encodeURIComponent(key)}/brief`, ProgramBriefResponse, 'brief'));
      if (o.flag('json')) return printJson(b);
      for (const line of formatBrief(b)) printLine(line);
    });
}

/** A program's brief as lines of plain text: the four answers, then the verdict and the context. */
export function formatBrief(b: ProgramBriefResponse): string[] {
  const { q1, q2, q3, q4 } = b.answers;
  const lines = [`${b.program.key} ${b.program.name}: ${b.program.phase}, sponsor ${b.program.sponsor?.name ?? 'NONE'}, as of ${b.asOf}`, ''];
  [q1, q2, q3, q4].forEach((a, i) => {
    lines.push(`Q${i + 1} ${a.question}`, `   ${a.status === 'missing' ? 'MISSING: ' : ''}${a.text}`);
  });
  for (const d of q4.detail?.pending ?? []) lines.push(`   - pending: ${d.title} (due ${d.dueDate}); recommended: ${d.recommendation}`);
  for (const d of q4.detail?.recommended ?? []) lines.push(`   - raise: ${d.title}; recommended: ${d.action}`);
  lines.push('', verdictLine(b));
  if (b.readiness) {
    const r = b.readiness;
    lines.push(`Readiness: ${DIMENSIONS.map((d) => `${d} ${r[d].score}${r[d].met ? ' met' : ''}`).join(', ')}`);
  }
  lines.push(`Diagnosis: ${b.diagnosis.summary}`);
  lines.push(`Constraints: ${b.constraints.active} active, ${b.constraints.overdue} overdue, ${b.constraints.stale} stale`);
  lines.push(`(forecast: seed ${b.forecastSettings.seed}, ${b.forecastSettings.trials} trials)`);
  return lines;
}

function verdictLine(b: ProgramBrief): string {
  if (b.verdict.kind === 'executive-ownership') return 'Executive ownership: all four questions are answered.';
  const missing = b.verdict.missing.map((m) => `Q${m.question} (${m.items.join(', ')})`).join('; ');
  return `Visibility only, not ownership: missing ${missing}.`;
}

function showPortfolio(p: PortfolioBrief): void {
  printLine(`Portfolio brief as of ${p.asOf}, most risk to the production date first`);
  printTable(p.programs, [
    { header: 'PROGRAM', value: (b) => b.program.key },
    { header: 'RISK', value: (b) => String(b.risk.score), align: 'right' },
    { header: 'LATE', value: (b) => String(b.risk.daysLate), align: 'right' },
    { header: 'OWNERSHIP', value: (b) => (b.verdict.kind === 'executive-ownership' ? 'executive' : `visibility (missing ${b.verdict.missing.map((m) => `Q${m.question}`).join(',')})`) },
    { header: 'BINDING', value: (b) => b.answers.q1.detail?.constraint?.ref ?? b.answers.q1.detail?.binding ?? '-' },
    { header: 'P80', value: (b) => b.answers.q3.detail?.forecast?.p80 ?? '-' },
    { header: 'TARGET', value: (b) => b.program.targetProductionDate ?? '-' },
    { header: 'BOARD', value: (b) => String((b.answers.q4.detail?.pending.length ?? 0) + (b.answers.q4.detail?.recommended.length ?? 0)), align: 'right' },
    { header: 'DIAGNOSIS', value: (b) => (b.diagnosis.modes.length === 0 ? (b.diagnosis.healthy ? 'healthy' : '-') : b.diagnosis.modes.map((m) => m.mode).join(', ')) },
  ]);
  if (p.sharedConstraints.length > 0) {
    printLine('');
    printLine('Shared constraints (block more than one program):');
    for (const c of p.sharedConstraints) printLine(`  ${c.ref} "${c.title}" due ${c.deadline}: blocks ${c.blocks.join(', ')}`);
  }
}
