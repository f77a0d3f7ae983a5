import type { DemoProgram } from '../demo-types.js';
import { SHARED_PLATFORM_SLUG } from './claims-triage.program.js';

/** A pilot with a strong model and the ownership questions still open. */
export const FRAUD_PRIORITISATION: DemoProgram = {
  key: 'FRAUD',
  name: 'Fraud alert prioritisation',
  description:
    'Ranks the 1,900 counter-fraud alerts the rules engine raises each week so investigators open the likeliest frauds ' +
    'first. Piloted on motor and home claims alerts with the Bristol investigation team; in back-testing the top fifth of ' +
    'the ranking held 71% of confirmed frauds.',
  businessUnit: 'Counter-Fraud',
  phase: 'pilot',
  sponsor: 'cro',
  targetProduction: 150,
  riskClass: 'limited',
  failureMode: {
    mode: 'architecture-without-governance',
    note:
      'Early signs only: the ranking beats the rules queue, but nobody owns the threshold below which alerts wait, and ' +
      'there is no look-back at low-ranked alerts that turn out to be fraud. Settle ownership before the pilot widens.',
  },
  constraints: [
    {
      slug: 'fraud-backtest', title: 'Back-test against 18 months of closed alerts',
      kind: 'blocker', dimension: 'technical', owner: 'datasci', due: -25, status: 'resolved', severity: 'high',
      description: 'Done on 96,000 alerts; results reviewed with the investigation team leads, who recognised the top-ranked cases.',
    },
    {
      slug: 'fraud-explanations', title: 'Investigators cannot see why an alert is ranked high',
      kind: 'risk', dimension: 'technical', owner: 'datasci', due: -6, status: 'resolved', severity: 'medium',
      description: 'The case screen now shows the three strongest reasons behind each rank, in the investigators\' own terms.',
    },
    {
      slug: 'fraud-labels', title: 'Investigation outcomes not recorded consistently',
      kind: 'blocker', dimension: 'technical', owner: 'dataeng', due: 6, status: 'in_progress', severity: 'high',
      description:
        'Closed cases are marked "no further action" whether the claim was genuine or the evidence was thin, so the model ' +
        'learns from muddled labels. The case-management change adds a mandatory outcome field.',
      replans: [
        { from: -34, reason: 'Case-management supplier could not fit the field change into its quarterly release.' },
        { from: -12, reason: 'Field change slipped to the next quarterly release; interim manual relabelling of 2,000 historic cases agreed instead.' },
      ],
    },
    {
      slug: 'fraud-rules-feed', title: 'Rules-engine alerts exported only overnight',
      kind: 'dependency', dimension: 'technical', owner: 'architect', due: 16, status: 'open', severity: 'medium',
      description: 'Ranking is a day behind the alert. An event feed from the rules engine is needed for same-day triage of payments at risk.',
    },
    {
      slug: 'fraud-serving', title: 'Same-day ranking needs the serving platform in two data centres',
      kind: 'dependency', dimension: 'technical', owner: 'platform', due: 30, status: 'open', severity: 'high',
      dependsOn: [SHARED_PLATFORM_SLUG, 'fraud-rules-feed'],
      description:
        'Once ranking runs on live alerts, an outage means payments on suspicious claims go out unchecked; it cannot run on ' +
        'a single-site cluster.',
    },
    {
      slug: 'fraud-threshold-owner', title: 'Nobody owns the threshold below which alerts wait',
      kind: 'blocker', dimension: 'governance', owner: 'fraud', due: -10, status: 'open', severity: 'high',
      description:
        'Investigators can work about 600 alerts a week, so the rest wait. Where that line sits is a risk-appetite decision ' +
        'that Counter-Fraud and Risk each expect the other to make.',
    },
    {
      slug: 'fraud-lookback', title: 'No review of low-ranked alerts later confirmed as fraud',
      kind: 'risk', dimension: 'governance', owner: 'modelrisk', due: 4, status: 'open', severity: 'high',
      dependsOn: ['fraud-threshold-owner'],
      description:
        'A monthly look-back at frauds found among deprioritised alerts is the only way to know what the threshold costs; ' +
        'it needs the threshold owner to act on what it finds.',
    },
    {
      slug: 'fraud-proxy', title: 'Postcode features may act as a proxy for ethnicity',
      kind: 'risk', dimension: 'governance', owner: 'cdo', due: -25, status: 'in_progress', severity: 'critical',
      description:
        'Two of the ten strongest features are postcode-level claim rates. A fairness test across postcode deprivation ' +
        'and ethnicity estimates was promised before the pilot widened and is half done.',
    },
    {
      slug: 'fraud-dpia', title: 'DPIA for claims history and third-party data in the ranking',
      kind: 'dependency', dimension: 'governance', owner: 'dpo', due: 7, status: 'in_progress', severity: 'high',
      description: 'Industry claims-database matches are used as features; the lawful basis and the information given to claimants must be confirmed.',
    },
    {
      slug: 'fraud-trust', title: 'Investigators still work alerts in arrival order',
      kind: 'risk', dimension: 'workforce', owner: 'fraud', due: 20, status: 'in_progress', severity: 'medium',
      description:
        'Half the Bristol team sorts by date out of habit and fairness to claimants who reported first. Weekly case reviews ' +
        'compare ranked and unranked picks.',
    },
    {
      slug: 'fraud-targets', title: 'Investigator targets count alerts closed, not fraud found',
      kind: 'blocker', dimension: 'workforce', owner: 'hrbp', due: 35, status: 'open', severity: 'medium',
      description: 'Ranked queues put harder cases first, so closure counts fall; targets must change before the pilot goes wider.',
    },
    {
      slug: 'fraud-savings', title: 'Business case counts prevented payouts only',
      kind: 'risk', dimension: 'economic', owner: 'financebp', due: -2, status: 'open', severity: 'medium',
      description:
        'Investigator time saved and the cost of monitoring, look-backs and relabelling are missing, so the case cannot be ' +
        'compared with the rules-only alternative.',
    },
  ],
};
