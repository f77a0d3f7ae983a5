import { Constraint, ImportResult, Person, PersonPage, Problem, Program } from '@handoff/contract';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHandoff } from '../../handoff.js';
import { freshDatabase, startTestApi, type TestApi } from '../../testing/harness.js';
import { addPerson, addProgram, csv, importFile } from './import-fixtures.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await addPerson(api, 'Amara Okafor', 'amara@example.com');
  await addPerson(api, 'Lena Berg', 'lena@example.com');
});
afterAll(async () => { await api.close(); });

const ROWS = 10_000;

function bigFile(lastOwner = 'lena@example.com'): string {
  const rows = Array.from({ length: ROWS }, (_, i) => [
    `Constraint ${i + 1}`, i % 3 === 0 ? 'Risk' : 'Issue', i % 2 === 0 ? 'Technical' : 'Governance',
    i === ROWS - 1 ? lastOwner : i % 2 === 0 ? 'amara@example.com' : 'lena@example.com', `${(i % 28) + 1}/03/2027`,
  ]);
  return csv([['Title', 'Type', 'Area', 'Owner', 'Due'], ...rows]);
}

/** Constraints of a program still open: every imported row here is open. */
async function openCount(key: string): Promise<number> {
  return Program.parse((await api.call('GET', `/api/programs/${key}`)).body).activeConstraints;
}

describe('importing a 10,000-row register', () => {
  it('stores nothing at all when only the very last row is bad', async () => {
    await addProgram(api, 'BIGBAD');
    const res = await importFile(api, 'BIGBAD', bigFile('ghost@example.com'));
    expect(res.status).toBe(422);
    expect(Problem.parse(res.body).errors).toEqual([{ path: `line ${ROWS + 1}`, message: expect.stringContaining('ghost@example.com') }]);
    expect(await openCount('BIGBAD')).toBe(0);
  });

  it('imports every row in one go with consecutive refs after the existing ones', async () => {
    const program = await addProgram(api, 'BIG');
    const people = PersonPage.parse((await api.call('GET', '/api/people?email=amara@example.com')).body);
    const existing = await api.call('POST', '/api/programs/BIG/constraints', {
      title: 'Made by hand', kind: 'risk', dimension: 'technical', ownerId: people.items[0]?.id, deadline: '2027-01-01',
    });
    expect(existing.status).toBe(201);
    const started = Date.now();
    const res = await importFile(api, 'BIG', bigFile());
    const seconds = (Date.now() - started) / 1000;
    expect(res.status).toBe(201);
    const result = ImportResult.parse(res.body);
    expect(result.imported).toBe(ROWS);
    expect(result.refs).toEqual(Array.from({ length: ROWS }, (_, i) => `BIG-${i + 2}`));
    expect(await openCount('BIG')).toBe(ROWS + 1);
    const last = Constraint.parse((await api.call('GET', `/api/constraints/BIG-${ROWS + 1}`)).body);
    expect(last).toMatchObject({ title: `Constraint ${ROWS}`, programId: program.id, owner: { email: 'lena@example.com' } });
    const next = await api.call('POST', '/api/programs/BIG/constraints', {
      title: 'After the import', kind: 'risk', dimension: 'technical', ownerId: people.items[0]?.id, deadline: '2027-01-01',
    });
    expect(Constraint.parse(next.body).ref).toBe(`BIG-${ROWS + 2}`);
    console.info(`imported ${ROWS} rows in ${seconds.toFixed(1)} s`);
  });

  it('rolls back the batches already written when a later batch fails, so the numbering is untouched too', async () => {
    const { config, drop } = await freshDatabase();
    // Ids come from the injected generator: armed, it repeats one id for a constraint of the first batch
    // of 1000 and one of the sixth, so the database refuses the sixth batch after five were written.
    const duplicate = randomUUID();
    let armed = false;
    let calls = 0;
    const newId = (): string => (armed && [10, 6000].includes(++calls) ? duplicate : randomUUID());
    const failures: unknown[] = [];
    const handoff = await openHandoff({ database: config, actorLabel: 'test', newId, onUnexpectedError: (e) => failures.push(e) });
    const json = async (method: string, path: string, body?: unknown): Promise<Response> =>
      handoff.request(path, { method, headers: { 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    try {
      const owner = Person.parse(await (await json('POST', '/api/people', { name: 'Lena Berg', email: 'lena@example.com' })).json());
      await json('POST', '/api/people', { name: 'Amara Okafor', email: 'amara@example.com' });
      await json('POST', '/api/programs', { name: 'Rollback', key: 'ROLL' });
      armed = true;
      const res = await handoff.request('/api/programs/ROLL/constraints:import', { method: 'POST', body: bigFile(), headers: { 'content-type': 'text/csv' } });
      armed = false;
      expect(res.status).toBe(500);
      expect(failures).toHaveLength(1);
      expect(String(failures[0])).toMatch(/duplicate key/);
      expect(Program.parse(await (await json('GET', '/api/programs/ROLL')).json()).activeConstraints).toBe(0);
      const next = await json('POST', '/api/programs/ROLL/constraints', { title: 'First', kind: 'risk', dimension: 'technical', ownerId: owner.id, deadline: '2027-01-01' });
      expect(Constraint.parse(await next.json()).ref).toBe('ROLL-1');
    } finally {
      await handoff.close();
      await drop();
    }
  });
});
