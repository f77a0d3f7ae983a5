/**
 * Importing an existing RAID log or risk register: finding the header, deciding which column fills
 * which field, and turning each spreadsheet row into a constraint candidate or the reasons it is bad.
 * Line numbers are the spreadsheet's own row numbers (the header is usually line 1).
 */
import { parseSpreadsheetDate, type DateParse, type DateReading, type ImportCell } from './raid-import-dates.js';
import {
  HEADER_SYNONYMS, IMPORT_FIELDS, parseFieldName, parseFieldValue, squeeze,
  type DefaultableField, type FieldValues, type ImportField, type ValueParse,
} from './raid-import-vocabulary.js';
import type { ConstraintKind, ConstraintStatus, Dimension, Phase, Severity } from './vocabulary.js';

export * from './raid-import-dates.js';
export * from './raid-import-vocabulary.js';

/** One spreadsheet row: its line number as a person sees it, and its cells left to right. */
export interface ImportRow {
  readonly line: number;
  readonly cells: readonly ImportCell[];
}

/** An explicit mapping of a column (by header text) to a field, or to `ignore` to leave it out. */
export interface ColumnMapping {
  readonly column: string;
  readonly field: ImportField | 'ignore';
}

/** File-wide values for fields whose column is missing or whose cell is empty. */
export type ImportDefaults = Partial<FieldValues>;

/** A parsed option, or why it cannot be parsed. */
export type OptionParse<T> = { readonly kind: 'ok'; readonly value: T } | { readonly kind: 'invalid'; readonly reason: string };

/** Parses `Column name=field` (split at the last `=`, so column names may contain one). */
export function parseColumnMapping(spec: string): OptionParse<ColumnMapping> {
  const at = spec.lastIndexOf('=');
  const column = spec.slice(0, Math.max(0, at)).trim();
  const fieldName = spec.slice(at + 1).trim();
  if (at < 0 || column === '' || fieldName === '') return { kind: 'invalid', reason: `"${spec}" is not of the form "Column name=field"` };
  const field = squeeze(fieldName) === 'ignore' ? 'ignore' : parseFieldName(fieldName);
  if (!field) return { kind: 'invalid', reason: `"${fieldName}" is not a field; use one of ${IMPORT_FIELDS.join(', ')} or ignore` };
  return { kind: 'ok', value: { column, field } };
}

/** Parses `field=value` for a default, reading the value through the field's synonyms (`kind=R` → risk). */
export function parseDefault(spec: string): OptionParse<ImportDefaults> {
  const at = spec.indexOf('=');
  const field = parseFieldName(spec.slice(0, Math.max(0, at)));
  const word = spec.slice(at + 1);
  if (at < 0 || word.trim() === '') return { kind: 'invalid', reason: `"${spec}" is not of the form "field=value"` };
  switch (field) {
    case 'kind': return asDefault(parseFieldValue('kind', word), (kind) => ({ kind }));
    case 'dimension': return asDefault(parseFieldValue('dimension', word), (dimension) => ({ dimension }));
    case 'status': return asDefault(parseFieldValue('status', word), (status) => ({ status }));
    case 'severity': return asDefault(parseFieldValue('severity', word), (severity) => ({ severity }));
    case 'gate': return asDefault(parseFieldValue('gate', word), (gate) => ({ gate }));
    default: return { kind: 'invalid', reason: `only kind, dimension, status, severity and gate take a default, not "${spec.slice(0, at).trim()}"` };
  }
}

function asDefault<V>(parsed: ValueParse<V>, wrap: (value: V) => ImportDefaults): OptionParse<ImportDefaults> {
  return parsed.kind === 'value' ? { kind: 'ok', value: wrap(parsed.value) } : parsed;
}

/** A column chosen to fill a field. */
export interface ImportColumn {
  readonly index: number;
  readonly header: string;
  readonly field: ImportField;
}

/** What the header says: where it is, which column fills which field, which columns are left out. */
export interface ImportPlan {
  readonly headerLine: number;
  readonly columns: readonly ImportColumn[];
  readonly ignoredColumns: readonly string[];
  readonly defaults: ImportDefaults;
  readonly reading: DateReading;
}

/** Outcome of reading the header: a plan, explicit mappings naming absent columns, or required fields without a column. */
export type PlanOutcome =
  | { readonly kind: 'planned'; readonly plan: ImportPlan }
  | { readonly kind: 'bad-mappings'; readonly headerLine: number; readonly reasons: readonly string[] }
  | { readonly kind: 'missing-columns'; readonly headerLine: number; readonly reasons: readonly string[] }
  | { readonly kind: 'empty' };

/** How many non-blank rows from the top may precede the header (titles, notes, a blank line or two). */
export const HEADER_SEARCH_ROWS = 20;

/**
 * Finds the header and plans the columns. The header is the top row in which the most columns are
 * recognised (at least two, so a "Project X RAID log" banner above it is skipped, and a data cell that
 * happens to read "Risk" is not taken for a header); failing that, the first non-blank row.
 */
export function planImport(rows: readonly ImportRow[], mappings: readonly ColumnMapping[], defaults: ImportDefaults, reading: DateReading): PlanOutcome {
  const candidates = rows.filter((r) => !r.cells.every(isBlank)).slice(0, HEADER_SEARCH_ROWS);
  const first = candidates[0];
  if (!first) return { kind: 'empty' };
  const scored = candidates.map((row) => ({ row, score: new Set(resolveHeader(row.cells, mappings).columns.map((c) => c.field)).size }));
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  const header = best.score >= 2 ? best.row : first;
  const { columns, unknown } = resolveHeader(header.cells, mappings);
  const present = header.cells.map(cellText).filter((h) => h !== '').map((h) => `"${h}"`).join(', ');
  const twice = IMPORT_FIELDS.filter((f) => f !== 'description' && mappings.filter((m) => m.field === f).length > 1);
  if (unknown.length > 0 || twice.length > 0) {
    return {
      kind: 'bad-mappings',
      headerLine: header.line,
      reasons: [
        ...unknown.map((c) => `no column "${c}" in the header (line ${header.line}); the columns are ${present}`),
        ...twice.map((f) => `${f} is mapped from more than one column; only description may combine several`),
      ],
    };
  }
  const has = (field: ImportField): boolean => columns.some((c) => c.field === field);
  const reasons = [
    ...(['title', 'owner', 'deadline'] as const).filter((f) => !has(f)).map((f) => missing(f, false)),
    ...(['kind', 'dimension'] as const).filter((f) => !has(f) && defaults[f] === undefined).map((f) => missing(f, true)),
  ];
  if (reasons.length > 0) return { kind: 'missing-columns', headerLine: header.line, reasons };
  const used = new Set(columns.map((c) => c.index));
  const ignoredColumns = header.cells.flatMap((cell, i) => (used.has(i) || cellText(cell) === '' ? [] : [cellText(cell)]));
  return { kind: 'planned', plan: { headerLine: header.line, columns, ignoredColumns, defaults, reading } };
}

function missing(field: ImportField, defaultable: boolean): string {
  const names = HEADER_SYNONYMS[field].slice(0, 5).map((n) => `"${n}"`).join(', ');
  const orDefault = defaultable ? `, or set a default ("${field}=…")` : '';
  return `no column for ${field}: name a column ${names}, map one ("Your column=${field}")${orDefault}`;
}

/** Explicit mappings first, then each remaining field takes the column named by its best synonym. */
function resolveHeader(cells: readonly ImportCell[], mappings: readonly ColumnMapping[]): { columns: ImportColumn[]; unknown: string[] } {
  const headers = cells.map(cellText);
  const squeezed = headers.map(squeeze);
  const taken = new Set<number>();
  const columns: ImportColumn[] = [];
  const unknown: string[] = [];
  const take = (index: number, field: ImportField | 'ignore'): void => {
    taken.add(index);
    if (field !== 'ignore') columns.push({ index, header: headers[index] ?? '', field });
  };
  for (const m of mappings) {
    const index = squeezed.findIndex((h, i) => h !== '' && h === squeeze(m.column) && !taken.has(i));
    if (index < 0) unknown.push(m.column);
    else take(index, m.field);
  }
  const explicit = new Set<string>(mappings.map((m) => m.field));
  for (const field of IMPORT_FIELDS) {
    if (explicit.has(field)) continue;
    for (const synonym of HEADER_SYNONYMS[field]) {
      const index = squeezed.findIndex((h, i) => h === squeeze(synonym) && !taken.has(i));
      if (index >= 0) { take(index, field); break; }
    }
  }
  return { columns: columns.sort((a, b) => a.index - b.index), unknown };
}

/** A row that passed every check that needs no database: the owner is still an e-mail to look up. */
export interface ImportCandidate {
  readonly line: number;
  readonly title: string;
  readonly description: string;
  readonly kind: ConstraintKind;
  readonly dimension: Dimension;
  readonly ownerEmail: string;
  readonly deadline: string;
  readonly status: ConstraintStatus;
  readonly severity: Severity;
  /** Null when neither a column nor a default names it: the program's next gate applies. */
  readonly gate: Phase | null;
}

/** A data row read: skipped as blank, a candidate, or the reasons it is bad (with its owner e-mail, if readable). */
export type RowOutcome =
  | { readonly kind: 'blank' }
  | { readonly kind: 'candidate'; readonly candidate: ImportCandidate }
  | { readonly kind: 'invalid'; readonly line: number; readonly reasons: readonly string[]; readonly ownerEmail: string | null };

/**
 * Reads one data row. A row whose imported columns are all empty is blank (templates often number
 * empty rows). Empty status and severity mean open and medium unless a default says otherwise.
 */
export function convertRow(row: ImportRow, plan: ImportPlan): RowOutcome {
  const text = (field: ImportField): string => {
    const parts = plan.columns.filter((c) => c.field === field).map((c) => ({ header: c.header, value: cellText(row.cells[c.index] ?? '') }));
    return parts.filter((p) => p.value !== '').map((p, i) => (i === 0 ? p.value : `${p.header}: ${p.value}`)).join('\n\n');
  };
  if (plan.columns.every((c) => isBlank(row.cells[c.index] ?? ''))) return { kind: 'blank' };
  const reasons: string[] = [];
  const title = text('title');
  if (title === '') reasons.push('title is empty');
  const owner = readOwner(text('owner'));
  if (owner.kind === 'invalid') reasons.push(owner.reason);
  const deadline = readDeadline(row, plan);
  if (deadline.kind === 'invalid') reasons.push(deadline.reason);
  const value = <F extends DefaultableField>(field: F, fallback: FieldValues[F] | null): FieldValues[F] | null => {
    const word = text(field);
    const given = plan.defaults[field];
    if (word === '') {
      if (given !== undefined) return given;
      if (fallback === null && field !== 'gate') reasons.push(`${field} is empty and has no default`);
      return fallback;
    }
    const parsed = parseFieldValue(field, word);
    if (parsed.kind === 'value') return parsed.value;
    reasons.push(parsed.reason);
    return null;
  };
  const kind = value('kind', null);
  const dimension = value('dimension', null);
  const status = value('status', 'open');
  const severity = value('severity', 'medium');
  const gate = value('gate', null);
  const ownerEmail = owner.kind === 'value' ? owner.value : null;
  if (reasons.length > 0 || !kind || !dimension || !status || !severity || ownerEmail === null || deadline.kind !== 'date') {
    return { kind: 'invalid', line: row.line, reasons, ownerEmail };
  }
  return {
    kind: 'candidate',
    candidate: { line: row.line, title, description: text('description'), kind, dimension, ownerEmail, deadline: deadline.date, status, severity, gate },
  };
}

function readDeadline(row: ImportRow, plan: ImportPlan): DateParse {
  const column = plan.columns.find((c) => c.field === 'deadline');
  const cell = column ? (row.cells[column.index] ?? '') : '';
  if (isBlank(cell)) return { kind: 'invalid', reason: 'deadline is empty' };
  const parsed = parseSpreadsheetDate(cell, plan.reading);
  return parsed.kind === 'date' ? parsed : { kind: 'invalid', reason: `deadline ${parsed.reason}` };
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** Owners are matched by e-mail: a bare address, `Name <address>` or `mailto:address`; lower-cased. */
function readOwner(text: string): ValueParse<string> {
  if (text === '') return { kind: 'invalid', reason: 'owner is empty' };
  const addresses = text.match(/[^\s@<>(),;:"]+@[^\s@<>(),;:"]+/g) ?? [];
  if (addresses.length > 1) return { kind: 'invalid', reason: `owner "${text}" names ${addresses.length} people; a constraint has one named owner` };
  const address = (/<([^<>]+)>/.exec(text)?.[1] ?? text).replace(/^mailto:/i, '').trim();
  if (!EMAIL.test(address)) return { kind: 'invalid', reason: `owner "${text}" is not an e-mail address; owners are matched by e-mail` };
  return { kind: 'value', value: address.toLowerCase() };
}

/** A cell as text: trimmed; numbers in their shortest form; date cells as YYYY-MM-DD. */
export function cellText(cell: ImportCell): string {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return String(cell);
  return cell.date;
}

function isBlank(cell: ImportCell): boolean {
  return typeof cell === 'string' && cell.trim() === '';
}
