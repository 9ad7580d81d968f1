/**
 * The `media` column stores only the values that are not their default (media-json.ts, issue #23
 * target 3): a message's media reads back as it was given, key order included, whether its row
 * was written now or before (every key spelled out), after its file is stored and after
 * retention removed it; and the SQL readers of `media` see the same values in both shapes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { MediaInfo } from '../../../src-shared/messages.js';
import { message } from '../../../testkit/support/chat-list-world.js';
import { CHATS, closeMemoryStores, openMemoryStore } from '../../../testkit/support/memory-store.js';
import type { MessageRecord } from '../../wa/message-mapping.js';
import { lastMessageKindsReader } from './last-message-kind.js';
import { HistoryQueries } from './history-queries.js';

afterEach(closeMemoryStores);

const { customer: A } = CHATS;

const IMAGE: MediaInfo = {
  mimetype: 'image/jpeg',
  fileName: null,
  size: 48_213,
  sha256: null,
  seconds: null,
  width: 1080,
  height: 1350,
  voiceNote: false,
  stored: false,
};
const VOICE: MediaInfo = {
  mimetype: 'audio/ogg; codecs=opus',
  fileName: null,
  size: 9_000,
  sha256: null,
  seconds: 7,
  width: null,
  height: null,
  voiceNote: true,
  waveform: 'AAECAwQ=',
  stored: false,
};
const DOCUMENT: MediaInfo = {
  mimetype: 'application/pdf',
  fileName: 'invoice.pdf',
  size: null,
  sha256: null,
  seconds: null,
  width: null,
  height: null,
  voiceNote: false,
  stored: false,
};

const withMedia = (id: string, at: number, media: MediaInfo, type: MessageRecord['type']): MessageRecord => ({
  ...message(A, id, at, false),
  type,
  text: null,
  media,
});

function open() {
  const { db, store } = openMemoryStore();
  const sqlite = db.$client;
  const storedJson = (id: string) =>
    sqlite.prepare(`SELECT media FROM messages WHERE id = ?`).pluck().get(id) as string;
  return { db, store, sqlite, storedJson };
}

describe('the media column', () => {
  it('stores only what is not a default, and reads back the same media on both insert paths', () => {
    const { db, store, storedJson } = open();
    store.ingest('shop', [withMedia('img', 1, IMAGE, 'image')], 'live');
    store.ingest(
      'shop',
      [withMedia('voice', 2, VOICE, 'audio'), withMedia('doc', 3, DOCUMENT, 'document')],
      'history',
    );
    expect(JSON.parse(storedJson('img'))).toEqual({
      mimetype: 'image/jpeg',
      size: 48_213,
      width: 1080,
      height: 1350,
    });
    expect(storedJson('img').length).toBeLessThan(JSON.stringify(IMAGE).length / 2);
    expect(JSON.parse(storedJson('voice'))).toEqual({
      mimetype: 'audio/ogg; codecs=opus',
      size: 9_000,
      seconds: 7,
      voiceNote: true,
      waveform: 'AAECAwQ=',
    });
    const page = new HistoryQueries(db).page('shop', A, { limit: 10 });
    for (const [id, media] of [
      ['img', IMAGE],
      ['voice', VOICE],
      ['doc', DOCUMENT],
    ] as const) {
      // Same object, same key order (the API's JSON is the same text).
      expect(JSON.stringify(store.get('shop', A, id)!.media), id).toBe(JSON.stringify(media));
      expect(JSON.stringify(page.find((m) => m.id === id)!.media), id).toBe(JSON.stringify(media));
    }
  });

  it('reads a row written before (every key spelled out) as it was', () => {
    const { store, sqlite } = open();
    store.ingest('shop', [withMedia('old', 1, VOICE, 'audio')], 'live');
    sqlite.prepare(`UPDATE messages SET media = ? WHERE id = 'old'`).run(JSON.stringify(VOICE));
    expect(JSON.stringify(store.get('shop', A, 'old')!.media)).toBe(JSON.stringify(VOICE));
  });

  it('follows the file being stored, then removed by retention', () => {
    const { store, sqlite, storedJson } = open();
    store.ingest('shop', [withMedia('img', 1, IMAGE, 'image')], 'live');
    store.markMediaStored('shop', A, 'img', 'ab'.repeat(32), 50_000);
    expect(store.get('shop', A, 'img')!.media).toEqual({
      ...IMAGE,
      sha256: 'ab'.repeat(32),
      size: 50_000,
      stored: true,
    });
    expect(JSON.parse(storedJson('img'))).not.toHaveProperty('fileName');
    // What services/housekeeping/retention-batch.ts does to a removed file's row.
    sqlite
      .prepare(
        `UPDATE messages SET media = json_set(media, '$.stored', json('false'), '$.sha256', NULL, '$.removedAt', ?)`,
      )
      .run('2026-01-01T00:00:00.000Z');
    expect(JSON.stringify(store.get('shop', A, 'img')!.media)).toBe(
      JSON.stringify({ ...IMAGE, size: 50_000, removedAt: '2026-01-01T00:00:00.000Z' }),
    );
  });

  it('gives SQL readers the same values in both shapes', () => {
    const { sqlite, store } = open();
    const records = [
      withMedia('voice-new', 1, VOICE, 'audio'),
      withMedia('voice-old', 2, VOICE, 'audio'),
      withMedia('doc-new', 3, DOCUMENT, 'document'),
      withMedia('doc-old', 4, DOCUMENT, 'document'),
    ];
    store.ingest('shop', records, 'history');
    sqlite.prepare(`UPDATE messages SET media = ? WHERE id = 'voice-old'`).run(JSON.stringify(VOICE));
    sqlite.prepare(`UPDATE messages SET media = ? WHERE id = 'doc-old'`).run(JSON.stringify(DOCUMENT));
    const read = lastMessageKindsReader(sqlite);
    const kinds = read(records.map((r) => ({ sessionId: 'shop', jid: A, lastMessageId: r.id })));
    expect(kinds[0]).toEqual(kinds[1]);
    expect(kinds[0]).toMatchObject({ seconds: 7, voiceNote: true, fileName: null });
    expect(kinds[2]).toEqual(kinds[3]);
    expect(kinds[2]).toMatchObject({ fileName: 'invoice.pdf', seconds: null, voiceNote: false });
    const conditions = sqlite
      .prepare(
        `SELECT id, json_extract(media, '$.sha256') IS NULL AS noHash, json_extract(media, '$.removedAt') IS NULL AS kept
         FROM messages ORDER BY id`,
      )
      .all();
    expect(conditions).toEqual(
      records.map((r) => ({ id: r.id, noHash: 1, kept: 1 })).sort((a, b) => a.id.localeCompare(b.id)),
    );
  });
});
