import { Constraint, ConstraintPage, HistoryPage, Monitor, Person, Program, ReadingsResult } from '@handoff/contract';
import { expect } from 'vitest';
import type { z } from 'zod';
import type { TestApi } from '../../testing/harness.js';

/** Test helpers for monitors: people, programs, role holders, monitors and readings, all through the API. */

async function call<T>(api: TestApi, method: string, path: string, body: unknown, status: number, schema: z.ZodType<T>): Promise<T> {
  const res = await api.call(method, path, body);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(status);
  return schema.parse(res.body);
}

export function addPerson(api: TestApi, name: string, email: string): Promise<Person> {
  return call(api, 'POST', '/api/people', { name, email }, 201, Person);
}

export function addProgram(api: TestApi, key: string, sponsorId: string | null = null): Promise<Program> {
  return call(api, 'POST', '/api/programs', { name: `${key} program`, key, phase: 'pilot', sponsorId }, 201, Program);
}

/** Makes `personId` the holder of `role` in the program. */
export async function assignRole(api: TestApi, programKey: string, role: string, personId: string): Promise<void> {
  const res = await api.call('PUT', `/api/programs/${programKey}/roles/${role}`, { personId });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** A drift monitor: PSI, breach at 0.25, warning at 0.1, a 5-minute window, owned by the drift-monitor role. */
export function addDriftMonitor(api: TestApi, programKey: string, more: Record<string, unknown> = {}): Promise<Monitor> {
  const body = {
    key: 'drift-psi', name: 'Claims model drift', metric: 'drift-psi', unit: 'PSI', direction: 'above', warningThreshold: 0.1,
    breachThreshold: 0.25, windowMinutes: 5, ownerRole: 'drift-monitor', deadlineDays: 7, severity: 'high', dimension: 'governance', ...more,
  };
  return call(api, 'POST', `/api/programs/${programKey}/monitors`, body, 201, Monitor);
}

/** Posts one reading (observed at `at`) and returns the monitor as re-evaluated. */
export async function read(api: TestApi, programKey: string, monitor: string, value: number, at: string): Promise<Monitor> {
  const result = await call(api, 'POST', `/api/programs/${programKey}/readings`, { monitor, value, observedAt: at }, 200, ReadingsResult);
  const [m] = result.monitors;
  if (!m) throw new Error('no monitor in the readings result');
  return m;
}

export async function getMonitor(api: TestApi, idOrRef: string): Promise<Monitor> {
  return call(api, 'GET', `/api/monitors/${idOrRef}`, undefined, 200, Monitor);
}

/** The program's risk constraints (all statuses). */
export async function risks(api: TestApi, programKey: string): Promise<Constraint[]> {
  return (await call(api, 'GET', `/api/programs/${programKey}/constraints?kind=risk&limit=200`, undefined, 200, ConstraintPage)).items;
}

export async function constraintHistory(api: TestApi, ref: string): Promise<HistoryPage['items']> {
  return (await call(api, 'GET', `/api/constraints/${ref}/history?limit=200`, undefined, 200, HistoryPage)).items;
}
