import { HistoryPage, Monitor, MonitorPage, Problem, ReadingPage, ReadingsResult, type Person } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { addDriftMonitor, addPerson, addProgram, assignRole, getMonitor, read } from './monitor-fixtures.js';

let api: TestApi;
let holder: Person;
let drift: Monitor;

const problemPaths = (body: unknown): string[] => (Problem.parse(body).errors ?? []).map((e) => e.path);
const storedReadings = async (): Promise<number> => {
  const row = await api.handoff.deps.database.db.selectFrom('monitor_readings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
};

beforeAll(async () => {
  api = await startTestApi({ now: '2026-11-25T09:00:00.000Z' });
  holder = await addPerson(api, 'Dana Drift', 'dana@example.com');
  await addProgram(api, 'CLAIMS');
  await assignRole(api, 'CLAIMS', 'drift-monitor', holder.id);
  drift = await addDriftMonitor(api, 'CLAIMS');
});
afterAll(async () => { await api.close(); });

describe('monitors', () => {
  it('creates a monitor in state unknown, with defaults, its owner role holder and an ETag', async () => {
    expect(drift).toMatchObject({
      ref: 'CLAIMS.drift-psi', state: 'unknown', stateSince: null, lastValue: null, breachConstraint: null, unownedBreach: false,
      owner: { id: holder.id, name: 'Dana Drift' }, alertLabels: {}, version: 1,
    });
    const res = await api.call('GET', '/api/monitors/CLAIMS.drift-psi');
    expect(res.headers.get('etag')).toBe('"1"');
    expect(Monitor.parse(res.body)).toEqual(drift);
    expect(await getMonitor(api, drift.id)).toEqual(drift);
  });

  it.each([
    ['a warning threshold on the bad side of the breach threshold', { warningThreshold: 0.3 }, 'warningThreshold'],
    ['a warning threshold equal to the breach threshold', { warningThreshold: 0.25 }, 'warningThreshold'],
    ['an owner role nobody defined', { ownerRole: 'model-whisperer' }, 'ownerRole'],
    ['a malformed key', { key: 'Drift PSI' }, 'key'],
    ['a window of zero minutes', { windowMinutes: 0 }, 'windowMinutes'],
    ['an unknown direction', { direction: 'sideways' }, 'direction'],
    ['a label matcher with an invalid name', { alertLabels: { 'not-a-label': 'x' } }, 'alertLabels.not-a-label'],
    ['an unknown field', { colour: 'red' }, '(body)'],
  ])('refuses %s with 400 naming the field', async (_label, more, path) => {
    const res = await api.call('POST', '/api/programs/CLAIMS/monitors', {
      key: 'other', name: 'Other', metric: 'accuracy', direction: 'above', breachThreshold: 0.25, ownerRole: 'drift-monitor', ...more,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(problemPaths(res.body)).toContain(path);
  });

  it('refuses a second monitor with the same key in the program with 409', async () => {
    const res = await api.call('POST', '/api/programs/CLAIMS/monitors', { key: 'drift-psi', name: 'Again', metric: 'drift-psi', direction: 'above', breachThreshold: 1, ownerRole: 'drift-monitor' });
    expect(res.status).toBe(409);
    expect(problemPaths(res.body)).toEqual(['key']);
  });

  it('accepts a "below" monitor, a free-text metric and a role the workspace added', async () => {
    const role = await api.call('POST', '/api/governance-roles', { key: 'adoption-lead', name: 'Adoption lead' });
    expect(role.status, JSON.stringify(role.body)).toBe(201);
    const res = await api.call('POST', '/api/programs/CLAIMS/monitors', {
      key: 'ai-share', name: 'Claims handled through the AI system', metric: 'Share of claims triaged by the model', unit: '%',
      direction: 'below', warningThreshold: 70, breachThreshold: 50, windowMinutes: 1440, ownerRole: 'adoption-lead', dimension: 'workforce',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(Monitor.parse(res.body)).toMatchObject({ ownerRole: 'adoption-lead', owner: null, dimension: 'workforce', severity: 'high', deadlineDays: 7 });
  });

  it('checks thresholds against the stored ones on PATCH, and refuses a stale If-Match with 412', async () => {
    const wrongSide = await api.call('PATCH', '/api/monitors/CLAIMS.drift-psi', { breachThreshold: 0.05 });
    expect(wrongSide.status).toBe(400);
    expect(problemPaths(wrongSide.body)).toEqual(['warningThreshold']);
    const ok = await api.call('PATCH', '/api/monitors/CLAIMS.drift-psi', { alertLabels: { alertname: 'ClaimsModelDrift' } }, { 'if-match': '"1"' });
    expect(ok.status).toBe(200);
    expect(Monitor.parse(ok.body)).toMatchObject({ alertLabels: { alertname: 'ClaimsModelDrift' }, version: 2 });
    expect((await api.call('PATCH', '/api/monitors/CLAIMS.drift-psi', { name: 'X' }, { 'if-match': '"1"' })).status).toBe(412);
    expect((await getMonitor(api, 'CLAIMS.drift-psi')).name).toBe('Claims model drift');
    // The accepted change is in the monitor's history, the refused ones are not.
    const history = HistoryPage.parse((await api.call('GET', '/api/monitors/CLAIMS.drift-psi/history')).body).items;
    expect(history.map((h) => [h.entityType, h.field, h.after])).toEqual([['monitor', 'alertLabels', ['alertname=ClaimsModelDrift']]]);
  });

  it('answers 404 for an unknown monitor or program and 400 for a malformed reference', async () => {
    expect((await api.call('GET', '/api/monitors/CLAIMS.nope')).status).toBe(404);
    expect((await api.call('GET', '/api/programs/NOPE/monitors')).status).toBe(404);
    expect((await api.call('GET', '/api/monitors/not a ref')).status).toBe(400);
  });
});

describe('readings', () => {
  it('stores one reading and re-evaluates its monitor', async () => {
    const m = await read(api, 'CLAIMS', 'drift-psi', 0.05, '2026-11-25T08:00:00Z');
    expect(m).toMatchObject({ state: 'ok', lastValue: 0.05, lastObservedAt: '2026-11-25T08:00:00.000Z', stateSince: '2026-11-25T08:00:00.000Z', version: 2 });
  });

  it('stores a batch of 10,000 readings in one request and evaluates at the latest', async () => {
    const start = Date.parse('2026-11-24T00:00:00Z');
    // Monitors named by id: the body is then over the 1 MB limit of other requests, which readings are exempt from.
    const monitorId = Monitor.parse((await api.call('GET', '/api/monitors/CLAIMS.drift-psi')).body).id;
    const readings = Array.from({ length: 10_000 }, (_, i) => ({ monitor: monitorId, value: i === 9_999 ? 0.15 : 0.01, observedAt: new Date(start + i * 6_000).toISOString() }));
    const before = await storedReadings();
    const res = await api.call('POST', '/api/programs/CLAIMS/readings', { readings });
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    const result = ReadingsResult.parse(res.body);
    expect(result.received).toBe(10_000);
    expect(await storedReadings()).toBe(before + 10_000);
    // The batch ends at 16:39:54 on the 24th, before the single reading of the 25th, which stays the latest.
    expect(result.monitors.map((m) => [m.key, m.lastValue, m.state])).toEqual([['drift-psi', 0.05, 'ok']]);
  }, 60_000);

  it('refuses a batch with bad readings, naming each by index, and stores none of it', async () => {
    const before = await storedReadings();
    const res = await api.call('POST', '/api/programs/CLAIMS/readings', {
      readings: [
        { monitor: 'drift-psi', value: 0.2, observedAt: '2026-11-25T08:30:00Z' },
        { monitor: 'no-such-monitor', value: 0.2 },
        { monitor: drift.id, value: 0.3, observedAt: '2027-01-01T00:00:00Z' },
      ],
    });
    expect(res.status).toBe(400);
    expect(problemPaths(res.body)).toEqual(['readings.1.monitor', 'readings.2.observedAt']);
    expect(await storedReadings()).toBe(before);
  });

  it.each([
    ['a value that is not a number', { readings: [{ monitor: 'drift-psi', value: 1 }, { monitor: 'drift-psi', value: '0.3' }] }, 'readings.1.value'],
    ['a value too large to be finite', '{"monitor":"drift-psi","value":1e999}', 'value'],
    ['a single reading without a monitor', { value: 0.2 }, 'monitor'],
    ['an empty batch', { readings: [] }, 'readings'],
    ['a malformed time', { monitor: 'drift-psi', value: 0.2, observedAt: 'yesterday' }, 'observedAt'],
  ])('refuses %s with 400 naming it', async (_label, body, path) => {
    const res = await api.call('POST', '/api/programs/CLAIMS/readings', body);
    expect(res.status).toBe(400);
    expect(problemPaths(res.body)).toContain(path);
  });

  it('lists readings in a time range, oldest first, page by page', async () => {
    const from = '2026-11-24T00:00:00.000Z';
    const to = '2026-11-24T00:01:00.000Z';
    const first = ReadingPage.parse((await api.call('GET', `/api/monitors/CLAIMS.drift-psi/readings?from=${from}&to=${to}&limit=4`)).body);
    expect(first.items.map((r) => r.observedAt)).toEqual(['00', '06', '12', '18'].map((s) => `2026-11-24T00:00:${s}.000Z`));
    expect(first.items[0]).toMatchObject({ value: 0.01, source: 'api' });
    const rest = ReadingPage.parse((await api.call('GET', `/api/monitors/CLAIMS.drift-psi/readings?from=${from}&to=${to}&limit=200&cursor=${first.nextCursor ?? ''}`)).body);
    expect(rest.items.map((r) => r.observedAt.slice(17, 19))).toEqual(['24', '30', '36', '42', '48', '54']);
    expect(rest.nextCursor).toBeNull();
  });

  it('lists monitors with their state, and retired ones only when asked; a retired monitor takes no readings', async () => {
    const page = MonitorPage.parse((await api.call('GET', '/api/programs/CLAIMS/monitors')).body);
    expect(page.items.map((m) => [m.key, m.state])).toEqual([['ai-share', 'unknown'], ['drift-psi', 'ok']]);
    expect((await api.call('POST', '/api/monitors/CLAIMS.ai-share/retire')).status).toBe(200);
    const active = MonitorPage.parse((await api.call('GET', '/api/programs/CLAIMS/monitors')).body);
    expect(active.items.map((m) => m.key)).toEqual(['drift-psi']);
    const retired = MonitorPage.parse((await api.call('GET', '/api/programs/CLAIMS/monitors?retired=true')).body);
    expect(retired.items.map((m) => [m.key, m.retiredAt !== null])).toEqual([['ai-share', true]]);
    const res = await api.call('POST', '/api/programs/CLAIMS/readings', { monitor: 'ai-share', value: 80 });
    expect(res.status).toBe(400);
    expect(Problem.parse(res.body).errors).toEqual([{ path: 'monitor', message: 'monitor ai-share is retired' }]);
  });
});
