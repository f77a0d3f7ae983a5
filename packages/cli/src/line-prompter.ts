import { createInterface } from 'node:readline/promises';
import { CliError } from './cli-error.js';

/**
 * Questions asked one line at a time, on a terminal or from a pipe. Lines are queued as they arrive:
 * piped input delivers many lines at once, before the next question is asked, and none may be lost
 * (readline's own `question()` drops lines that arrive while no question is pending).
 */
export interface LinePrompter {
  /** Writes `question` and resolves with the next line of input, trimmed. Fails once input has ended. */
  ask(question: string): Promise<string>;
  /** A line of output between questions. */
  say(text: string): void;
  close(): void;
}

export function openPrompter(
  input: NodeJS.ReadableStream & { isTTY?: boolean },
  output: NodeJS.WritableStream,
  endedMessage: string,
): LinePrompter {
  const terminal = input.isTTY === true;
  const rl = createInterface({ input, output, terminal });
  const queued: string[] = [];
  let waiting: ((line: string | null) => void) | undefined;
  let closed = false;
  rl.on('line', (line) => {
    const w = waiting;
    waiting = undefined;
    if (w) w(line);
    else queued.push(line);
  });
  rl.on('close', () => {
    closed = true;
    waiting?.(null);
    waiting = undefined;
  });
  // Ctrl-C at a prompt ends the input: the pending question fails with `endedMessage`.
  rl.on('SIGINT', () => rl.close());

  return {
    async ask(question) {
      if (closed && queued.length === 0) throw new CliError(endedMessage);
      rl.setPrompt(question);
      rl.prompt();
      const next = queued.shift();
      const line = next !== undefined ? next : await new Promise<string | null>((resolve) => { waiting = resolve; });
      if (line === null) {
        if (!terminal) output.write('\n');
        throw new CliError(endedMessage);
      }
      // A terminal echoes what was typed; from a pipe, echo it so the transcript reads like a session.
      if (!terminal) output.write(`${line}\n`);
      return line.trim();
    },
    say: (text) => { output.write(`${text}\n`); },
    close: () => rl.close(),
  };
}

/** Asks a yes/no question until answered; Enter means yes. */
export async function confirm(prompter: LinePrompter, question: string): Promise<boolean> {
  for (;;) {
    const answer = (await prompter.ask(question)).toLowerCase();
    if (answer === '' || answer === 'y' || answer === 'yes') return true;
    if (answer === 'n' || answer === 'no') return false;
    prompter.say('  Please answer y or n.');
  }
}
