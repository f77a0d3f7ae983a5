import type { DemoProgram } from '../demo-types.js';
import { SHARED_PLATFORM_SLUG } from './claims-triage.program.js';

/** Discovery: the build-or-buy question gets all the attention. */
export const CONTRACT_REVIEW: DemoProgram = {
  key: 'CONTRACTS',
  name: 'Contract review',
  description:
    'Would extract obligations, renewal dates, liability caps and data-processing terms from the 4,800 supplier and ' +
    'reinsurance contracts in the legal repository, and flag clauses that depart from the playbook for a lawyer to ' +
    'review. In discovery: choosing between a vendor legal-AI product and a build on the internal platform.',
  businessUnit: 'Legal and Procurement',
  phase: 'discovery',
  sponsor: 'counsel',
  targetProduction: 240,
  riskClass: 'minimal',
  failureMode: {
    mode: null,
    note:
      'Too early for a failure mode. The one to watch is architecture without governance: the build-or-buy decision gets ' +
      'the attention while nobody has said who answers for a clause the tool misses.',
  },
  constraints: [
    {
      slug: 'ct-scope', title: 'First scope agreed: supplier contracts before reinsurance treaties',
      kind: 'blocker', dimension: 'governance', owner: 'counsel', due: -14, status: 'resolved', severity: 'medium',
      description: 'Supplier contracts are more uniform and the renewal-date use case pays back fastest; treaties follow in a second phase.',
    },
    {
      slug: 'ct-metadata', title: 'Contract repository has no reliable metadata',
      kind: 'blocker', dimension: 'technical', owner: 'legalops', due: 5, status: 'in_progress', severity: 'high',
      description:
        'Counterparty, contract type and status are missing or wrong on about a quarter of the records, so neither option ' +
        'can be evaluated on a representative sample until the supplier set is cleaned.',
    },
    {
      slug: 'ct-sample', title: 'No lawyer-labelled sample to test either option against',
      kind: 'dependency', dimension: 'technical', owner: 'legalops', due: 20, status: 'open', severity: 'medium',
      dependsOn: ['ct-metadata'],
      description: 'Needs 300 supplier contracts with clauses marked by two lawyers each, about 60 lawyer hours.',
    },
    {
      slug: 'ct-scans', title: 'A third of pre-2018 reinsurance treaties are image-only scans',
      kind: 'risk', dimension: 'technical', owner: 'dataeng', due: 30, status: 'open', severity: 'low',
      description: 'Outside the first scope, but any build option has to handle scanned documents to reach the second phase.',
    },
    {
      slug: 'ct-residency', title: 'Two of the three shortlisted vendors cannot keep data in the UK or EU',
      kind: 'dependency', dimension: 'governance', owner: 'procurement', due: 10, status: 'open', severity: 'high',
      description:
        'Contracts hold personal data of supplier staff and reinsurance pricing. Vendor due diligence has to confirm residency ' +
        'and sub-processors before a vendor can stay on the list.',
    },
    {
      slug: 'ct-build-buy', title: 'Build-or-buy decision not made',
      kind: 'blocker', dimension: 'economic', owner: 'architect', due: 12, status: 'open', severity: 'high',
      dependsOn: ['ct-residency', SHARED_PLATFORM_SLUG],
      description:
        'The build option is only credible if the shared model-serving platform gets its second site; the buy option only if ' +
        'a vendor passes due diligence. The decision paper goes to the architecture board once both are known.',
    },
    {
      slug: 'ct-baseline', title: 'No baseline of lawyer hours spent on first-pass review',
      kind: 'dependency', dimension: 'economic', owner: 'legalops', due: -3, status: 'open', severity: 'medium',
      description: 'The business case claims 1,200 hours a year saved, but time on first-pass review has never been recorded.',
    },
    {
      slug: 'ct-privilege', title: 'Confidentiality of contracts sent to an external model not assessed',
      kind: 'blocker', dimension: 'governance', owner: 'counsel', due: 18, status: 'open', severity: 'high',
      description:
        'Several reinsurance and outsourcing contracts forbid disclosure to third parties without consent. Legal has to ' +
        'decide whether processing by a vendor model counts as disclosure.',
    },
    {
      slug: 'ct-lawyers', title: 'In-house lawyers sceptical; two have asked to opt out',
      kind: 'risk', dimension: 'workforce', owner: 'change', due: 25, status: 'open', severity: 'medium',
      description:
        'The commercial team fears being held responsible for clauses the tool misses. Involving them in the labelling and ' +
        'the playbook is the plan.',
    },
    {
      slug: 'ct-missed-clause', title: 'Nobody accountable yet for a clause the tool misses',
      kind: 'risk', dimension: 'governance', owner: 'counsel', due: 30, status: 'open', severity: 'medium',
      description: 'To be settled in discovery, before any pilot: who owns the output, and how a miss is found and escalated.',
    },
  ],
};
