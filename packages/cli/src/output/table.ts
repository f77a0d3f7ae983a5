/**
 * Plain-text tables for terminals and pipes: columns aligned with two spaces, the header in bold only
 * when colour is on, and cells shortened with "…" (widest shrinkable column first) when the table
 * would be wider than `width`. Without a width nothing is shortened, so piped output stays complete.
 */

export interface Column<T> {
  readonly header: string;
  readonly value: (row: T) => string;
  readonly align?: 'left' | 'right';
  /** May be shortened to fit the width (default: true). */
  readonly shrink?: boolean;
}

export interface TableStyle {
  /** Terminal width in characters; undefined means unlimited. */
  readonly width?: number;
  readonly color?: boolean;
}

const GAP = '  ';
/** A shrinkable column keeps at least this many characters (or its header's length if longer). */
const MIN_WIDTH = 6;

/** Makes a cell printable on one line: control characters become spaces. */
export function cell(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

function length(text: string): number {
  return [...text].length;
}

/** Cuts `text` to `width` characters, ending in "…" when cut. */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 1) return chars.slice(0, width).join('');
  return `${chars.slice(0, width - 1).join('')}…`;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const room = ' '.repeat(Math.max(0, width - length(text)));
  return align === 'right' ? room + text : text + room;
}

/** Column widths that fit `limit` where possible, taking characters from the widest shrinkable column. */
function fitWidths(natural: number[], minimum: number[], limit: number | undefined): number[] {
  const widths = [...natural];
  if (limit === undefined) return widths;
  let total = widths.reduce((a, b) => a + b, 0) + GAP.length * Math.max(0, widths.length - 1);
  while (total > limit) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (w > (minimum[i] ?? w) && (widest < 0 || w > (widths[widest] ?? 0))) widest = i;
    });
    if (widest < 0) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
    total--;
  }
  return widths;
}

/** Renders rows as an aligned table, one line per row plus the header; ends with a newline. */
export function formatTable<T>(rows: readonly T[], columns: readonly Column<T>[], style: TableStyle = {}): string {
  const cells = rows.map((row) => columns.map((c) => cell(c.value(row))));
  const natural = columns.map((c, i) => Math.max(length(c.header), ...cells.map((r) => length(r[i] ?? ''))));
  const minimum = columns.map((c, i) => (c.shrink === false ? (natural[i] ?? 0) : Math.min(natural[i] ?? 0, Math.max(MIN_WIDTH, length(c.header)))));
  const widths = fitWidths(natural, minimum, style.width);
  const line = (values: readonly string[]): string =>
    values
      .map((v, i) => pad(truncate(v, widths[i] ?? 0), widths[i] ?? 0, columns[i]?.align ?? 'left'))
      .join(GAP)
      .trimEnd();
  const header = line(columns.map((c) => c.header));
  const out = [style.color ? `\u001b[1m${header}\u001b[22m` : header, ...cells.map(line)];
  return `${out.join('\n')}\n`;
}

/** Renders label/value pairs as two aligned columns (a record's detail view); ends with a newline. */
export function formatDetails(pairs: readonly (readonly [string, string])[], style: TableStyle = {}): string {
  const labelWidth = Math.max(0, ...pairs.map(([label]) => length(label) + 1));
  const valueWidth = style.width === undefined ? undefined : Math.max(10, style.width - labelWidth - GAP.length);
  return pairs
    .map(([label, value]) => {
      const shown = valueWidth === undefined ? cell(value) : truncate(cell(value), valueWidth);
      const name = pad(`${label}:`, labelWidth, 'left');
      return `${style.color ? `\u001b[1m${name}\u001b[22m` : name}${GAP}${shown}`.trimEnd();
    })
    .join('\n')
    .concat('\n');
}
