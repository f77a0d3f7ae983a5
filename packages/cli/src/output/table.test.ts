import { describe, expect, it } from 'vitest';
import { formatDetails, formatTable, truncate, type Column } from './table.js';

interface Row { ref: string; title: string; days: number }

const columns: Column<Row>[] = [
  { header: 'REF', value: (r) => r.ref, shrink: false },
  { header: 'TITLE', value: (r) => r.title },
  { header: 'LATE', value: (r) => String(r.days), align: 'right', shrink: false },
];
const rows: Row[] = [
  { ref: 'CLAIMS-1', title: 'No named owner for model output in production', days: 3 },
  { ref: 'DOCS-12', title: 'Drift\nmonitoring', days: 12 },
];

describe('formatTable', () => {
  it('aligns columns with two spaces, right-aligns numbers and trims trailing spaces', () => {
    expect(formatTable(rows, columns)).toBe(
      [
        'REF       TITLE                                          LATE',
        'CLAIMS-1  No named owner for model output in production     3',
        'DOCS-12   Drift monitoring                                 12',
        '',
      ].join('\n'),
    );
  });

  it('shortens shrinkable columns with an ellipsis so no line is wider than the terminal', () => {
    const out = formatTable(rows, columns, { width: 40 });
    const lines = out.trimEnd().split('\n');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(40);
    expect(lines[1]).toContain('CLAIMS-1');
    expect(lines[1]).toContain('…');
    expect(lines[1]?.endsWith('3')).toBe(true);
  });

  it('never cuts a column marked not to shrink, even when the table cannot fit', () => {
    const out = formatTable(rows, columns, { width: 5 });
    expect(out).toContain('CLAIMS-1');
    expect(out).toContain('LATE');
  });

  it('uses escape codes for the bold header only when colour is on', () => {
    expect(formatTable(rows, columns, { color: false })).not.toContain('\u001b');
    expect(formatTable(rows, columns, { color: true }).startsWith('\u001b[1mREF')).toBe(true);
  });

  it('prints just the header for no rows', () => {
    expect(formatTable([], columns)).toBe('REF  TITLE  LATE\n');
  });
});

describe('formatDetails and truncate', () => {
  it('aligns labels and keeps each value on one line', () => {
    expect(formatDetails([['Ref', 'CLAIMS-1'], ['Description', 'two\nlines']])).toBe('Ref:          CLAIMS-1\nDescription:  two lines\n');
  });

  it('cuts text to the width including the ellipsis, and leaves short text alone', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
  });
});
