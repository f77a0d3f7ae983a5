import { OwnershipMap } from '@handoff/contract';
import type { Command } from 'commander';
import { getAs, parseAs, requestJson } from '../api-call.js';
import { withClient, withClientOptions } from '../client-options.js';
import { readOptions } from '../options.js';
import { orDash, printJson, printLine, printTable } from '../output/print.js';
import { personId } from '../resolve-refs.js';

/**
 * `handoff roles PROGRAM` (the governance ownership map, gaps marked), `roles assign PROGRAM ROLE PERSON`
 * and `roles vacate PROGRAM ROLE --reason`. PERSON is an e-mail or an id.
 */
export function registerRoles(program: Command): void {
  const roles = program.command('roles').description('the governance ownership map: one named person per role of a program');

  // The default subcommand, so `handoff roles CLAIMS` shows the map (options stay on the subcommand that reads them).
  withClientOptions(roles.command('show', { isDefault: true }).description('show the map of a program; required roles nobody holds are gaps')
    .argument('<program>', 'program key or id'))
    .action(async (key: string, _o: unknown, command: Command) => {
      const o = readOptions(command);
      const map = await withClient(command, (client) => getAs(client, rolesPath(key), OwnershipMap, 'ownership map'));
      showMap(map, o.flag('json'));
    });

  withClientOptions(roles.command('assign').description('name the one person who holds a role (outcome-owner sets the sponsor)')
    .argument('<program>', 'program key or id').argument('<role>', 'role key, e.g. drift-monitor').argument('<person>', 'e-mail or id')
    .option('--reason <text>', 'why, for the history'))
    .action(async (key: string, role: string, person: string, _o: unknown, command: Command) => {
      const o = readOptions(command);
      const reason = o.string('reason');
      const map = await withClient(command, async (client) => {
        const body = { personId: await personId(client, person), ...(reason ? { reason } : {}) };
        return parseAs(OwnershipMap, await requestJson(client, 'PUT', `${rolesPath(key)}/${encodeURIComponent(role)}`, body), 'ownership map');
      });
      if (o.flag('json')) return printJson(map);
      const row = map.roles.find((r) => r.key === role);
      printLine(`${role} of ${map.program.key}: ${row?.holder ? `${row.holder.name} <${row.holder.email}>` : '-'}`);
      printLine(gapLine(map));
    });

  withClientOptions(roles.command('vacate').description('vacate a role: it becomes a gap, kept visible')
    .argument('<program>', 'program key or id').argument('<role>', 'role key')
    .requiredOption('--reason <text>', 'why, for the history'))
    .action(async (key: string, role: string, _o: unknown, command: Command) => {
      const o = readOptions(command);
      const body = { reason: o.required('reason', '--reason') };
      const map = await withClient(command, async (client) =>
        parseAs(OwnershipMap, await requestJson(client, 'DELETE', `${rolesPath(key)}/${encodeURIComponent(role)}`, body), 'ownership map'));
      if (o.flag('json')) return printJson(map);
      printLine(`${role} of ${map.program.key} is now vacant`);
      printLine(gapLine(map));
    });
}

function rolesPath(key: string): string {
  return `/api/programs/${encodeURIComponent(key)}/roles`;
}

function showMap(map: OwnershipMap, json: boolean): void {
  if (json) return printJson(map);
  printLine(`${map.program.key} ${map.program.name}`);
  printTable(map.roles, [
    { header: 'ROLE', value: (r) => r.key },
    { header: 'HOLDER', value: (r) => (r.holder ? `${r.holder.name} <${r.holder.email}>` : '-') },
    { header: 'SINCE', value: (r) => orDash(r.since?.slice(0, 10)) },
    { header: 'STATUS', value: (r) => (!r.vacant ? 'held' : r.required ? 'GAP' : 'vacant (optional)') },
  ]);
  printLine(gapLine(map));
}

function gapLine(map: OwnershipMap): string {
  return map.gaps.length === 0 ? 'no gaps: every required role is held by a named person' : `gaps: ${map.gaps.join(', ')}`;
}
