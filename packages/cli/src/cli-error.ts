/**
 * Failures the CLI reports to a person: one line on stderr, exit code 1, never a stack trace.
 * Anything thrown is reduced to its message; commands throw CliError for failures they word themselves.
 */
export class CliError extends Error {}

/** The message of any thrown value, on one line (newlines and runs of spaces collapsed). */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message || error.name : String(error);
  return message.replace(/\s+/g, ' ').trim() || 'unknown error';
}

/** Writes `handoff: <reason>` to stderr and sets a failing exit code. */
export function reportFailure(error: unknown): void {
  process.stderr.write(`handoff: ${oneLine(error)}\n`);
  process.exitCode = 1;
}
