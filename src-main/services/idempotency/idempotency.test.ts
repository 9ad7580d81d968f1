import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../core/event-bus.js';
import { openDatabase, type Db } from '../../db/connection.js';
import { EventRecorder } from '../events/event-recorder.js';
import { IDEMPOTENCY_TTL_MS, IdempotencyKeys } from './idempotency.js';

let db: Db;
let keys: IdempotencyKeys;
const slot = { scope: 'thing:shop', key: 'order-1' };

beforeEach(() => {
  db = openDatabase(':memory:');
  keys = new IdempotencyKeys(db, new EventRecorder(db, new EventBus(pino({ level: 'silent' }))));
  db.$client.exec('CREATE TABLE things (id TEXT PRIMARY KEY)');
});

afterEach(() => {
  db.$client.close();
});

const things = () => (db.$client.prepare('SELECT count(*) AS n FROM things').get() as { n: number }).n;
const createThing = (id: string) => () => {
  db.$client.prepare('INSERT INTO things (id) VALUES (?)').run(id);
  return { id };
};

describe('IdempotencyKeys.once', () => {
  it('creates once per slot and answers the first result afterwards', () => {
    expect(keys.once(slot, createThing('a'))).toEqual({ id: 'a' });
    expect(keys.once(slot, createThing('b'))).toEqual({ id: 'a' });
    expect(things()).toBe(1);
  });

  it('without a slot, creates every time and remembers nothing', () => {
    keys.once(null, createThing('a'));
    keys.once(null, createThing('b'));
    expect(things()).toBe(2);
    expect(keys.recall(null)).toBeUndefined();
  });

  it('a create that throws leaves neither the thing nor the key behind', () => {
    expect(() =>
      keys.once(slot, () => {
        createThing('a')();
        throw new Error('refused after the insert');
      }),
    ).toThrow('refused after the insert');
    expect(things()).toBe(0);
    expect(keys.recall(slot)).toBeUndefined();
    expect(keys.once(slot, createThing('b'))).toEqual({ id: 'b' });
  });

  it('forgets a key after a day: the same key creates again', () => {
    keys.once(slot, createThing('a'));
    db.$client
      .prepare('UPDATE idempotency_keys SET created_at = ? WHERE scope = ? AND key = ?')
      .run(Date.now() - IDEMPOTENCY_TTL_MS - 1, slot.scope, slot.key);
    expect(keys.recall(slot)).toBeUndefined();
    expect(keys.once(slot, createThing('b'))).toEqual({ id: 'b' });
    expect(keys.recall(slot)).toEqual({ id: 'b' });
  });

  it('prunes answers older than a day, keeping younger ones', () => {
    keys.once(slot, createThing('a'));
    keys.once({ scope: 'thing:shop', key: 'order-2' }, createThing('b'));
    db.$client
      .prepare('UPDATE idempotency_keys SET created_at = ? WHERE key = ?')
      .run(Date.now() - IDEMPOTENCY_TTL_MS - 1, slot.key);
    expect(keys.prune()).toBe(1);
    const left = db.$client.prepare('SELECT key FROM idempotency_keys').all() as { key: string }[];
    expect(left.map((row) => row.key)).toEqual(['order-2']);
  });
});
