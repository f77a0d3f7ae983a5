import { Constraint, SweepResult, type Person } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAlertmanager, serveOnLoopback, waitFor, type RunningAlertmanager } from '../../testing/alertmanager.js';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { addDriftMonitor, addPerson, addProgram, assignRole, getMonitor, risks } from '../monitors/monitor-fixtures.js';
import { createToken } from '../tokens/token-fixtures.js';

/**
 * End to end with a real Prometheus Alertmanager: an alert posted to its v2 API reaches Handoff through the
 * webhook receiver and opens exactly one risk constraint for the drift monitor's holder, which escalates;
 * resolving the alert marks it recovered. Alertmanager authenticates with a `readings` API token (http_config
 * authorization). Fails (never skips) when the binary is missing.
 */

const SLOW = 60_000;
const LABELS = { alertname: 'ClaimsModelDrift', program: 'claims', job: 'claims-scorer' };

let api: TestApi;
let server: { url: string; close: () => Promise<void> } | undefined;
let alertmanager: RunningAlertmanager | undefined;
/** Why Alertmanager did not start (a missing binary): each test then fails with it, rather than being skipped. */
let startError: unknown;
let dana: Person;
const startsAt = new Date(Date.now() - 60_000).toISOString();

const riskOf = async (): Promise<Constraint | undefined> => {
  const found = await risks(api, 'CLAIMS');
  return found.length > 0 ? found[0] : undefined;
};

beforeAll(async () => {
  api = await startTestApi({ now: '2026-11-25T09:00:00.000Z' });
  dana = await addPerson(api, 'Dana Drift', 'dana@example.com');
  await addProgram(api, 'CLAIMS', (await addPerson(api, 'Sam Sponsor', 'sam@example.com')).id);
  await assignRole(api, 'CLAIMS', 'drift-monitor', dana.id);
  await addDriftMonitor(api, 'CLAIMS', { alertLabels: { alertname: 'ClaimsModelDrift', program: 'claims' } });
  server = await serveOnLoopback(api.handoff.app);
  const { secret } = await createToken(api, 'prometheus-alertmanager', ['readings']);
  alertmanager = await startAlertmanager(`${server.url}/api/integrations/alertmanager`, secret).catch((error: unknown) => {
    startError = error;
    return undefined;
  });
}, SLOW);

function running(): RunningAlertmanager {
  if (!alertmanager) throw startError instanceof Error ? startError : new Error('Alertmanager did not start');
  return alertmanager;
}

afterAll(async () => {
  await alertmanager?.stop();
  await server?.close();
  await api.close();
});

describe('a real Alertmanager', { timeout: SLOW }, () => {
  it('delivers a firing alert that opens exactly one risk constraint for the drift monitor holder', async () => {
    await running().postAlerts([{ labels: LABELS, annotations: { value: '0.34', summary: 'PSI above 0.25' }, startsAt, generatorURL: 'http://prometheus.local/graph' }]);
    const risk = await waitFor('the breach constraint', riskOf);
    expect(risk).toMatchObject({ kind: 'risk', owner: { id: dana.id }, ref: 'CLAIMS-1', status: 'open', recoveredAt: null });
    // Two more group intervals: a re-sent group must not add anything.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await risks(api, 'CLAIMS')).toHaveLength(1);
    expect(await getMonitor(api, 'CLAIMS.drift-psi')).toMatchObject({ state: 'breach', lastValue: 0.34 });
  });

  it('escalates the constraint to its owner once past its deadline', async () => {
    running();
    const risk = await riskOf();
    const res = await api.call('POST', '/api/escalations/sweep', { at: `${risk?.deadline ?? ''}T23:59:00Z` });
    expect(SweepResult.parse(res.body).notified).toBeGreaterThan(0);
    const events = await api.handoff.deps.database.db.selectFrom('escalation_events').select('recipients').where('constraint_id', '=', risk?.id ?? '').execute();
    expect(events.flatMap((e) => e.recipients)).toContain(dana.id);
  });

  it('marks the constraint recovered, and leaves it open, when the alert resolves', async () => {
    await running().postAlerts([{ labels: LABELS, annotations: { value: '0.34', summary: 'PSI above 0.25' }, startsAt, endsAt: new Date(Date.now() - 1_000).toISOString() }]);
    const recovered = await waitFor('the recovery', async () => ((await riskOf())?.recoveredAt ? await riskOf() : undefined));
    expect(recovered).toMatchObject({ status: 'open', ref: 'CLAIMS-1' });
    expect((await getMonitor(api, 'CLAIMS.drift-psi')).state).toBe('ok');
    expect(await risks(api, 'CLAIMS')).toHaveLength(1);
  });
});
