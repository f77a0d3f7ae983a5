import type { DemoProgram } from '../demo-types.js';
import { SHARED_PLATFORM_SLUG } from './claims-triage.program.js';

/** Adoption without ownership: analysts love it, nobody with authority owns it. No sponsor on purpose. */
export const KYC_EXTRACTION: DemoProgram = {
  key: 'KYC',
  name: 'KYC document extraction',
  description:
    'Reads passports, driving licences, utility bills and company-registry extracts sent in when customers open savings ' +
    'and investment accounts, pre-fills the customer due-diligence record and flags mismatches for an analyst. Started in ' +
    'the innovation lab with the Edinburgh onboarding team; analysts now run it on about 40% of new applications.',
  businessUnit: 'Savings and Investments Onboarding',
  phase: 'pilot',
  sponsor: null,
  targetProduction: -20,
  riskClass: 'limited',
  failureMode: {
    mode: 'adoption-without-ownership',
    note:
      'Analysts are trained, use it daily and ask for more; the workforce items are all closed. The Director of Savings ' +
      'Operations who sponsored the pilot left in the last reorganisation and nobody took the program over. The target ' +
      'date has passed, the governance and economic constraints are 40 to 90 days overdue, none was re-planned, and no escalation ever fired.',
  },
  constraints: [
    {
      slug: 'kyc-training', title: 'Onboarding analysts trained on the review-and-correct workflow',
      kind: 'blocker', dimension: 'workforce', owner: 'kycops', due: -75, status: 'resolved', severity: 'medium',
      description: 'All 34 analysts in Edinburgh and Leeds completed the workflow training and a supervised week on live applications.',
    },
    {
      slug: 'kyc-champions', title: 'Champion network in the Edinburgh and Leeds onboarding teams',
      kind: 'risk', dimension: 'workforce', owner: 'change', due: -52, status: 'resolved', severity: 'low',
      description: 'Five analyst champions hold a weekly drop-in and collect extraction errors; attendance is still above twenty.',
    },
    {
      slug: 'kyc-procedure', title: 'Onboarding procedure rewritten for extraction-assisted review',
      kind: 'dependency', dimension: 'workforce', owner: 'kycops', due: -44, status: 'resolved', severity: 'medium',
      description:
        'The desk procedure now says which fields the analyst must check against the image and which they may accept, ' +
        'so the time saved is not lost to re-keying everything out of caution.',
    },
    {
      slug: 'kyc-sponsor', title: 'No executive accountable for KYC extraction outcomes',
      kind: 'blocker', dimension: 'governance', owner: 'coo', due: -62, status: 'open', severity: 'critical',
      description:
        'The pilot sponsor left in the reorganisation four months ago. Nobody with authority across onboarding, technology and financial crime now decides ' +
        'scope, budget or go-live; the item was handed to the COO\'s office at the reorganisation and has not been picked up.',
    },
    {
      slug: 'kyc-error-threshold', title: 'No accepted error rate for misread document numbers and dates of birth',
      kind: 'risk', dimension: 'governance', owner: 'modelrisk', due: -90, status: 'open', severity: 'high',
      description:
        'Extraction misreads about 1.8% of passport numbers, mostly on worn laminates. Nobody has decided what error rate is ' +
        'acceptable for fields an analyst may accept without checking, so the procedure cannot be signed off as a control.',
    },
    {
      slug: 'kyc-mlro-approval', title: 'MLRO has not accepted extraction-assisted checks as meeting due-diligence obligations',
      kind: 'blocker', dimension: 'governance', owner: 'mlro', due: -48, status: 'open', severity: 'critical',
      dependsOn: ['kyc-error-threshold'],
      description:
        'Until the Money Laundering Reporting Officer agrees that the assisted check is as good as the manual one, every ' +
        'pilot application is still a manual check on paper, and the pilot cannot be extended to the other onboarding sites.',
    },
    {
      slug: 'kyc-sanctions', title: 'No route when extraction and the analyst disagree on a sanctions name match',
      kind: 'risk', dimension: 'governance', owner: 'mlro', due: -75, status: 'open', severity: 'high',
      description:
        'Transliterated names are extracted in a different spelling from the one the analyst types, and the screening tool ' +
        'then returns different hits. There is no rule for which spelling is screened or who resolves the difference.',
    },
    {
      slug: 'kyc-retention', title: 'Document images kept in extraction logs beyond the retention policy',
      kind: 'risk', dimension: 'governance', owner: 'dpo', due: -33, status: 'open', severity: 'high',
      description:
        'The vendor service keeps request logs with full document images for 180 days; the retention schedule allows 30 ' +
        'days outside the customer record. Changing the setting needs a contract variation that nobody has requested.',
    },
    {
      slug: 'kyc-budget', title: 'No production budget: the pilot runs on the innovation lab cost centre',
      kind: 'blocker', dimension: 'economic', owner: 'financebp', due: -41, status: 'open', severity: 'high',
      dependsOn: ['kyc-sponsor'],
      description:
        'The lab funds pilots for twelve months and the year is nearly up. Savings Operations has not put the run cost in ' +
        'its budget because nobody there owns the program.',
    },
    {
      slug: 'kyc-vendor-licence', title: 'Pilot licence for the extraction service expires',
      kind: 'dependency', dimension: 'economic', owner: 'procurement', due: 5, status: 'open', severity: 'high',
      dependsOn: ['kyc-budget'],
      description:
        'The pilot licence is capped at 60,000 pages a year and lapses a few days after this deadline. A production licence needs a budget holder ' +
        'to sign; without one the service stops and analysts go back to keying every document.',
    },
    {
      slug: 'kyc-serving', title: 'Signature and photo checks run on single-site model serving',
      kind: 'dependency', dimension: 'technical', owner: 'platform', due: -25, status: 'open', severity: 'high',
      dependsOn: [SHARED_PLATFORM_SLUG],
      description:
        'The in-house face-match and signature models run on the shared serving cluster; onboarding cannot meet its ' +
        'recovery target while that cluster has no second site.',
    },
  ],
};
