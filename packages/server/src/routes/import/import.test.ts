import { Constraint, HistoryPage, ImportResult, Problem } from '@handoff/contract';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { XLSX_TYPE, addPerson, addProgram, constraintsOf, csv, importFile, importStreamed } from './import-fixtures.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await addPerson(api, 'Amara Okafor', 'amara@example.com');
  await addPerson(api, 'Lena Berg', 'lena@example.com');
});
afterAll(async () => { await api.close(); });

const HEADER = ['ID', 'Risk', 'Type', 'Workstream', 'Owner', 'Due date', 'Status', 'Priority', 'Description'];
const GOOD = [
  ['R-1', 'Model drift unmonitored', 'Risk', 'Tech', 'Amara@Example.com', '31/12/2026', 'In progress', 'P1', 'Nobody watches drift'],
  ['R-2', 'No data-sharing agreement', 'Dependency', 'Legal', 'lena@example.com', '12/31/2026', 'Open', 'High', ''],
  ['R-3', 'Call-centre staff not trained', 'Issue', 'People', 'Lena Berg <lena@example.com>', '15-Jan-2027', 'Closed', 'Low', ''],
];

describe('importing a RAID log', () => {
  it('refuses a CSV with two bad rows, naming both lines, and stores nothing', async () => {
    await addProgram(api, 'CLAIMS');
    const rows = [HEADER, GOOD[0] ?? [], ['R-2', 'Bad owner', 'Risk', 'Tech', 'ghost@example.com', '2026-12-31', '', '', ''], GOOD[1] ?? [],
      ['R-4', 'Bad date', 'Risk', 'Tech', 'amara@example.com', '31/02/2026', '', '', '']];
    const res = await importFile(api, 'CLAIMS', csv(rows));
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = Problem.parse(res.body);
    expect(problem.errors).toEqual([
      { path: 'line 3', message: 'owner ghost@example.com is not a person in this workspace (add them first)' },
      { path: 'line 5', message: 'deadline "31/02/2026" is not a real date: February 2026 has 28 days' },
    ]);
    expect(problem.detail).toMatch(/^2 of 4 rows are bad; nothing was imported/);
    expect(await constraintsOf(api, 'CLAIMS')).toEqual([]);
  });

  it('imports the corrected file with consecutive refs, synonyms read, and history naming file and line', async () => {
    const res = await importFile(api, 'CLAIMS', csv([HEADER, ...GOOD]), '?filename=raid.csv');
    expect(res.status).toBe(201);
    const result = ImportResult.parse(res.body);
    expect(result).toMatchObject({ imported: 3, refs: ['CLAIMS-1', 'CLAIMS-2', 'CLAIMS-3'], firstRef: 'CLAIMS-1', lastRef: 'CLAIMS-3', headerLine: 1, ignoredColumns: ['ID'], dryRun: false });
    const first = Constraint.parse((await api.call('GET', '/api/constraints/CLAIMS-1')).body);
    expect(first).toMatchObject({
      title: 'Model drift unmonitored', description: 'Nobody watches drift', kind: 'risk', dimension: 'technical', deadline: '2026-12-31',
      status: 'in_progress', severity: 'critical', blocksGate: 'production-readiness', owner: { email: 'amara@example.com' },
    });
    const third = Constraint.parse((await api.call('GET', '/api/constraints/CLAIMS-3')).body);
    expect(third).toMatchObject({ kind: 'blocker', dimension: 'workforce', deadline: '2027-01-15', status: 'resolved', owner: { email: 'lena@example.com' } });
    expect(third.resolvedAt).not.toBeNull();
    const history = HistoryPage.parse((await api.call('GET', '/api/constraints/CLAIMS-2/history')).body).items;
    expect(history.map((h) => h.field)).toEqual(['created', 'title', 'description', 'kind', 'dimension', 'ownerId', 'deadline', 'status', 'severity', 'blocksGate']);
    expect(history[0]).toMatchObject({ after: 'CLAIMS-2', reason: 'imported from "raid.csv", line 3', changeId: result.changeId, actor: 'test' });
  });

  it('continues the numbering of constraints created one by one', async () => {
    const res = await importFile(api, 'CLAIMS', csv([HEADER, GOOD[0] ?? []]));
    expect(ImportResult.parse(res.body).refs).toEqual(['CLAIMS-4']);
  });

  it('refuses an unknown owner and an impossible date, each on its line', async () => {
    await addProgram(api, 'OWNERS');
    const res = await importFile(api, 'OWNERS', csv([
      ['Title', 'Type', 'Area', 'Owner email', 'Deadline'],
      ['Fine', 'R', 'Tech', 'amara@example.com', '2026-06-30'],
      ['Who?', 'R', 'Tech', 'nobody@example.com', '2026-06-30'],
      ['When?', 'R', 'Tech', 'amara@example.com', '2026-04-31'],
    ]));
    expect(res.status).toBe(422);
    expect(Problem.parse(res.body).errors).toEqual([
      { path: 'line 3', message: 'owner nobody@example.com is not a person in this workspace (add them first)' },
      { path: 'line 4', message: 'deadline "2026-04-31" is not a real date: April 2026 has 30 days' },
    ]);
    expect(await constraintsOf(api, 'OWNERS')).toEqual([]);
  });

  it('refuses a file without a title column with 422 naming the missing mapping on the header line', async () => {
    const res = await importFile(api, 'OWNERS', csv([['Description', 'Type', 'Area', 'Owner', 'Due'], ['x', 'R', 'Tech', 'amara@example.com', '2026-06-30']]));
    expect(res.status).toBe(422);
    const problem = Problem.parse(res.body);
    expect(problem.detail).toContain('the header (line 1) lacks required columns');
    expect(problem.errors).toEqual([{ path: 'line 1', message: expect.stringMatching(/^no column for title: name a column "Title", "Summary".*map one \("Your column=title"\)/) }]);
  });

  it('takes explicit mappings and defaults from the query, and answers 400 naming a bad one', async () => {
    await addProgram(api, 'MAPPED');
    const file = csv([['Risk description', 'Mitigation', 'Accountable', 'Target'], ['Bias in triage', 'Fairness review', 'lena@example.com', '2026-09-30']]);
    const query = `?map=${encodeURIComponent('Risk description=title')}&map=${encodeURIComponent('Mitigation=description')}&map=Accountable%3Downer&default=kind%3DR&default=dimension%3Dcompliance`;
    const res = await importFile(api, 'MAPPED', file, query);
    expect(res.status).toBe(201);
    const created = Constraint.parse((await api.call('GET', '/api/constraints/MAPPED-1')).body);
    expect(created).toMatchObject({ title: 'Bias in triage', description: 'Fairness review', kind: 'risk', dimension: 'governance', owner: { email: 'lena@example.com' } });
    const bad = await importFile(api, 'MAPPED', file, '?map=Risk%20description&default=kind%3DDecision');
    expect(bad.status).toBe(400);
    expect(Problem.parse(bad.body).errors?.map((e) => e.path)).toEqual(['query.map.0', 'query.default.0']);
    const absent = await importFile(api, 'MAPPED', file, '?map=Risk%20owner%3Downer&default=kind%3Drisk&default=area%3Dtech');
    expect(absent.status).toBe(400);
    expect(Problem.parse(absent.body).errors).toEqual([{ path: 'map', message: expect.stringContaining('no column "Risk owner" in the header (line 1); the columns are "Risk description"') }]);
  });

  it('imports an XLSX file with date cells, a serial number, a banner row and a chosen sheet', async () => {
    await addProgram(api, 'SHEET', 'production');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['not this one']);
    const sheet = workbook.addWorksheet('Risks');
    sheet.addRow(['Project Phoenix RAID log']);
    sheet.addRow([]);
    sheet.addRow(['Title', 'Category', 'Dimension', 'Owner', 'Deadline', 'Severity']);
    sheet.addRow(['Latency over budget', 'Blocker', 'Technical', { text: 'amara@example.com', hyperlink: 'mailto:amara@example.com' }, new Date(Date.UTC(2026, 11, 31)), 'Critical']);
    sheet.addRow(['GPU costs unknown', 'Risk', 'Economic', 'lena@example.com', 46418, 'Medium']);
    sheet.addRow([{ richText: [{ text: 'Rich ' }, { text: 'title' }] }, 'Dependency', 'Economic', 'lena@example.com', '01/02/2027', 'Low']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const res = await importFile(api, 'SHEET', bytes, '?sheet=risks&dateOrder=month-first', { 'content-type': XLSX_TYPE });
    expect(res.status).toBe(201);
    expect(ImportResult.parse(res.body)).toMatchObject({ refs: ['SHEET-1', 'SHEET-2', 'SHEET-3'], headerLine: 3 });
    const items = await constraintsOf(api, 'SHEET');
    expect(items.map((c) => [c.ref, c.title, c.deadline, c.blocksGate])).toEqual([
      ['SHEET-1', 'Latency over budget', '2026-12-31', 'production'],
      ['SHEET-3', 'Rich title', '2027-01-02', 'production'],
      ['SHEET-2', 'GPU costs unknown', '2027-01-31', 'production'],
    ]);
  });

  it('names the line of an XLSX row with a bad cell, as the spreadsheet numbers it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Log');
    sheet.addRow(['Title', 'Type', 'Area', 'Owner', 'Due']);
    sheet.getRow(7).values = ['Far down', 'Risk', 'Tech', 'amara@example.com', 'soon'];
    const res = await importFile(api, 'SHEET', new Uint8Array(await workbook.xlsx.writeBuffer()), '', { 'content-type': XLSX_TYPE });
    expect(res.status).toBe(422);
    expect(Problem.parse(res.body).errors).toEqual([{ path: 'line 7', message: expect.stringContaining('deadline "soon" is not a date') }]);
  });

  it('reports a dry run without storing anything', async () => {
    await addProgram(api, 'DRY');
    const res = await importFile(api, 'DRY', csv([HEADER, ...GOOD]), '?dryRun=true');
    expect(res.status).toBe(200);
    expect(ImportResult.parse(res.body)).toMatchObject({ dryRun: true, imported: 3, refs: ['DRY-1', 'DRY-2', 'DRY-3'], changeId: null });
    expect(await constraintsOf(api, 'DRY')).toEqual([]);
  });

  it('streams progress as NDJSON and ends with the result, or with the problem', async () => {
    await addProgram(api, 'STREAM');
    const events = await importStreamed(api, 'STREAM', csv([HEADER, ...GOOD]));
    expect(events[0]).toEqual({ phase: 'reading', done: 0, total: expect.any(Number) });
    expect(events).toContainEqual({ phase: 'validating', done: 3, total: 3 });
    expect(events).toContainEqual({ phase: 'saving', done: 3, total: 3 });
    const last = events.at(-1);
    expect(last && 'result' in last && last.result.refs).toEqual(['STREAM-1', 'STREAM-2', 'STREAM-3']);
    const refused = (await importStreamed(api, 'STREAM', csv([HEADER, ['x', '', 'Risk', 'Tech', 'amara@example.com', '2026-12-31']]))).at(-1);
    expect(refused && 'problem' in refused && refused.problem).toMatchObject({ status: 422, errors: [{ path: 'line 2', message: 'title is empty' }] });
  });

  it('reads semicolon-separated, Windows-1252 CSV as Excel writes it in many locales', async () => {
    await addProgram(api, 'EURO');
    const text = 'Titre;Title;Type;Area;Owner;Due\r\nx;Café budget overrun;Risk;Cost;amara@example.com;31.12.2026\r\n';
    const bytes = Uint8Array.from(text, (ch) => ch.charCodeAt(0));
    const res = await importFile(api, 'EURO', bytes);
    expect(res.status).toBe(201);
    expect(Constraint.parse((await api.call('GET', '/api/constraints/EURO-1')).body)).toMatchObject({ title: 'Café budget overrun', dimension: 'economic', deadline: '2026-12-31' });
  });

  it('keeps texts with quotes, braces, backslashes, commas, line breaks and the word NULL exactly', async () => {
    await addProgram(api, 'TEXTS');
    const tricky = ['NULL', 'Say "no", {twice}', 'C:\\path\\to ✓', 'two\nlines, "quoted"\r\nend', '  padded  '];
    const res = await importFile(api, 'TEXTS', csv([['Title', 'Description', 'Type', 'Area', 'Owner', 'Due'],
      ...tricky.map((t) => [t, t, 'Risk', 'Tech', 'amara@example.com', '2026-12-31'])]));
    expect(res.status).toBe(201);
    const items = await constraintsOf(api, 'TEXTS');
    const expected = tricky.map((t) => t.trim());
    expect(items.map((c) => c.title).sort()).toEqual([...expected].sort());
    expect(items.map((c) => c.description).sort()).toEqual([...expected].sort());
    const history = HistoryPage.parse((await api.call('GET', `/api/constraints/${items.find((c) => c.title === 'NULL')?.id}/history`)).body).items;
    expect(history.find((h) => h.field === 'title')?.after).toBe('NULL');
  });

  it.each([
    ['an empty body', '', 400],
    ['an old binary .xls file', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 415],
    ['a ZIP that is not a workbook', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 415],
    ['a header without rows', 'Title,Type,Area,Owner,Due\r\n', 422],
    ['a CSV whose quote never closes', 'Title,Type,Area,Owner,Due\n"Open quote,Risk\n', 422],
  ])('refuses %s', async (_label, body, status) => {
    const res = await importFile(api, 'CLAIMS', body);
    expect(res.status).toBe(status);
    expect(Problem.parse(res.body).status).toBe(status);
  });

  it('answers 404 for an unknown program', async () => {
    expect((await importFile(api, 'NOPE', csv([HEADER, ...GOOD]))).status).toBe(404);
  });

  it('is described in the OpenAPI document with its query options and progress stream', async () => {
    const doc = (await api.call('GET', '/openapi.json')).body;
    const text = JSON.stringify(doc);
    expect(text).toContain('/api/programs/{id}/constraints:import');
    expect(text).toContain('application/x-ndjson');
    expect(text).toContain('"name":"dateOrder"');
  });
});
