import type { DemoProgram } from '../demo-types.js';

/** Slug of the shared platform constraint that constraints of several other programs depend on. */
export const SHARED_PLATFORM_SLUG = 'claims-serving-ha';

/** Architecture without governance: the technology is ready, nobody owns what it decides. */
export const CLAIMS_TRIAGE: DemoProgram = {
  key: 'CLAIMS',
  name: 'Claims triage',
  description:
    'Scores every first notification of loss for motor and home claims and routes it: straight-through fast track for ' +
    'glass and single-vehicle damage under £3,000, a specialist handler for injury, suspected fraud or a vulnerable ' +
    'customer. The Bristol motor pilot cut time to first contact from 3.2 days to 0.8 days across 11,400 claims.',
  businessUnit: 'Claims Operations',
  phase: 'production-readiness',
  sponsor: 'coo',
  targetProduction: 70,
  riskClass: 'limited',
  failureMode: {
    mode: 'architecture-without-governance',
    note:
      'Pipeline, latency, integration and security work closed on time; every open governance item is about ownership: ' +
      'no named owner of routing decisions, no drift monitoring, no authority to retrain or roll back, and the ' +
      'vulnerable-customer escalation path is still being argued. Technical readiness high, governance readiness low.',
  },
  constraints: [
    {
      slug: SHARED_PLATFORM_SLUG, title: 'Model-serving platform lacks high availability in the secondary data centre',
      kind: 'blocker', dimension: 'technical', owner: 'platform', due: -11, status: 'in_progress', severity: 'critical',
      description:
        'The shared model-serving cluster runs only in the Slough data centre. In the last failover test the claims ' +
        'system moved to Leeds but the models did not, and first-notification routing fell back to the manual queue for ' +
        'six hours. The operational resilience policy gives claims intake a four-hour recovery limit, so no model on the ' +
        'platform can pass a production gate until serving runs active-passive in Leeds.',
      replans: [{
        from: -39,
        reason: 'GPU nodes for the Leeds hall arrived five weeks late from the hardware supplier; failover build re-planned from the new delivery date.',
      }],
    },
    {
      slug: 'claims-latency', title: 'Scoring latency above 800 ms at storm-day volume',
      kind: 'blocker', dimension: 'technical', owner: 'platform', due: -46, status: 'resolved', severity: 'high',
      description:
        'The load test at three times normal intake (the worst storm day of last year) gave a p95 of 2.1 s against the 800 ms the ' +
        'intake screens allow. Fixed by caching policy features per session and batching the claims-history lookup; retest p95 340 ms.',
    },
    {
      slug: 'claims-features', title: 'Policy and claims-history features only refreshed overnight',
      kind: 'dependency', dimension: 'technical', owner: 'dataeng', due: -58, status: 'resolved', severity: 'high',
      description:
        'A claim reported the same day a policy was changed was scored on yesterday\'s cover. The change-data-capture feed ' +
        'from the policy administration system now refreshes features within five minutes.',
    },
    {
      slug: 'claims-writeback', title: 'Routing decision not written back to the claims system',
      kind: 'dependency', dimension: 'technical', owner: 'architect', due: -30, status: 'resolved', severity: 'medium',
      description:
        'During the pilot handlers copied the route from a side screen into the claim file. The claims system now receives ' +
        'route, score and model version on the claim record, so audit and complaint handling can see why a claim went where it did.',
    },
    {
      slug: 'claims-pentest', title: 'Penetration test of the scoring API',
      kind: 'blocker', dimension: 'technical', owner: 'ciso', due: -16, status: 'resolved', severity: 'medium',
      description: 'External test found two medium findings (verbose error bodies, missing rate limit); both fixed and retested clean.',
    },
    {
      slug: 'claims-fallback', title: 'Fallback to manual routing not rehearsed',
      kind: 'risk', dimension: 'technical', owner: 'claims', due: -9, status: 'resolved', severity: 'medium',
      description:
        'If scoring is unavailable, intake must route by the old rules table without handlers noticing more than a banner. ' +
        'Rehearsed with the Bristol hub on a live Tuesday morning: 14 minutes to switch, no lost claims.',
    },
    {
      slug: 'claims-run-cost', title: 'Run cost per claim agreed with Finance',
      kind: 'risk', dimension: 'economic', owner: 'financebp', due: -21, status: 'resolved', severity: 'medium',
      description:
        'Production cost of 6p per claim scored (serving, monitoring, support rota) is in the Claims Operations budget from ' +
        'next quarter, against a saving of about 40 handler hours a week in Bristol alone.',
    },
    {
      slug: 'claims-output-owner', title: 'No named owner for routing decisions in production',
      kind: 'blocker', dimension: 'governance', owner: 'claims', due: -26, status: 'open', severity: 'critical',
      description:
        'Routing moves claims away from experienced handlers, yet nobody has accepted accountability when a claim is routed ' +
        'wrongly. Claims Operations calls the route a data-science output; the data team calls it an operational decision. ' +
        'The model risk policy requires a named business owner before a model may affect a customer outcome.',
    },
    {
      slug: 'claims-drift', title: 'No drift monitoring on claim mix or score distribution',
      kind: 'blocker', dimension: 'governance', owner: 'cdo', due: -10, status: 'open', severity: 'high',
      dependsOn: ['claims-output-owner'],
      description:
        'Nothing alerts anyone if the share of fast-tracked claims moves, for example after a hailstorm or a change in the ' +
        'broker mix. Thresholds cannot be set until the output owner says which movements they want to act on.',
    },
    {
      slug: 'claims-retraining', title: 'No authority defined to approve retraining or roll back a model version',
      kind: 'blocker', dimension: 'governance', owner: 'modelrisk', due: -4, status: 'open', severity: 'high',
      dependsOn: ['claims-drift'],
      description:
        'The pilot model was retrained twice by the data science team on their own judgement. In production someone must be ' +
        'able to approve a retrain, or order a rollback within hours when drift alerts fire, without waiting for the monthly model risk committee.',
    },
    {
      slug: 'claims-validation', title: 'Independent model validation not signed off',
      kind: 'dependency', dimension: 'governance', owner: 'modelrisk', due: 6, status: 'in_progress', severity: 'high',
      dependsOn: ['claims-drift'],
      description:
        'Second-line validation has reviewed data, features and back-testing; the sign-off is held back only for the ' +
        'ongoing-monitoring section, which needs the drift thresholds.',
      replans: [{
        from: -8,
        reason: 'Validation team pulled onto the year-end reserving model review; the Chief Risk Officer agreed the new date.',
      }],
    },
    {
      slug: 'claims-vulnerable', title: 'Escalation path for customers the model flags as vulnerable not agreed',
      kind: 'risk', dimension: 'governance', owner: 'compliance', due: 3, status: 'in_progress', severity: 'high',
      description:
        'The model flags signs of vulnerability (bereavement, serious injury, repeated calls) but there is no agreed route ' +
        'to the specialist team or response time. Consumer Duty requires these customers to get outcomes as good as anyone else\'s.',
      statusChange: { from: 'open', reason: 'Draft escalation route with the specialist team lead circulated for comment.' },
    },
    {
      slug: 'claims-dpia', title: 'DPIA not updated for production use of telematics data',
      kind: 'dependency', dimension: 'governance', owner: 'dpo', due: 5, status: 'open', severity: 'medium',
      description:
        'The pilot impact assessment covered claim and policy data only. Production scoring also uses driving-behaviour data ' +
        'from telematics policies, which customers consented to for pricing, not for claims handling.',
    },
    {
      slug: 'claims-handlers', title: 'Handlers in the Glasgow hub not briefed on fast-track overrides',
      kind: 'risk', dimension: 'workforce', owner: 'hrbp', due: 12, status: 'in_progress', severity: 'medium',
      description:
        'Bristol handlers co-designed the override reasons; Glasgow joins at production and has only seen a slide deck. ' +
        'Two half-day sessions booked with Bristol handlers running them.',
    },
  ],
};
