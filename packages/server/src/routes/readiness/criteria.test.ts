import { CriteriaImportResult, CriteriaLibrary, Criterion, CriterionPage, HistoryPage, Problem } from '@handoff/contract';
import { DEFAULT_CRITERIA } from '@handoff/core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDefaultCriteria } from '../../services/criteria.service.js';
import { startTestApi, type TestApi } from '../../testing/harness.js';

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api.close(); });

const listAll = async (query = ''): Promise<Criterion[]> =>
  CriterionPage.parse((await api.call('GET', `/api/criteria?limit=200${query}`)).body).items;
const count = async (): Promise<number> => Number((await api.handoff.deps.database.db.selectFrom('readiness_criteria').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const exportYaml = async (): Promise<string> => {
  const res = await api.call('GET', '/api/criteria/export');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/yaml');
  return typeof res.body === 'string' ? res.body : '';
};
const importText = (text: string, type = 'application/yaml') => api.call('POST', '/api/criteria:import', text, { 'content-type': type });

describe('the default criteria library', () => {
  it('is seeded when the workspace is created, by dimension in vocabulary order then code', async () => {
    const items = await listAll();
    expect(items.map((c) => c.code)).toEqual(DEFAULT_CRITERIA.map((c) => c.code));
    expect(items[0]).toMatchObject({ code: 'TECH-01', dimension: 'technical', gate: 'pilot', required: true, retiredAt: null, version: 1 });
    expect(items.find((c) => c.code === 'GOV-02')?.refs).toContainEqual({ framework: 'nist-ai-rmf', id: 'GOVERN 2.1' });
    const seededHistory = HistoryPage.parse((await api.call('GET', '/api/criteria/TECH-01/history')).body);
    expect(seededHistory.items).toEqual([]);
  });

  it('is seeded once: opening again adds nothing, and a library emptied by retiring stays empty', async () => {
    const before = await count();
    await ensureDefaultCriteria(api.handoff.deps, api.handoff.workspace.id);
    expect(await count()).toBe(before);
    const other = await startTestApi();
    try {
      await other.handoff.deps.database.db.updateTable('readiness_criteria').set({ retired_at: other.clock.now() }).execute();
      await ensureDefaultCriteria(other.handoff.deps, other.handoff.workspace.id);
      expect(CriterionPage.parse((await other.call('GET', '/api/criteria')).body).items).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('filters by dimension and by the gate criteria apply to', async () => {
    expect((await listAll('&dimension=economic')).map((c) => c.code)).toEqual(['ECON-01', 'ECON-02', 'ECON-03', 'ECON-04', 'ECON-05', 'ECON-06']);
    const pilot = await listAll('&gate=pilot');
    expect(pilot.map((c) => c.code)).toEqual(['TECH-01', 'GOV-01', 'WF-01', 'ECON-01']);
  });

  it('pages by dimension then code with a cursor', async () => {
    const first = CriterionPage.parse((await api.call('GET', '/api/criteria?limit=5')).body);
    const second = CriterionPage.parse((await api.call('GET', `/api/criteria?limit=5&cursor=${first.nextCursor}`)).body);
    expect([...first.items, ...second.items].map((c) => c.code)).toEqual(DEFAULT_CRITERIA.slice(0, 10).map((c) => c.code));
  });
});

describe('editing the library', () => {
  it('adds a criterion with an upper-cased code, an ETag and a creation entry in its history', async () => {
    const res = await api.call('POST', '/api/criteria', {
      code: 'sec-01', dimension: 'technical', text: 'Penetration test passed', gate: 'limited-rollout',
      refs: [{ framework: 'iso-42001', id: 'A.6.2.4' }, { framework: 'eu-ai-act', id: 'Art. 15' }],
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(Criterion.parse(res.body)).toMatchObject({ code: 'SEC-01', required: true, guidance: '' });
    const history = HistoryPage.parse((await api.call('GET', '/api/criteria/SEC-01/history')).body);
    expect(history.items.map((h) => [h.entityType, h.field, h.after])).toEqual([['criterion', 'created', 'SEC-01']]);
  });

  it.each([
    ['a code in use', { code: 'SEC-01', dimension: 'technical', text: 'x', gate: 'pilot' }, 409, 'code'],
    ['a malformed code', { code: 'sec 1', dimension: 'technical', text: 'x', gate: 'pilot' }, 400, 'code'],
    ['a NIST id of the wrong shape', { code: 'X-1', dimension: 'technical', text: 'x', gate: 'pilot', refs: [{ framework: 'nist-ai-rmf', id: 'Govern-2' }] }, 400, 'refs.0.id'],
    ['an unknown framework', { code: 'X-2', dimension: 'technical', text: 'x', gate: 'pilot', refs: [{ framework: 'soc2', id: 'CC1.1' }] }, 400, 'refs.0.framework'],
    ['an unknown gate', { code: 'X-3', dimension: 'technical', text: 'x', gate: 'scale' }, 400, 'gate'],
  ])('refuses %s, naming the field', async (_label, body, status, path) => {
    const before = await count();
    const res = await api.call('POST', '/api/criteria', body);
    expect(res.status).toBe(status);
    expect(Problem.parse(res.body).errors?.map((e) => e.path)).toContain(path);
    expect(await count()).toBe(before);
  });

  it('edits with If-Match, keeps the change and its reason in history, and refuses a stale version', async () => {
    const ok = await api.call('PATCH', '/api/criteria/SEC-01', { required: false, reason: 'Only for internet-facing systems' }, { 'if-match': '"1"' });
    expect(ok.status).toBe(200);
    expect(Criterion.parse(ok.body)).toMatchObject({ required: false, version: 2 });
    const stale = await api.call('PATCH', '/api/criteria/SEC-01', { text: 'Other' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    const history = HistoryPage.parse((await api.call('GET', '/api/criteria/SEC-01/history')).body);
    expect(history.items.at(-1)).toMatchObject({ field: 'required', before: true, after: false, reason: 'Only for internet-facing systems' });
    expect(Criterion.parse((await api.call('GET', '/api/criteria/SEC-01')).body).text).toBe('Penetration test passed');
  });

  it('retires a criterion with a reason: gone from the list, kept on request and in history, not retired twice', async () => {
    const res = await api.call('POST', '/api/criteria/SEC-01/retire', { reason: 'Covered by the security review' });
    expect(res.status).toBe(200);
    expect(Criterion.parse(res.body).retiredAt).toBe(api.clock.now().toISOString());
    expect((await listAll()).map((c) => c.code)).not.toContain('SEC-01');
    expect((await listAll('&includeRetired=true')).map((c) => c.code)).toContain('SEC-01');
    const history = HistoryPage.parse((await api.call('GET', '/api/criteria/SEC-01/history')).body);
    expect(history.items.at(-1)).toMatchObject({ field: 'retiredAt', reason: 'Covered by the security review' });
    expect((await api.call('POST', '/api/criteria/SEC-01/retire', { reason: 'again' })).status).toBe(409);
    expect((await api.call('GET', '/api/criteria/NOPE-1')).status).toBe(404);
  });
});

describe('library files', () => {
  it('exports YAML that imports back unchanged, and JSON in the same shape', async () => {
    const yamlText = await exportYaml();
    const library = CriteriaLibrary.parse(parse(yamlText));
    expect(library.criteria.map((c) => c.code)).toEqual(DEFAULT_CRITERIA.map((c) => c.code));
    const res = await importText(yamlText);
    expect(res.status).toBe(200);
    expect(CriteriaImportResult.parse(res.body)).toEqual({ created: [], updated: [], unchanged: library.criteria.map((c) => c.code) });
    expect(await exportYaml()).toBe(yamlText);
    const json = await api.call('GET', '/api/criteria/export?format=json');
    expect(CriteriaLibrary.parse(json.body)).toEqual(library);
  });

  it('upserts by code: creates new codes, updates changed ones, reactivates a retired one, leaves the rest alone', async () => {
    const body = JSON.stringify({
      version: 1,
      criteria: [
        { code: 'TECH-02', dimension: 'technical', text: 'Runs at target volume within p95 < 800 ms', gate: 'production-readiness' },
        { code: 'SEC-01', dimension: 'technical', text: 'Penetration test passed', gate: 'limited-rollout', required: false,
          refs: [{ framework: 'iso-42001', id: 'A.6.2.4' }, { framework: 'eu-ai-act', id: 'Art. 15' }] },
        { code: 'DATA-01', dimension: 'governance', text: 'Data lineage documented', gate: 'production-readiness', refs: [{ framework: 'eu-ai-act', id: 'Art. 10' }] },
      ],
    });
    const res = await importText(body, 'application/json');
    expect(res.status).toBe(200);
    expect(CriteriaImportResult.parse(res.body)).toEqual({ created: ['DATA-01'], updated: ['TECH-02', 'SEC-01'], unchanged: [] });
    expect(Criterion.parse((await api.call('GET', '/api/criteria/SEC-01')).body).retiredAt).toBeNull();
    const tech02 = Criterion.parse((await api.call('GET', '/api/criteria/TECH-02')).body);
    expect(tech02).toMatchObject({ text: 'Runs at target volume within p95 < 800 ms', guidance: '', refs: [], version: 2 });
    expect((await listAll()).length).toBe(DEFAULT_CRITERIA.length + 2);
  });

  it('refuses a file with bad entries, naming each by index and field, and stores nothing', async () => {
    const before = await exportYaml();
    const res = await importText([
      'version: 1',
      'criteria:',
      '  - { code: NEW-01, dimension: technical, text: Fine, gate: pilot }',
      '  - { code: NEW-02, dimension: technical, text: Bad gate, gate: scale-up }',
      '  - { code: NEW-01, dimension: economics, text: Twice, gate: pilot }',
    ].join('\n'));
    expect(res.status).toBe(400);
    const paths = Problem.parse(res.body).errors?.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['criteria.1.gate', 'criteria.2.dimension']));
    expect(await exportYaml()).toBe(before);
  });

  it('refuses YAML that does not parse, naming the line, and an empty body', async () => {
    const res = await importText('version: 1\ncriteria:\n  - code: [unclosed\n');
    expect(res.status).toBe(400);
    expect(Problem.parse(res.body).errors?.[0]?.path).toMatch(/^line \d+$/);
    expect((await importText('')).status).toBe(400);
  });
});
