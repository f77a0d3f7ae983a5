import { buildDigest, isEmptyDigest, localDate, weekStart, type DigestEscalation, type DigestInput } from '@handoff/core';
import type { DigestResult } from '@handoff/contract';
import { sql } from 'kysely';
import type { Deps } from '../context.js';
import { activeEscalationRecipients, activeOwned, claimDigest, pendingDecisions } from '../db/repos/digests.repo.js';
import type { EnqueueNotification } from '../notify/notification.js';
import { inTransaction } from './transaction.js';

/**
 * The weekly digest: per person, what they own, what is overdue, what escalated to them, decisions
 * waiting for them. Sent once per person per ISO week (of the workspace's time zone) however many
 * processes call `send`; people with nothing to report get nothing.
 */
export function createDigestsService(deps: Deps, enqueue: EnqueueNotification) {
  const { db } = deps.database;
  return {
    async send(at?: Date): Promise<DigestResult> {
      const when = at ?? (await sql<{ now: Date }>`select now() as now`.execute(db)).rows[0]?.now ?? deps.clock.now();
      const result: DigestResult = { at: when.toISOString(), sent: 0, alreadySent: 0, nothingToSay: 0 };
      const workspaces = await db.selectFrom('workspaces').select(['id', 'time_zone']).execute();
      for (const ws of workspaces) {
        await inTransaction(db, async (trx) => {
          const today = localDate(when, ws.time_zone);
          const week = weekStart(today);
          const [people, owned, escalated, decisions] = await Promise.all([
            trx.selectFrom('people').select(['id', 'name', 'board_member']).where('workspace_id', '=', ws.id).orderBy('name').execute(),
            activeOwned(trx, ws.id),
            activeEscalationRecipients(trx, ws.id),
            pendingDecisions(trx, ws.id),
          ]);
          for (const person of people) {
            // One line per constraint someone else owns: the latest level that reached this person (oldest rows first).
            const reached = new Map<string, DigestEscalation>();
            for (const e of escalated) {
              if (e.recipient === person.id && e.owner_id !== person.id) reached.set(e.ref, { ref: e.ref, title: e.title, deadline: e.deadline, levelName: e.level_name, ownerName: e.owner_name });
            }
            const input: DigestInput = {
              personName: person.name,
              today,
              owned: owned.filter((c) => c.owner_id === person.id),
              escalatedToThem: [...reached.values()],
              decisionsWaiting: decisions
                .filter((d) => person.board_member || d.sponsor_id === person.id)
                .map((d) => ({ title: d.title, dueDate: d.due_date })),
            };
            if (isEmptyDigest(input)) { result.nothingToSay++; continue; }
            if (!(await claimDigest(trx, { workspace_id: ws.id, person_id: person.id, week_start: week, sent_at: when }))) { result.alreadySent++; continue; }
            const digest = buildDigest(input);
            await enqueue(trx, {
              workspaceId: ws.id, eventKey: `digest:${person.id}:${week}`, key: `digest:${person.id}:${week}`, kind: 'digest',
              recipientId: person.id, programId: null, subject: digest.subject, text: digest.text, link: '/my-work',
              facts: { week, owned: input.owned.length, overdue: digest.overdue, escalated: input.escalatedToThem.length, decisions: input.decisionsWaiting.length },
              createdAt: when, personal: true,
            });
            result.sent++;
          }
        });
      }
      return result;
    },
  };
}
