import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from './calendar.js';
import {
  HEADER_SYNONYMS, IMPORT_FIELDS, convertRow, parseColumnMapping, parseDefault, parseFieldValue, parseSpreadsheetDate,
  planImport, squeeze, type ImportCell, type ImportPlan, type ImportRow,
} from './raid-import.js';

const dayFirst = { dateOrder: 'day-first' } as const;
const monthFirst = { dateOrder: 'month-first' } as const;

function dateOf(cell: ImportCell, reading: { dateOrder: 'day-first' | 'month-first'; date1904?: boolean } = dayFirst): string {
  const parsed = parseSpreadsheetDate(cell, reading);
  return parsed.kind === 'date' ? parsed.date : `invalid: ${parsed.reason}`;
}

describe('parseSpreadsheetDate', () => {
  it.each([
    ['2026-12-31', '2026-12-31'],
    ['2026/1/5', '2026-01-05'],
    ['2026-12-31T00:00:00.000Z', '2026-12-31'],
    ['2026-12-31 17:30', '2026-12-31'],
    ['31/12/2026', '2026-12-31'],
    ['31.12.2026', '2026-12-31'],
    ['12/31/2026', '2026-12-31'],
    ['12/31/2026 11:59 PM', '2026-12-31'],
    ['03/04/2026', '2026-04-03'],
    ['31/12/26', '2026-12-31'],
    ['31-Dec-2026', '2026-12-31'],
    ['31 Dec 2026', '2026-12-31'],
    ['31 December 2026', '2026-12-31'],
    ['31st December 2026', '2026-12-31'],
    ['Dec 31 2026', '2026-12-31'],
    ['Dec 31, 2026', '2026-12-31'],
    ['December 31st, 2026', '2026-12-31'],
    ['Thu 31 Dec 2026', '2026-12-31'],
    ['1 Sept 2026', '2026-09-01'],
    [' 2026-02-28 ', '2026-02-28'],
  ])('reads %j as %s (day-first)', (text, expected) => {
    expect(dateOf(text)).toBe(expected);
  });

  it('reads an ambiguous numeric date by the date order, and an unambiguous one the same either way', () => {
    expect(dateOf('03/04/2026', dayFirst)).toBe('2026-04-03');
    expect(dateOf('03/04/2026', monthFirst)).toBe('2026-03-04');
    expect(dateOf('12/31/2026', dayFirst)).toBe('2026-12-31');
    expect(dateOf('31/12/2026', monthFirst)).toBe('2026-12-31');
  });

  it.each([
    ['31/02/2026', 'February 2026 has 28 days'],
    ['02/31/2026', 'February 2026 has 28 days'],
    ['2026-02-30', 'February 2026 has 28 days'],
    ['29 Feb 2027', 'February 2027 has 28 days'],
    ['31/04/2026', 'April 2026 has 30 days'],
    ['2026-13-01', 'there is no month 13'],
    ['31/13/2026', 'neither 31 nor 13 can be a month'],
    ['32 Dec 2026', 'December 2026 has 31 days'],
    ['31 Decembre 2026', '"Decembre" is not a month name'],
    ['1026-12-31', 'year 1026 is out of range'],
    ['next Friday', 'is not a date'],
    ['46387', 'bare number'],
  ])('refuses %j, saying why', (text, reason) => {
    expect(dateOf(text)).toContain(reason);
  });

  it('accepts 29 February in a leap year only', () => {
    expect(dateOf('29/02/2028')).toBe('2028-02-29');
    expect(dateOf('29/02/2026')).toContain('has 28 days');
  });

  it('reads XLSX date cells and serial numbers in both workbook date systems', () => {
    expect(dateOf({ date: '2026-12-31' })).toBe('2026-12-31');
    expect(dateOf({ date: '2026-02-30' })).toContain('not a real date');
    expect(dateOf(46387)).toBe('2026-12-31');
    expect(dateOf(46387.75)).toBe('2026-12-31');
    expect(dateOf(44926, { ...dayFirst, date1904: true })).toBe('2027-01-01');
    expect(dateOf(1)).toBe('1900-01-01');
    expect(dateOf(61)).toBe('1900-03-01');
    expect(dateOf(60)).toContain('does not exist');
    expect(dateOf(0)).toContain('not a spreadsheet date');
    expect(dateOf(-5)).toContain('not a spreadsheet date');
  });

  const dates = fc
    .record({ y: fc.integer({ min: 1901, max: 2199 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
    .map(({ y, m, d }) => addDays(`${y}-${String(m).padStart(2, '0')}-01`, d - 1))
    .filter((iso) => iso.slice(0, 4) <= '2199');
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  it('reads every written form of any real date back to that date', () => {
    fc.assert(
      fc.property(dates, (iso) => {
        const [y = '', m = '', d = ''] = iso.split('-');
        const mon = MONTHS[Number(m) - 1] ?? '';
        expect(dateOf(iso)).toBe(iso);
        expect(dateOf(`${d}/${m}/${y}`, dayFirst)).toBe(iso);
        expect(dateOf(`${m}/${d}/${y}`, monthFirst)).toBe(iso);
        expect(dateOf(`${Number(d)}-${mon}-${y}`)).toBe(iso);
        expect(dateOf(`${mon} ${Number(d)}, ${y}`)).toBe(iso);
      }),
    );
  });

  it('never lets the date order change a date whose day is above 12', () => {
    fc.assert(
      fc.property(dates.filter((iso) => Number(iso.slice(8)) > 12), (iso) => {
        const [y = '', m = '', d = ''] = iso.split('-');
        for (const text of [`${d}/${m}/${y}`, `${m}/${d}/${y}`]) {
          expect(dateOf(text, dayFirst)).toBe(iso);
          expect(dateOf(text, monthFirst)).toBe(iso);
        }
      }),
    );
  });

  it('reads the 1900-system serial of any date from March 1900 on as that date', () => {
    fc.assert(fc.property(dates, (iso) => { expect(dateOf(daysBetween('1899-12-30', iso))).toBe(iso); }));
  });
});

describe('value synonyms', () => {
  it.each([
    ['kind', 'Risk', 'risk'], ['kind', 'R', 'risk'], ['kind', 'Assumption', 'risk'], ['kind', 'A', 'risk'],
    ['kind', 'Issue', 'blocker'], ['kind', 'I', 'blocker'], ['kind', 'Dependency', 'dependency'], ['kind', 'D', 'dependency'],
    ['status', 'Closed', 'resolved'], ['status', 'Done', 'resolved'], ['status', 'In progress', 'in_progress'],
    ['status', 'in-progress', 'in_progress'], ['status', 'IN_PROGRESS', 'in_progress'], ['status', 'New', 'open'],
    ['status', 'Tolerated', 'accepted'], ["status", "Won't fix", 'accepted'],
    ['severity', 'High', 'high'], ['severity', 'H', 'high'], ['severity', 'P1', 'critical'], ['severity', 'P2', 'high'],
    ['severity', 'Very High', 'critical'], ['severity', 'Red', 'high'], ['severity', 'Amber', 'medium'], ['severity', 'Low', 'low'],
    ['dimension', 'Tech', 'technical'], ['dimension', 'Compliance', 'governance'], ['dimension', 'Change management', 'workforce'],
    ['dimension', 'Budget', 'economic'], ['gate', 'Go-live', 'production'], ['gate', 'Limited rollout', 'limited-rollout'],
  ] as const)('reads %s %j as %s', (field, word, expected) => {
    expect(parseFieldValue(field, word)).toEqual({ kind: 'value', value: expected });
  });

  it('refuses unknown words naming the allowed values, and bare severity numbers as ambiguous', () => {
    expect(parseFieldValue('kind', 'Decision')).toEqual({ kind: 'invalid', reason: 'kind "Decision" is not recognised; use one of blocker, dependency, risk' });
    const bare = parseFieldValue('severity', '3');
    expect(bare.kind === 'invalid' && bare.reason).toContain('bare number');
  });

  it('ignores case, spaces and punctuation in any synonym', () => {
    const noise = fc.constantFrom(' ', '-', '_', '.', '');
    fc.assert(
      fc.property(fc.constantFrom('In progress', 'Not started', 'Risk accepted', 'Being mitigated'), noise, fc.boolean(), (word, sep, upper) => {
        const variant = word.split(' ').join(sep || ' ');
        const written = upper ? variant.toUpperCase() : variant.toLowerCase();
        expect(parseFieldValue('status', written)).toEqual(parseFieldValue('status', word));
      }),
    );
  });

  it('gives no header to two fields', () => {
    const seen = new Map<string, string>();
    for (const field of IMPORT_FIELDS) {
      for (const header of HEADER_SYNONYMS[field]) {
        expect(seen.get(squeeze(header)) ?? field).toBe(field);
        seen.set(squeeze(header), field);
      }
    }
  });
});

describe('options', () => {
  it('parses column mappings at the last equals sign, with field aliases', () => {
    expect(parseColumnMapping('Risk owner=owner')).toEqual({ kind: 'ok', value: { column: 'Risk owner', field: 'owner' } });
    expect(parseColumnMapping('A=B = Blocks gate')).toEqual({ kind: 'ok', value: { column: 'A=B', field: 'gate' } });
    expect(parseColumnMapping('RAG=ignore')).toEqual({ kind: 'ok', value: { column: 'RAG', field: 'ignore' } });
    expect(parseColumnMapping('Risk owner').kind).toBe('invalid');
    expect(parseColumnMapping('Mood=feelings')).toEqual({ kind: 'invalid', reason: expect.stringContaining('"feelings" is not a field') });
  });

  it('parses defaults through the value synonyms and refuses fields without defaults', () => {
    expect(parseDefault('kind=R')).toEqual({ kind: 'ok', value: { kind: 'risk' } });
    expect(parseDefault('area=Finance')).toEqual({ kind: 'ok', value: { dimension: 'economic' } });
    expect(parseDefault('kind=Decision').kind).toBe('invalid');
    expect(parseDefault('title=Untitled')).toEqual({ kind: 'invalid', reason: expect.stringContaining('only kind, dimension') });
  });
});

const row = (line: number, ...cells: ImportCell[]): ImportRow => ({ line, cells });
const HEADER = row(1, 'ID', 'Risk', 'Type', 'Workstream', 'Owner', 'Due date', 'Status', 'Priority', 'Notes');

function plan(rows: ImportRow[], mappings = [] as Parameters<typeof planImport>[1], defaults = {}): ImportPlan {
  const outcome = planImport(rows, mappings, defaults, dayFirst);
  if (outcome.kind !== 'planned') throw new Error(`not planned: ${JSON.stringify(outcome)}`);
  return outcome.plan;
}

describe('planImport', () => {
  it('recognises common headers and lists the columns it leaves out', () => {
    const p = plan([HEADER]);
    expect(p.columns.map((c) => `${c.header}→${c.field}`)).toEqual([
      'Risk→title', 'Type→kind', 'Workstream→dimension', 'Owner→owner', 'Due date→deadline', 'Status→status', 'Priority→severity', 'Notes→description',
    ]);
    expect(p.ignoredColumns).toEqual(['ID']);
  });

  it('recognises headers whatever their case, spacing and punctuation', () => {
    const p = plan([row(1, 'SUMMARY', 'owner_e-mail', 'due-date', 'RAID type', 'Area')]);
    expect(p.columns.map((c) => c.field)).toEqual(['title', 'owner', 'deadline', 'kind', 'dimension']);
  });

  it('prefers the better synonym when several columns could fill a field', () => {
    const p = plan([row(1, 'Owner', 'Title', 'Owner email', 'Deadline', 'Type', 'Area', 'Issue')]);
    expect(p.columns.find((c) => c.field === 'owner')?.header).toBe('Owner email');
    expect(p.columns.find((c) => c.field === 'title')?.header).toBe('Title');
    expect(p.ignoredColumns).toEqual(['Owner', 'Issue']);
  });

  it('skips banner rows above the header and keeps spreadsheet line numbers', () => {
    const p = plan([row(1, 'Project Phoenix RAID log'), row(2, ''), row(3, ...HEADER.cells)]);
    expect(p.headerLine).toBe(3);
  });

  it('does not take a data row for the header when the real header lacks a title column', () => {
    const outcome = planImport([row(1, 'Description', 'Type', 'Owner', 'Due'), row(2, 'x', 'Risk', 'a@example.com', '2026-12-31')], [], {}, dayFirst);
    expect(outcome).toMatchObject({ kind: 'missing-columns', headerLine: 1 });
  });

  it('lets explicit mappings override recognition, combine description columns, and ignore columns', () => {
    const p = plan([row(1, 'Risk description', 'Mitigation', 'Accountable', 'Due', 'Type', 'Area', 'Priority')], [
      { column: 'risk description', field: 'title' }, { column: 'Mitigation', field: 'description' },
      { column: 'Accountable', field: 'owner' }, { column: 'Priority', field: 'ignore' },
    ]);
    expect(p.columns.map((c) => `${c.header}→${c.field}`)).toEqual([
      'Risk description→title', 'Mitigation→description', 'Accountable→owner', 'Due→deadline', 'Type→kind', 'Area→dimension',
    ]);
    expect(p.ignoredColumns).toEqual(['Priority']);
  });

  it('names every missing required column, and accepts a default instead of a kind or dimension column', () => {
    const outcome = planImport([row(1, 'Description', 'Owner', 'Due')], [], {}, dayFirst);
    expect(outcome.kind).toBe('missing-columns');
    const reasons = outcome.kind === 'missing-columns' ? outcome.reasons.join('\n') : '';
    expect(reasons).toMatch(/no column for title: name a column "Title", "Summary"/);
    expect(reasons).toMatch(/no column for kind: .*or set a default \("kind=…"\)/);
    expect(reasons).toMatch(/no column for dimension/);
    expect(reasons).not.toMatch(/owner|deadline/);
    expect(planImport([row(1, 'Title', 'Owner', 'Due')], [], { kind: 'risk', dimension: 'governance' }, dayFirst).kind).toBe('planned');
  });

  it('names explicit mappings whose column is absent, listing the columns there are', () => {
    const outcome = planImport([HEADER], [{ column: 'Risk owner', field: 'owner' }, { column: 'Risk', field: 'title' }, { column: 'Notes', field: 'title' }], {}, dayFirst);
    expect(outcome).toMatchObject({ kind: 'bad-mappings', headerLine: 1 });
    const reasons = outcome.kind === 'bad-mappings' ? outcome.reasons : [];
    expect(reasons[0]).toMatch(/^no column "Risk owner" in the header \(line 1\); the columns are "ID", "Risk"/);
    expect(reasons[1]).toBe('title is mapped from more than one column; only description may combine several');
  });

  it('reports a file with no rows as empty', () => {
    expect(planImport([row(1, '', ' '), row(2)], [], {}, dayFirst)).toEqual({ kind: 'empty' });
  });
});

describe('convertRow', () => {
  const p = plan([HEADER]);

  it('turns a good row into a candidate with synonyms read and the owner lower-cased', () => {
    const outcome = convertRow(row(2, 'R-1', 'Model drift unmonitored', 'Risk', 'Tech', 'Amara <Amara@Example.com>', '31/12/2026', 'In progress', 'P1', 'Nobody watches it'), p);
    expect(outcome).toEqual({
      kind: 'candidate',
      candidate: {
        line: 2, title: 'Model drift unmonitored', description: 'Nobody watches it', kind: 'risk', dimension: 'technical',
        ownerEmail: 'amara@example.com', deadline: '2026-12-31', status: 'in_progress', severity: 'critical', gate: null,
      },
    });
  });

  it('defaults empty status and severity to open and medium, and uses given defaults first', () => {
    const outcome = convertRow(row(2, '', 'T', 'Issue', 'People', 'a@example.com', '2026-01-31', '', '', ''), p);
    expect(outcome.kind === 'candidate' && [outcome.candidate.status, outcome.candidate.severity]).toEqual(['open', 'medium']);
    const withDefaults = { ...p, defaults: { status: 'in_progress', severity: 'high' } as const };
    const again = convertRow(row(2, '', 'T', 'Issue', 'People', 'a@example.com', '2026-01-31', '', '', ''), withDefaults);
    expect(again.kind === 'candidate' && [again.candidate.status, again.candidate.severity]).toEqual(['in_progress', 'high']);
  });

  it('skips a row whose imported columns are all empty, even when an unimported column is filled', () => {
    expect(convertRow(row(9, 'R-9', '', '', '', '', '', '', '', ''), p)).toEqual({ kind: 'blank' });
    expect(convertRow(row(9), p)).toEqual({ kind: 'blank' });
  });

  it('gives every reason a row is bad, with its line, and keeps a readable owner for lookup', () => {
    const outcome = convertRow(row(7, '', '', 'Decision', 'Space', 'bob@example.com', '31/02/2026', 'Maybe', '5', ''), p);
    expect(outcome).toEqual({
      kind: 'invalid',
      line: 7,
      ownerEmail: 'bob@example.com',
      reasons: [
        'title is empty',
        'deadline "31/02/2026" is not a real date: February 2026 has 28 days',
        'kind "Decision" is not recognised; use one of blocker, dependency, risk',
        'dimension "Space" is not recognised; use one of technical, governance, workforce, economic',
        'status "Maybe" is not recognised; use one of open, in_progress, resolved, accepted',
        expect.stringContaining('severity "5" is a bare number'),
      ],
    });
  });

  it.each([
    ['Amara Okafor', 'is not an e-mail address; owners are matched by e-mail'],
    ['a@example.com; b@example.com', 'names 2 people; a constraint has one named owner'],
    ['', 'owner is empty'],
  ])('refuses the owner %j', (owner, reason) => {
    const outcome = convertRow(row(3, '', 'T', 'Risk', 'Tech', owner, '2026-12-31', '', '', ''), p);
    expect(outcome.kind === 'invalid' && outcome.reasons.join('; ')).toContain(reason);
  });

  it('reads numbers and date cells from XLSX in text and date columns', () => {
    const outcome = convertRow(row(4, 1, 42, 'R', 'Tech', 'a@example.com', { date: '2027-03-01' }, 'Open', 'Low', { date: '2026-01-01' }), p);
    expect(outcome.kind === 'candidate' && outcome.candidate).toMatchObject({ title: '42', deadline: '2027-03-01', description: '2026-01-01' });
  });
});
