import { Person, PersonPage } from '@handoff/contract';
import type { Command } from 'commander';
import { fetchList, getAs, parseAs, requestJson } from '../api-call.js';
import { withClient, withClientOptions } from '../client-options.js';
import { limitOption, readOptions } from '../options.js';
import { orDash, printDetails, printJson, printTable } from '../output/print.js';
import { personId } from '../resolve-refs.js';

/** `handoff people list|add|show`: the named individuals who sponsor programs and own constraints. */
export function registerPeople(program: Command): void {
  const people = program.command('people').description('named individuals who sponsor programs and own constraints');

  withClientOptions(people.command('list').description('list people, by name')
    .option('--search <text>', 'only people whose name, e-mail or title contains this')
    .option('--email <email>', 'only the person with this e-mail')
    .addOption(limitOption()))
    .action(async (_options: unknown, command: Command) => {
      const o = readOptions(command);
      const query = new URLSearchParams();
      const search = o.string('search');
      const email = o.string('email');
      if (search) query.set('q', search);
      if (email) query.set('email', email);
      const rows = await withClient(command, (client) => fetchList(client, '/api/people', query, o.number('limit') ?? 50, PersonPage));
      if (o.flag('json')) return printJson(rows);
      printTable(rows, [
        { header: 'NAME', value: (p) => p.name },
        { header: 'EMAIL', value: (p) => p.email },
        { header: 'TITLE', value: (p) => orDash(p.title) },
        { header: 'BOARD', value: (p) => (p.boardMember ? 'yes' : '') },
        { header: 'ID', value: (p) => p.id, shrink: false },
      ]);
    });

  withClientOptions(people.command('add').description('add a person')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--email <email>', 'e-mail address (unique in the workspace)')
    .option('--title <title>', 'job title')
    .option('--board-member', 'receives board-level escalations and decision requests'))
    .action(async (_options: unknown, command: Command) => {
      const o = readOptions(command);
      const title = o.string('title');
      const body = {
        name: o.required('name', '--name'), email: o.required('email', '--email'), ...(title ? { title } : {}),
        ...(o.flag('boardMember') ? { boardMember: true } : {}),
      };
      const person = await withClient(command, async (client) => parseAs(Person, await requestJson(client, 'POST', '/api/people', body), 'person'));
      showPerson(person, o.flag('json'));
    });

  withClientOptions(people.command('show').description('show one person').argument('<person>', 'e-mail or id'))
    .action(async (who: string, _options: unknown, command: Command) => {
      const person = await withClient(command, async (client) => {
        const id = await personId(client, who);
        return getAs(client, `/api/people/${encodeURIComponent(id)}`, Person, 'person');
      });
      showPerson(person, readOptions(command).flag('json'));
    });
}

function showPerson(person: Person, json: boolean): void {
  if (json) return printJson(person);
  printDetails([
    ['Name', person.name],
    ['E-mail', person.email],
    ['Title', orDash(person.title)],
    ['Board member', person.boardMember ? 'yes' : 'no'],
    ['Id', person.id],
    ['Created', person.createdAt],
    ['Updated', person.updatedAt],
    ['Version', String(person.version)],
  ]);
}
