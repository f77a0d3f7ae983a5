import type { AccessRule } from '@handoff/core';
import * as routes from './routes/index.js';

/** Every API route's name: the keys of the routes module that are route definitions. */
export type RouteName = {
  [K in keyof typeof routes]: (typeof routes)[K] extends { method: string; path: string } ? K : never;
}[keyof typeof routes];

/**
 * What a route's `{id}` (or its body's `programId`) names, so the server can find the program and
 * constraint an access rule is about: the program a constraint, monitor, cost item or review belongs to;
 * the person of a person route; the person owning a calendar feed.
 */
export type AccessResource = 'program' | 'constraint' | 'monitor' | 'cost-item' | 'review' | 'person' | 'calendar-feed' | 'body-program';

export interface RouteAccess {
  readonly rule: AccessRule;
  readonly resource?: AccessResource;
}

const read: RouteAccess = { rule: 'read' };
const admin: RouteAccess = { rule: 'admin' };
const lead: RouteAccess = { rule: 'program-lead', resource: 'program' };

/**
 * The permission matrix (docs/SECURITY.md): one entry per route, checked before the route runs. The type
 * makes a route without an entry a compile error; a server test walks every route against every role.
 */
export const ROUTE_ACCESS: { readonly [K in RouteName]: RouteAccess } = {
  getHealth: { rule: 'public' },
  getCalendarFeed: { rule: 'public' },
  // Single sign-on runs before anyone is signed in; the callback checks its own state and cookie.
  startOidcSignIn: { rule: 'public' }, finishOidcSignIn: { rule: 'public' },

  listPeople: read, getPerson: read, getPersonHistory: read, getPersonRoles: read,
  createPerson: admin, updatePerson: admin,
  listInbox: { rule: 'self', resource: 'person' },
  readInboxItem: { rule: 'self', resource: 'person' },
  readAllInboxItems: { rule: 'self', resource: 'person' },
  listPersonCalendarFeeds: { rule: 'self', resource: 'person' },
  createPersonCalendarFeed: { rule: 'self', resource: 'person' },
  revokeCalendarFeed: { rule: 'self', resource: 'calendar-feed' },

  listPrograms: read, getProgram: read, getProgramAccess: read, getProgramHistory: read, getProgramBrief: read, getPortfolioBrief: read,
  getProgramDiagnosis: read, getProgramForecast: read, getProgramPlan: read, getProgramTimeline: read,
  getProgramPolicy: read, getReadiness: read, getReadinessTrend: read, listGateOverrides: read, getOwnershipMap: read,
  getEconomics: read, getClarity: read, listProgramMonitors: read, listProgramReviews: read, getReviewAgenda: read,
  listProgramCalendarFeeds: read, getBoardPack: read,
  createProgram: { rule: 'create-program' },
  updateProgram: { rule: 'program-update', resource: 'program' },
  putProgramPlan: lead, putProgramPolicy: lead, putCostModel: lead, createCostItems: lead,
  assignProgramRole: lead, vacateProgramRole: lead, createMonitor: lead, createAssessment: lead, recordClarity: lead,
  createReview: lead, createProgramCalendarFeed: lead,
  updateCostItem: { rule: 'program-lead', resource: 'cost-item' },
  retireCostItem: { rule: 'program-lead', resource: 'cost-item' },
  getCostItem: read,
  updateMonitor: { rule: 'program-lead', resource: 'monitor' },
  retireMonitor: { rule: 'program-lead', resource: 'monitor' },
  getMonitor: read, getMonitorHistory: read, listReadings: read,
  postReadings: { rule: 'readings', resource: 'program' },
  receiveAlertmanager: { rule: 'readings' },
  getReview: read,

  listConstraints: read, listProgramConstraints: read, getConstraint: read, getConstraintHistory: read, getConstraintImpact: read,
  createConstraint: { rule: 'program-member', resource: 'program' },
  importConstraints: { rule: 'program-member', resource: 'program' },
  createCriterionConstraint: { rule: 'program-member', resource: 'program' },
  updateConstraint: { rule: 'constraint-edit', resource: 'constraint' },
  pauseEscalation: { rule: 'constraint-edit', resource: 'constraint' },
  resumeEscalation: { rule: 'constraint-edit', resource: 'constraint' },
  acknowledgeConstraint: { rule: 'acknowledge', resource: 'constraint' },

  listEscalations: read, listDecisions: read, getDecision: read, getDefaultPolicy: read,
  requestDecision: { rule: 'request-decision', resource: 'body-program' },
  decideDecision: { rule: 'decide' },
  putDefaultPolicy: admin, runSweep: admin, sendDigests: admin,

  listCriteria: read, getCriterion: read, getCriterionHistory: read, exportCriteria: read,
  createCriterion: admin, updateCriterion: admin, retireCriterion: admin, importCriteria: admin,
  listGovernanceRoles: read,
  createGovernanceRole: admin, updateGovernanceRole: admin, retireGovernanceRole: admin,

  listNotifications: admin, retryNotification: admin,
  listNotificationChannels: admin, getNotificationChannel: admin, createNotificationChannel: admin, updateNotificationChannel: admin,
  exportWorkspace: admin, importWorkspace: admin,
  signIn: { rule: 'public' }, getAuthProviders: { rule: 'public' },
  signOut: { rule: 'signed-in' }, getMe: { rule: 'signed-in' }, changePassword: { rule: 'signed-in' },
  listAccounts: admin, createAccount: admin, updateAccount: admin,
  listProgramMembers: read, putProgramMember: lead, deleteProgramMember: lead,
  listAudit: admin, verifyAudit: admin, exportAudit: admin,
  // `admin` refuses every token: a token cannot mint, list or revoke tokens.
  createToken: admin, listTokens: admin, getToken: admin, revokeToken: admin,
};
