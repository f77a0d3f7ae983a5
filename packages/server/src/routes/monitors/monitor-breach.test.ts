import { Constraint, SweepResult, type Person } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { addDriftMonitor, addPerson, addProgram, assignRole, constraintHistory, getMonitor, read, risks } from './monitor-fixtures.js';

/** A breach opens one risk constraint for the owner role's holder; recovery and re-breach act on that same one. */

let api: TestApi;
let dana: Person;
let sam: Person;

const resolve = async (ref: string): Promise<Constraint> => {
  const res = await api.call('PATCH', `/api/constraints/${ref}`, { status: 'resolved' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return Constraint.parse(res.body);
};

beforeAll(async () => {
  api = await startTestApi({ now: '2026-11-25T09:00:00.000Z' });
  dana = await addPerson(api, 'Dana Drift', 'dana@example.com');
  sam = await addPerson(api, 'Sam Sponsor', 'sam@example.com');
  await addProgram(api, 'CLAIMS', sam.id);
  await assignRole(api, 'CLAIMS', 'drift-monitor', dana.id);
  await addDriftMonitor(api, 'CLAIMS');
});
afterAll(async () => { await api.close(); });

describe('a breach of a monitor with its owner role held', () => {
  it('opens exactly one risk constraint owned by the role holder, due deadlineDays after the breach day', async () => {
    await read(api, 'CLAIMS', 'drift-psi', 0.05, '2026-11-25T08:00:00Z');
    const m = await read(api, 'CLAIMS', 'drift-psi', 0.31, '2026-11-25T08:10:00Z');
    expect(m).toMatchObject({ state: 'breach', stateSince: '2026-11-25T08:10:00.000Z', unownedBreach: false, breachConstraint: { ref: 'CLAIMS-1', status: 'open', recoveredAt: null } });
    const [risk, ...others] = await risks(api, 'CLAIMS');
    expect(others).toEqual([]);
    expect(risk).toMatchObject({
      kind: 'risk', owner: { id: dana.id }, deadline: '2026-12-02', severity: 'high', dimension: 'governance', monitorId: m.id, status: 'open',
      title: 'Claims model drift breached: 0.31 PSI (threshold 0.25 PSI)',
    });
    expect(risk?.description).toContain('the mean of 1 reading(s) in the 5 minutes to 2026-11-25T08:10:00.000Z was 0.31 PSI');
  });

  it('adds nothing while the breach goes on', async () => {
    await read(api, 'CLAIMS', 'drift-psi', 0.4, '2026-11-25T08:12:00Z');
    expect((await risks(api, 'CLAIMS')).length).toBe(1);
    expect((await constraintHistory(api, 'CLAIMS-1')).some((h) => h.field === 'breach')).toBe(false);
  });

  it('records the recovery on the constraint, which stays open for its owner', async () => {
    const m = await read(api, 'CLAIMS', 'drift-psi', 0.12, '2026-11-25T08:30:00Z');
    expect(m).toMatchObject({ state: 'warning', breachConstraint: { status: 'open', recoveredAt: '2026-11-25T08:30:00.000Z' } });
    const entry = (await constraintHistory(api, 'CLAIMS-1')).find((h) => h.field === 'recoveredAt');
    expect(entry).toMatchObject({ before: null, after: '2026-11-25T08:30:00.000Z' });
    expect(entry?.reason).toContain('stays open until its owner resolves the cause');
  });

  it('notes a new breach on the open constraint and clears its recovery, never a second constraint', async () => {
    const m = await read(api, 'CLAIMS', 'drift-psi', 0.5, '2026-11-25T08:40:00Z');
    expect(m.breachConstraint).toMatchObject({ ref: 'CLAIMS-1', status: 'open', recoveredAt: null });
    expect((await risks(api, 'CLAIMS')).length).toBe(1);
    const breach = (await constraintHistory(api, 'CLAIMS-1')).find((h) => h.field === 'breach');
    expect(breach).toMatchObject({ after: 0.5 });
    expect(breach?.reason).toContain('breached again while open');
  });

  it('re-opens the same constraint, with a new deadline and escalation cycle, when it breaches after being resolved', async () => {
    await read(api, 'CLAIMS', 'drift-psi', 0.02, '2026-11-25T08:50:00Z');
    const resolved = await resolve('CLAIMS-1');
    expect(resolved.escalation?.cycle).toBe(1);
    api.clock.set('2026-11-27T10:00:00.000Z');
    const m = await read(api, 'CLAIMS', 'drift-psi', 0.3, '2026-11-27T09:00:00Z');
    expect(m.breachConstraint).toMatchObject({ ref: 'CLAIMS-1', status: 'open', recoveredAt: null });
    const [again, ...others] = await risks(api, 'CLAIMS');
    expect(others).toEqual([]);
    expect(again).toMatchObject({ id: resolved.id, status: 'open', deadline: '2026-12-04', resolvedAt: null, escalation: { cycle: 2 } });
    const reopened = (await constraintHistory(api, 'CLAIMS-1')).filter((h) => h.field === 'status' && h.before === 'resolved' && h.after === 'open');
    expect(reopened.map((h) => h.reason)).toEqual(['breached again']);
  });

  it('escalates like any constraint: a sweep after its deadline notifies the role holder', async () => {
    const res = await api.call('POST', '/api/escalations/sweep', { at: '2026-12-05T09:00:00Z' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(SweepResult.parse(res.body).notified).toBeGreaterThan(0);
    const [risk] = await risks(api, 'CLAIMS');
    const events = await api.handoff.deps.database.db.selectFrom('escalation_events').select(['level_name', 'recipients', 'cycle'])
      .where('constraint_id', '=', risk?.id ?? '').where('cycle', '=', 2).orderBy('level').execute();
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]?.recipients).toEqual([dana.id]);
    expect(events.some((e) => e.level_name === 'due' && e.recipients.includes(dana.id))).toBe(true);
  });
});

describe('a breach when the owner role is vacant', () => {
  it('goes to the program sponsor and says why in the description', async () => {
    await addProgram(api, 'KYC', sam.id);
    await addDriftMonitor(api, 'KYC');
    await read(api, 'KYC', 'drift-psi', 0.9, '2026-11-27T09:30:00Z');
    const [risk] = await risks(api, 'KYC');
    expect(risk?.owner.id).toBe(sam.id);
    expect(risk?.description).toContain("The drift-monitor role of this program is vacant, so the program's sponsor owns this");
  });

  it('with no sponsor either, records the breach on the monitor and opens the constraint once someone holds the role', async () => {
    await addProgram(api, 'FRAUD');
    await addDriftMonitor(api, 'FRAUD');
    const unowned = await read(api, 'FRAUD', 'drift-psi', 0.9, '2026-11-27T09:30:00Z');
    expect(unowned).toMatchObject({ state: 'breach', unownedBreach: true, breachConstraint: null, owner: null });
    expect(await risks(api, 'FRAUD')).toEqual([]);
    await assignRole(api, 'FRAUD', 'drift-monitor', dana.id);
    const owned = await read(api, 'FRAUD', 'drift-psi', 0.8, '2026-11-27T09:40:00Z');
    expect(owned).toMatchObject({ state: 'breach', unownedBreach: false, breachConstraint: { ref: 'FRAUD-1' }, owner: { id: dana.id } });
    expect((await getMonitor(api, 'FRAUD.drift-psi')).stateSince).toBe('2026-11-27T09:30:00.000Z');
  });
});

describe('changing thresholds', () => {
  it('re-judges the stored readings at once', async () => {
    await addProgram(api, 'LOANS', sam.id);
    await addDriftMonitor(api, 'LOANS');
    expect((await read(api, 'LOANS', 'drift-psi', 0.2, '2026-11-27T09:00:00Z')).state).toBe('warning');
    const res = await api.call('PATCH', '/api/monitors/LOANS.drift-psi', { breachThreshold: 0.2, warningThreshold: 0.15 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await getMonitor(api, 'LOANS.drift-psi')).toMatchObject({ state: 'breach', breachConstraint: { ref: 'LOANS-1', status: 'open' } });
  });
});
