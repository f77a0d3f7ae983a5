import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerConstraints } from './commands/constraints.command.js';
import { registerAssess } from './commands/assess.command.js';
import { registerAdmin } from './commands/admin.command.js';
import { registerDiagnose } from './commands/diagnose.command.js';
import { registerBrief } from './commands/brief.command.js';
import { registerBoardPack } from './commands/board-pack.command.js';
import { registerAudit } from './commands/audit.command.js';
import { registerTokens } from './commands/tokens.command.js';
import { registerDeliver } from './commands/deliver.command.js';
import { registerDemo } from './commands/demo.command.js';
import { registerDigest } from './commands/digest.command.js';
import { registerEconomics } from './commands/economics.command.js';
import { registerEscalate } from './commands/escalate.command.js';
import { registerEscalation } from './commands/escalation.command.js';
import { registerImportCsv } from './commands/import-csv.command.js';
import { registerMonitors } from './commands/monitors.command.js';
import { registerPeople } from './commands/people.command.js';
import { registerPrograms } from './commands/programs.command.js';
import { registerCriteria, registerReadiness } from './commands/readiness.command.js';
import { registerReview } from './commands/review.command.js';
import { registerRoles } from './commands/roles.command.js';
import { registerServe } from './commands/serve.command.js';
import { registerTimeline } from './commands/timeline.command.js';
import { registerTransfer } from './commands/transfer.command.js';
import { openClient } from './client-options.js';

/** The `handoff` command and its subcommands. */
export function buildProgram(): Command {
  const program = new Command('handoff')
    .description('Handoff: take AI programs from pilot to production: portfolio, constraint library, history.')
    .version(cliVersion(), '-v, --version')
    .addHelpText('after', [
      '',
      'Data commands open the data directory in-process (--data-dir, HANDOFF_DATA_DIR, default ./.handoff;',
      'DATABASE_URL selects PostgreSQL) or talk to a running server with --url.',
    ].join('\n'));
  registerServe(program);
  registerDemo(program);
  registerAdmin(program);
  registerPeople(program);
  registerPrograms(program);
  registerConstraints(program);
  registerReadiness(program);
  registerCriteria(program);
  registerReview(program);
  registerTransfer(program);
  registerImportCsv(program, openClient);
  registerEscalate(program);
  registerDigest(program);
  registerEscalation(program);
  registerDeliver(program);
  registerDiagnose(program);
  registerAssess(program);
  registerMonitors(program);
  registerRoles(program);
  registerTimeline(program);
  registerEconomics(program);
  registerBrief(program);
  registerBoardPack(program);
  registerAudit(program);
  registerTokens(program);
  return program;
}

/** This package's version, from its package.json (read directly: importing the server just for it takes seconds). */
function cliVersion(): string {
  const parsed: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string' ? parsed.version : '0.0.0';
}
