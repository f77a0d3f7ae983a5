import { HistoryPage, Person, PersonPage, Problem } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api.close(); });

describe('people', () => {
  it('creates a person, lower-cases the e-mail and returns an ETag', async () => {
    const res = await api.call('POST', '/api/people', { name: 'Amara Okafor', email: 'Amara.Okafor@Example.com', title: 'COO' });
    expect(res.status).toBe(201);
    const person = Person.parse(res.body);
    expect(person.email).toBe('amara.okafor@example.com');
    expect(res.headers.get('etag')).toBe('"1"');
    const again = await api.call('GET', `/api/people/${person.id}`);
    expect(Person.parse(again.body)).toEqual(person);
  });

  it('refuses a second person with the same e-mail in any letter case, naming the field', async () => {
    const res = await api.call('POST', '/api/people', { name: 'Other', email: 'AMARA.OKAFOR@example.com' });
    expect(res.status).toBe(409);
    expect(Problem.parse(res.body).errors?.[0]?.path).toBe('email');
  });

  it.each([
    ['an empty name', { name: ' ', email: 'a@example.com' }, 'name'],
    ['a malformed e-mail', { name: 'A', email: 'not-an-email' }, 'email'],
    ['an over-long name', { name: 'x'.repeat(201), email: 'b@example.com' }, 'name'],
    ['an unknown field', { name: 'A', email: 'c@example.com', team: 'ops' }, '(body)'],
    ['a wrong type', { name: 42, email: 'd@example.com' }, 'name'],
  ])('answers 400 problem+json for %s', async (_label, body, path) => {
    const res = await api.call('POST', '/api/people', body);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(Problem.parse(res.body).errors?.map((e) => e.path)).toContain(path);
  });

  it('answers 400 for malformed JSON and 415 for a body that is not JSON', async () => {
    expect((await api.call('POST', '/api/people', '{"name":')).status).toBe(400);
    const res = await api.call('POST', '/api/people', 'name=A', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
  });

  it('pages through people by name with a cursor', async () => {
    for (const n of ['Zoe Zhang', 'Yusuf Yilmaz', 'Xavier Xu']) {
      await api.call('POST', '/api/people', { name: n, email: `${n.split(' ')[0]?.toLowerCase()}@example.com` });
    }
    const first = PersonPage.parse((await api.call('GET', '/api/people?limit=2')).body);
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = PersonPage.parse((await api.call('GET', `/api/people?limit=2&cursor=${first.nextCursor}`)).body);
    const names = [...first.items, ...second.items].map((p) => p.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    expect((await api.call('GET', '/api/people?cursor=garbage')).status).toBe(400);
  });

  it('refuses a stale If-Match with 412 and changes nothing', async () => {
    const created = Person.parse((await api.call('POST', '/api/people', { name: 'Lena Berg', email: 'lena@example.com' })).body);
    const ok = await api.call('PATCH', `/api/people/${created.id}`, { title: 'CRO' }, { 'if-match': '"1"' });
    expect(ok.status).toBe(200);
    const stale = await api.call('PATCH', `/api/people/${created.id}`, { title: 'CEO' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(Person.parse((await api.call('GET', `/api/people/${created.id}`)).body).title).toBe('CRO');
  });

  it('answers 404 for an unknown id', async () => {
    const res = await api.call('GET', '/api/people/00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(Problem.parse(res.body).status).toBe(404);
  });
});

describe('person history', () => {
  it('records who changed a title and when', async () => {
    const p = Person.parse((await api.call('POST', '/api/people', { name: 'Noor Haddad', email: 'noor@example.com' })).body);
    await api.call('PATCH', `/api/people/${p.id}`, { title: 'Model Risk Manager' });
    const page = HistoryPage.parse((await api.call('GET', `/api/people/${p.id}/history`)).body);
    expect(page.items.map((h) => [h.field, h.after])).toEqual([['created', 'noor@example.com'], ['title', 'Model Risk Manager']]);
  });
});
