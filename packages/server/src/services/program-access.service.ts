import { NO_ACCESS_FACTS, authorize, type AccessFacts, type AccessRule } from '@handoff/core';
import type { ProgramAccess } from '@handoff/contract';
import type { Actor, Deps } from '../context.js';
import { notFound } from '../errors.js';
import { programAccessFacts } from '../db/repos/access.repo.js';
import { findPerson } from '../db/repos/people.repo.js';
import { findProgram } from '../db/repos/programs.repo.js';
import { mayOverrideGate } from './readiness-gate.js';


/**
 * What the caller may do on one program, by the rules the API enforces: core `authorize` with the same facts the
 * authentication middleware reads for a program's routes, and the gate override rule of readiness-gate.ts.
 */
export function createProgramAccessService(deps: Deps) {
  const { db } = deps.database;
  return {
    async access(actor: Actor, idOrKey: string): Promise<ProgramAccess> {
      const program = await findProgram(db, actor.workspaceId, idOrKey);
      if (!program) throw notFound('program', idOrKey);
      const principal = actor.principal;
      const personId = principal.kind === 'account' ? principal.personId : null;
      const facts: AccessFacts = personId === null ? NO_ACCESS_FACTS : { ...NO_ACCESS_FACTS, ...(await programAccessFacts(db, actor.workspaceId, program.id, personId)) };
      const may = (rule: AccessRule): boolean => authorize(principal, rule, facts).allowed;
      const person = personId === null ? undefined : await findPerson(db, actor.workspaceId, personId);
      return {
        programId: program.id,
        update: may('program-update'),
        lead: may('program-lead'),
        member: may('program-member'),
        requestDecision: may('request-decision'),
        overrideGate: person !== undefined && mayOverrideGate(program, person),
      };
    },
  };
}
