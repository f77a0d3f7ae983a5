import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql, type Generated } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PGliteDialect } from './pglite-dialect.js';

interface TestDb {
  counter: { id: number; n: number };
  note: { id: Generated<number>; body: string };
}

let lite: PGlite;
let db: Kysely<TestDb>;

beforeAll(async () => {
  lite = await PGlite.create();
  db = new Kysely<TestDb>({ dialect: new PGliteDialect(lite) });
  // Several statements in one script go through PGlite's simple protocol (as migrations do).
  await sql`create table counter (id int primary key, n int not null); create table note (id serial primary key, body text not null unique)`.execute(db);
});
afterAll(async () => {
  await db.destroy();
  await lite.close();
});
beforeEach(async () => {
  await db.deleteFrom('note').execute();
  await db.deleteFrom('counter').execute();
  await db.insertInto('counter').values({ id: 1, n: 0 }).execute();
});

/** Yields to the event loop so that, without serialisation, other work would interleave here. */
const yieldTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function counter(): Promise<number> {
  return (await db.selectFrom('counter').select('n').where('id', '=', 1).executeTakeFirstOrThrow()).n;
}

async function incrementInTransaction(): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { n } = await trx.selectFrom('counter').select('n').where('id', '=', 1).executeTakeFirstOrThrow();
    await yieldTurn();
    await trx.updateTable('counter').set({ n: n + 1 }).where('id', '=', 1).execute();
  });
}

describe('PGliteDialect', () => {
  it('serialises 50 concurrent read-then-write transactions so that none loses an update', async () => {
    await Promise.all(Array.from({ length: 50 }, () => incrementInTransaction()));
    expect(await counter()).toBe(50);
  });

  it('keeps plain queries fired during transactions out of them, and all of them land', async () => {
    const work = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0 ? incrementInTransaction() : db.insertInto('note').values({ body: `note ${i}` }).execute().then(() => undefined),
    );
    await Promise.all(work);
    expect(await counter()).toBe(20);
    const notes = await db.selectFrom('note').select(db.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
    expect(Number(notes.count)).toBe(20);
  });

  it('rolls back a transaction that throws, and later queries still work', async () => {
    const failing = db.transaction().execute(async (trx) => {
      await trx.insertInto('note').values({ body: 'doomed' }).execute();
      await trx.updateTable('counter').set({ n: 99 }).where('id', '=', 1).execute();
      await yieldTurn();
      throw new Error('boom');
    });
    const others = [incrementInTransaction(), incrementInTransaction()];
    await expect(failing).rejects.toThrow('boom');
    await Promise.all(others);
    expect(await counter()).toBe(2);
    expect(await db.selectFrom('note').selectAll().execute()).toEqual([]);
  });

  it('recovers from a statement that fails inside a transaction (the session is not left aborted)', async () => {
    await db.insertInto('note').values({ body: 'taken' }).execute();
    const failing = db.transaction().execute(async (trx) => {
      await trx.insertInto('note').values({ body: 'first' }).execute();
      await trx.insertInto('note').values({ body: 'taken' }).execute();
    });
    await expect(failing).rejects.toThrow(/duplicate key/);
    await incrementInTransaction();
    expect(await counter()).toBe(1);
    expect((await db.selectFrom('note').select('body').execute()).map((r) => r.body)).toEqual(['taken']);
  });

  it('reports how many rows a write affected', async () => {
    await db.insertInto('note').values([{ body: 'a' }, { body: 'b' }, { body: 'c' }]).execute();
    const result = await db.updateTable('note').set({ body: sql<string>`body || '!'` }).where('body', '!=', 'a').executeTakeFirstOrThrow();
    expect(result.numUpdatedRows).toBe(2n);
    const removed = await db.deleteFrom('note').executeTakeFirstOrThrow();
    expect(removed.numDeletedRows).toBe(3n);
  });

  it('lets a transaction run many statements in a row without another caller slipping in', async () => {
    const seen: number[] = [];
    const tx = db.transaction().execute(async (trx) => {
      for (let i = 0; i < 5; i++) {
        await trx.updateTable('counter').set({ n: i + 10 }).where('id', '=', 1).execute();
        await yieldTurn();
        seen.push((await trx.selectFrom('counter').select('n').where('id', '=', 1).executeTakeFirstOrThrow()).n);
      }
      await trx.updateTable('counter').set({ n: 0 }).where('id', '=', 1).execute();
    });
    const outside = db.updateTable('counter').set({ n: -1 }).where('id', '=', 1).execute();
    await Promise.all([tx, outside]);
    expect(seen).toEqual([10, 11, 12, 13, 14]);
    // The outside write queued behind the whole transaction, so it is the last one.
    expect(await counter()).toBe(-1);
  });
});
