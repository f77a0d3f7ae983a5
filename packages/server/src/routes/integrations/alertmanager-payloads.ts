/**
 * Alertmanager webhook payloads (version 4) shaped like the real ones: Go times with nanoseconds, the zero
 * time for an unknown endsAt, generator URLs, group keys and fingerprints.
 */

export const ZERO_TIME = '0001-01-01T00:00:00Z';

export interface AlertSpec {
  readonly status: 'firing' | 'resolved';
  readonly labels: Record<string, string>;
  readonly startsAt: string;
  readonly endsAt?: string;
  readonly fingerprint: string;
  readonly value?: string;
}

/** One alert as Alertmanager lists it in a notification. */
export function amAlert(spec: AlertSpec) {
  return {
    status: spec.status,
    labels: { severity: 'page', ...spec.labels },
    annotations: { summary: `${spec.labels.alertname ?? 'Alert'} on ${spec.labels.program ?? 'unknown'}`, ...(spec.value === undefined ? {} : { value: spec.value }) },
    startsAt: spec.startsAt,
    endsAt: spec.endsAt ?? ZERO_TIME,
    generatorURL: 'http://prometheus.example:9090/graph?g0.expr=model_psi+%3E+0.25&g0.tab=1',
    fingerprint: spec.fingerprint,
  };
}

/** A notification of one alert group: the group's status is firing while any of its alerts fires. */
export function amPayload(alerts: readonly AlertSpec[], groupLabels: Record<string, string> = { alertname: 'ModelDrift' }) {
  const firing = alerts.some((a) => a.status === 'firing');
  return {
    receiver: 'handoff',
    status: firing ? 'firing' : 'resolved',
    alerts: alerts.map(amAlert),
    groupLabels,
    commonLabels: { ...groupLabels, severity: 'page' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager.example:9093',
    version: '4',
    groupKey: `{}:{${Object.entries(groupLabels).map(([k, v]) => `${k}="${v}"`).join(', ')}}`,
    truncatedAlerts: 0,
  };
}
