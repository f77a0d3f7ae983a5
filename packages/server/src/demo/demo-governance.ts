import type { AssessmentStatus, Dimension, MonitorDirection, Severity } from '@handoff/core';
import type { PersonHandle } from './demo-people.js';

/**
 * Readiness, ownership and monitoring of the demo programs, as plain data. Each program is shaped so the
 * diagnosis finds what its `failureMode` note says: CLAIMS and FRAUD build without governance, DESK governs
 * without adoption, KYC is adopted without an owner, FORECAST is the healthy reference and CONTRACTS is too
 * early to tell. Days are relative to the day the demo is loaded (negative: in the past).
 */

/** One criterion's result: status and the evidence behind it. */
export type DemoResult = readonly [AssessmentStatus, string];

/** Criteria assessed together, `daysAgo` before the load, by one person. */
export interface DemoAssessment {
  readonly daysAgo: number;
  readonly assessor: PersonHandle;
  readonly results: Readonly<Record<string, DemoResult>>;
}

export interface DemoMonitor {
  readonly key: string;
  readonly name: string;
  readonly metric: string;
  readonly unit: string;
  readonly direction: MonitorDirection;
  readonly warning: number;
  readonly breach: number;
  readonly windowMinutes: number;
  readonly ownerRole: string;
  readonly deadlineDays: number;
  readonly severity: Severity;
  readonly dimension: Dimension;
  readonly alertLabels: Readonly<Record<string, string>>;
  /** Readings as [days ago, value], oldest first; one a day at 06:00 UTC. */
  readonly readings: readonly (readonly [number, number])[];
}

export interface DemoGovernance {
  /** Holders of the built-in roles other than the outcome owner (the sponsor); a missing role is vacant. */
  readonly roles: Readonly<Partial<Record<'output-owner' | 'drift-monitor' | 'retraining-authoriser' | 'regulated-escalation-owner', PersonHandle>>>;
  /** Oldest first: the trend shows how readiness moved. */
  readonly assessments: readonly DemoAssessment[];
  readonly monitors: readonly DemoMonitor[];
}

/** A daily series from `from` to `to` over `days` days ending yesterday, rounded to 3 decimals. */
function series(days: number, from: number, to: number): [number, number][] {
  return Array.from({ length: days }, (_, i) => {
    const value = from + ((to - from) * i) / Math.max(1, days - 1);
    return [days - i, Math.round(value * 1000) / 1000] as [number, number];
  });
}

const driftMonitor = (program: string, readings: readonly (readonly [number, number])[]): DemoMonitor => ({
  key: 'drift-psi', name: 'Input drift (PSI)', metric: 'drift-psi', unit: '', direction: 'above', warning: 0.1, breach: 0.25,
  windowMinutes: 24 * 60, ownerRole: 'drift-monitor', deadlineDays: 5, severity: 'high', dimension: 'governance',
  alertLabels: { alertname: 'ModelInputDrift', program }, readings,
});

const aiShareMonitor = (program: string, readings: readonly (readonly [number, number])[]): DemoMonitor => ({
  key: 'ai-share', name: 'Share of cases handled through the AI system', metric: 'ai-share', unit: '%', direction: 'below',
  warning: 50, breach: 30, windowMinutes: 7 * 24 * 60, ownerRole: 'output-owner', deadlineDays: 14, severity: 'medium',
  dimension: 'workforce', alertLabels: { alertname: 'AdoptionShareLow', program }, readings,
});

const legacyMonitor = (program: string, readings: readonly (readonly [number, number])[]): DemoMonitor => ({
  key: 'legacy-fallback', name: 'Cases falling back to the legacy process', metric: 'legacy-fallback', unit: '%', direction: 'above',
  warning: 15, breach: 35, windowMinutes: 7 * 24 * 60, ownerRole: 'output-owner', deadlineDays: 14, severity: 'medium',
  dimension: 'workforce', alertLabels: { alertname: 'LegacyFallbackHigh', program }, readings,
});

const latencyMonitor = (program: string, readings: readonly (readonly [number, number])[]): DemoMonitor => ({
  key: 'latency-p95', name: 'Scoring latency p95', metric: 'latency-p95', unit: 'ms', direction: 'above', warning: 400, breach: 800,
  windowMinutes: 60, ownerRole: 'output-owner', deadlineDays: 3, severity: 'high', dimension: 'technical',
  alertLabels: { alertname: 'ScoringLatencyHigh', program }, readings,
});

export const DEMO_GOVERNANCE: Readonly<Record<string, DemoGovernance>> = {
  CLAIMS: {
    roles: { 'output-owner': 'claims' },
    assessments: [
      {
        daysAgo: 42, assessor: 'platform', results: {
          'TECH-01': ['met', 'Scale, latency and cost targets agreed in the pilot charter (40k claims a month, p95 under 400 ms).'],
          'TECH-02': ['partial', 'Load test reached 70% of target volume before the serving cluster saturated.'],
          'TECH-03': ['not-met', 'No failover yet: a single serving node.'],
          'GOV-01': ['met', 'The COO owns the production outcome (steering minutes, 3 March).'],
          'GOV-02': ['not-met', 'Only the output owner is named.'],
          'WF-01': ['partial', 'Two claims team leads joined the design sprints; the other regions did not.'],
          'ECON-01': ['met', 'Baseline handling time measured over 12 weeks before the pilot.'],
        },
      },
      {
        daysAgo: 6, assessor: 'platform', results: {
          'TECH-02': ['met', 'Load test at 110% of target volume: p95 310 ms (report in the platform wiki).'],
          'TECH-03': ['met', 'Failover drill passed; availability 99.95% over the last 30 days.'],
          'TECH-04': ['met', 'Cost per claim scored: 0.8p at target volume, under the 1.2p target.'],
          'TECH-05': ['met', 'Pilot environment folded into the shared serving platform.'],
          'TECH-06': ['met', 'Inputs, outputs and model version logged per claim; trace tested end to end.'],
          'GOV-02': ['not-met', 'Drift monitor, retraining authoriser and regulated-escalation owner still vacant.'],
          'GOV-03': ['partial', 'Drift threshold proposed by the data science team; not approved by anyone with authority.'],
          'GOV-04': ['not-met', 'Drift alerts go to a shared mailbox that nobody owns.'],
          'GOV-05': ['not-met', 'Nobody named who may pause the model.'],
          'GOV-06': ['partial', 'Customer impact assessment drafted, not signed off.'],
          'WF-02': ['partial', 'Handlers briefed in two of five regions.'],
          'WF-03': ['partial', 'Training material ready; sessions not scheduled.'],
          'WF-04': ['met', 'Override button and escalation route tested with handlers.'],
          'ECON-02': ['partial', 'Business case still uses pilot volumes for two regions.'],
          'ECON-03': ['not-met', 'TCO covers compute and licences only.'],
          'ECON-04': ['not-met', 'Run costs beyond the pilot not in the approved budget.'],
        },
      },
    ],
    monitors: [
      driftMonitor('CLAIMS', series(21, 0.05, 0.19)),
      latencyMonitor('CLAIMS', series(14, 290, 320)),
    ],
  },

  FRAUD: {
    roles: {},
    assessments: [
      {
        daysAgo: 10, assessor: 'datasci', results: {
          'TECH-01': ['met', 'Targets agreed: rank 5,000 alerts a day, p95 under 1 s.'],
          'TECH-02': ['met', 'Back-test at full daily volume within latency.'],
          'TECH-03': ['met', 'Runs on the shared platform with its failover.'],
          'TECH-04': ['met', 'Cost per alert scored is negligible against investigator time.'],
          'TECH-05': ['met', 'No separate environment: uses the claims serving platform.'],
          'TECH-06': ['partial', 'Scores logged; feature values not yet retained.'],
          'GOV-01': ['met', 'The CRO owns the outcome.'],
          'GOV-02': ['not-met', 'No output owner and no drift monitor named.'],
          'GOV-03': ['not-met', 'Nobody owns the threshold below which alerts wait.'],
          'GOV-04': ['not-met', 'No monitoring of the ranking in place.'],
          'WF-01': ['partial', 'Investigators consulted once.'],
          'ECON-01': ['met', 'Baseline: 38% of investigated alerts are false positives.'],
        },
      },
    ],
    monitors: [],
  },

  DESK: {
    roles: { 'output-owner': 'servicedesk', 'drift-monitor': 'modelrisk', 'retraining-authoriser': 'cdo', 'regulated-escalation-owner': 'compliance' },
    assessments: [
      {
        daysAgo: 60, assessor: 'compliance', results: {
          'GOV-01': ['met', 'The CIO owns the outcome.'],
          'GOV-02': ['met', 'All four governance roles named (ownership map).'],
          'GOV-03': ['met', 'Answer-quality and harmful-content thresholds approved by the ethics board.'],
          'GOV-04': ['met', 'Thresholds monitored; breaches page the model risk manager.'],
          'GOV-05': ['met', 'Agents may discard any suggestion; kill switch owned by the service desk manager.'],
          'GOV-06': ['met', 'DPIA signed off by the DPO.'],
          'GOV-07': ['met', 'Incident route documented and rehearsed.'],
        },
      },
      {
        daysAgo: 5, assessor: 'change', results: {
          'TECH-01': ['met', 'Targets agreed.'],
          'TECH-02': ['met', 'Serving at full desk volume.'],
          'TECH-03': ['met', 'Availability 99.9% over the rollout.'],
          'TECH-04': ['partial', 'Cost per ticket above target when agents regenerate answers.'],
          'TECH-05': ['met', 'One production path.'],
          'TECH-06': ['met', 'Suggestions and edits logged.'],
          'WF-01': ['not-met', 'Agents and team leads were not involved in the design.'],
          'WF-02': ['partial', 'Agents know the tool exists; few know when to trust it.'],
          'WF-03': ['not-met', 'No training delivered beyond a recorded demo.'],
          'WF-04': ['partial', 'Discard works; nobody reports bad answers.'],
          'WF-05': ['not-met', 'Under queue pressure agents return to the old knowledge base.'],
          'ECON-01': ['met', 'Baseline handling time measured.'],
          'ECON-02': ['partial', 'Savings assume 80% usage; actual is about 20%.'],
          'ECON-03': ['partial', 'Adoption and support costs missing from the TCO.'],
          'ECON-04': ['met', 'Run costs funded for this year.'],
        },
      },
    ],
    monitors: [
      aiShareMonitor('DESK', series(28, 19, 21)),
      legacyMonitor('DESK', series(28, 47, 44)),
    ],
  },

  KYC: {
    roles: { 'output-owner': 'kycops' },
    assessments: [
      {
        daysAgo: 8, assessor: 'change', results: {
          'TECH-01': ['met', 'Extraction targets agreed: 95% field accuracy, under 30 s a document.'],
          'TECH-02': ['partial', 'Runs at Edinburgh volume; not yet at group volume.'],
          'WF-01': ['met', 'KYC analysts co-designed the review screen.'],
          'WF-02': ['met', 'Analysts describe their changed role in the adoption survey (92% positive).'],
          'WF-03': ['met', 'Training delivered to every analyst, with floor-walkers for two weeks.'],
          'WF-04': ['met', 'Analysts correct wrong extractions in the review screen.'],
          'GOV-01': ['not-met', 'No executive owns the production outcome: the Director of Savings left in the spring.'],
          'GOV-02': ['not-met', 'Only the output owner is named.'],
          'GOV-03': ['partial', 'Accuracy threshold written by the team; nobody with authority approved it.'],
          'ECON-01': ['partial', 'Baseline measured for Edinburgh only.'],
        },
      },
    ],
    monitors: [
      aiShareMonitor('KYC', series(28, 48, 81)),
    ],
  },

  FORECAST: {
    roles: { 'output-owner': 'wfm', 'drift-monitor': 'datasci', 'retraining-authoriser': 'cdo', 'regulated-escalation-owner': 'compliance' },
    assessments: [
      {
        daysAgo: 30, assessor: 'wfm', results: Object.fromEntries([
          'TECH-01', 'TECH-02', 'TECH-03', 'TECH-04', 'TECH-05', 'TECH-06', 'GOV-01', 'GOV-02', 'GOV-03', 'GOV-04', 'GOV-05', 'GOV-06', 'GOV-07',
          'WF-01', 'WF-02', 'WF-03', 'WF-04', 'WF-05', 'ECON-01', 'ECON-02', 'ECON-03', 'ECON-04', 'ECON-05', 'ECON-06',
        ].map((code): [string, DemoResult] => [code, ['met', 'Reviewed at the quarterly production review; evidence in the program wiki.']])),
      },
    ],
    monitors: [
      driftMonitor('FORECAST', series(21, 0.04, 0.06)),
      aiShareMonitor('FORECAST', series(28, 84, 87)),
      legacyMonitor('FORECAST', series(28, 6, 5)),
    ],
  },

  CONTRACTS: {
    roles: {},
    assessments: [
      {
        daysAgo: 3, assessor: 'legalops', results: {
          'TECH-01': ['partial', 'Volumes known; latency target not set until build-or-buy is decided.'],
          'GOV-01': ['met', 'The General Counsel owns the outcome.'],
          'ECON-01': ['not-met', 'No baseline of review time per contract yet.'],
        },
      },
    ],
    monitors: [],
  },
};
