import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareAlerts, goTime, labelsFingerprint, matchAlert, normaliseAlert, numericText, resolvedAt, type AlertTarget, type WebhookAlert } from './alertmanager.js';

const monitors: (AlertTarget & { id: string })[] = [
  { id: 'drift', programKey: 'CLAIMS', key: 'drift-psi', alertLabels: { alertname: 'ModelDrift', program: 'claims' } },
  { id: 'drift-any', programKey: 'CLAIMS', key: 'drift-any', alertLabels: { alertname: 'ModelDrift' } },
  { id: 'latency', programKey: 'KYC', key: 'latency-p95', alertLabels: { alertname: 'HighLatency', service: 'kyc' } },
  { id: 'latency-twin', programKey: 'KYC', key: 'latency-twin', alertLabels: { alertname: 'HighLatency', team: 'ops' } },
  { id: 'bare', programKey: 'KYC', key: 'bare', alertLabels: {} },
];

describe('matchAlert', () => {
  it.each([
    ['names a monitor directly, whatever else it carries', { handoff_program: 'claims', handoff_monitor: 'drift-psi', alertname: 'Other' }, 'drift', 'name'],
    ['names a monitor that does not exist: unmatched, never guessed', { handoff_program: 'CLAIMS', handoff_monitor: 'nope', alertname: 'ModelDrift' }, null, null],
    ['matches every matcher of the most specific monitor', { alertname: 'ModelDrift', program: 'claims', severity: 'page' }, 'drift', 'labels'],
    ['falls back to a less specific monitor', { alertname: 'ModelDrift', program: 'fraud' }, 'drift-any', 'labels'],
    ['matches no monitor whose matchers differ', { alertname: 'DiskFull' }, null, null],
  ])('%s', (_label, labels, id, by) => {
    const result = matchAlert(labels, monitors);
    if (id === null) {
      expect(result.kind).toBe('unmatched');
    } else {
      expect(result).toMatchObject({ kind: 'matched', by, monitor: { id } });
    }
  });

  it('refuses to choose between two equally specific monitors', () => {
    const result = matchAlert({ alertname: 'HighLatency', service: 'kyc', team: 'ops' }, monitors);
    expect(result.kind).toBe('ambiguous');
    expect(result.kind === 'ambiguous' ? result.candidates.map((m) => m.id).sort() : []).toEqual(['latency', 'latency-twin']);
  });

  it('never matches a monitor without matchers, and a match always satisfies every matcher', () => {
    const labels = fc.dictionary(fc.constantFrom('alertname', 'program', 'service', 'team', 'x'), fc.constantFrom('ModelDrift', 'HighLatency', 'claims', 'kyc', 'ops'));
    fc.assert(fc.property(labels, (l) => {
      const result = matchAlert(l, monitors);
      if (result.kind !== 'matched') return;
      expect(result.monitor.id).not.toBe('bare');
      for (const [name, value] of Object.entries(result.monitor.alertLabels)) expect(l[name]).toBe(value);
    }));
  });
});

const alert = (over: Partial<WebhookAlert> = {}): WebhookAlert => ({
  status: 'firing',
  labels: { alertname: 'ModelDrift', program: 'claims' },
  annotations: { value: '0.31', summary: 'PSI over 0.25' },
  startsAt: '2026-11-25T08:59:30.123456789Z',
  endsAt: '0001-01-01T00:00:00Z',
  fingerprint: 'a1b2c3d4e5f60718',
  ...over,
});

describe('normaliseAlert', () => {
  it('reads nanosecond times, the zero endsAt as unset, and the numeric value annotation', () => {
    expect(normaliseAlert(alert())).toEqual({
      fingerprint: 'a1b2c3d4e5f60718', status: 'firing', startsAt: Date.parse('2026-11-25T08:59:30.123Z'), endsAt: null,
      alertname: 'ModelDrift', labels: { alertname: 'ModelDrift', program: 'claims' }, value: 0.31,
    });
  });

  it('takes the value from a label when there is no annotation, and never from a resolved alert', () => {
    expect(normaliseAlert(alert({ annotations: {}, labels: { alertname: 'A', value: '12' } })).value).toBe(12);
    expect(normaliseAlert(alert({ status: 'resolved', endsAt: '2026-11-25T10:00:00Z' })).value).toBeNull();
  });

  it('falls back to the sorted labels when the sender gave no fingerprint', () => {
    const a = normaliseAlert(alert({ fingerprint: undefined, labels: { b: '2', a: '1' } }));
    const b = normaliseAlert(alert({ fingerprint: '', labels: { a: '1', b: '2' } }));
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).toBe(labelsFingerprint({ a: '1', b: '2' }));
  });

  it.each([
    ['0.31', 0.31], ['-2', -2], ['1e-3', 0.001], [' 7 ', 7], ['.5', 0.5],
    ['NaN', null], ['+Inf', null], ['0.31 PSI', null], ['', null], [undefined, null], ['1e999', null],
  ])('reads %j as the value %s', (text, value) => {
    expect(numericText(text)).toBe(value);
  });

  it('treats Go zero time and garbage as unset', () => {
    expect(goTime('0001-01-01T00:00:00Z')).toBeNull();
    expect(goTime('not a time')).toBeNull();
    expect(goTime('2026-11-25T10:00:00+01:00')).toBe(Date.parse('2026-11-25T09:00:00Z'));
  });

  it('dates a resolution at its endsAt, or at receipt when endsAt is the zero time', () => {
    const received = Date.parse('2026-11-25T12:00:00Z');
    expect(resolvedAt(normaliseAlert(alert({ status: 'resolved', endsAt: '2026-11-25T11:00:00Z' })), received)).toBe(Date.parse('2026-11-25T11:00:00Z'));
    expect(resolvedAt(normaliseAlert(alert({ status: 'resolved' })), received)).toBe(received);
  });
});

describe('compareAlerts', () => {
  it('applies a group in the same order whatever order it was listed in', () => {
    const one = fc.record({
      status: fc.constantFrom<'firing' | 'resolved'>('firing', 'resolved'),
      startsAt: fc.constantFrom('2026-11-25T08:00:00Z', '2026-11-25T09:00:00Z'),
      fingerprint: fc.constantFrom('aa', 'bb', 'cc'),
    }).map((a) => normaliseAlert(alert(a)));
    fc.assert(fc.property(fc.array(one, { maxLength: 8 }), (alerts) => {
      const sorted = [...alerts].sort(compareAlerts);
      expect([...alerts].reverse().sort(compareAlerts)).toEqual(sorted);
      sorted.forEach((a, i) => {
        const next = sorted[i + 1];
        if (next && next.startsAt === a.startsAt && next.fingerprint === a.fingerprint) expect(a.status === 'resolved' && next.status === 'firing').toBe(false);
      });
    }));
  });
});
