import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DecisionPage, Problem } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { addConstraint, addPerson, addProgram } from '../timeline/timeline-fixtures.js';

/**
 * Today is 2026-11-25. CLAIMS-1 is 41 days overdue: the sweep escalates it to the board, which raises a
 * pending decision; a second decision about OPS is requested by hand. ORPHAN has no decision at all.
 */

let api: TestApi;
let dir: string;
let titles: string[];

/** The text of a PDF through pdftotext (poppler-utils), whitespace folded so wrapped lines still match. */
function pdfText(bytes: Uint8Array): string {
  const file = join(dir, `pack-${Date.now()}.pdf`);
  writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      throw new Error('pdftotext is missing: install poppler-utils (`.ci/run` installs it; locally `apt-get install -y poppler-utils`)');
    }
    throw error;
  }
}

const fold = (s: string): string => s.replace(/\s+/g, ' ');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'board-pack-'));
  api = await startTestApi();
  const owner = await addPerson(api, 'Olga Owner', 'olga@example.com');
  const sponsor = await addPerson(api, 'Sam Sponsor', 'sam@example.com');
  expect((await api.call('POST', '/api/people', { name: 'Bea Board', email: 'bea@example.com', boardMember: true })).status).toBe(201);
  await addProgram(api, { key: 'CLAIMS', name: 'Claims triage', phase: 'pilot', sponsorId: sponsor.id, targetProductionDate: '2027-06-01' });
  expect((await api.call('PUT', '/api/programs/CLAIMS/plan', { gates: { 'production-readiness': '2026-10-01', 'limited-rollout': '2027-02-01' } })).status).toBe(200);
  await addConstraint(api, 'CLAIMS', owner, { title: 'Data platform access', deadline: '2026-10-15', severity: 'high' });
  await addProgram(api, { key: 'OPS', name: 'Operations copilot', phase: 'pilot', sponsorId: sponsor.id, targetProductionDate: '2027-09-01' });
  await addProgram(api, { key: 'ORPHAN', name: 'KYC extraction', phase: 'discovery' });
  expect((await api.call('POST', '/api/escalations/sweep', { at: '2026-11-25T09:00:00Z' })).status).toBe(200);
  const manual = await api.call('POST', '/api/decisions', {
    programId: 'OPS', title: 'Fund the vendor integration', context: 'The vendor asks for a paid integration.',
    options: [{ label: 'Fund it this quarter' }, { label: 'Defer to next year' }], recommendedOption: 1, dueDate: '2026-12-10',
  });
  expect(manual.status, JSON.stringify(manual.body)).toBe(201);
  const pending = DecisionPage.parse((await api.call('GET', '/api/decisions?status=pending')).body);
  titles = pending.items.map((d) => d.title);
  expect(titles.length).toBeGreaterThanOrEqual(2);
}, 60_000);

afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/board-pack', () => {
  it('serves a PDF attachment named after the date that lists every pending decision and every program', async () => {
    const res = await api.handoff.request('/api/board-pack?date=2026-12-01&format=pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="board-pack-2026-12-01.pdf"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain('Board pack');
    expect(text).toContain(`${titles.length} pending decisions`);
    for (const title of titles) expect(text).toContain(fold(title));
    for (const key of ['CLAIMS', 'OPS', 'ORPHAN']) expect(text).toContain(`${key}:`);
    expect(text).toContain('Recommended action: Fund it this quarter');
    expect(text).toContain('target 2027-06-01');
  }, 60_000);

  it('gives the same PDF bytes for the same pack', async () => {
    const get = async () => new Uint8Array(await (await api.handoff.request('/api/board-pack?date=2026-12-01&format=pdf')).arrayBuffer());
    expect(Buffer.from(await get()).equals(Buffer.from(await get()))).toBe(true);
  }, 60_000);

  it('serves the same decisions and programs as Markdown by default, with today as the date', async () => {
    const res = await api.call('GET', '/api/board-pack');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(typeof res.body).toBe('string');
    const md = String(res.body);
    expect(md).toContain('# Board pack 2026-11-25');
    for (const title of titles) expect(md).toContain(`. ${fold(title)}`);
    for (const key of ['CLAIMS', 'OPS', 'ORPHAN']) expect(md).toContain(`## ${key}:`);
    expect(md).toContain('- Program: OPS\n- Decide by: 2026-12-10');
  }, 60_000);

  it('chooses the PDF from the Accept header when no format is given', async () => {
    const res = await api.handoff.request('/api/board-pack', { headers: { Accept: 'application/pdf' } });
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="board-pack-2026-11-25.pdf"');
  }, 60_000);

  it.each([
    ['a date that is not a calendar date', 'date=2026-13-01', 'query.date'],
    ['an unknown format', 'format=docx', 'query.format'],
  ])('refuses %s with a problem naming the field', async (_name, query, field) => {
    const res = await api.call('GET', `/api/board-pack?${query}`);
    expect(res.status).toBe(400);
    expect(Problem.parse(res.body).errors?.map((e) => e.path)).toContain(field);
  });
});
