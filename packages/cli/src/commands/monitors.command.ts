import { Monitor, MonitorPage, ReadingsResult } from '@handoff/contract';
import { DIMENSIONS, MONITOR_DIRECTIONS, SEVERITIES } from '@handoff/core';
import { InvalidArgumentError, type Command } from 'commander';
import { fetchList, parseAs, requestJson } from '../api-call.js';
import { withClient, withClientOptions } from '../client-options.js';
import { choiceOption, integer, readOptions } from '../options.js';
import { orDash, printJson, printLine, printTable } from '../output/print.js';

/** A finite number for commander (its error names the argument or option). */
function finite(value: string): number {
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('must be a number');
  return n;
}

/** `--label name=value`, repeatable, into Alertmanager label matchers. */
function label(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError('must be name=value');
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

function showMonitor(m: Monitor): string {
  const breach = m.breachConstraint ? ` ${m.breachConstraint.ref} (${m.breachConstraint.status}${m.breachConstraint.recoveredAt ? ', recovered' : ''})` : '';
  const unowned = m.unownedBreach ? ' — no owner: fill the role' : '';
  return `${m.ref}: ${m.state}${m.lastValue === null ? '' : ` at ${m.lastValue}${m.unit ? ` ${m.unit}` : ''}`}${breach}${unowned}`;
}

/**
 * `handoff monitors PROGRAM` (list with state), `handoff monitors add PROGRAM …` and
 * `handoff readings add PROGRAM MONITOR VALUE [--at]`: monitored thresholds from the terminal.
 */
export function registerMonitors(program: Command): void {
  const monitors = program.command('monitors').description("a program's monitored thresholds and their state");

  withClientOptions(monitors.command('list', { isDefault: true }).description('list the monitors of a program with their state (`handoff monitors PROGRAM`)')
    .argument('<program>', 'program key or id'))
    .action(async (programKey: string, _options: unknown, command: Command) => {
      const rows = await withClient(command, (client) =>
        fetchList(client, `/api/programs/${encodeURIComponent(programKey)}/monitors`, new URLSearchParams(), 1_000, MonitorPage));
      if (readOptions(command).flag('json')) return printJson(rows);
      printTable(rows, [
        { header: 'MONITOR', value: (m) => m.key, shrink: false },
        { header: 'NAME', value: (m) => m.name },
        { header: 'STATE', value: (m) => m.state, shrink: false },
        { header: 'LAST', value: (m) => (m.lastValue === null ? '-' : `${m.lastValue}${m.unit ? ` ${m.unit}` : ''}`), align: 'right', shrink: false },
        { header: 'BREACH AT', value: (m) => `${m.direction === 'above' ? '≥' : '≤'} ${m.breachThreshold}`, shrink: false },
        { header: 'OWNER', value: (m) => (m.owner ? m.owner.name : `${m.ownerRole} (vacant)`) },
        { header: 'CONSTRAINT', value: (m) => orDash(m.breachConstraint?.ref ?? (m.unownedBreach ? 'UNOWNED' : null)), shrink: false },
      ]);
    });

  withClientOptions(monitors.command('add').description('add a monitored threshold to a program')
    .argument('<program>', 'program key or id')
    .requiredOption('--key <key>', 'short key, unique in the program (e.g. drift-psi)')
    .requiredOption('--name <name>', 'what people call it')
    .requiredOption('--metric <metric>', 'drift-psi, accuracy, latency-p95, cost-per-transaction, ai-share, legacy-fallback, or free text')
    .addOption(choiceOption('--direction <direction>', 'which side is bad', MONITOR_DIRECTIONS).makeOptionMandatory())
    .requiredOption('--breach <value>', 'breach threshold (reaching it is a breach)', finite)
    .option('--warning <value>', 'warning threshold, on the safe side of the breach threshold', finite)
    .requiredOption('--owner-role <role>', 'governance role whose holder owns a breach (e.g. drift-monitor)')
    .option('--unit <unit>', 'unit of the values (e.g. PSI, ms, %)')
    .option('--window <minutes>', 'evaluation window in minutes (default 60)', integer(1, 525_600))
    .option('--deadline-days <days>', 'days from a breach to its constraint deadline (default 7)', integer(0, 365))
    .addOption(choiceOption('--severity <severity>', 'severity of a breach (default high)', SEVERITIES))
    .addOption(choiceOption('--dimension <dimension>', 'readiness dimension (default governance)', DIMENSIONS))
    .option('--label <name=value>', 'Alertmanager label matcher (repeatable)', label))
    .action(async (programKey: string, _options: unknown, command: Command) => {
      const o = readOptions(command);
      const values: Record<string, unknown> = command.opts();
      const body: Record<string, unknown> = {
        key: o.required('key', '--key'), name: o.required('name', '--name'), metric: o.required('metric', '--metric'),
        direction: o.required('direction', '--direction'), breachThreshold: o.number('breach'), ownerRole: o.required('ownerRole', '--owner-role'),
        ...(o.number('warning') !== undefined ? { warningThreshold: o.number('warning') } : {}),
        ...(o.string('unit') !== undefined ? { unit: o.string('unit') } : {}),
        ...(o.number('window') !== undefined ? { windowMinutes: o.number('window') } : {}),
        ...(o.number('deadlineDays') !== undefined ? { deadlineDays: o.number('deadlineDays') } : {}),
        ...(o.string('severity') ? { severity: o.string('severity') } : {}),
        ...(o.string('dimension') ? { dimension: o.string('dimension') } : {}),
        ...(values.label !== undefined ? { alertLabels: values.label } : {}),
      };
      const created = await withClient(command, async (client) =>
        parseAs(Monitor, await requestJson(client, 'POST', `/api/programs/${encodeURIComponent(programKey)}/monitors`, body), 'monitor'));
      if (o.flag('json')) return printJson(created);
      printLine(`added ${created.ref}: ${created.name}, breach ${created.direction === 'above' ? '≥' : '≤'} ${created.breachThreshold}, owned by ${created.owner ? created.owner.name : `${created.ownerRole} (vacant)`}`);
    });

  const readings = program.command('readings').description('readings of monitored thresholds');
  withClientOptions(readings.command('add').description('record one reading; the monitor is re-evaluated at once')
    .argument('<program>', 'program key or id')
    .argument('<monitor>', 'monitor key or id')
    .argument('<value>', 'the value (a number; write a negative one after --)', finite)
    .option('--at <time>', 'when it was observed (ISO 8601; default now)'))
    .action(async (programKey: string, monitor: string, value: number, _options: unknown, command: Command) => {
      const o = readOptions(command);
      const at = o.string('at');
      const body = { monitor, value, ...(at ? { observedAt: at } : {}) };
      const result = await withClient(command, async (client) =>
        parseAs(ReadingsResult, await requestJson(client, 'POST', `/api/programs/${encodeURIComponent(programKey)}/readings`, body), 'readings result'));
      if (o.flag('json')) return printJson(result);
      for (const m of result.monitors) printLine(showMonitor(m));
    });
}
