/**
 * Deleting a session removes what belonged to it, everywhere, and nothing of another session;
 * `keepHistory` keeps the chat history (hidden until the id is used again). Messages are hidden
 * at once and removed in the background, batch by batch, surviving a restart.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Tag } from '../../../../src-shared/contract/organize.js';
import type { Chat, Message } from '../../../../src-shared/messages.js';
import { databaseFile, openDatabase } from '../../../db/connection.js';
import { nextEvent } from '../../../../testkit/support/events.js';
import { startTestCore, type TestCore } from '../../../../testkit/support/test-core.js';
import type { MessageRecord } from '../../../wa/message-mapping.js';
import { AvatarStore } from '../../avatars/avatar-store.js';
import { MediaStore } from '../../messages/media-store.js';
import { NOT_PURGED_HERE, PURGED_TABLES } from './session-purge.js';

const cores: TestCore[] = [];

afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.stop()));
});

const customer = '972501234567@s.whatsapp.net';
const group = '120363000000000001@g.us';

function text(id: string, chat: string, words: string, timestamp: number): MessageRecord {
  return {
    chatJid: chat,
    id,
    fromMe: false,
    senderJid: chat === group ? customer : chat,
    senderName: null,
    type: 'text',
    text: words,
    media: null,
    content: null,
    quotedId: null,
    mentions: [],
    status: 'delivered',
    timestamp,
    forwarded: false,
    raw: Buffer.from('x'),
  };
}

/** Tables with a `session_id` column, read from the migrated schema itself. */
function tablesWithSessionColumn(app: TestCore): string[] {
  const sqlite = app.core.db.$client;
  const tables = sqlite
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'`,
    )
    .all()
    .map((row) => row.name);
  return tables.filter((table) =>
    sqlite
      .prepare<[], { name: string }>(`PRAGMA table_info("${table}")`)
      .all()
      .some((column) => column.name === 'session_id'),
  );
}

/** Rows per table that belong to `sessionId` (the event log is an audit trail and left out). */
function rowsOf(app: TestCore, sessionId: string): Record<string, number> {
  const sqlite = app.core.db.$client;
  const counts: Record<string, number> = {};
  for (const table of tablesWithSessionColumn(app)) {
    if (table === 'events') continue;
    counts[table] = sqlite
      .prepare<[string], { n: number }>(`SELECT count(*) AS n FROM "${table}" WHERE session_id = ?`)
      .get(sessionId)!.n;
  }
  // The reports' per-chat rows name the session through their chat's key (migration 0057).
  for (const table of ['report_conversations', 'report_message_counts'])
    counts[table] = sqlite
      .prepare<[string], { n: number }>(
        `SELECT count(*) AS n FROM ${table} WHERE chat IN (SELECT id FROM report_chats WHERE session_id = ?)`,
      )
      .get(sessionId)!.n;
  counts.settings = sqlite
    .prepare<[string], { n: number }>(`SELECT count(*) AS n FROM settings WHERE key = 'calls:' || ?`)
    .get(sessionId)!.n;
  return counts;
}

async function call<T>(app: TestCore, pathname: string, init: Parameters<TestCore['request']>[1] = {}) {
  const response = await app.request(`/api/v1${pathname}`, init);
  const label = `${init.method ?? 'GET'} ${pathname}: ${await response.clone().text()}`;
  expect(response.status, label).toBeLessThan(300);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Stored media, as a received photo ends up: the file in the media store, the message refers to it. */
function attachPhoto(app: TestCore, session: string, chat: string, id: string, bytes: string): string {
  const { messaging } = app.core.services;
  const stored = messaging.store.row(session, chat, id)!;
  app.core.db.$client.prepare(`UPDATE messages SET type = 'image', media = json(?) WHERE row_id = ?`).run(
    JSON.stringify({
      mimetype: 'image/jpeg',
      fileName: null,
      size: null,
      sha256: null,
      seconds: null,
      width: null,
      height: null,
      voiceNote: false,
      stored: false,
    }),
    stored.rowId,
  );
  // What MediaDownloader does once the bytes are downloaded (the same media directory).
  const saved = new MediaStore(app.dataDir, app.core.db).save(Buffer.from(bytes), 'image/jpeg');
  messaging.store.markMediaStored(session, chat, id, saved.sha256, saved.size);
  return saved.sha256;
}

const mediaFile = (app: TestCore, sha256: string) =>
  path.join(app.dataDir, 'media', sha256.slice(0, 2), sha256);

/**
 * A session with a bit of everything: messages in a 1:1 chat and a group (one with a photo
 * shared with the other session, one with a photo of its own), a reaction, a contact with a
 * profile picture, the group and its members, a call, tags on a chat and a message, a note,
 * an opt-out, call settings, a schedule, a campaign and a webhook of its own.
 */
async function seed(
  app: TestCore,
  session: string,
  tag: Tag,
): Promise<{ ownPhoto: string; sharedPhoto: string }> {
  await call(app, '/sessions', { method: 'POST', json: { id: session, name: session } });
  const { messaging, scheduling } = app.core.services;
  const t = Date.parse('2026-01-10T10:00:00Z');
  messaging.store.ingest(
    session,
    [
      text(`${session}-1`, customer, `falafel order for ${session}`, t),
      text(`${session}-2`, customer, 'with extra tahini', t + 1000),
      text(`${session}-3`, group, `falafel party at ${session}`, t + 2000),
      text(`${session}-4`, customer, 'photo', t + 3000),
      text(`${session}-5`, customer, 'photo', t + 4000),
    ],
    'live',
  );
  const sharedPhoto = attachPhoto(app, session, customer, `${session}-4`, 'the same menu photo');
  const ownPhoto = attachPhoto(app, session, customer, `${session}-5`, `a photo only ${session} has`);
  messaging.store.applyReaction(session, {
    chatJid: customer,
    targetId: `${session}-1`,
    senderJid: customer,
    emoji: '👍',
    timestamp: t + 5000,
  });
  messaging.contacts.upsert(session, [
    { jid: customer, lid: null, phone: '972501234567', name: 'Dana', notify: 'Dana', verifiedName: null },
  ]);
  new AvatarStore(app.core.db).put(session, customer, {
    sha256: ownPhoto,
    mimetype: 'image/jpeg',
    fetchedAt: t,
    refreshAfter: t + 1,
  });
  messaging.groups.upsert(session, [
    {
      jid: group,
      subject: 'Regulars',
      description: null,
      ownerJid: customer,
      announce: false,
      restrict: false,
      isCommunity: false,
      joinApproval: true,
      addressing: 'pn',
      createdAt: null,
      ephemeralSeconds: 0,
      participants: [{ jid: customer, role: 'admin', lid: null }],
    },
  ]);
  messaging.groups.requests.applyChange(session, {
    group,
    jid: `${session.length}97250000@s.whatsapp.net`,
    lid: null,
    action: 'created',
    method: 'invite_link',
  });
  messaging.calls.record(session, {
    id: `${session}-call`,
    peerJid: customer,
    isVideo: false,
    isGroup: false,
    status: 'offer',
    timestamp: t,
  });
  messaging.callSettings.set(session, { rejectCalls: true, rejectMessage: 'Text us' });
  await call(app, `/sessions/${session}/chats/${customer}/tags/${tag.id}`, { method: 'PUT', json: {} });
  await call(app, `/sessions/${session}/messages/${session}-2/tags/${tag.id}`, { method: 'PUT', json: {} });
  await call(app, `/sessions/${session}/chats/${customer}/notes`, {
    method: 'POST',
    json: { text: 'Allergic to sesame' },
  });
  scheduling.optOuts.add(session, '+972 50-765-4321');
  // Automation: its settings, a chat's place in the menu, and the log of what it sent.
  await call(app, `/sessions/${session}/automation`, { method: 'PUT', json: { enabled: true } });
  app.core.db.$client
    .prepare(`INSERT INTO automation_chats (session_id, chat_jid, menu_path) VALUES (?, ?, '[]')`)
    .run(session, customer);
  app.core.db.$client
    .prepare(
      `INSERT INTO automation_replies (session_id, chat_jid, message_id, kind, rule, sent_at) VALUES (?, ?, ?, 'menu', 'Menu', 1)`,
    )
    .run(session, customer, `${session}-auto`);
  // Assignment: a chat's history of owners and statuses, and a person's "read for me" mark.
  app.core.db.$client
    .prepare(
      `INSERT INTO chat_assignment_history (session_id, chat_jid, at, change, to_value, actor, reason) VALUES (?, ?, 1, 'status', 'resolved', '{}', 'manual')`,
    )
    .run(session, customer);
  // A group send waiting its human pause (services/messages/paced-sends.ts).
  app.core.db.$client
    .prepare(
      `INSERT INTO paced_sends (id, session_id, chat_jid, input, actor, send_at, created_at) VALUES (?, ?, ?, '{}', '{}', 4102444800000, 1)`,
    )
    .run(`${session}-paced`, session, group);
  // The tag synced with a WhatsApp Business label of this number, and that sync's history
  // (services/organize/labels/).
  app.core.db.$client
    .prepare(
      `INSERT INTO tag_labels (tag_id, session_id, label_id, synced_name, synced_color, linked_at) VALUES (?, ?, '3', 'VIP', 5, 1)`,
    )
    .run(tag.id, session);
  app.core.db.$client
    .prepare(
      `INSERT INTO label_outbox (session_id, label_id, chat_jid, message_id, action, at) VALUES (?, '3', ?, '', 'label', 1)`,
    )
    .run(session, customer);
  app.core.db.$client
    .prepare(
      `INSERT INTO tag_label_history (tag_id, tag_name, session_id, label_id, origin, change, actor, at) VALUES (?, 'VIP', ?, '3', 'chatdock', 'linked', '{}', 1)`,
    )
    .run(tag.id, session);
  // A contact's Status post (services/status/).
  app.core.db.$client
    .prepare(
      `INSERT INTO status_updates (session_id, id, poster_jid, from_me, kind, text, posted_at, expires_at) VALUES (?, ?, ?, 0, 'text', 'Open', 1, 4102444800000)`,
    )
    .run(session, `${session}-status`, customer);
  // A followed channel and one post's reaction counts (services/channels/).
  app.core.db.$client
    .prepare(
      `INSERT INTO channels (session_id, jid, name, role, followed_at) VALUES (?, '1@newsletter', 'News', 'follower', 1)`,
    )
    .run(session);
  app.core.db.$client
    .prepare(
      `INSERT INTO channel_posts (session_id, channel_jid, message_id, server_id) VALUES (?, '1@newsletter', 'p1', '100')`,
    )
    .run(session);
  const reader = await call<{ user: { id: string } }>(app, '/users', {
    method: 'POST',
    json: { name: `Reader ${session}`, login: `reader-${session}`, role: 'agent' },
  });
  app.core.db.$client
    .prepare(`INSERT INTO chat_reads (user_id, session_id, chat_jid, read_at) VALUES (?, ?, ?, 1)`)
    .run(reader.user.id, session, customer);
  await call(app, '/schedules', {
    method: 'POST',
    headers: { 'Idempotency-Key': `${session}-reminder` },
    json: {
      session,
      message: { type: 'text', to: '+972 50-123-4567', text: 'Your order is ready' },
      sendAt: '2099-01-01T09:00:00+02:00',
    },
  });
  await call(app, '/campaigns', {
    method: 'POST',
    headers: { 'Idempotency-Key': `${session}-menu` },
    json: {
      session,
      name: 'Weekend menu',
      template: 'Hi [name], the weekend menu is out',
      recipients: { source: 'list', text: '+972 50-123-4567, Dana' },
      start: false,
    },
  });
  await call(app, '/webhooks', {
    method: 'POST',
    json: { name: `${session} CRM`, url: 'http://127.0.0.1:9/hook', session },
  });
  // The media library: an upload of this number (services/media-library/).
  const pdf = Buffer.from(`%PDF-1.4 price list of ${session}`).toString('base64');
  await call(app, '/media', {
    method: 'POST',
    json: { data: `data:application/pdf;base64,${pdf}`, session },
  });
  return { ownPhoto, sharedPhoto };
}

async function world() {
  const app = await startTestCore();
  cores.push(app);
  const tag = await call<Tag>(app, '/tags', { method: 'POST', json: { name: 'VIP', color: '#1a7f5a' } });
  const shop = await seed(app, 'shop', tag);
  const desk = await seed(app, 'desk', tag);
  // Reports fold the chats into kept conversations (migration 0028); a customer's new message
  // then marks the chat to fold again, and the background fold is stopped so it stays marked.
  app.core.services.reports.folding.stop();
  app.core.services.reports.folding.tick();
  for (const session of ['shop', 'desk'])
    app.core.services.messaging.store.ingest(
      session,
      [text(`${session}-late`, customer, 'later', Date.parse('2026-02-02T08:00:00Z'))],
      'history',
    );
  await call(app, '/webhooks', {
    method: 'POST',
    json: { name: 'Everything', url: 'http://127.0.0.1:9/all' },
  });
  return { app, shop, desk };
}

const searchAll = (app: TestCore, q: string) =>
  call<{ items: Message[] }>(app, `/search?q=${encodeURIComponent(q)}`).then((page) =>
    page.items.map((m) => `${m.session}/${m.id}`).sort(),
  );
const chatsOfAll = (app: TestCore) =>
  call<{ items: Chat[] }>(app, '/chats').then((page) =>
    page.items.map((c) => `${c.session}/${c.jid}`).sort(),
  );

describe('deleting a session', () => {
  it('names every table with a session column: purged, or left alone for a stated reason', () => {
    const db = openDatabase(':memory:');
    const sqlite = db.$client;
    const withSession = sqlite
      .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table'`)
      .all()
      .map((row) => row.name)
      .filter((table) =>
        sqlite
          .prepare<[], { name: string }>(`PRAGMA table_info("${table}")`)
          .all()
          .some((column) => column.name === 'session_id'),
      );
    const accounted = new Set([...PURGED_TABLES, ...Object.keys(NOT_PURGED_HERE)]);
    expect(withSession.filter((table) => !accounted.has(table))).toEqual([]);
    sqlite.close();
  });

  it('removes its chats, messages, search entries, contacts, tags, notes, plans and media; the other session keeps all', async () => {
    const { app, shop, desk } = await world();
    const before = { shop: rowsOf(app, 'shop'), desk: rowsOf(app, 'desk') };
    // Every kind of row exists for both sessions, so "gone" below means something (except the
    // WhatsApp login and the permissions: these sessions were never linked and nobody was given
    // rights on them).
    // Nor did WhatsApp deliver them anything (durable receive's record of delivered ids).
    const absentHere = new Set(['session_permissions', 'wa_received_messages']);
    for (const counts of [before.shop, before.desk]) {
      for (const [table, n] of Object.entries(counts)) {
        if (!table.startsWith('wa_auth_') && !absentHere.has(table)) expect(n, table).toBeGreaterThan(0);
      }
    }
    expect(await searchAll(app, 'falafel')).toEqual([
      'desk/desk-1',
      'desk/desk-3',
      'shop/shop-1',
      'shop/shop-3',
    ]);

    const announced = nextEvent(app.core.bus, (event) => event.type === 'session.deleted');
    const deleted = await app.request('/api/v1/sessions/shop', { method: 'DELETE', json: { confirm: true } });
    expect(deleted.status).toBe(204);
    expect(await announced).toMatchObject({ session: 'shop', data: { id: 'shop', historyKept: false } });
    await app.core.services.historyRemoval.idle();

    const after = rowsOf(app, 'shop');
    expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
    expect(rowsOf(app, 'desk')).toEqual(before.desk);
    // Remembered answers of its Idempotency-Keys go too (a new "shop" must not get them back).
    const scopes = app.core.db.$client
      .prepare<[], { scope: string }>(`SELECT scope FROM idempotency_keys ORDER BY scope`)
      .all()
      .map((row) => row.scope);
    expect(scopes).toEqual(['campaign:desk', 'schedule:desk']);
    // The chat list's name index keeps an entry for each remaining chat key, none for the gone chats.
    const names = app.core.db.$client.prepare(
      `SELECT count(*) AS n FROM chat_names_fts WHERE rowid NOT IN (SELECT id FROM chat_search_keys)`,
    );
    expect(names.get()).toEqual({ n: 0 });

    expect(await searchAll(app, 'falafel')).toEqual(['desk/desk-1', 'desk/desk-3']);
    expect(await chatsOfAll(app)).toEqual([`desk/${group}`, `desk/${customer}`].sort());
    const webhooks = await call<{ items: { name: string }[] }>(app, '/webhooks');
    expect(webhooks.items.map((w) => w.name).sort()).toEqual(['Everything', 'desk CRM']);

    // Its own photo is gone from disk; the photo the other session has too stays.
    expect(existsSync(mediaFile(app, shop.ownPhoto))).toBe(false);
    expect(existsSync(mediaFile(app, shop.sharedPhoto))).toBe(true);
    expect(shop.sharedPhoto).toBe(desk.sharedPhoto);
    const photo = await app.request(`/api/v1/sessions/desk/messages/desk-4/media`);
    expect(photo.status).toBe(200);
    expect(Buffer.from(await photo.arrayBuffer()).toString()).toBe('the same menu photo');

    // A new session with the same id starts empty.
    await call(app, '/sessions', { method: 'POST', json: { id: 'shop', name: 'New shop' } });
    expect((await call<{ items: Chat[] }>(app, '/sessions/shop/chats')).items).toEqual([]);
    expect(await searchAll(app, 'falafel')).toEqual(['desk/desk-1', 'desk/desk-3']);
  });

  it('with keepHistory=true keeps the history, hidden until a session with the same id comes back', async () => {
    const { app, shop } = await world();
    const before = rowsOf(app, 'shop');
    const [usageBefore] = (await call<{ items: Tag[] }>(app, '/tags')).items.map((t) => t.usage);

    const deleted = await app.request('/api/v1/sessions/shop?keepHistory=true', {
      method: 'DELETE',
      json: { confirm: true },
    });
    expect(deleted.status).toBe(204);

    const kept = rowsOf(app, 'shop');
    // The plans and set-up of the number go (and its key); the history stays, row for row.
    const {
      schedules,
      campaigns,
      webhooks,
      settings,
      api_keys: keys,
      automation_settings: automation,
      automation_chats: automationChats,
      media_library: library,
      paced_sends: paced,
      tag_labels: labelLinks,
      label_outbox: labelOutbox,
      status_updates: statuses,
      ...history
    } = before;
    expect(kept).toEqual({
      ...history,
      schedules: 0,
      campaigns: 0,
      webhooks: 0,
      settings: 0,
      api_keys: 0,
      automation_settings: 0,
      automation_chats: 0,
      media_library: 0,
      paced_sends: 0,
      tag_labels: 0,
      label_outbox: 0,
      status_updates: 0,
    });
    expect([
      schedules,
      campaigns,
      webhooks,
      settings,
      keys,
      automation,
      automationChats,
      library,
      paced,
      labelLinks,
      labelOutbox,
      statuses,
    ]).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(existsSync(mediaFile(app, shop.ownPhoto))).toBe(true);

    // Nothing of it shows across sessions, and its own routes answer 404.
    expect(await searchAll(app, 'falafel')).toEqual(['desk/desk-1', 'desk/desk-3']);
    // Tag usage counts what shows: the desk's taggings, half of what both numbers had.
    const [usageAfter] = (await call<{ items: Tag[] }>(app, '/tags')).items.map((t) => t.usage);
    expect(usageAfter).toEqual({ chats: usageBefore!.chats / 2, messages: usageBefore!.messages / 2 });
    expect(usageAfter!.chats).toBeGreaterThan(0);
    expect(await chatsOfAll(app)).toEqual([`desk/${group}`, `desk/${customer}`].sort());
    expect((await app.request('/api/v1/sessions/shop/chats')).status).toBe(404);

    await call(app, '/sessions', { method: 'POST', json: { id: 'shop', name: 'Shop again' } });
    expect((await call<{ items: Tag[] }>(app, '/tags')).items.map((t) => t.usage)).toEqual([usageBefore]);
    const chats = await call<{ items: Chat[] }>(app, '/sessions/shop/chats');
    expect(chats.items.map((c) => c.jid).sort()).toEqual([group, customer].sort());
    expect(await searchAll(app, 'falafel')).toEqual([
      'desk/desk-1',
      'desk/desk-3',
      'shop/shop-1',
      'shop/shop-3',
    ]);
  });

  it('keepHistory must be true or false', async () => {
    const app = await startTestCore();
    cores.push(app);
    await call(app, '/sessions', { method: 'POST', json: { id: 'shop' } });
    const response = await app.request('/api/v1/sessions/shop?keepHistory=yes', {
      method: 'DELETE',
      json: { confirm: true },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field?: string } }).error.field).toBe('keepHistory');
    expect((await app.request('/api/v1/sessions/shop')).status).toBe(200);
  });
});

/** Messages the removal works on below: `count` texts in one chat, ids `<prefix>-<n>`. */
function ingestMany(app: TestCore, session: string, count: number, prefix = session): void {
  const t = Date.parse('2026-02-01T08:00:00Z');
  for (let start = 0; start < count; start += 1000) {
    const slice = Array.from({ length: Math.min(1000, count - start) }, (_, k) =>
      text(`${prefix}-${start + k}`, customer, `falafel number ${start + k}`, t + (start + k) * 1000),
    );
    app.core.services.messaging.store.ingest(session, slice, 'history');
  }
}

const messagesOf = (app: TestCore, session: string) =>
  app.core.db.$client
    .prepare<[string], { n: number }>('SELECT count(*) AS n FROM messages WHERE session_id = ?')
    .get(session)!.n;

describe('deleting a session with a large history', () => {
  const BIG = 20_000;
  const BATCH = 500;

  async function bigWorld(dataDir?: string) {
    const app = await startTestCore({}, { historyRemovalBatch: BATCH, ...(dataDir ? { dataDir } : {}) });
    cores.push(app);
    return app;
  }

  it('hides the messages at once and removes them in batches, with the app running in between', async () => {
    const app = await bigWorld();
    await call(app, '/sessions', { method: 'POST', json: { id: 'shop' } });
    await call(app, '/sessions', { method: 'POST', json: { id: 'desk' } });
    ingestMany(app, 'shop', BIG);
    ingestMany(app, 'desk', 3);
    const { historyRemoval, messaging, sessions } = app.core.services;
    let batches = 0;
    let remainingWhenTimerFired: number | null = null;
    historyRemoval.onBatch(() => {
      batches += 1;
      // Due before the removal's own next turn: the app's timers and I/O run between batches.
      if (batches === 1) setTimeout(() => (remainingWhenTimerFired = messagesOf(app, 'shop')), 0);
    });

    await sessions.remove('shop');
    // Still stored, but no read shows them (nothing has been removed yet, same tick).
    expect(messagesOf(app, 'shop')).toBe(BIG);
    const hits = messaging.history.search({ query: 'falafel', limit: 50 }).messages;
    expect(hits.map((m) => `${m.session}/${m.id}`).sort()).toEqual([
      'desk/desk-0',
      'desk/desk-1',
      'desk/desk-2',
    ]);
    expect(historyRemoval.busy()).toBe(true);

    await historyRemoval.idle();
    expect(messagesOf(app, 'shop')).toBe(0);
    expect(messagesOf(app, 'desk')).toBe(3);
    expect(batches).toBeGreaterThanOrEqual(BIG / BATCH);
    expect(remainingWhenTimerFired).toBeGreaterThan(0);
    expect(remainingWhenTimerFired).toBeLessThan(BIG);
    expect(historyRemoval.busy()).toBe(false);
    expect(await searchAll(app, 'falafel')).toEqual(['desk/desk-0', 'desk/desk-1', 'desk/desk-2']);
  });

  it('a restart in the middle continues where it stopped, media included', async () => {
    const first = await bigWorld();
    await call(first, '/sessions', { method: 'POST', json: { id: 'shop' } });
    ingestMany(first, 'shop', BIG);
    const photo = attachPhoto(first, 'shop', customer, `shop-${BIG - 1}`, 'a photo only shop has');
    let stopped: Promise<void> | null = null;
    first.core.services.historyRemoval.onBatch(() => {
      stopped ??= first.core.stop();
    });

    await first.core.services.sessions.remove('shop');
    await first.core.services.historyRemoval.idle();
    await stopped;
    const file = databaseFile(first.dataDir);
    const sqlite = new Database(file, { readonly: true });
    const left = sqlite
      .prepare<[], { n: number }>(`SELECT count(*) AS n FROM messages WHERE session_id = 'shop'`)
      .get()!.n;
    sqlite.close();
    expect(left).toBe(BIG - BATCH);
    expect(existsSync(mediaFile(first, photo))).toBe(true);

    const again = await bigWorld(first.dataDir);
    expect(await searchAll(again, 'falafel')).toEqual([]);
    await again.core.services.historyRemoval.idle();
    expect(messagesOf(again, 'shop')).toBe(0);
    expect(existsSync(mediaFile(again, photo))).toBe(false);
    expect(again.core.services.historyRemoval.busy()).toBe(false);
  });

  it('a session created again with the id meanwhile keeps its own messages, and never shows the old ones', async () => {
    const app = await bigWorld();
    await call(app, '/sessions', { method: 'POST', json: { id: 'shop' } });
    ingestMany(app, 'shop', BIG, 'old');
    const { historyRemoval, messaging, sessions } = app.core.services;
    const t = Date.parse('2026-03-01T08:00:00Z');
    let duringPurge: { page: string[]; search: string[] } | null = null;
    historyRemoval.onBatch((batch) => {
      if (duringPurge || batch.finished) return;
      // The same number linked again at once: WhatsApp sends some of the same messages again.
      sessions.create({ id: 'shop', name: 'Shop again' });
      messaging.store.ingest(
        'shop',
        [
          text(`old-${BIG - 1}`, customer, 'falafel, synced again', t),
          text('new-1', customer, 'falafel today', t + 1000),
        ],
        'live',
      );
      duringPurge = {
        page: messaging.history.page('shop', customer, { limit: 50 }).map((m) => m.id),
        search: messaging.history
          .search({ query: 'falafel', sessionId: 'shop', limit: 50 })
          .messages.map((m) => m.id),
      };
    });

    await sessions.remove('shop');
    await historyRemoval.idle();
    expect(duringPurge).toEqual({ page: ['new-1', `old-${BIG - 1}`], search: ['new-1', `old-${BIG - 1}`] });
    expect(messagesOf(app, 'shop')).toBe(2);
    const page = await call<{ items: Message[] }>(app, `/sessions/shop/chats/${customer}/messages`);
    expect(page.items.map((m) => m.text)).toEqual(['falafel today', 'falafel, synced again']);
    expect(await searchAll(app, 'falafel')).toEqual(['shop/new-1', `shop/old-${BIG - 1}`]);
  });
});
