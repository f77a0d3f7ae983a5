import { Constraint, Person, Program } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/harness.js';
import { startEscalationSweep } from './sweep.job.js';

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api.close(); });

describe('the sweep inside a serving process', () => {
  it('fires due levels on its interval using the database clock, and stops cleanly', async () => {
    const owner = Person.parse((await api.call('POST', '/api/people', { name: 'Ade Bello', email: 'ade@example.com' })).body);
    const program = Program.parse((await api.call('POST', '/api/programs', { name: 'Claims triage', sponsorId: owner.id })).body);
    const c = Constraint.parse((await api.call('POST', `/api/programs/${program.key}/constraints`, {
      title: 'Long overdue', kind: 'blocker', dimension: 'technical', ownerId: owner.id, deadline: '2020-01-01',
    })).body);
    const errors: unknown[] = [];
    const stop = startEscalationSweep(api.handoff, (e) => errors.push(e), 50);
    const db = api.handoff.deps.database.db;
    let fired = 0;
    for (let i = 0; i < 100 && fired < 3; i++) {
      await new Promise((r) => setTimeout(r, 50));
      fired = (await db.selectFrom('escalation_events').select('id').where('constraint_id', '=', c.id).execute()).length;
    }
    await stop();
    expect(errors).toEqual([]);
    // No board members: reminder, due and sponsor fire; the board level is skipped and recorded.
    const events = await db.selectFrom('escalation_events').select(['level_name', 'kind']).where('constraint_id', '=', c.id).orderBy('level').execute();
    expect(events).toEqual([
      { level_name: 'reminder', kind: 'notified' }, { level_name: 'due', kind: 'notified' },
      { level_name: 'sponsor', kind: 'notified' }, { level_name: 'board', kind: 'skipped' },
    ]);
  });
});
