/**
 * The words RAID logs and risk registers use, mapped to Handoff's fields and values. Everything is
 * compared "squeezed": lower case, accents, spaces and punctuation removed, so "Due date", "due_date"
 * and "DUE-DATE" are the same word. Lists are in priority order: when several columns could be the
 * title, the one named by the earlier synonym wins.
 */
import {
  CONSTRAINT_KINDS, CONSTRAINT_STATUSES, DIMENSIONS, PHASES, SEVERITIES,
  type ConstraintKind, type ConstraintStatus, type Dimension, type Phase, type Severity,
} from './vocabulary.js';

/** The fields a spreadsheet column can fill. `owner` is an e-mail; `gate` is the gate the constraint blocks. */
export const IMPORT_FIELDS = ['title', 'description', 'kind', 'dimension', 'owner', 'deadline', 'status', 'severity', 'gate'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The fields that may be given a file-wide default instead of (or for empty cells of) a column. */
export const DEFAULTABLE_FIELDS = ['kind', 'dimension', 'status', 'severity', 'gate'] as const;
export type DefaultableField = (typeof DEFAULTABLE_FIELDS)[number];

/** Lower case letters and digits only, accents removed: the form headers and values are compared in. */
export function squeeze(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** Column headers recognised without an explicit mapping, per field, best first. */
export const HEADER_SYNONYMS: Readonly<Record<ImportField, readonly string[]>> = {
  title: ['Title', 'Summary', 'Name', 'Risk', 'Issue', 'Risk title', 'Issue title', 'Risk name', 'Short description', 'Headline', 'Subject', 'Constraint', 'Item'],
  description: ['Description', 'Details', 'Detail', 'Risk description', 'Issue description', 'Notes', 'Comments', 'Context'],
  kind: ['Type', 'Kind', 'Category', 'RAID type', 'RAID', 'RAID category', 'Item type', 'Log type', 'Constraint type'],
  dimension: ['Dimension', 'Readiness dimension', 'Area', 'Workstream', 'Work stream', 'Stream', 'Domain', 'Pillar'],
  owner: ['Owner email', 'Owner e-mail', 'Owner', 'Assigned to', 'Assignee', 'Action owner', 'Risk owner', 'Issue owner', 'Owned by', 'Responsible'],
  deadline: ['Deadline', 'Due date', 'Due', 'Due by', 'Target date', 'Target resolution date', 'Resolution date', 'Target', 'Date due', 'By when'],
  status: ['Status', 'State', 'Risk status', 'Issue status'],
  severity: ['Severity', 'Priority', 'Impact', 'Rating', 'Risk rating', 'Risk level', 'Criticality', 'RAG', 'RAG status'],
  gate: ['Gate', 'Blocks gate', 'Blocked gate', 'Phase gate', 'Blocks', 'Phase'],
};

/** Names accepted for a field in an explicit mapping or default (`owner email`, `blocksGate`, …), besides the field itself. */
const FIELD_ALIASES: Readonly<Record<ImportField, readonly string[]>> = {
  title: ['summary'], description: ['details'], kind: ['type', 'category'], dimension: ['area', 'workstream'],
  owner: ['owner email', 'ownerId', 'email'], deadline: ['due', 'due date'], status: ['state'],
  severity: ['priority', 'impact'], gate: ['blocks gate', 'blocksGate', 'phase'],
};

/** Kind words: the RAID letters read Risk → risk, Assumption → risk, Issue → blocker, Dependency → dependency. */
export const KIND_SYNONYMS: Readonly<Record<ConstraintKind, readonly string[]>> = {
  blocker: ['Blocker', 'Issue', 'I', 'Problem', 'Impediment', 'Obstacle', 'Blocked'],
  dependency: ['Dependency', 'D', 'Dep', 'Dependence', 'Dependent', 'Prerequisite', 'Prereq'],
  risk: ['Risk', 'R', 'Assumption', 'A', 'Threat', 'Concern'],
};

/** Status words. Anything closed without being tolerated is `resolved`; a tolerated risk is `accepted`. */
export const STATUS_SYNONYMS: Readonly<Record<ConstraintStatus, readonly string[]>> = {
  open: ['Open', 'New', 'To do', 'Not started', 'Raised', 'Identified', 'Active', 'Live', 'Proposed', 'Pending', 'Reopened', 'Outstanding', 'Backlog', 'On hold', 'Blocked'],
  in_progress: ['In progress', 'WIP', 'Ongoing', 'Started', 'Underway', 'In hand', 'Working', 'Mitigating', 'Being mitigated', 'Monitoring', 'In review'],
  resolved: ['Resolved', 'Closed', 'Done', 'Complete', 'Completed', 'Fixed', 'Mitigated', 'Retired', 'Cancelled', 'Canceled', 'Withdrawn', 'Obsolete', 'Superseded'],
  accepted: ['Accepted', 'Accept', 'Tolerated', 'Tolerate', 'Risk accepted', "Won't fix"],
};

/**
 * Severity words. P-numbers follow the ITIL priority scale (P1 critical … P4 low); RAG colours have
 * three levels, so red is high and only an explicit word reaches critical. Bare numbers are refused:
 * some registers count up (5 = worst), others down (1 = worst).
 */
export const SEVERITY_SYNONYMS: Readonly<Record<Severity, readonly string[]>> = {
  critical: ['Critical', 'Crit', 'Very high', 'VH', 'Highest', 'Severe', 'Extreme', 'Showstopper', 'Blocker', 'Urgent', 'P0', 'P1', 'Sev1', 'S1'],
  high: ['High', 'H', 'Major', 'Significant', 'P2', 'Sev2', 'S2', 'Red'],
  medium: ['Medium', 'Med', 'M', 'Moderate', 'Normal', 'P3', 'Sev3', 'S3', 'Amber', 'Yellow'],
  low: ['Low', 'L', 'Minor', 'Very low', 'VL', 'Lowest', 'Trivial', 'Negligible', 'Insignificant', 'P4', 'P5', 'Sev4', 'S4', 'Green'],
};

/** Readiness-dimension words (METHOD.md section 2). */
export const DIMENSION_SYNONYMS: Readonly<Record<Dimension, readonly string[]>> = {
  technical: ['Technical', 'Tech', 'Technology', 'Architecture', 'Infrastructure', 'Infra', 'Data', 'Platform', 'Engineering', 'IT', 'Security', 'Integration'],
  governance: ['Governance', 'Gov', 'Compliance', 'Legal', 'Regulatory', 'Regulation', 'Ethics', 'Policy', 'Privacy', 'Audit', 'Model risk'],
  workforce: ['Workforce', 'People', 'Adoption', 'Change', 'Change management', 'Training', 'Skills', 'HR', 'Culture', 'Organisation', 'Organization'],
  economic: ['Economic', 'Economics', 'Finance', 'Financial', 'Commercial', 'Cost', 'Costs', 'Budget', 'Business case', 'Value', 'ROI', 'Funding'],
};

/** Gate (phase) words. */
export const GATE_SYNONYMS: Readonly<Record<Phase, readonly string[]>> = {
  discovery: ['Discovery', 'Discover', 'Ideation', 'Exploration'],
  pilot: ['Pilot', 'POC', 'Proof of concept', 'Prototype', 'Experiment'],
  'production-readiness': ['Production readiness', 'Prod readiness', 'Readiness', 'Pre-production', 'Preprod'],
  'limited-rollout': ['Limited rollout', 'Rollout', 'Limited release', 'Beta', 'Canary', 'Soft launch'],
  production: ['Production', 'Prod', 'Go live', 'Live', 'Launch', 'GA', 'General availability'],
};

/** A lookup from squeezed word to value; every canonical value is also its own synonym. */
function lookup<V extends string>(values: readonly V[], table: Readonly<Record<V, readonly string[]>>): ReadonlyMap<string, V> {
  const map = new Map<string, V>();
  for (const value of values) {
    for (const word of [value, ...table[value]]) map.set(squeeze(word), value);
  }
  return map;
}

const KINDS = lookup(CONSTRAINT_KINDS, KIND_SYNONYMS);
const STATUSES = lookup(CONSTRAINT_STATUSES, STATUS_SYNONYMS);
const SEVERITY_WORDS = lookup(SEVERITIES, SEVERITY_SYNONYMS);
const DIMENSION_WORDS = lookup(DIMENSIONS, DIMENSION_SYNONYMS);
const GATES = lookup(PHASES, GATE_SYNONYMS);
const FIELDS = lookup(IMPORT_FIELDS, FIELD_ALIASES);

/** The values each defaultable field takes, by field. */
export interface FieldValues {
  readonly kind: ConstraintKind;
  readonly dimension: Dimension;
  readonly status: ConstraintStatus;
  readonly severity: Severity;
  readonly gate: Phase;
}

const WORDS: { readonly [F in DefaultableField]: ReadonlyMap<string, FieldValues[F]> } = {
  kind: KINDS, dimension: DIMENSION_WORDS, status: STATUSES, severity: SEVERITY_WORDS, gate: GATES,
};
const CANONICAL: Readonly<Record<DefaultableField, readonly string[]>> = {
  kind: CONSTRAINT_KINDS, dimension: DIMENSIONS, status: CONSTRAINT_STATUSES, severity: SEVERITIES, gate: PHASES,
};

/** A word read as a field's value, or why it cannot be. */
export type ValueParse<V> = { readonly kind: 'value'; readonly value: V } | { readonly kind: 'invalid'; readonly reason: string };

/** Reads a word as the value of `field` through its synonym table (case, spaces and punctuation ignored). */
export function parseFieldValue<F extends DefaultableField>(field: F, word: string): ValueParse<FieldValues[F]> {
  const found = WORDS[field].get(squeeze(word));
  if (found !== undefined) return { kind: 'value', value: found };
  const text = word.trim();
  if (field === 'severity' && /^\d+$/.test(text)) {
    return { kind: 'invalid', reason: `severity "${text}" is a bare number, which some registers count up and others down; use low, medium, high, critical or P1–P4` };
  }
  return { kind: 'invalid', reason: `${field} "${text}" is not recognised; use one of ${CANONICAL[field].join(', ')}` };
}

/** Reads a field name as written in a mapping (`owner email` → owner, `blocksGate` → gate), or undefined. */
export function parseFieldName(name: string): ImportField | undefined {
  return FIELDS.get(squeeze(name));
}
