import type { DemoProgram } from '../demo-types.js';

/** A healthy reference: in production, with the remaining work owned and dated. */
export const DEMAND_FORECASTING: DemoProgram = {
  key: 'FORECAST',
  name: 'Demand forecasting',
  description:
    'Forecasts weekly contact-centre and claims-handling demand twelve weeks ahead by channel and line of business, ' +
    'including the weather-driven surge in home claims, and feeds the workforce-management rota. In production for the ' +
    'customer contact centre for five months; claims handling is moving onto it now.',
  businessUnit: 'Customer Operations',
  phase: 'production',
  sponsor: 'customer',
  targetProduction: -150,
  riskClass: 'minimal',
  failureMode: {
    mode: null,
    note:
      'No dominant failure mode: a reference for what good looks like. Technical, governance and workforce work closed ' +
      'before the production gate, the legacy spreadsheet was retired, and what remains are economic and operating ' +
      'risks, each with an owner and a date.',
  },
  constraints: [
    {
      slug: 'fc-wfm-feed', title: 'Forecast not loaded into the workforce-management system',
      kind: 'dependency', dimension: 'technical', owner: 'dataeng', due: -160, status: 'resolved', severity: 'high',
      description: 'Interval-level forecasts now load into the rota tool every Monday at 06:00, with the model version stamped.',
    },
    {
      slug: 'fc-owner', title: 'Business owner of the forecast named',
      kind: 'blocker', dimension: 'governance', owner: 'wfm', due: -150, status: 'resolved', severity: 'high',
      description:
        'The Workforce Planning Manager owns the forecast and every override of it, and reports accuracy monthly to the ' +
        'Director of Customer Service.',
    },
    {
      slug: 'fc-monitoring', title: 'Forecast-accuracy monitoring and override log',
      kind: 'blocker', dimension: 'governance', owner: 'modelrisk', due: -120, status: 'resolved', severity: 'medium',
      dependsOn: ['fc-owner'],
      description: 'Weekly error by queue, with every planner override and its reason logged and reviewed at the monthly planning forum.',
    },
    {
      slug: 'fc-retraining', title: 'Retraining approval agreed',
      kind: 'risk', dimension: 'governance', owner: 'modelrisk', due: -100, status: 'resolved', severity: 'medium',
      dependsOn: ['fc-monitoring'],
      description: 'Quarterly retrain approved by the forecast owner; an out-of-cycle retrain when error passes 12% for three weeks running.',
    },
    {
      slug: 'fc-planners', title: 'Planners trained to challenge the forecast rather than overwrite it',
      kind: 'blocker', dimension: 'workforce', owner: 'hrbp', due: -110, status: 'resolved', severity: 'medium',
      description: 'Six planners trained on reading forecast intervals and recording overrides with a reason.',
    },
    {
      slug: 'fc-spreadsheet', title: 'Legacy spreadsheet forecast retired',
      kind: 'risk', dimension: 'workforce', owner: 'wfm', due: -30, status: 'resolved', severity: 'medium',
      description:
        'Planners kept their spreadsheet running in parallel "just in case". Retired once the model beat it for a full month, ' +
        'including the first storm of the season.',
      statusChange: {
        from: 'in_progress',
        reason: 'Planners ran four consecutive weekly rotas from the model alone; spreadsheet archived read-only.',
      },
    },
    {
      slug: 'fc-new-products', title: 'No history for newly launched products',
      kind: 'risk', dimension: 'technical', owner: 'cdo', due: -20, status: 'accepted', severity: 'low',
      description: 'Accepted: new products start on a planner-set baseline for their first eight weeks, logged as an override.',
    },
    {
      slug: 'fc-surge-accuracy', title: 'Forecast error above 8% for home claims in storm weeks',
      kind: 'risk', dimension: 'technical', owner: 'dataeng', due: 9, status: 'in_progress', severity: 'medium',
      description:
        'Error was 14% in the two named-storm weeks of last winter, enough to leave the claims line understaffed for a day. ' +
        'The surge component is being refitted with storm-warning lead time.',
      replans: [{
        from: -2,
        reason: 'The refit needs the latest storm\'s data to validate against; the forecast owner agreed a one-week slip.',
      }],
    },
    {
      slug: 'fc-weather-licence', title: 'Weather-feed licence renewal',
      kind: 'dependency', dimension: 'economic', owner: 'procurement', due: 2, status: 'open', severity: 'high',
      description:
        'The commercial storm-warning feed licence lapses a few days after this deadline. Without it the surge uplift falls back to seasonal ' +
        'averages, which missed both storms last winter.',
    },
    {
      slug: 'fc-run-budget', title: 'Run cost still charged to the data programme, not to Customer Operations',
      kind: 'risk', dimension: 'economic', owner: 'financebp', due: -5, status: 'open', severity: 'medium',
      description:
        'Production cost (compute, feed licence, a quarter of a data scientist) sits in a programme budget that closes at ' +
        'the end of the financial year. Customer Operations has to carry it from then or the service has no funding.',
    },
    {
      slug: 'fc-claims-scope', title: 'Claims-handling teams not yet in the forecast scope',
      kind: 'dependency', dimension: 'workforce', owner: 'claims', due: 21, status: 'in_progress', severity: 'medium',
      description: 'Motor and home claims teams are being added queue by queue; their team leaders are in the planning forum from this month.',
    },
  ],
};
