import { NotificationChannel, Person, Program } from '@handoff/contract';
import type { TestApi } from '../../testing/harness.js';
import { createEnqueue } from '../enqueue.js';
import type { Notification } from '../notification.js';

/** Test data for notification tests, created through the API like any client would. */

export async function addPerson(api: TestApi, name: string, email: string): Promise<Person> {
  return Person.parse((await api.call('POST', '/api/people', { name, email })).body);
}

export async function addProgram(api: TestApi, name: string, key: string): Promise<Program> {
  return Program.parse((await api.call('POST', '/api/programs', { name, key })).body);
}

export async function addChannel(
  api: TestApi,
  body: { kind: 'slack' | 'teams'; name: string; webhookUrl: string; programId?: string; enabled?: boolean },
): Promise<NotificationChannel> {
  const res = await api.call('POST', '/api/notification-channels', body);
  if (res.status !== 201) throw new Error(`channel not created: ${res.status} ${JSON.stringify(res.body)}`);
  return NotificationChannel.parse(res.body);
}

/** An escalation notice about CLAIMS-12 for `recipient`; `over` replaces any field. */
export function notice(api: TestApi, recipient: Person, program: Program | null, over: Partial<Notification> = {}): Notification {
  const eventKey = over.eventKey ?? 'esc:claims-12:1:1';
  return {
    workspaceId: api.handoff.workspace.id,
    eventKey,
    key: `${eventKey}:${recipient.id}`,
    kind: 'escalation',
    recipientId: recipient.id,
    programId: program?.id ?? null,
    subject: 'CLAIMS-12 is 3 days overdue',
    text: 'No named owner for model output in production is 3 days past its deadline.',
    link: '/constraints/CLAIMS-12',
    facts: { ref: 'CLAIMS-12', owner: 'Amara Okafor', daysOverdue: 3, level: 'sponsor', note: null },
    createdAt: api.clock.now(),
    ...over,
  };
}

/** Enqueues notifications in one transaction, as the escalation sweep does. */
export async function enqueue(api: TestApi, ...notifications: Notification[]): Promise<void> {
  const write = createEnqueue(api.handoff.deps);
  await api.handoff.deps.database.db.transaction().execute(async (trx) => {
    for (const n of notifications) await write(trx, n);
  });
}
