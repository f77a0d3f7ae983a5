import { createRoute } from '@hono/zod-openapi';
import { IfMatchHeaders, PageQuery } from '../schemas/common.js';
import { HistoryPage } from '../schemas/constraints.js';
import {
  AlertmanagerSummary, AlertmanagerWebhook, Monitor, MonitorCreate, MonitorListQuery, MonitorPage, MonitorParams, MonitorUpdate,
  ReadingListQuery, ReadingPage, ReadingsBody, ReadingsResult,
} from '../schemas/monitors.js';
import { problems } from '../schemas/problem.js';
import { EtagHeader, IdParams, json, jsonBody } from './shared.js';

export const createMonitor = createRoute({
  method: 'post',
  path: '/api/programs/{id}/monitors',
  tags: ['Monitors'],
  summary: 'Add a monitored threshold to a program',
  description: 'The warning threshold must be on the safe side of the breach threshold; `ownerRole` must be a built-in role or one of the workspace’s.',
  request: { params: IdParams, body: jsonBody(MonitorCreate) },
  responses: { 201: { ...json(Monitor, 'Created.'), headers: EtagHeader }, ...problems(400, 404, 409, 413, 415) },
});

export const listProgramMonitors = createRoute({
  method: 'get',
  path: '/api/programs/{id}/monitors',
  tags: ['Monitors'],
  summary: "A program's monitors with their state, by key",
  request: { params: IdParams, query: MonitorListQuery },
  responses: { 200: json(MonitorPage, 'A page of monitors.'), ...problems(400, 404) },
});

export const getMonitor = createRoute({
  method: 'get',
  path: '/api/monitors/{id}',
  tags: ['Monitors'],
  summary: 'One monitor, by id or PROGRAM.key (e.g. CLAIMS.drift-psi)',
  request: { params: MonitorParams },
  responses: { 200: { ...json(Monitor, 'The monitor.'), headers: EtagHeader }, ...problems(400, 404) },
});

export const updateMonitor = createRoute({
  method: 'patch',
  path: '/api/monitors/{id}',
  tags: ['Monitors'],
  summary: 'Change a monitor; new thresholds re-evaluate it at its latest reading',
  request: { params: MonitorParams, headers: IfMatchHeaders, body: jsonBody(MonitorUpdate) },
  responses: { 200: { ...json(Monitor, 'Updated.'), headers: EtagHeader }, ...problems(400, 404, 409, 412, 413, 415) },
});

export const getMonitorHistory = createRoute({
  method: 'get',
  path: '/api/monitors/{id}/history',
  tags: ['Monitors'],
  summary: "Every change to a monitor's settings (thresholds, window, owner role, labels) and its retirement; oldest first",
  request: { params: MonitorParams, query: PageQuery },
  responses: { 200: json(HistoryPage, 'A page of history entries.'), ...problems(400, 404) },
});

export const retireMonitor = createRoute({
  method: 'post',
  path: '/api/monitors/{id}/retire',
  tags: ['Monitors'],
  summary: 'Retire a monitor: it takes no more readings or alerts; its history and constraint stay',
  request: { params: MonitorParams },
  responses: { 200: { ...json(Monitor, 'Retired.'), headers: EtagHeader }, ...problems(400, 404) },
});

export const postReadings = createRoute({
  method: 'post',
  path: '/api/programs/{id}/readings',
  tags: ['Monitors'],
  summary: 'Record one reading or a batch of up to 10,000 (all or nothing)',
  description:
    'Each reading names its monitor by id or key. A bad reading is named by its index and nothing is stored. ' +
    'Each monitor touched is then re-evaluated at its latest reading; a move into breach opens (or re-opens) its risk constraint.',
  request: { params: IdParams, body: jsonBody(ReadingsBody) },
  responses: { 200: json(ReadingsResult, 'Stored and evaluated.'), ...problems(400, 404, 413, 415) },
});

export const listReadings = createRoute({
  method: 'get',
  path: '/api/monitors/{id}/readings',
  tags: ['Monitors'],
  summary: "A monitor's readings in a time range, oldest first",
  request: { params: MonitorParams, query: ReadingListQuery },
  responses: { 200: json(ReadingPage, 'A page of readings.'), ...problems(400, 404) },
});

export const receiveAlertmanager = createRoute({
  method: 'post',
  path: '/api/integrations/alertmanager',
  tags: ['Integrations'],
  summary: 'Receiver for Prometheus Alertmanager webhooks (payload version 4)',
  description:
    'Point a webhook_config at this URL. Each POST carries a whole alert group; firing and resolved alerts may be mixed. ' +
    'Idempotent: an alert already received (same fingerprint, startsAt and status, as HA pairs and resends produce) changes nothing. ' +
    'A firing alert matched to a monitor is a breach; a resolved one a recovery. Alerts matching no monitor are recorded and reported, never refused.',
  request: { body: jsonBody(AlertmanagerWebhook) },
  responses: { 200: json(AlertmanagerSummary, 'What was applied.'), ...problems(400, 413, 415) },
});
