import type { Dimension, Framework, Phase } from './vocabulary.js';

/**
 * The default readiness criteria every workspace starts with, written from METHOD.md section 2 in our
 * own words. Each cites the framework provisions it helps evidence: NIST AI RMF 1.0 subcategories,
 * ISO/IEC 42001:2023 Annex A controls and EU AI Act (Regulation (EU) 2024/1689) articles. A citation says
 * "this criterion contributes evidence for that provision", not "meeting it satisfies the provision".
 * Workspaces edit, add and retire criteria; this list is only the starting point.
 */

/** A reference from a criterion to a provision of a governance framework. */
export interface FrameworkRef {
  readonly framework: Framework;
  readonly id: string;
}

/** A criterion of the library as data: stable code, dimension, statement, guidance for assessors, required flag, first gate, references. */
export interface CriterionDefinition {
  readonly code: string;
  readonly dimension: Dimension;
  readonly text: string;
  readonly guidance: string;
  readonly required: boolean;
  readonly gate: Phase;
  readonly refs: readonly FrameworkRef[];
}

/**
 * A criterion code: an upper-case letter, then letters and digits, in at most four hyphen-separated parts
 * (`GOV-02`, `SEC-AI-1`); up to 40 characters. Four parts at most, so a code never has the shape of a UUID.
 */
export const CRITERION_CODE_PATTERN = /^[A-Z][A-Z0-9]{0,15}(-[A-Z0-9]{1,16}){0,3}$/;

/**
 * The shape of a provision id in each framework: NIST AI RMF `GOVERN 2.1`, ISO/IEC 42001 Annex A `A.6.2.6`,
 * EU AI Act `Art. 14` (a paragraph may follow: `Art. 26(2)`). Shape only: whether the provision exists is
 * the author's responsibility.
 */
export const FRAMEWORK_REF_PATTERNS: Readonly<Record<Framework, RegExp>> = {
  'nist-ai-rmf': /^(GOVERN|MAP|MEASURE|MANAGE) \d{1,2}\.\d{1,2}$/,
  'iso-42001': /^A\.\d{1,2}(\.\d{1,2}){1,2}$/,
  'eu-ai-act': /^Art\. \d{1,3}[a-z]?(\(\d{1,2}\))?$/,
};

const nist = (id: string): FrameworkRef => ({ framework: 'nist-ai-rmf', id });
const iso = (id: string): FrameworkRef => ({ framework: 'iso-42001', id });
const euAct = (id: string): FrameworkRef => ({ framework: 'eu-ai-act', id });

/** The default library, by dimension then code. */
export const DEFAULT_CRITERIA: readonly CriterionDefinition[] = [
  // Technical: runs at target scale within its targets, on one production path.
  { code: 'TECH-01', dimension: 'technical', gate: 'pilot', required: true,
    text: 'Target production scale and the latency, reliability and cost targets are written down before the pilot starts.',
    guidance: 'Evidence: the agreed volumes (transactions per day, peak load) and the numeric targets, signed off by the output owner.',
    refs: [nist('MAP 1.1'), nist('MAP 3.3'), iso('A.6.2.2')] },
  { code: 'TECH-02', dimension: 'technical', gate: 'production-readiness', required: true,
    text: 'The system runs at target production volume within its latency target.',
    guidance: 'Evidence: a load or shadow-traffic test at production volume, with the measured p95 latency against the target.',
    refs: [nist('MEASURE 2.5'), iso('A.6.2.4'), euAct('Art. 15')] },
  { code: 'TECH-03', dimension: 'technical', gate: 'production-readiness', required: true,
    text: 'Reliability targets (availability, error rate) are met under production load, and recovery from failure has been tested.',
    guidance: 'Evidence: measured availability and error rate over a representative period, and the record of a recovery or fallback drill.',
    refs: [nist('MANAGE 2.3'), iso('A.6.2.5'), euAct('Art. 15')] },
  { code: 'TECH-04', dimension: 'technical', gate: 'production-readiness', required: true,
    text: 'Cost per transaction at target scale is measured and within the agreed cost target.',
    guidance: 'Evidence: compute, licence and storage cost at production volume divided by transactions, compared with the target in the business case.',
    refs: [iso('A.4.5')] },
  { code: 'TECH-05', dimension: 'technical', gate: 'production-readiness', required: true,
    text: 'No infrastructure is duplicated across shadow environments: one production path, with pilot environments retired or folded into it.',
    guidance: 'Evidence: the inventory of environments running the system, each with an owner and a purpose; leftover pilot stacks are listed for removal.',
    refs: [nist('GOVERN 1.6'), iso('A.4.5'), iso('A.6.2.5')] },
  { code: 'TECH-06', dimension: 'technical', gate: 'production-readiness', required: true,
    text: 'Inputs, outputs and model versions are logged so that any production output can be traced back.',
    guidance: 'Evidence: a sample output traced to its input and model version from the logs; the retention period.',
    refs: [iso('A.6.2.8'), euAct('Art. 12')] },

  // Governance: named people own the outcome and the risk; thresholds are watched and escalate.
  { code: 'GOV-01', dimension: 'governance', gate: 'pilot', required: true,
    text: 'One named executive owns the production outcome, with authority across technology, operations and workforce.',
    guidance: 'A person, not a committee or a budget line. Evidence: the mandate naming them and what they can decide.',
    refs: [nist('GOVERN 2.3'), iso('A.3.2')] },
  { code: 'GOV-02', dimension: 'governance', gate: 'production-readiness', required: true,
    text: 'Every required governance role is held by a named person: output owner, drift monitor, retraining authoriser, escalation owner for regulated interactions.',
    guidance: 'The ownership map shows no vacancy; each holder has accepted the role. Vacant roles keep governance unmet regardless of this result.',
    refs: [nist('GOVERN 2.1'), iso('A.3.2'), euAct('Art. 26')] },
  { code: 'GOV-03', dimension: 'governance', gate: 'production-readiness', required: true,
    text: 'Risk thresholds are defined: the drift, accuracy and harm levels beyond which the system must not keep running unattended.',
    guidance: 'Evidence: each threshold with its metric, unit and warning and breach values, and the risk tolerance it comes from.',
    refs: [nist('MAP 1.5'), nist('GOVERN 1.3'), euAct('Art. 9')] },
  { code: 'GOV-04', dimension: 'governance', gate: 'production-readiness', required: true,
    text: 'The thresholds are monitored in production, and a breach escalates through a defined protocol to named people.',
    guidance: 'Evidence: the monitors and their owners, and a test breach that reached the right person and opened a constraint.',
    refs: [nist('MEASURE 2.4'), nist('MANAGE 4.1'), iso('A.6.2.6'), euAct('Art. 9')] },
  { code: 'GOV-05', dimension: 'governance', gate: 'production-readiness', required: true,
    text: 'Human oversight is defined: who may override, pause or roll back the system, and how.',
    guidance: 'Evidence: the override and stop procedure, the people allowed to use it, and a rehearsal.',
    refs: [nist('MAP 3.5'), nist('MANAGE 2.4'), iso('A.9.2'), euAct('Art. 14'), euAct('Art. 26')] },
  { code: 'GOV-06', dimension: 'governance', gate: 'production-readiness', required: true,
    text: 'The impact of the system on the people affected by its outputs has been assessed and recorded.',
    guidance: 'Evidence: the impact assessment, its date and who approved it; for high-risk uses, the fundamental-rights assessment where one is due.',
    refs: [nist('MAP 5.1'), iso('A.5.2'), iso('A.5.4'), euAct('Art. 27')] },
  { code: 'GOV-07', dimension: 'governance', gate: 'limited-rollout', required: true,
    text: 'Incidents and serious errors have a reporting route that reaches the accountable people, and regulators where required, in time.',
    guidance: 'Evidence: the incident procedure, contacts and time limits; a past incident or drill that followed it.',
    refs: [nist('MANAGE 4.3'), nist('GOVERN 4.3'), iso('A.8.4')] },

  // Workforce: the people who work with the system understand it, were supported, and do not fall back.
  { code: 'WF-01', dimension: 'workforce', gate: 'pilot', required: true,
    text: 'Frontline teams and business-unit heads affected by the change take part in designing the new way of working.',
    guidance: 'Evidence: who was involved, when, and what changed because of their input.',
    refs: [] },
  { code: 'WF-02', dimension: 'workforce', gate: 'production-readiness', required: true,
    text: 'People whose work changes understand their new role, and what the system does and does not do.',
    guidance: 'Evidence: updated role descriptions or procedures, and a check of understanding (survey, walkthrough) with its results.',
    refs: [nist('MAP 3.4'), euAct('Art. 4')] },
  { code: 'WF-03', dimension: 'workforce', gate: 'production-readiness', required: true,
    text: 'Transition support has been delivered: training, time to learn, and a named point of contact for the affected teams.',
    guidance: 'Evidence: training completion by team, the support channel and who staffs it.',
    refs: [nist('GOVERN 2.2'), iso('A.4.6'), euAct('Art. 4')] },
  { code: 'WF-04', dimension: 'workforce', gate: 'production-readiness', required: true,
    text: 'Operators can recognise a wrong output and know how to override it or escalate it.',
    guidance: 'Evidence: the override and escalation steps in the operating procedure, and operators trained on them.',
    refs: [nist('MAP 3.4'), iso('A.9.2'), euAct('Art. 14'), euAct('Art. 26')] },
  { code: 'WF-05', dimension: 'workforce', gate: 'production', required: true,
    text: 'Teams do not fall back to the legacy process under pressure: the share of work done through the system holds at its target.',
    guidance: 'Evidence: the AI-share and legacy-fallback readings over the last weeks, including the busiest period.',
    refs: [nist('MANAGE 2.2')] },

  // Economic: the case rests on production economics and the full cost of ownership.
  { code: 'ECON-01', dimension: 'economic', gate: 'pilot', required: true,
    text: 'The value the program must deliver is agreed with the business owner, with a baseline measured before rollout.',
    guidance: 'Evidence: the value measure, its baseline and how it will be measured after rollout.',
    refs: [nist('MAP 1.3'), nist('MAP 3.1')] },
  { code: 'ECON-02', dimension: 'economic', gate: 'production-readiness', required: true,
    text: 'The business case uses production economics (volumes and unit costs at scale), not pilot figures.',
    guidance: 'Evidence: the business case with volumes and unit costs at target scale, reviewed by finance.',
    refs: [nist('MAP 3.1')] },
  { code: 'ECON-03', dimension: 'economic', gate: 'production-readiness', required: true,
    text: 'Total cost of ownership covers adoption, monitoring, governance and ongoing workforce support, not just compute and licences.',
    guidance: 'Evidence: the TCO broken down by these lines, each with an owner and an estimate.',
    refs: [nist('MANAGE 2.1'), iso('A.4.2')] },
  { code: 'ECON-04', dimension: 'economic', gate: 'production-readiness', required: true,
    text: 'Run costs beyond the pilot (monitoring, retraining, support) are funded in an approved budget.',
    guidance: 'Evidence: the budget line and its approver, covering at least the first year in production.',
    refs: [nist('MANAGE 2.2')] },
  { code: 'ECON-05', dimension: 'economic', gate: 'production-readiness', required: false,
    text: 'The cost of a non-AI alternative, and of exiting the system, has been considered.',
    guidance: 'Evidence: the alternative and exit options compared with the business case.',
    refs: [nist('MANAGE 2.1')] },
  { code: 'ECON-06', dimension: 'economic', gate: 'production', required: true,
    text: 'Realised value is tracked against the business case after rollout.',
    guidance: 'Evidence: the value measure reported against its baseline and target, with the date of the last report.',
    refs: [nist('MANAGE 2.2'), nist('MANAGE 4.2')] },
];
