import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../../../src-shared/messages.js';
import { startTestCore, type TestCore } from '../../../../testkit/support/test-core.js';
import { unzip } from '../../../../testkit/support/unzip.js';
import { MediaStore } from '../../messages/media-store.js';
import { UnusedMedia } from '../../sessions/removal/unused-media.js';
import { ForgetContact, type AuditRecord } from './forget-contact.js';

/**
 * A data-subject request about Dana, who wrote to two of the shop's numbers and in a group:
 * the export holds everything of hers on both numbers (and nothing of Avi's); forgetting her
 * removes exactly that, keeps a photo Avi also sent, and is audited.
 */
const DANA_PHONE = '972501110001';
const DANA = `${DANA_PHONE}@s.whatsapp.net`;
const DANA_LID = '111222333@lid';
const AVI = '972501110002@s.whatsapp.net';
const GROUP = '120363000000000001@g.us';
let app: TestCore;
let files: Record<'danaOnly' | 'shared', { sha256: string }>;

beforeAll(async () => {
  app = await startTestCore();
  for (const [id, name] of [
    ['shop', 'Shop'],
    ['branch', 'Branch'],
  ]) {
    await app.request('/api/v1/sessions', { method: 'POST', json: { id, name } });
  }
  const store = new MediaStore(app.dataDir, app.core.db);
  files = {
    danaOnly: store.save(randomBytes(500), 'image/jpeg'),
    shared: store.save(randomBytes(700), 'image/jpeg'),
  };
  const sqlite = app.core.db.$client;
  const media = (sha256: string) =>
    JSON.stringify({
      mimetype: 'image/jpeg',
      fileName: null,
      size: 1,
      sha256,
      seconds: null,
      width: null,
      height: null,
      voiceNote: false,
      stored: true,
    });
  const insert = sqlite.prepare(
    `INSERT INTO messages (session_id, chat_jid, id, from_me, sender_jid, type, text, media, status, timestamp)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'delivered', ?)`,
  );
  let at = Date.parse('2026-11-01T10:00:00Z');
  const add = (
    session: string,
    chat: string,
    id: string,
    sender: string | null,
    text: string | null,
    sha?: string,
  ) =>
    insert.run(
      session,
      chat,
      id,
      sender ? 0 : 1,
      sender,
      sha ? 'image' : 'text',
      text,
      sha ? media(sha) : null,
      (at += 1000),
    );
  const chat = sqlite.prepare('INSERT INTO chats (session_id, jid, kind, unread_count) VALUES (?, ?, ?, 0)');
  chat.run('shop', DANA, 'user');
  chat.run('branch', DANA, 'user');
  chat.run('shop', AVI, 'user');
  chat.run('shop', GROUP, 'group');
  sqlite
    .prepare(
      "INSERT INTO contacts (session_id, jid, lid, phone, name) VALUES ('shop', ?, ?, ?, 'Dana'), ('shop', ?, NULL, '972501110002', 'Avi')",
    )
    .run(DANA, DANA_LID, DANA_PHONE, AVI);
  add('shop', DANA, 'd1', DANA, 'my address is Herzl 12');
  add('shop', DANA, 'd2', null, 'thanks Dana');
  add('shop', DANA, 'd3', DANA, null, files.danaOnly.sha256);
  // As a 1:1 message from her is stored since session 20: no sender, the chat implies it.
  sqlite
    .prepare(
      `INSERT INTO messages (session_id, chat_jid, id, from_me, sender_jid, type, text, status, timestamp)
       VALUES ('shop', ?, 'd4', 0, NULL, 'text', 'see you at 5', 'delivered', ?)`,
    )
    .run(DANA, (at += 1000));
  add('branch', DANA, 'b1', DANA, 'same photo', files.shared.sha256);
  add('shop', GROUP, 'g1', DANA, 'Dana in the group');
  add('shop', GROUP, 'g2', AVI, 'Avi in the group');
  add('shop', AVI, 'a1', AVI, 'Avi alone', files.shared.sha256);
  sqlite.prepare("INSERT INTO tags (id, name, color, created_at) VALUES ('t1', 'vip', '#ff0000', 0)").run();
  const tag = sqlite.prepare(
    "INSERT INTO chat_tags (session_id, chat_jid, tag_id, added_by, added_at) VALUES ('shop', ?, 't1', 'admin', 0)",
  );
  tag.run(DANA);
  tag.run(AVI);
  const note = sqlite.prepare(
    "INSERT INTO chat_notes (id, session_id, chat_jid, text, author, created_at, updated_at) VALUES (?, 'shop', ?, ?, 'admin', 0, 0)",
  );
  note.run('n1', DANA, 'Dana pays cash');
  note.run('n2', AVI, 'Avi pays by card');
  sqlite
    .prepare("INSERT INTO opt_outs (session_id, jid, reason, created_at) VALUES ('shop', ?, 'stop_reply', 0)")
    .run(DANA);
  sqlite
    .prepare(
      "INSERT INTO message_reactions (session_id, chat_jid, message_id, sender_jid, emoji, timestamp) VALUES ('shop', ?, 'g2', ?, '👍', 0)",
    )
    .run(GROUP, DANA);
  // Her profile picture answers in both sizes (the full size is keyed '<jid>#full'), and Avi's.
  const avatar = sqlite.prepare(
    "INSERT INTO contact_avatars (session_id, jid, sha256, mimetype, fetched_at, refresh_after) VALUES ('shop', ?, NULL, NULL, 0, 0)",
  );
  for (const jid of [DANA, `${DANA}#full`, `${DANA_LID}#full`, AVI, `${AVI}#full`]) avatar.run(jid);
});

afterAll(async () => {
  await app?.stop();
});

function count(sql: string, ...args: unknown[]): number {
  return (app.core.db.$client.prepare(sql).get(...args) as { n: number }).n;
}

describe('everything of one contact', () => {
  it('exports her chats on every number, her group messages, tags, notes, opt-out and media', async () => {
    const response = await app.request(`/api/v1/contacts/${encodeURIComponent('+972 50-111-0001')}/data`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`contact-${DANA_PHONE}.zip`);
    const entries = unzip(Buffer.from(await response.arrayBuffer()));
    expect([...entries.keys()].sort()).toEqual(
      ['contact.json', `media/${files.danaOnly.sha256}`, `media/${files.shared.sha256}`].sort(),
    );
    const doc = JSON.parse(entries.get('contact.json')!.toString('utf8')) as {
      numbers: {
        session: string;
        contacts: { name: string }[];
        chats: { jid: string; messages: Message[]; tags: { name: string }[]; notes: { text: string }[] }[];
        groupMessages: Message[];
        optOuts: unknown[];
      }[];
    };
    expect(doc.numbers.map((n) => n.session)).toEqual(['branch', 'shop']);
    const shop = doc.numbers.find((n) => n.session === 'shop')!;
    expect(shop.contacts.map((c) => c.name)).toEqual(['Dana']);
    expect(shop.chats.map((c) => c.jid)).toEqual([DANA]);
    expect(shop.chats[0]!.messages.map((m) => [m.id, m.sender])).toEqual([
      ['d1', DANA],
      ['d2', null],
      ['d3', DANA],
      ['d4', DANA],
    ]);
    expect(shop.chats[0]!.tags.map((t) => t.name)).toEqual(['vip']);
    expect(shop.chats[0]!.notes.map((n) => n.text)).toEqual(['Dana pays cash']);
    expect(shop.groupMessages.map((m) => m.text)).toEqual(['Dana in the group']);
    expect(shop.optOuts).toHaveLength(1);
    expect(JSON.stringify(doc)).not.toContain('Avi');
  });

  it('forgets her everywhere, keeps everything of Avi and the photo he also has, and audits it', async () => {
    const audits: AuditRecord[] = [];
    const media = new MediaStore(app.dataDir, app.core.db);
    const forget = new ForgetContact(app.core.db, new UnusedMedia(app.core.db, media), (r) => audits.push(r));
    const result = forget.run(DANA_PHONE, 'admin');
    expect(result).toMatchObject({ messages: 6, chats: 2, mediaFiles: 1, notes: 1, tags: 1, optOuts: 1 });
    expect(audits).toEqual([
      { action: 'contact.forgotten', actor: 'admin', target: `+${DANA_PHONE}`, details: result },
    ]);

    const danaRows = (table: string, column: string) =>
      count(`SELECT count(*) AS n FROM ${table} WHERE ${column} IN (?, ?)`, DANA, DANA_LID);
    expect(danaRows('messages', 'chat_jid') + danaRows('messages', 'sender_jid')).toBe(0);
    expect(danaRows('chats', 'jid') + danaRows('contacts', 'jid') + danaRows('chat_tags', 'chat_jid')).toBe(
      0,
    );
    expect(
      danaRows('chat_notes', 'chat_jid') +
        danaRows('opt_outs', 'jid') +
        danaRows('message_reactions', 'sender_jid'),
    ).toBe(0);
    expect(media.has(files.danaOnly.sha256)).toBe(false);
    expect(media.has(files.shared.sha256)).toBe(true);
    expect(
      count(
        "SELECT count(*) AS n FROM contact_avatars WHERE jid LIKE '972501110001%' OR jid LIKE '111222333%'",
      ),
    ).toBe(0);
    // Avi: untouched.
    expect(count('SELECT count(*) AS n FROM contact_avatars WHERE jid IN (?, ?)', AVI, `${AVI}#full`)).toBe(
      2,
    );
    expect(count('SELECT count(*) AS n FROM messages WHERE sender_jid = ?', AVI)).toBe(2);
    expect(count('SELECT count(*) AS n FROM chat_notes WHERE chat_jid = ?', AVI)).toBe(1);
    expect(count('SELECT count(*) AS n FROM chat_tags WHERE chat_jid = ?', AVI)).toBe(1);
    const search = (await (await app.request('/api/v1/search?q=Herzl')).json()) as { items: unknown[] };
    expect(search.items).toEqual([]);
    // Nothing is left to export.
    const after = unzip(
      Buffer.from(await (await app.request(`/api/v1/contacts/${DANA_PHONE}/data`)).arrayBuffer()),
    );
    expect(JSON.parse(after.get('contact.json')!.toString('utf8'))).toMatchObject({ numbers: [] });
  });

  it('over REST: forgets by phone number and refuses what is not one, naming the field', async () => {
    const bad = await app.request('/api/v1/contacts/not-a-phone/forget', { method: 'POST' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('phone');
    const response = await app.request(`/api/v1/contacts/${encodeURIComponent('+972501110002')}/forget`, {
      method: 'POST',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      phone: '972501110002',
      messages: 2,
      chats: 1,
      notes: 1,
      tags: 1,
    });
    // Recorded in the staff audit log (Settings → Audit), naming who asked.
    const audit = (await (await app.request('/api/v1/audit?action=contact.forgotten')).json()) as {
      items: { action: string; target: string; actor: { name: string } }[];
    };
    expect(audit.items).toEqual([
      expect.objectContaining({
        action: 'contact.forgotten',
        target: '+972501110002',
        actor: expect.objectContaining({ name: 'Admin key' }),
      }),
    ]);
  });
});
