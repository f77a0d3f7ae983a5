import { CriterionPage, Person, Program, type Criterion } from '@handoff/contract';
import { BUILT_IN_ROLES, OUTCOME_OWNER_ROLE, type Phase } from '@handoff/core';
import { expect } from 'vitest';
import type { TestApi } from '../../testing/harness.js';

/** Test helpers for the readiness API: people, programs, the ownership map filled, criteria assessed. */

export async function addPerson(api: TestApi, name: string, email: string, extra: Record<string, unknown> = {}): Promise<Person> {
  const res = await api.call('POST', '/api/people', { name, email, ...extra });
  expect(res.status).toBe(201);
  return Person.parse(res.body);
}

export async function addProgram(api: TestApi, body: Record<string, unknown>): Promise<Program> {
  const res = await api.call('POST', '/api/programs', body);
  expect(res.status).toBe(201);
  return Program.parse(res.body);
}

/** The active criteria applying to `gate`. */
export async function criteriaFor(api: TestApi, gate: Phase): Promise<Criterion[]> {
  const res = await api.call('GET', `/api/criteria?gate=${gate}&limit=200`);
  expect(res.status).toBe(200);
  return CriterionPage.parse(res.body).items;
}

/** Gives every built-in role of the program a holder (the sponsor holds outcome-owner already), straight in the table the ownership map reads. */
export async function fillRoles(api: TestApi, program: Program, holder: Person): Promise<void> {
  const { db } = api.handoff.deps.database;
  await db.insertInto('program_roles').values(BUILT_IN_ROLES.filter((r) => r.key !== OUTCOME_OWNER_ROLE).map((r) => ({
    workspace_id: api.handoff.workspace.id, program_id: program.id, role_key: r.key, person_id: holder.id, assigned_at: api.clock.now(),
  }))).execute();
}

/** Assesses the given criteria codes with one status and evidence. */
export async function assess(
  api: TestApi, program: string, assessor: Person, codes: readonly string[], status = 'met', assessedAt?: string,
): Promise<{ status: number; body: unknown }> {
  return api.call('POST', `/api/programs/${program}/assessments`, {
    assessedBy: assessor.id,
    ...(assessedAt ? { assessedAt } : {}),
    items: codes.map((criterion) => ({ criterion, status, evidence: `evidence for ${criterion}`, links: ['https://wiki.example.com/claims/readiness'] })),
  });
}
