import type { DemoProgram } from '../demo-types.js';
import { SHARED_PLATFORM_SLUG } from './claims-triage.program.js';

/** Governance without adoption: every policy signed, the agents never brought in. */
export const SERVICE_DESK_COPILOT: DemoProgram = {
  key: 'DESK',
  name: 'Service-desk copilot',
  description:
    'Suggests answers and next steps to IT service-desk agents from the knowledge base and 200,000 past tickets, and ' +
    'drafts the ticket summary. Live for the Leeds and Cardiff agents (62 of 140); the next gate opens it to the ' +
    'Manchester and Belfast hubs and the outsourced night shift.',
  businessUnit: 'IT Service Management',
  phase: 'limited-rollout',
  sponsor: 'cio',
  targetProduction: 45,
  riskClass: 'limited',
  failureMode: {
    mode: 'governance-without-adoption',
    note:
      'Acceptable-use policy, DPIA, red team, logging and the ethics board approval all closed on time. Agents were not in ' +
      'the design, team leads are still scored on handle time alone, the other hub heads were never engaged, and under ' +
      'queue pressure agents go back to the old knowledge-base search: assisted tickets fell from 31% to 12%.',
  },
  constraints: [
    {
      slug: 'desk-policy', title: 'Acceptable-use policy for generative AI at the service desk',
      kind: 'blocker', dimension: 'governance', owner: 'compliance', due: -60, status: 'resolved', severity: 'medium',
      description: 'Policy approved: suggestions are advisory, agents stay accountable for what they send, no customer or HR data in prompts.',
    },
    {
      slug: 'desk-dpia', title: 'DPIA for ticket data sent to the language model',
      kind: 'blocker', dimension: 'governance', owner: 'dpo', due: -52, status: 'resolved', severity: 'high',
      description: 'Completed with pseudonymisation of names and employee numbers before prompting; the model provider has no retention.',
    },
    {
      slug: 'desk-redteam', title: 'Prompt-injection and data-leakage red team',
      kind: 'risk', dimension: 'technical', owner: 'ciso', due: -33, status: 'resolved', severity: 'high',
      description: 'Three findings (ticket text could steer suggestions to restricted articles); retrieval now filters by the agent\'s access rights.',
    },
    {
      slug: 'desk-logging', title: 'Prompt and response logging with 90-day retention',
      kind: 'dependency', dimension: 'governance', owner: 'dataeng', due: -35, status: 'resolved', severity: 'medium',
      description: 'Every suggestion, whether it was used and the agent\'s edit are logged for sampling and complaint investigation.',
    },
    {
      slug: 'desk-accuracy', title: 'Answer-accuracy threshold and weekly sampling defined',
      kind: 'risk', dimension: 'governance', owner: 'modelrisk', due: -21, status: 'resolved', severity: 'medium',
      description: 'Fifty suggestions sampled a week by a senior agent; below 85% judged correct, the copilot is paused for that category.',
    },
    {
      slug: 'desk-ethics', title: 'AI ethics board approval for limited rollout',
      kind: 'blocker', dimension: 'governance', owner: 'cro', due: -40, status: 'resolved', severity: 'medium',
      description: 'Approved with two conditions (human review of drafted summaries, quarterly report to the board); both met.',
    },
    {
      slug: 'desk-agent-design', title: 'Agents left out of the design of suggestions',
      kind: 'blocker', dimension: 'workforce', owner: 'servicedesk', due: -9, status: 'open', severity: 'high',
      description:
        'Built by the platform team with two team leads; no agents in the design sessions. Agents say suggestions ignore the ' +
        'local fixes they actually use, such as the VPN token reset for branch staff, so they have stopped reading them.',
    },
    {
      slug: 'desk-fallback', title: 'Agents fall back to the legacy knowledge-base search under queue pressure',
      kind: 'risk', dimension: 'workforce', owner: 'servicedesk', due: -3, status: 'in_progress', severity: 'critical',
      dependsOn: ['desk-agent-design'],
      description:
        'Assisted tickets dropped from 31% to 12% in the week of the company-wide e-mail outage and have not recovered. When more ' +
        'than forty callers are waiting, agents use the search they trust; the rollout business case assumed 60% assisted.',
      statusChange: { from: 'open', reason: 'Side-by-side sessions started: two agents per shift pair with a champion during peak hours.' },
    },
    {
      slug: 'desk-bu-heads', title: 'Manchester and Belfast hub heads and the night-shift provider not engaged',
      kind: 'blocker', dimension: 'workforce', owner: 'change', due: -24, status: 'open', severity: 'high',
      description:
        'The rollout plan was approved inside IT leadership only. The two hub heads first heard of it at the rollout briefing ' +
        'and have not released agents for training; the outsourced night shift has not been told at all.',
    },
    {
      slug: 'desk-scorecards', title: 'Team-lead scorecards measure handle time only',
      kind: 'blocker', dimension: 'workforce', owner: 'hrbp', due: 4, status: 'open', severity: 'high',
      description:
        'Reading a suggestion adds about forty seconds to a call, and team leads are ranked on average handle time. Until ' +
        'first-contact resolution counts, team leads tell agents to skip the copilot when queues build.',
      replans: [{
        from: -5,
        reason: 'Scorecards can only change in the objective-setting cycle; interim measure agreed with the service desk manager meanwhile.',
      }],
    },
    {
      slug: 'desk-training', title: 'Role-based training for agents in the remaining hubs',
      kind: 'dependency', dimension: 'workforce', owner: 'hrbp', due: 14, status: 'open', severity: 'medium',
      dependsOn: ['desk-bu-heads'],
      description: 'Course ready; cannot be scheduled until the hub heads release agents from the rota.',
    },
    {
      slug: 'desk-outsourcer', title: 'Night-shift outsourcing contract silent on AI-assisted work',
      kind: 'dependency', dimension: 'economic', owner: 'procurement', due: 9, status: 'open', severity: 'medium',
      dependsOn: ['desk-bu-heads'],
      description:
        'The provider\'s contract fixes staffing and price per ticket; using the copilot needs a variation covering access, ' +
        'training time and who keeps any productivity gain.',
    },
    {
      slug: 'desk-token-cost', title: 'Model cost per assisted ticket above the business case',
      kind: 'risk', dimension: 'economic', owner: 'financebp', due: 6, status: 'in_progress', severity: 'medium',
      description:
        'Running at 24p per assisted ticket against 9p assumed, because every suggestion sends the full ticket thread. ' +
        'Summarising threads before retrieval is being tested.',
    },
    {
      slug: 'desk-serving', title: 'Retrieval and ranking models run on single-site serving',
      kind: 'dependency', dimension: 'technical', owner: 'platform', due: 20, status: 'open', severity: 'high',
      dependsOn: [SHARED_PLATFORM_SLUG],
      description:
        'The ticket-similarity and ranking models are hosted on the shared serving cluster; the service desk is a ' +
        'critical service for the whole company and cannot depend on one data centre.',
    },
  ],
};
