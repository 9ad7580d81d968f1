import { proto, type WAMessage } from '@whiskeysockets/baileys';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../core/event-bus.js';
import { openDatabase } from '../../db/connection.js';
import { BUSINESS_MESSAGES } from '../../../testkit/wa-emulator/business-messages.js';
import { EventRecorder } from '../events/event-recorder.js';
import { HistoryQueries } from './history-queries.js';
import { MessageStore } from './message-store.js';
import { reclassifyUnknown } from './reclassify-unknown.js';

const CHAT = '972501111111@s.whatsapp.net';

function raw(id: string, message: proto.IMessage): Buffer {
  const full = { key: { remoteJid: CHAT, fromMe: false, id }, messageTimestamp: 1_700_000_000, message };
  return Buffer.from(proto.WebMessageInfo.encode(full as WAMessage).finish());
}

function unknownRecord(id: string, bytes: Buffer) {
  return {
    chatJid: CHAT,
    id,
    fromMe: false,
    senderJid: CHAT,
    senderName: null,
    type: 'unknown' as const,
    text: null,
    media: null,
    content: null,
    quotedId: null,
    mentions: [],
    status: 'delivered' as const,
    timestamp: 1_700_000_000_000,
    forwarded: false,
    raw: bytes,
  };
}

describe('messages stored as unknown before their kind was understood', () => {
  it('become interactive messages with their text, found by search; others stay unknown', () => {
    const db = openDatabase(':memory:');
    const store = new MessageStore(db, new EventRecorder(db, new EventBus(pino({ level: 'silent' }))));
    store.ingest(
      's',
      [
        unknownRecord('LIST1', raw('LIST1', BUSINESS_MESSAGES.list)),
        unknownRecord('EVENT1', raw('EVENT1', { eventMessage: { name: 'Tasting night' } })),
      ],
      'history',
    );
    expect(reclassifyUnknown(db.$client)).toBe(1);
    const list = store.get('s', CHAT, 'LIST1');
    expect(list?.type).toBe('interactive');
    expect(list?.interactive?.list?.sections[0]?.rows[1]?.title).toBe('Akko');
    expect(store.get('s', CHAT, 'EVENT1')?.type).toBe('unknown');
    const hits = new HistoryQueries(db).search({ query: 'Akko', sessionId: 's', limit: 10 });
    expect(hits.messages.map((m) => m.id)).toEqual(['LIST1']);
    // A second start finds nothing new to do.
    expect(reclassifyUnknown(db.$client)).toBe(0);
  });
});
