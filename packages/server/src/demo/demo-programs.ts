import type { DemoProgram } from './demo-types.js';
import { CLAIMS_TRIAGE } from './programs/claims-triage.program.js';
import { CONTRACT_REVIEW } from './programs/contract-review.program.js';
import { DEMAND_FORECASTING } from './programs/demand-forecasting.program.js';
import { FRAUD_PRIORITISATION } from './programs/fraud-prioritisation.program.js';
import { KYC_EXTRACTION } from './programs/kyc-extraction.program.js';
import { SERVICE_DESK_COPILOT } from './programs/service-desk-copilot.program.js';

export { SHARED_PLATFORM_SLUG } from './programs/claims-triage.program.js';

/**
 * The demo portfolio in load order. Claims triage comes first because it holds the shared platform
 * constraint that constraints of KYC, service desk, contract review and fraud depend on; within a
 * program, a constraint comes after those it depends on.
 */
export const DEMO_PROGRAMS: readonly DemoProgram[] = [
  CLAIMS_TRIAGE,
  KYC_EXTRACTION,
  SERVICE_DESK_COPILOT,
  DEMAND_FORECASTING,
  CONTRACT_REVIEW,
  FRAUD_PRIORITISATION,
];
