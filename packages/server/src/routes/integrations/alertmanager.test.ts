import { AlertmanagerSummary, Problem, ReadingPage, type Person } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { addDriftMonitor, addPerson, addProgram, assignRole, constraintHistory, getMonitor, risks } from '../monitors/monitor-fixtures.js';
import { amPayload, type AlertSpec } from './alertmanager-payloads.js';
import { bearer, createToken } from '../tokens/token-fixtures.js';

/** The Alertmanager receiver, driven with realistic webhook payloads. */

let api: TestApi;
let dana: Person;

const DRIFT_LABELS = { alertname: 'ModelDrift', program: 'claims' };
const firing: AlertSpec = { status: 'firing', labels: { ...DRIFT_LABELS, instance: 'scorer-0' }, startsAt: '2026-11-25T08:55:12.481516234Z', fingerprint: '6f1d2a9c0b3e4d57', value: '0.31' };

const post = async (body: unknown): Promise<AlertmanagerSummary> => {
  const res = await api.call('POST', '/api/integrations/alertmanager', body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return AlertmanagerSummary.parse(res.body);
};

beforeAll(async () => {
  api = await startTestApi({ now: '2026-11-25T09:00:00.000Z' });
  dana = await addPerson(api, 'Dana Drift', 'dana@example.com');
  await addProgram(api, 'CLAIMS');
  await assignRole(api, 'CLAIMS', 'drift-monitor', dana.id);
  await addDriftMonitor(api, 'CLAIMS', { alertLabels: DRIFT_LABELS });
  await addDriftMonitor(api, 'CLAIMS', { key: 'latency-p95', name: 'Scoring latency', metric: 'latency-p95', unit: 'ms', warningThreshold: 500, breachThreshold: 800, alertLabels: { alertname: 'HighLatency' } });
});
afterAll(async () => { await api.close(); });

describe('the Alertmanager receiver', () => {
  it('turns a firing alert into a breach: one risk constraint for the role holder, the value stored as a reading', async () => {
    expect(await post(amPayload([firing]))).toEqual({ received: 1, applied: 1, duplicates: 0, unmatched: 0, unmatchedAlerts: [] });
    expect(await getMonitor(api, 'CLAIMS.drift-psi')).toMatchObject({ state: 'breach', stateSince: '2026-11-25T08:55:12.481Z', lastValue: 0.31 });
    const [risk, ...others] = await risks(api, 'CLAIMS');
    expect(others).toEqual([]);
    expect(risk).toMatchObject({ owner: { id: dana.id }, title: 'Claims model drift breached: 0.31 PSI (threshold 0.25 PSI)', deadline: '2026-12-02' });
    expect(risk?.description).toContain('Alertmanager alert ModelDrift firing since 2026-11-25T08:55:12.481Z');
    const readings = ReadingPage.parse((await api.call('GET', '/api/monitors/CLAIMS.drift-psi/readings')).body).items;
    expect(readings).toEqual([expect.objectContaining({ value: 0.31, source: 'alertmanager', observedAt: '2026-11-25T08:55:12.481Z' })]);
  });

  it('changes nothing for the same notification again (an HA pair, a resent group) and says so', async () => {
    expect(await post(amPayload([firing]))).toMatchObject({ received: 1, applied: 0, duplicates: 1, unmatched: 0 });
    expect((await risks(api, 'CLAIMS')).length).toBe(1);
    expect(ReadingPage.parse((await api.call('GET', '/api/monitors/CLAIMS.drift-psi/readings')).body).items).toHaveLength(1);
  });

  it('applies a group that mixes a resolved alert and a new firing one, each to its monitor', async () => {
    const resolved: AlertSpec = { ...firing, status: 'resolved', endsAt: '2026-11-25T09:20:00.000000001Z' };
    const latency: AlertSpec = { status: 'firing', labels: { alertname: 'HighLatency', program: 'claims' }, startsAt: '2026-11-25T09:18:00Z', fingerprint: '0a0b0c0d0e0f1011', value: '1250' };
    expect(await post(amPayload([latency, resolved], {}))).toMatchObject({ received: 2, applied: 2, duplicates: 0 });
    const drift = await getMonitor(api, 'CLAIMS.drift-psi');
    expect(drift).toMatchObject({ state: 'ok', stateSince: '2026-11-25T09:20:00.000Z', breachConstraint: { ref: 'CLAIMS-1', status: 'open', recoveredAt: '2026-11-25T09:20:00.000Z' } });
    expect((await constraintHistory(api, 'CLAIMS-1')).find((h) => h.field === 'recoveredAt')?.reason).toContain('Alertmanager alert ModelDrift resolved');
    expect(await getMonitor(api, 'CLAIMS.latency-p95')).toMatchObject({ state: 'breach', breachConstraint: { ref: 'CLAIMS-2' } });
    expect((await risks(api, 'CLAIMS')).find((c) => c.ref === 'CLAIMS-2')?.title).toBe('Scoring latency breached: 1250 ms (threshold 800 ms)');
  });

  it('dates a resolution with the zero-time endsAt at its receipt', async () => {
    api.clock.set('2026-11-25T10:00:00.000Z');
    const resolved: AlertSpec = { status: 'resolved', labels: { alertname: 'HighLatency', program: 'claims' }, startsAt: '2026-11-25T09:18:00Z', fingerprint: '0a0b0c0d0e0f1011' };
    expect(await post(amPayload([resolved]))).toMatchObject({ applied: 1 });
    expect(await getMonitor(api, 'CLAIMS.latency-p95')).toMatchObject({ state: 'ok', breachConstraint: { recoveredAt: '2026-11-25T10:00:00.000Z' } });
  });

  it('records an alert that belongs to no monitor and reports it, without failing', async () => {
    const disk: AlertSpec = { status: 'firing', labels: { alertname: 'DiskFull', instance: 'db-1' }, startsAt: '2026-11-25T09:59:00Z', fingerprint: 'dddd000011112222' };
    const summary = await post(amPayload([disk], { alertname: 'DiskFull' }));
    expect(summary).toMatchObject({ received: 1, applied: 0, duplicates: 0, unmatched: 1 });
    expect(summary.unmatchedAlerts).toEqual([{ fingerprint: 'dddd000011112222', status: 'firing', alertname: 'DiskFull', labels: { alertname: 'DiskFull', instance: 'db-1', severity: 'page' }, reason: 'no-monitor' }]);
    const stored = await api.handoff.deps.database.db.selectFrom('alert_events').select(['monitor_id', 'alertname']).where('fingerprint', '=', 'dddd000011112222').execute();
    expect(stored).toEqual([{ monitor_id: null, alertname: 'DiskFull' }]);
    expect(await post(amPayload([disk], { alertname: 'DiskFull' }))).toMatchObject({ unmatched: 0, duplicates: 1 });
  });

  it('reads handoff_program and handoff_monitor labels as naming the monitor directly', async () => {
    const named: AlertSpec = { status: 'firing', labels: { alertname: 'Anything', handoff_program: 'claims', handoff_monitor: 'latency-p95' }, startsAt: '2026-11-25T10:00:00Z', fingerprint: 'abcabcabcabcabca' };
    expect(await post(amPayload([named]))).toMatchObject({ applied: 1 });
    expect(await getMonitor(api, 'CLAIMS.latency-p95')).toMatchObject({ state: 'breach', breachConstraint: { ref: 'CLAIMS-2', recoveredAt: null } });
  });

  it('keeps a monitor in breach while another of its alerts still fires', async () => {
    const a: AlertSpec = { ...firing, startsAt: '2026-11-25T10:05:00Z', fingerprint: 'aaaa', labels: { ...DRIFT_LABELS, instance: 'scorer-0' } };
    const b: AlertSpec = { ...firing, startsAt: '2026-11-25T10:05:00Z', fingerprint: 'bbbb', labels: { ...DRIFT_LABELS, instance: 'scorer-1' } };
    await post(amPayload([a, b]));
    expect(await post(amPayload([{ ...a, status: 'resolved', endsAt: '2026-11-25T10:10:00Z' }, b]))).toMatchObject({ applied: 1, duplicates: 1 });
    expect((await getMonitor(api, 'CLAIMS.drift-psi')).state).toBe('breach');
    await post(amPayload([{ ...b, status: 'resolved', endsAt: '2026-11-25T10:12:00Z' }]));
    expect((await getMonitor(api, 'CLAIMS.drift-psi')).state).toBe('ok');
  });

  it.each([
    ['another payload version', { ...amPayload([firing]), version: '3' }, 'version'],
    ['no alerts list', { ...amPayload([firing]), alerts: undefined }, 'alerts'],
    ['an alert with an unknown status', { ...amPayload([firing]), alerts: [{ ...amPayload([firing]).alerts[0], status: 'pending' }] }, 'alerts.0.status'],
    ['an alert start that is not a time', { ...amPayload([firing]), alerts: [{ ...amPayload([firing]).alerts[0], startsAt: 'soon' }] }, 'alerts.0.startsAt'],
  ])('refuses %s with 400 naming the field, and records nothing', async (_label, body, path) => {
    const before = await api.handoff.deps.database.db.selectFrom('alert_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await api.call('POST', '/api/integrations/alertmanager', body);
    expect(res.status).toBe(400);
    expect((Problem.parse(res.body).errors ?? []).map((e) => e.path)).toContain(path);
    const after = await api.handoff.deps.database.db.selectFrom('alert_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('who may post to the receiver', () => {
  const disk: AlertSpec = { status: 'firing', labels: { alertname: 'DiskFull', instance: 'db-9' }, startsAt: '2026-11-25T11:00:00Z', fingerprint: 'feedfeedfeedfeed' };
  const stored = async (): Promise<number> => (await api.handoff.deps.database.db.selectFrom('alert_events').select('alertname').where('fingerprint', '=', 'feedfeedfeedfeed').execute()).length;

  it('answers 401 without a token and 403 to a read-only token, recording nothing', async () => {
    expect((await api.call('POST', '/api/integrations/alertmanager', amPayload([disk]), { authorization: '' })).status).toBe(401);
    const { secret } = await createToken(api, 'dashboards', ['read']);
    const refused = await api.call('POST', '/api/integrations/alertmanager', amPayload([disk]), bearer(secret));
    expect(refused.status).toBe(403);
    expect(Problem.parse(refused.body).detail).toContain('readings');
    expect(await stored()).toBe(0);
  });

  it('accepts a token with the readings scope', async () => {
    const { secret } = await createToken(api, 'prometheus-alertmanager', ['readings']);
    const res = await api.call('POST', '/api/integrations/alertmanager', amPayload([disk]), bearer(secret));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(AlertmanagerSummary.parse(res.body)).toMatchObject({ received: 1, unmatched: 1 });
    expect(await stored()).toBe(1);
  });
});
