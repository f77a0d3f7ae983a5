import type { Actor, Deps } from '../context.js';
import { notFound } from '../errors.js';
import { deleteMember, insertMember, listMembers, type MemberRow } from '../db/repos/accounts.repo.js';
import { appendHistory } from '../db/repos/history.repo.js';
import { findPerson } from '../db/repos/people.repo.js';
import { findProgram, type ProgramRow } from '../db/repos/programs.repo.js';
import { inTransaction } from './transaction.js';

/**
 * Program members: people who work on a program beyond its sponsor and role holders (a contributor edits
 * the constraints of programs they are a member of). A change is recorded in the program's history as the
 * field `members` (e-mails before and after, sorted).
 */
export function createProgramMembersService(deps: Deps) {
  const { db } = deps.database;

  async function program(trx: typeof db, actor: Actor, idOrKey: string, lock = false): Promise<ProgramRow> {
    const row = await findProgram(trx, actor.workspaceId, idOrKey, lock);
    if (!row) throw notFound('program', idOrKey);
    return row;
  }

  const emails = (rows: readonly MemberRow[]): string[] => rows.map((r) => r.email).sort();

  /** Runs a membership change with the program row locked, and records it in history when it changed anything. */
  async function change(actor: Actor, idOrKey: string, write: (trx: typeof db, p: ProgramRow) => Promise<boolean>): Promise<{ program: ProgramRow; members: MemberRow[] }> {
    return inTransaction(db, async (trx) => {
      const p = await program(trx, actor, idOrKey, true);
      const before = await listMembers(trx, actor.workspaceId, p.id);
      const changed = await write(trx, p);
      const after = changed ? await listMembers(trx, actor.workspaceId, p.id) : before;
      if (changed) {
        await appendHistory(trx, {
          workspaceId: actor.workspaceId, entityType: 'program', entityId: p.id, changeId: deps.newId(),
          changes: [{ field: 'members', before: emails(before), after: emails(after) }], reason: null, actor: actor.label, at: deps.clock.now(),
        });
      }
      return { program: p, members: after };
    });
  }

  return {
    async list(actor: Actor, idOrKey: string): Promise<MemberRow[]> {
      const p = await program(db, actor, idOrKey);
      return listMembers(db, actor.workspaceId, p.id);
    },

    /** Makes the person a member (nothing changes when they already are one). */
    async add(actor: Actor, idOrKey: string, personId: string): Promise<MemberRow> {
      const { members } = await change(actor, idOrKey, async (trx, p) => {
        if (!(await findPerson(trx, actor.workspaceId, personId))) throw notFound('person', personId);
        return insertMember(trx, { workspace_id: actor.workspaceId, program_id: p.id, person_id: personId, added_at: deps.clock.now() });
      });
      const member = members.find((m) => m.person_id === personId);
      if (!member) throw new Error(`person ${personId} is not a member right after being added`);
      return member;
    },

    async remove(actor: Actor, idOrKey: string, personId: string): Promise<void> {
      await change(actor, idOrKey, async (trx, p) => {
        if (!(await deleteMember(trx, actor.workspaceId, p.id, personId))) throw notFound('member', personId);
        return true;
      });
    },
  };
}
