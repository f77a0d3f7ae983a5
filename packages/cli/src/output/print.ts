import { formatDetails, formatTable, type Column, type TableStyle } from './table.js';

/** How stdout looks: width and colour only on an interactive terminal (NO_COLOR turns colour off). */
export function stdoutStyle(): TableStyle {
  if (!process.stdout.isTTY) return {};
  return { width: process.stdout.columns, color: !process.env.NO_COLOR };
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printTable<T>(rows: readonly T[], columns: readonly Column<T>[]): void {
  process.stdout.write(formatTable(rows, columns, stdoutStyle()));
}

export function printDetails(pairs: readonly (readonly [string, string])[]): void {
  process.stdout.write(formatDetails(pairs, stdoutStyle()));
}

/** A line of prose on stdout. */
export function printLine(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** Shows an empty value in tables and details. */
export function orDash(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? '-' : String(value);
}
