import { ApiToken, ApiTokenPage, CreatedApiToken } from '@handoff/contract';
import { TOKEN_SCOPES, isCalendarDate } from '@handoff/core';
import { Option, type Command } from 'commander';
import { fetchList, parseAs, requestJson } from '../api-call.js';
import { CliError } from '../cli-error.js';
import { withClient, withClientOptions } from '../client-options.js';
import { limitOption, readOptions } from '../options.js';
import { orDash, printJson, printLine, printTable } from '../output/print.js';

/**
 * `handoff tokens create|list|revoke`: API tokens for scripts and integrations (docs/SECURITY.md). Run on the
 * data directory (the local operator) or with --url as a signed-in admin; a token cannot manage tokens.
 */
export function registerTokens(program: Command): void {
  const tokens = program.command('tokens').description('API tokens for scripts and integrations (Authorization: Bearer hnd_…)');

  withClientOptions(tokens.command('create').description('create a token; its secret is printed this once (stdout: only the secret)')
    .requiredOption('--name <name>', 'what the token is for, e.g. prometheus-alertmanager')
    .addOption(new Option('--scope <scope...>', 'read, write or readings; repeat for several').choices(TOKEN_SCOPES).makeOptionMandatory())
    .option('--expires <YYYY-MM-DD>', 'the token stops working at 00:00 UTC on this date'))
    .action(async (_o: unknown, command: Command) => {
      const o = readOptions(command);
      const expires = o.string('expires');
      if (expires !== undefined && !isCalendarDate(expires)) throw new CliError(`--expires ${expires} is not a real date in YYYY-MM-DD form`);
      const body = { name: o.required('name', '--name'), scopes: scopesOf(command), ...(expires ? { expiresAt: `${expires}T00:00:00Z` } : {}) };
      const token = await withClient(command, async (client) => parseAs(CreatedApiToken, await requestJson(client, 'POST', '/api/tokens', body), 'token'));
      process.stderr.write(`created token ${token.name} (${token.id}) with scope ${token.scopes.join(', ')}` +
        `${token.expiresAt ? `, expiring ${token.expiresAt}` : ''}.\n` +
        'Store the secret now: it will not be shown again (only its hash is kept). Send it as HANDOFF_TOKEN or Authorization: Bearer.\n');
      if (o.flag('json')) return printJson(token);
      printLine(token.secret);
    });

  withClientOptions(tokens.command('list').description('list tokens, oldest first, revoked and expired ones included (never their secrets)')
    .addOption(limitOption()))
    .action(async (_o: unknown, command: Command) => {
      const o = readOptions(command);
      const rows = await withClient(command, (client) => fetchList(client, '/api/tokens', new URLSearchParams(), o.number('limit') ?? 50, ApiTokenPage));
      if (o.flag('json')) return printJson(rows);
      const now = new Date().toISOString();
      printTable(rows, [
        { header: 'NAME', value: (t) => t.name },
        { header: 'PREFIX', value: (t) => `${t.prefix}…`, shrink: false },
        { header: 'SCOPES', value: (t) => t.scopes.join(',') },
        { header: 'CREATED BY', value: (t) => t.createdBy.label },
        { header: 'EXPIRES', value: (t) => orDash(t.expiresAt?.slice(0, 10)) },
        { header: 'LAST USED', value: (t) => orDash(t.lastUsedAt?.slice(0, 16).replace('T', ' ')) },
        { header: 'STATUS', value: (t) => status(t, now) },
        { header: 'ID', value: (t) => t.id, shrink: false },
      ]);
    });

  withClientOptions(tokens.command('revoke').description('revoke a token: it answers 401 from now on')
    .argument('<id>', 'the token id (see handoff tokens list)'))
    .action(async (id: string, _o: unknown, command: Command) => {
      const o = readOptions(command);
      const token = await withClient(command, async (client) =>
        parseAs(ApiToken, await requestJson(client, 'POST', `/api/tokens/${encodeURIComponent(id)}/revoke`, {}), 'token'));
      if (o.flag('json')) return printJson(token);
      printLine(`revoked token ${token.name} (${token.id}) at ${token.revokedAt ?? '-'}`);
    });
}

/** The scopes given with --scope (commander checked each against the vocabulary), without repeats. */
function scopesOf(command: Command): string[] {
  const raw: unknown = command.opts().scope;
  const values = Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : [];
  return [...new Set(values)];
}

function status(token: ApiToken, nowIso: string): string {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && token.expiresAt <= nowIso) return 'expired';
  return 'active';
}
