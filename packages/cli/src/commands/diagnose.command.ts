import { ProgramDiagnosis } from '@handoff/contract';
import type { Command } from 'commander';
import { getAs } from '../api-call.js';
import { withClient, withClientOptions } from '../client-options.js';
import { readOptions } from '../options.js';
import { printJson, printLine } from '../output/print.js';

const MODE_NAMES: Record<ProgramDiagnosis['modes'][number]['mode'], string> = {
  'architecture-without-governance': 'Architecture without governance',
  'governance-without-adoption': 'Governance without adoption',
  'adoption-without-ownership': 'Adoption without ownership',
};

/** `handoff diagnose PROGRAM`: the failure modes found, each with its evidence and what would clear it. */
export function registerDiagnose(program: Command): void {
  withClientOptions(program.command('diagnose').description("diagnose a program's failure modes from its live data, with the evidence")
    .argument('<program>', 'program key or id'))
    .action(async (key: string, _o: unknown, command: Command) => {
      const o = readOptions(command);
      const d = await withClient(command, (client) => getAs(client, `/api/programs/${encodeURIComponent(key)}/diagnosis`, ProgramDiagnosis, 'diagnosis'));
      if (o.flag('json')) return printJson(d);
      printLines(formatDiagnosis(d));
    });
}

/** The diagnosis as lines of text: shared with `handoff assess`, which prints it at the end. */
export function formatDiagnosis(d: ProgramDiagnosis): string[] {
  const lines = [`Diagnosis of ${d.program.key} (${d.program.name}, ${d.program.phase}): ${d.summary}`];
  for (const finding of d.modes) {
    lines.push('', `${MODE_NAMES[finding.mode]} (${finding.strength})`);
    for (const e of finding.evidence) lines.push(`  - ${e.observed} (expected: ${e.expected})`);
    lines.push('  To clear it:');
    for (const c of finding.clears) lines.push(`  - ${c}`);
  }
  return lines;
}

function printLines(lines: readonly string[]): void {
  for (const line of lines) printLine(line);
}
