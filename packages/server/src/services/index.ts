import type { Deps } from '../context.js';
import { createChannelsService } from '../notify/channels.service.js';
import { createEnqueue } from '../notify/enqueue.js';
import { createNotificationsService } from '../notify/notifications.service.js';
import { createCalendarsService } from './calendars.service.js';
import { createConstraintsService } from './constraints.service.js';
import { createCriteriaService } from './criteria.service.js';
import { createReadinessService } from './readiness.service.js';
import { createDecisionsService } from './decisions.service.js';
import { createDigestsService } from './digests.service.js';
import { createEconomicsService } from './economics.service.js';
import { createEscalationsService } from './escalations.service.js';
import { createPoliciesService } from './policies.service.js';
import { createOwnershipService } from './ownership.service.js';
import { createDiagnosisService } from './diagnosis.service.js';
import { createClarityService } from './clarity.service.js';
import { createImportService } from './import.service.js';
import { createAlertmanagerService } from './alertmanager.service.js';
import { createMonitorsService } from './monitors.service.js';
import { createPeopleService } from './people.service.js';
import { createProgramsService } from './programs.service.js';
import { createProgramAccessService } from './program-access.service.js';
import { createReviewsService } from './reviews.service.js';
import { createTimelineService } from './timeline.service.js';
import { createBriefService } from './brief.service.js';
import { createBoardPackService } from './board-pack.service.js';
import { createTransferService } from './transfer.service.js';
import { createSignInService } from './sign-in.service.js';
import { createAccountsService } from './accounts.service.js';
import { createProgramMembersService } from './program-members.service.js';
import { createTokensService } from './tokens.service.js';
import { createAuditService } from './audit.service.js';

/** Every service, built once per app from the same explicit dependencies. */
export function createServices(deps: Deps) {
  const enqueue = createEnqueue(deps);
  const escalations = createEscalationsService(deps, enqueue);
  const constraints = createConstraintsService(deps, escalations);
  const monitors = createMonitorsService(deps, constraints);
  const readiness = createReadinessService(deps, constraints);
  const ownership = createOwnershipService(deps);
  const diagnosis = createDiagnosisService(deps);
  const timeline = createTimelineService(deps);
  const decisions = createDecisionsService(deps, constraints, enqueue);
  const brief = createBriefService(deps, { timeline, diagnosis });
  const signIn = createSignInService(deps);
  return {
    people: createPeopleService(deps),
    programs: createProgramsService(deps),
    programAccess: createProgramAccessService(deps),
    constraints,
    criteria: createCriteriaService(deps),
    readiness,
    reviews: createReviewsService(deps, constraints, escalations),
    escalations,
    policies: createPoliciesService(deps, escalations),
    ownership,
    diagnosis,
    clarity: createClarityService(deps, { readiness, ownership, diagnosis, constraints }),
    decisions,
    digests: createDigestsService(deps, enqueue),
    imports: createImportService(deps),
    transfer: createTransferService(deps),
    calendars: createCalendarsService(deps),
    notifications: createNotificationsService(deps),
    channels: createChannelsService(deps),
    monitors,
    alertmanager: createAlertmanagerService(deps, monitors),
    economics: createEconomicsService(deps),
    timeline,
    brief,
    boardPack: createBoardPackService(deps, { brief, decisions }),
    signIn,
    accounts: createAccountsService(deps, signIn),
    programMembers: createProgramMembersService(deps),
    tokens: createTokensService(deps),
    audit: createAuditService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
