/**
 * The group store's full-metadata write (`put`) settles a group chat's disappearing-messages
 * timer. A group we had no chat row of gets one (`settle`) that starts with the group's timer:
 * that is no change, and `chat.ephemeral_changed` for it would name a chat no one was told of.
 * A chat that existed with another timer (changed while the number was offline) is announced.
 */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import { EventBus } from '../../core/event-bus.js';
import { openDatabase } from '../../db/connection.js';
import type { GroupRecord } from '../../wa/group-records.js';
import { EventRecorder } from '../events/event-recorder.js';
import { GroupStore } from './group-store.js';

function setup() {
  const db = openDatabase(':memory:');
  const bus = new EventBus(pino({ level: 'silent' }));
  const events = new EventRecorder(db, bus);
  const seen: AnyEventEnvelope[] = [];
  bus.subscribe((event) => seen.push(event));
  const timers = () => seen.filter((event) => event.type === 'chat.ephemeral_changed');
  return { db, store: new GroupStore(db, events), timers };
}

const group = (jid: string, ephemeralSeconds: number): GroupRecord => ({
  jid,
  subject: 'Book club',
  description: null,
  ownerJid: null,
  announce: false,
  restrict: false,
  isCommunity: false,
  joinApproval: false,
  addressing: 'pn',
  createdAt: null,
  ephemeralSeconds,
  participants: [],
});

describe('a group’s timer from the full metadata', () => {
  it('starts a new group chat with the group’s timer, announcing no change', () => {
    const { db, store, timers } = setup();
    const jid = '120363000000000001@g.us';
    store.put('s1', [group(jid, 86_400)], null);
    expect(timers()).toEqual([]);
    const chat = db.$client
      .prepare('SELECT ephemeral_seconds AS seconds FROM chats WHERE jid = ?')
      .get(jid) as { seconds: number };
    expect(chat.seconds).toBe(86_400);
  });

  it('is set and announced for a group chat that exists, once', () => {
    const { db, store, timers } = setup();
    const jid = '120363000000000002@g.us';
    db.$client
      .prepare(`INSERT INTO chats (session_id, jid, kind, updated_at) VALUES ('s1', ?, 'group', '')`)
      .run(jid);
    store.put('s1', [group(jid, 86_400)], null);
    store.put('s1', [group(jid, 86_400)], null);
    expect(timers().map((event) => event.data)).toEqual([{ chat: jid, seconds: 86_400, previous: 0 }]);
    const chat = db.$client
      .prepare('SELECT ephemeral_seconds AS seconds FROM chats WHERE jid = ?')
      .get(jid) as { seconds: number };
    expect(chat.seconds).toBe(86_400);
  });
});
