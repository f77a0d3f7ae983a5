import { InvalidArgumentError, Option, type Command } from 'commander';
import { CliError } from './cli-error.js';

/**
 * Reads a command's parsed options by name with their types checked (commander hands them over
 * untyped). A missing required value is a usage error worded for the person at the terminal.
 */
export interface OptionReader {
  string(name: string): string | undefined;
  required(name: string, flag: string): string;
  number(name: string): number | undefined;
  flag(name: string): boolean;
  list(name: string): string[];
}

export function readOptions(command: Command): OptionReader {
  const values: Record<string, unknown> = command.opts();
  const string = (name: string): string | undefined => {
    const v = values[name];
    return typeof v === 'string' ? v : undefined;
  };
  return {
    string,
    required(name, flag) {
      const v = string(name);
      if (v === undefined || v.trim() === '') throw new CliError(`${flag} is required`);
      return v;
    },
    number(name) {
      const v = values[name];
      return typeof v === 'number' ? v : undefined;
    },
    flag: (name) => values[name] === true,
    list(name) {
      const v = string(name);
      return v === undefined ? [] : v.split(',').map((s) => s.trim()).filter((s) => s !== '');
    },
  };
}

/** Parses a whole number from `min` to `max` for commander (its error names the option). */
export function integer(min: number, max: number): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}`);
    const n = Number(value);
    if (n < min || n > max) throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}`);
    return n;
  };
}

/** `--limit N`: how many rows a list fetches at most, following pages as needed. */
export function limitOption(): Option {
  return new Option('--limit <n>', 'most rows to show (pages are followed)').default(50).argParser(integer(1, 100_000));
}

/** An option restricted to a vocabulary (commander refuses other values, naming the allowed ones). */
export function choiceOption(flags: string, description: string, choices: readonly string[]): Option {
  return new Option(flags, description).choices(choices);
}
