import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import { EventBus } from '../../core/event-bus.js';
import { openDatabase } from '../../db/connection.js';
import type { ChatMeta } from '../../wa/session-events.js';
import { ChatService } from './chats.js';
import { EventRecorder } from '../events/event-recorder.js';
import { MessageStore } from '../messages/message-store.js';

function setup() {
  const db = openDatabase(':memory:');
  const bus = new EventBus(pino({ level: 'silent' }));
  const events = new EventRecorder(db, bus);
  const chats = new ChatService(db, new MessageStore(db, events), {} as never, events);
  const seen: AnyEventEnvelope[] = [];
  bus.subscribe((event) => seen.push(event));
  return { chats, updates: () => seen.filter((event) => event.type === 'chat.updated') };
}

const meta = (jid: string, change: Partial<ChatMeta> = {}): ChatMeta => ({
  jid,
  name: null,
  archived: null,
  pinnedAt: null,
  mutedUntil: null,
  unreadCount: null,
  ...change,
});

describe('chat changes made on the phone', () => {
  it('are announced as chat.updated, once per chat that really changed', () => {
    const { chats, updates } = setup();
    chats.applyMeta('s1', [meta('111@s.whatsapp.net', { name: 'Dana' })]);
    expect(updates()).toHaveLength(1);

    chats.applyMeta('s1', [
      meta('111@s.whatsapp.net', { archived: true }),
      meta('111@s.whatsapp.net', { archived: true }),
    ]);
    expect(updates()).toHaveLength(2);
    expect(updates()[1]).toMatchObject({
      session: 's1',
      data: { jid: '111@s.whatsapp.net', archived: true, name: 'Dana' },
    });
  });

  it('leave the big first sync after linking to the history events', () => {
    const { chats, updates } = setup();
    chats.applyMeta(
      's1',
      Array.from({ length: 200 }, (_, i) => meta(`${1000 + i}@s.whatsapp.net`, { name: `Chat ${i}` })),
    );
    expect(updates()).toHaveLength(0);
    expect(chats.get('s1', '1199@s.whatsapp.net').name).toBe('Chat 199');
  });
});
