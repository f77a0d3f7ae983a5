import { Writable } from 'node:stream';
import { createInterface } from 'node:readline';
import { Account } from '@handoff/contract';
import { ACCOUNT_ROLES } from '@handoff/core';
import type { Command } from 'commander';
import { parseAs, requestJson } from '../api-call.js';
import { CliError } from '../cli-error.js';
import { withClient, withClientOptions } from '../client-options.js';
import { choiceOption, readOptions } from '../options.js';
import { printJson, printLine } from '../output/print.js';

/**
 * `handoff admin create`: creates an account through the API (POST /api/accounts) as the in-process
 * operator on the data directory: how the first admin of a new instance comes to be.
 */
export function registerAdmin(program: Command): void {
  const admin = program.command('admin').description('accounts: create the first admin (and others) on this data directory');
  withClientOptions(admin.command('create').description('create an account that signs in with e-mail and password')
    .requiredOption('--email <email>', 'e-mail address to sign in with (linked to the person with the same e-mail, if any)')
    .addOption(choiceOption('--role <role>', 'what the account may do', ACCOUNT_ROLES).default('admin'))
    .option('--password-stdin', 'read the password from standard input (without it: a hidden prompt on a terminal, else standard input)'))
    .action(async (_options: unknown, command: Command) => {
      const o = readOptions(command);
      const email = o.required('email', '--email');
      const role = o.string('role') ?? 'admin';
      const password = !o.flag('passwordStdin') && process.stdin.isTTY === true ? await promptTwice() : await readStdinPassword();
      const account = await withClient(command, async (client) =>
        parseAs(Account, await requestJson(client, 'POST', '/api/accounts', { email, role, password }), 'account'));
      if (o.flag('json')) return printJson(account);
      const person = account.person ? `, acting as ${account.person.name}` : ' (no person with this e-mail yet: link one later)';
      printLine(`created ${account.role} account ${account.email}${person}`);
      printLine('start the server (`handoff serve`) and sign in with this e-mail and password');
    });
}

/** The password piped in: everything up to the end of input, less one trailing line break. */
async function readStdinPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const password = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (password === '') throw new CliError('no password on standard input: pipe one in, or run on a terminal to be asked');
  return password;
}

/** Asks for the password twice on the terminal without echoing it. */
async function promptTwice(): Promise<string> {
  const first = await promptHidden('password (12 to 256 characters): ');
  const second = await promptHidden('same password again: ');
  if (first !== second) throw new CliError('the two passwords differ; nothing was created');
  return first;
}

function promptHidden(question: string): Promise<string> {
  process.stderr.write(question);
  // readline echoes typed characters to its output: give it one that swallows them.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
  return new Promise((resolve, reject) => {
    rl.on('SIGINT', () => { rl.close(); process.stderr.write('\n'); reject(new CliError('cancelled; nothing was created')); });
    rl.question('', (answer) => { rl.close(); process.stderr.write('\n'); resolve(answer); });
  });
}
