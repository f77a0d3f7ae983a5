import { Constraint, Person, Program } from '@handoff/contract';
import { expect } from 'vitest';
import type { TestApi } from '../../testing/harness.js';

/** Helpers for the timeline tests: create people, programs and constraints through the API, failing loudly. */

export async function addPerson(api: TestApi, name: string, email: string): Promise<Person> {
  const res = await api.call('POST', '/api/people', { name, email });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return Person.parse(res.body);
}

export async function addProgram(api: TestApi, body: Record<string, unknown>): Promise<Program> {
  const res = await api.call('POST', '/api/programs', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return Program.parse(res.body);
}

/** A constraint of `program` owned by `owner`; kind blocker, dimension technical, severity medium unless given. */
export async function addConstraint(api: TestApi, program: string, owner: Person, body: Record<string, unknown>): Promise<Constraint> {
  const res = await api.call('POST', `/api/programs/${program}/constraints`, {
    kind: 'blocker', dimension: 'technical', severity: 'medium', description: '', ownerId: owner.id, ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return Constraint.parse(res.body);
}

/** GET that must answer 200; the body is parsed by the caller's schema. */
export async function getOk(api: TestApi, path: string): Promise<unknown> {
  const res = await api.call('GET', path);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
