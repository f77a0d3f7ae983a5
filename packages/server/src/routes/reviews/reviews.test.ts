import {
  Constraint, ConstraintPage, HistoryPage, Person, Problem, Program, Review, ReviewAgenda, ReviewPage, SweepResult,
} from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReviewsService } from '../../services/reviews.service.js';
import { startTestApi, type TestApi } from '../../testing/harness.js';

/** The weekly review: agenda, decisions applied all or nothing, stale flags. Tests build on each other in order. */

let api: TestApi;
let owner: Person;
let sponsor: Person;
let claims: Program;
let kyc: Program;
/** CLAIMS-1..5 and KYC-1, by role in the story. */
let ownerless: Constraint;
let drift: Constraint;
let consent: Constraint;
let latency: Constraint;
let featureStore: Constraint;
let kycRisk: Constraint;
let firstReviewId = '';

const person = async (name: string, email: string, boardMember = false): Promise<Person> =>
  Person.parse((await api.call('POST', '/api/people', { name, email, boardMember })).body);
const add = async (program: Program, title: string, deadline: string, extra: Record<string, unknown> = {}): Promise<Constraint> => {
  const res = await api.call('POST', `/api/programs/${program.key}/constraints`, { title, kind: 'blocker', dimension: 'governance', ownerId: owner.id, deadline, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return Constraint.parse(res.body);
};
const get = async (ref: string): Promise<Constraint> => Constraint.parse((await api.call('GET', `/api/constraints/${ref}`)).body);
const agenda = async (program: Program): Promise<ReviewAgenda> => {
  const res = await api.call('GET', `/api/programs/${program.key}/review`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return ReviewAgenda.parse(res.body);
};
const review = async (items: unknown[], note?: string): Promise<Review> => {
  const res = await api.call('POST', `/api/programs/${claims.key}/reviews`, { reviewerId: sponsor.id, items, ...(note ? { note } : {}) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return Review.parse(res.body);
};
const history = async (ref: string) => HistoryPage.parse((await api.call('GET', `/api/constraints/${ref}/history?limit=200`)).body).items;
const events = async (constraintId: string): Promise<string[]> =>
  (await api.handoff.deps.database.db.selectFrom('escalation_events').select(['cycle', 'level_name']).where('constraint_id', '=', constraintId)
    .orderBy('cycle').orderBy('level').execute()).map((e) => `${e.cycle}:${e.level_name}`);
const sweepNow = async (): Promise<SweepResult> => SweepResult.parse((await api.call('POST', '/api/escalations/sweep', { at: api.clock.now().toISOString() })).body);
const reviewCount = async (): Promise<number> => ReviewPage.parse((await api.call('GET', `/api/programs/${claims.key}/reviews?limit=200`)).body).items.length;

beforeAll(async () => {
  api = await startTestApi({ now: '2026-11-20T09:00:00.000Z' });
  owner = await person('Ola Nordmann', 'ola@example.com');
  sponsor = await person('Sade Adu', 'sade@example.com');
  await person('Bea Board', 'bea@example.com', true);
  claims = Program.parse((await api.call('POST', '/api/programs', { name: 'Claims triage', phase: 'pilot', sponsorId: sponsor.id })).body);
  kyc = Program.parse((await api.call('POST', '/api/programs', { name: 'KYC extraction', phase: 'pilot' })).body);
  ownerless = await add(claims, 'No named owner', '2026-12-10');
  drift = await add(claims, 'Drift not monitored', '2026-11-18');
  consent = await add(claims, 'Consent wording unclear', '2026-12-01');
  latency = await add(claims, 'Latency above target', '2026-12-05', { status: 'resolved' });
  kycRisk = await add(kyc, 'Document quality varies', '2026-12-20');
});
afterAll(async () => { await api.close(); });

describe('the agenda', () => {
  it('lists every active constraint of the program, overdue first then by deadline, with its history since creation', async () => {
    const a = await agenda(claims);
    expect(a).toMatchObject({ program: { key: 'CLAIMS' }, lastReview: null, staleAfterDays: 7, truncated: false });
    expect(a.items.map((i) => i.constraint.ref)).toEqual([drift.ref, consent.ref, ownerless.ref]);
    expect(a.items[0]?.constraint).toMatchObject({ overdue: true, daysOverdue: 2, escalation: { cycle: 1 } });
    const first = a.items.find((i) => i.constraint.ref === ownerless.ref);
    expect(first?.changesSince).toBeNull();
    expect(first?.changes[0]).toMatchObject({ field: 'created', after: ownerless.ref });
    expect(first?.moreChanges).toBe(0);
  });

  it('flags a constraint stale once it has gone unreviewed for more than seven days', async () => {
    api.clock.set('2026-11-27T09:00:00.000Z');
    expect((await agenda(claims)).items.map((i) => i.constraint.stale)).toEqual([false, false, false]);
    expect((await get(ownerless.ref)).stale).toBe(false);
    api.clock.set('2026-11-27T09:00:00.001Z');
    expect((await agenda(claims)).items.map((i) => i.constraint.stale)).toEqual([true, true, true]);
    expect((await get(ownerless.ref)).stale).toBe(true);
    expect((await get(latency.ref)).stale).toBe(false);
  });

  it('answers 404 for an unknown program', async () => {
    expect((await api.call('GET', '/api/programs/NOPE/review')).status).toBe(404);
  });
});

describe('recording a review', () => {
  it('marks on-track and at-risk constraints reviewed and changes nothing else', async () => {
    api.clock.set('2026-11-28T10:00:00.000Z');
    const [before1, before3] = [await get(ownerless.ref), await get(consent.ref)];
    const res = await api.call('POST', `/api/programs/${claims.key}/reviews`, {
      reviewerId: sponsor.id, note: 'Weekly review', items: [{ constraintId: ownerless.ref, decision: 'on-track' }, { constraintId: consent.id, decision: 'at-risk', note: 'Legal is slow' }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const r = Review.parse(res.body);
    firstReviewId = r.id;
    expect(res.headers.get('location')).toBe(`/api/reviews/${r.id}`);
    expect(r).toMatchObject({ programKey: 'CLAIMS', reviewer: { id: sponsor.id }, note: 'Weekly review', createdAt: '2026-11-28T10:00:00.000Z' });
    expect(r.items.map((i) => [i.ref, i.decision, i.note])).toEqual([[ownerless.ref, 'on-track', null], [consent.ref, 'at-risk', 'Legal is slow']]);
    expect(r.items[1]?.before).toMatchObject({ lastReviewedAt: null, deadline: '2026-12-01', severity: 'medium', status: 'open' });
    expect(r.items[1]?.after).toMatchObject({ lastReviewedAt: '2026-11-28T10:00:00.000Z', deadline: '2026-12-01', severity: 'medium', status: 'open' });
    for (const before of [before1, before3]) {
      const after = await get(before.ref);
      expect(after).toMatchObject({ lastReviewedAt: '2026-11-28T10:00:00.000Z', stale: false, version: before.version + 1 });
      expect({ ...after, lastReviewedAt: null, stale: true, version: 0, updatedAt: '' }).toEqual({ ...before, version: 0, updatedAt: '' });
    }
    const last = (await history(consent.ref)).at(-1);
    expect(last).toMatchObject({ field: 'lastReviewedAt', before: null, after: '2026-11-28T10:00:00.000Z', reason: 'review: at-risk (Legal is slow)' });
    expect(await events(consent.id)).toEqual([]);
  });

  it('shows in the next agenda only what changed after the review', async () => {
    api.clock.set('2026-11-29T10:00:00.000Z');
    const patched = await api.call('PATCH', `/api/constraints/${ownerless.ref}`, { title: 'No named owner for model output' });
    expect(patched.status).toBe(200);
    const a = await agenda(claims);
    expect(a.lastReview).toMatchObject({ id: firstReviewId, createdAt: '2026-11-28T10:00:00.000Z', reviewer: { id: sponsor.id } });
    const byRef = new Map(a.items.map((i) => [i.constraint.ref, i]));
    expect(byRef.get(ownerless.ref)?.changesSince).toBe('2026-11-28T10:00:00.000Z');
    expect(byRef.get(ownerless.ref)?.changes.map((h) => [h.field, h.after])).toEqual([['title', 'No named owner for model output']]);
    expect(byRef.get(consent.ref)?.changes).toEqual([]);
    expect(byRef.get(drift.ref)?.changes[0]?.field).toBe('created');
  });

  it('re-plans through the update rules: the deadline moves with its reason and escalation starts a new cycle', async () => {
    await sweepNow(); // drift is eleven days late: reminder, due and sponsor fire
    expect((await get(drift.ref)).escalation).toMatchObject({ cycle: 1, levelName: 'sponsor' });
    const r = await review([{ constraintId: drift.ref, decision: 're-plan', newDeadline: '2027-01-15', reason: 'Vendor contract signed late' }]);
    expect(r.items[0]).toMatchObject({
      decision: 're-plan', newDeadline: '2027-01-15', reason: 'Vendor contract signed late',
      before: { deadline: '2026-11-18', escalationCycle: 1, escalationLevel: 2, escalationLevelName: 'sponsor' },
      after: { deadline: '2027-01-15', escalationCycle: 2, escalationLevel: -1, escalationLevelName: null, lastReviewedAt: '2026-11-29T10:00:00.000Z' },
    });
    expect(await get(drift.ref)).toMatchObject({ deadline: '2027-01-15', overdue: false, escalation: { cycle: 2, level: -1, nextLevelAt: '2027-01-12T00:00:00.000Z' } });
    const entries = await history(drift.ref);
    expect(entries).toContainEqual(expect.objectContaining({ field: 'deadline', before: '2026-11-18', after: '2027-01-15', reason: 'Vendor contract signed late' }));
    expect(entries).toContainEqual(expect.objectContaining({ field: 'escalationCycle', before: 1, after: 2 }));
    expect(entries.at(-1)).toMatchObject({ field: 'lastReviewedAt', reason: 'review: re-plan' });
  });

  it('escalates now: the next level fires at once and is logged in escalation_events', async () => {
    api.clock.set('2026-11-29T11:00:00.000Z');
    featureStore = await add(claims, 'Feature store not certified', '2027-03-01');
    expect(await events(featureStore.id)).toEqual([]);
    const r = await review([{ constraintId: featureStore.ref, decision: 'escalate-now', note: 'No progress for weeks' }]);
    expect(await events(featureStore.id)).toEqual(['1:reminder']);
    expect(r.items[0]).toMatchObject({ before: { escalationLevel: -1 }, after: { escalationCycle: 1, escalationLevel: 0, escalationLevelName: 'reminder' } });
    expect((await get(featureStore.ref)).escalation).toMatchObject({ level: 0, levelName: 'reminder' });
    expect((await history(featureStore.ref)).map((h) => h.field).slice(-2)).toEqual(['escalationLevel', 'lastReviewedAt']);
  });

  it('resolves through the update rules, which stops the escalation and drops it from the agenda', async () => {
    api.clock.set('2026-11-29T12:00:00.000Z');
    const r = await review([{ constraintId: consent.ref, decision: 'resolved', note: 'Legal signed off' }]);
    expect(r.items[0]).toMatchObject({ before: { status: 'open' }, after: { status: 'resolved' } });
    expect(await get(consent.ref)).toMatchObject({ status: 'resolved', resolvedAt: '2026-11-29T12:00:00.000Z', stale: false, escalation: { nextLevelAt: null } });
    expect(await history(consent.ref)).toContainEqual(expect.objectContaining({ field: 'status', before: 'open', after: 'resolved', reason: 'Legal signed off' }));
    expect((await agenda(claims)).items.map((i) => i.constraint.ref)).not.toContain(consent.ref);
  });
});

describe('refusals', () => {
  it.each([
    ['a constraint of another program', () => [{ constraintId: kycRisk.ref, decision: 'on-track' }], 'items.0.constraintId'],
    ['a closed constraint', () => [{ constraintId: latency.ref, decision: 'on-track' }], 'items.0.constraintId'],
    ['an unknown constraint', () => [{ constraintId: 'CLAIMS-99', decision: 'on-track' }], 'items.0.constraintId'],
    ['the same constraint twice (by ref and by id)', () => [{ constraintId: ownerless.ref, decision: 'on-track' }, { constraintId: ownerless.id, decision: 'at-risk' }], 'items.1.constraintId'],
    ['a re-plan without a reason', () => [{ constraintId: ownerless.ref, decision: 're-plan', newDeadline: '2027-02-01' }], 'items.0.reason'],
    ['a re-plan without a new deadline', () => [{ constraintId: ownerless.ref, decision: 're-plan', reason: 'later' }], 'items.0.newDeadline'],
    ['an impossible new deadline', () => [{ constraintId: ownerless.ref, decision: 're-plan', newDeadline: '2027-02-30', reason: 'later' }], 'items.0.newDeadline'],
    ['a new deadline on an on-track item', () => [{ constraintId: ownerless.ref, decision: 'on-track', newDeadline: '2027-02-01' }], 'items.0.newDeadline'],
    ['an unknown decision', () => [{ constraintId: ownerless.ref, decision: 'fine' }], 'items.0.decision'],
    ['no items', () => [], 'items'],
  ])('refuses %s with 400 naming the item, and stores nothing', async (_label, items, path) => {
    const [count, before] = [await reviewCount(), await get(ownerless.ref)];
    const res = await api.call('POST', `/api/programs/${claims.key}/reviews`, { reviewerId: sponsor.id, items: items() });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(Problem.parse(res.body).errors?.map((e) => e.path)).toContain(path);
    expect(await reviewCount()).toBe(count);
    expect((await get(ownerless.ref)).version).toBe(before.version);
  });

  it('refuses an unknown reviewer, naming reviewerId', async () => {
    const res = await api.call('POST', `/api/programs/${claims.key}/reviews`, { reviewerId: '00000000-0000-4000-8000-000000000000', items: [{ constraintId: ownerless.ref, decision: 'on-track' }] });
    expect(res.status).toBe(400);
    expect(Problem.parse(res.body).errors).toEqual([{ path: 'reviewerId', message: 'does not exist in this workspace' }]);
  });

  it('applies nothing when one item is bad, even though the items before it are fine', async () => {
    const [count, before, fired, entries] = [await reviewCount(), await get(ownerless.ref), await events(featureStore.id), (await history(ownerless.ref)).length];
    const res = await api.call('POST', `/api/programs/${claims.key}/reviews`, {
      reviewerId: sponsor.id,
      items: [
        { constraintId: ownerless.ref, decision: 're-plan', newDeadline: '2027-02-01', reason: 'Hiring' },
        { constraintId: featureStore.ref, decision: 'escalate-now' },
        { constraintId: latency.ref, decision: 'resolved' },
      ],
    });
    expect(res.status).toBe(400);
    expect(Problem.parse(res.body).errors?.map((e) => e.path)).toEqual(['items.2.constraintId']);
    expect(await reviewCount()).toBe(count);
    expect(await get(ownerless.ref)).toEqual(before);
    expect(await events(featureStore.id)).toEqual(fired);
    expect(await history(ownerless.ref)).toHaveLength(entries);
  });
});

describe('a failure while applying', () => {
  it('rolls back the items already applied: the review is one transaction', async () => {
    const failing = createReviewsService(api.handoff.deps, api.handoff.services.constraints, { escalateNow: () => Promise.reject(new Error('escalation failed')) });
    const [count, before, entries] = [await reviewCount(), await get(ownerless.ref), (await history(ownerless.ref)).length];
    await expect(failing.record(api.handoff.actor, claims.key, {
      reviewerId: sponsor.id,
      items: [
        { constraintId: ownerless.ref, decision: 're-plan', newDeadline: '2027-02-01', reason: 'Hiring' },
        { constraintId: featureStore.ref, decision: 'escalate-now' },
      ],
    })).rejects.toThrow('escalation failed');
    expect(await reviewCount()).toBe(count);
    expect(await get(ownerless.ref)).toEqual(before);
    expect(await history(ownerless.ref)).toHaveLength(entries);
  });
});

describe('reading reviews', () => {
  it("lists a program's reviews newest first with their decision counts, page by page", async () => {
    const first = await api.call('GET', `/api/programs/${claims.key}/reviews?limit=2`);
    const page = ReviewPage.parse(first.body);
    expect(page.items).toHaveLength(2);
    expect(page.items[0]?.decisions).toMatchObject({ resolved: 1, 'on-track': 0 });
    expect(page.items[1]?.decisions).toMatchObject({ 'escalate-now': 1 });
    const rest = ReviewPage.parse((await api.call('GET', `/api/programs/${claims.key}/reviews?limit=2&cursor=${page.nextCursor ?? ''}`)).body);
    expect(rest.items.map((r) => [r.id, r.itemCount])).toEqual([[expect.any(String), 1], [firstReviewId, 2]]);
    expect(rest.items.at(-1)?.decisions).toEqual({ 'on-track': 1, 'at-risk': 1, 're-plan': 0, 'escalate-now': 0, resolved: 0 });
    expect(rest.nextCursor).toBeNull();
    expect(ReviewPage.parse((await api.call('GET', `/api/programs/${kyc.key}/reviews`)).body).items).toEqual([]);
  });

  it('reads one review with its items; an unknown id is 404 and a malformed one 400', async () => {
    const r = Review.parse((await api.call('GET', `/api/reviews/${firstReviewId}`)).body);
    expect(r.items.map((i) => i.decision)).toEqual(['on-track', 'at-risk']);
    expect((await api.call('GET', '/api/reviews/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await api.call('GET', '/api/reviews/CLAIMS-1')).status).toBe(400);
  });
});

describe('the stale filter', () => {
  const refs = async (path: string): Promise<{ ref: string; stale: boolean }[]> => {
    const res = await api.call('GET', path);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return ConstraintPage.parse(res.body).items.map((c) => ({ ref: c.ref, stale: c.stale }));
  };

  it("splits the library into stale and not stale, agreeing with each constraint's flag", async () => {
    const stale = await refs('/api/constraints?stale=true&limit=200');
    const fresh = await refs('/api/constraints?stale=false&limit=200');
    const all = await refs('/api/constraints?limit=200');
    expect(stale.every((c) => c.stale)).toBe(true);
    expect(fresh.every((c) => !c.stale)).toBe(true);
    expect([...stale, ...fresh].map((c) => c.ref).sort()).toEqual(all.map((c) => c.ref).sort());
    expect(stale.map((c) => c.ref)).toEqual([kycRisk.ref]);
    expect(await refs(`/api/programs/${kyc.key}/constraints?stale=true`)).toEqual([{ ref: kycRisk.ref, stale: true }]);
    expect(await refs(`/api/programs/${claims.key}/constraints?stale=true`)).toEqual([]);
  });

  it('turns stale exactly when the flag does: seven days after the last review is not yet stale', async () => {
    // ownerless was last reviewed 2026-11-28T10:00Z.
    api.clock.set('2026-12-05T10:00:00.000Z');
    expect((await refs(`/api/programs/${claims.key}/constraints?stale=true`)).map((c) => c.ref)).not.toContain(ownerless.ref);
    api.clock.set('2026-12-05T10:00:00.001Z');
    expect(await refs(`/api/programs/${claims.key}/constraints?stale=true`)).toContainEqual({ ref: ownerless.ref, stale: true });
    expect((await refs(`/api/programs/${claims.key}/constraints?stale=false`)).map((c) => c.ref)).not.toContain(ownerless.ref);
  });

  it('refuses a stale filter that is not true or false', async () => {
    const res = await api.call('GET', '/api/constraints?stale=yes');
    expect(res.status).toBe(400);
    expect(Problem.parse(res.body).errors?.[0]?.path).toBe('query.stale');
  });
});
