import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, openDatabase } from './connection.js';
import { registerSearchText } from './search-text.js';
import { inBulkSlice, registerBulkSlice } from './bulk-slice.js';

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

const journal = JSON.parse(
  readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8'),
) as Journal;
const tempDirs: string[] = [];

afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Applies the migrations not yet applied up to and including migration `tag`. */
function migrateTo(sqlite: Database.Database, tag: string): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chatdock-migrations-'));
  tempDirs.push(dir);
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const upTo = journal.entries.findIndex((entry) => entry.tag === tag);
  const truncated = { ...journal, entries: journal.entries.slice(0, upTo + 1) };
  writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(truncated));
  migrate(drizzle(sqlite), { migrationsFolder: dir });
}

/** A fresh in-memory database migrated up to and including migration `tag`. */
function migratedUpTo(tag: string): Database.Database {
  const sqlite = new Database(':memory:');
  registerSearchText(sqlite);
  registerBulkSlice(sqlite);
  migrateTo(sqlite, tag);
  return sqlite;
}

function tableNames(sqlite: Database.Database): string[] {
  return (
    sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as {
      name: string;
    }[]
  ).map((row) => row.name);
}

function queryPlan(sqlite: Database.Database, sql: string): string {
  return (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
    .map((row) => row.detail)
    .join('\n');
}

/** One entry per migration: what it must leave behind on a fresh database. */
const expectations: Record<string, (sqlite: Database.Database) => void> = {
  '0000_foundation': (sqlite) => {
    expect(tableNames(sqlite)).toEqual(expect.arrayContaining(['api_keys', 'settings']));
    expect(queryPlan(sqlite, `SELECT * FROM api_keys WHERE prefix = 'x'`)).toContain('api_keys_prefix_idx');
    sqlite.prepare(`INSERT INTO settings (key, value) VALUES ('a', '1')`).run();
    const row = sqlite.prepare(`SELECT updated_at FROM settings WHERE key = 'a'`).get() as {
      updated_at: string;
    };
    expect(row.updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  },
  '0001_widgets': (sqlite) => {
    expect(tableNames(sqlite)).toContain('widgets');
    sqlite.prepare(`INSERT INTO widgets (id, settings) VALUES ('w1', '{"businessName":"Shop"}')`).run();
    const row = sqlite.prepare(`SELECT settings, created_at FROM widgets WHERE id = 'w1'`).get() as {
      settings: string;
      created_at: string;
    };
    expect(JSON.parse(row.settings)).toEqual({ businessName: 'Shop' });
    expect(row.created_at).toMatch(/Z$/);
  },
  '0002_sessions': (sqlite) => {
    expect(tableNames(sqlite)).toEqual(expect.arrayContaining(['sessions', 'wa_auth_creds', 'wa_auth_keys']));
    sqlite.pragma('foreign_keys = ON');
    sqlite.prepare(`INSERT INTO sessions (id, name) VALUES ('s1', 'Shop')`).run();
    sqlite
      .prepare(`INSERT INTO wa_auth_creds (session_id, creds, updated_at) VALUES ('s1', '{}', 'now')`)
      .run();
    sqlite
      .prepare(
        `INSERT INTO wa_auth_keys (session_id, type, key_id, value) VALUES ('s1', 'pre-key', '1', '{}')`,
      )
      .run();
    expect(
      queryPlan(
        sqlite,
        `SELECT value FROM wa_auth_keys WHERE session_id = 's1' AND type = 'pre-key' AND key_id = '1'`,
      ),
    ).toMatch(/USING INDEX sqlite_autoindex_wa_auth_keys_1/);
    const session = sqlite.prepare(`SELECT status, auto_connect FROM sessions WHERE id = 's1'`).get();
    expect(session).toEqual({ status: 'disconnected', auto_connect: 0 });
    // Removing a session removes its WhatsApp credentials with it.
    sqlite.prepare(`DELETE FROM sessions WHERE id = 's1'`).run();
    expect(sqlite.prepare(`SELECT count(*) AS n FROM wa_auth_keys`).get()).toEqual({ n: 0 });
    expect(sqlite.prepare(`SELECT count(*) AS n FROM wa_auth_creds`).get()).toEqual({ n: 0 });
  },
  '0003_messaging': (sqlite) => {
    expect(tableNames(sqlite)).toEqual(
      expect.arrayContaining([
        'contacts',
        'chats',
        'messages',
        'message_reactions',
        'groups',
        'group_participants',
        'calls',
        'media_files',
        'idempotency_keys',
        'events',
        'webhooks',
        'webhook_deliveries',
        'webhook_attempts',
      ]),
    );
    // The chat list and a conversation page are index walks, never a scan or a sort.
    const chatList = queryPlan(
      sqlite,
      `SELECT * FROM chats WHERE session_id = 's' ORDER BY last_message_at DESC LIMIT 50`,
    );
    expect(chatList).toContain('chats_session_recent_idx');
    expect(chatList).not.toContain('TEMP B-TREE');
    const page = queryPlan(
      sqlite,
      `SELECT * FROM messages WHERE session_id = 's' AND chat_jid = 'c' AND timestamp < 5 ORDER BY timestamp DESC LIMIT 50`,
    );
    expect(page).toContain('messages_chat_time_idx');
    expect(page).not.toContain('TEMP B-TREE');
    const due = queryPlan(
      sqlite,
      `SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= 5 ORDER BY next_attempt_at`,
    );
    expect(due).toContain('webhook_deliveries_due_idx');
    // One message is stored once per chat, whatever path it arrives by.
    const insert = `INSERT INTO messages (session_id, chat_jid, id, from_me, type, status, timestamp) VALUES ('s', 'c', 'm1', 0, 'text', 'server', 1)`;
    sqlite.prepare(insert).run();
    expect(() => sqlite.prepare(insert).run()).toThrow(/UNIQUE/);
  },
  '0004_messages_fts': (sqlite) => {
    const insert = sqlite.prepare(
      `INSERT INTO messages (session_id, chat_jid, id, from_me, type, text, status, timestamp) VALUES ('s', 'c', ?, 0, 'text', ?, 'server', 1)`,
    );
    insert.run('m1', 'שלום עולם, hello world');
    insert.run('m2', 'Café opening hours');
    insert.run('m3', null);
    const search = (query: string) =>
      (
        sqlite
          .prepare(`SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC`)
          .all(query) as {
          rowid: number;
        }[]
      ).map((row) => row.rowid);
    expect(search('שלום')).toEqual([1]);
    expect(search('cafe')).toEqual([2]);
    expect(search('"hello world"')).toEqual([1]);
    expect(search('open*')).toEqual([2]);
    sqlite.prepare(`UPDATE messages SET text = 'edited text' WHERE id = 'm1'`).run();
    expect(search('שלום')).toEqual([]);
    expect(search('edited')).toEqual([1]);
    sqlite.prepare(`DELETE FROM messages WHERE id = 'm2'`).run();
    expect(search('cafe')).toEqual([]);
  },
  '0005_messages_by_id': (sqlite) => {
    expect(queryPlan(sqlite, `SELECT * FROM messages WHERE session_id = 's' AND id = 'm'`)).toContain(
      'messages_session_id_idx',
    );
  },
  '0006_organize_and_schedule': (sqlite) => {
    expect(tableNames(sqlite)).toEqual(
      expect.arrayContaining([
        'tags',
        'chat_tags',
        'message_tags',
        'tag_history',
        'saved_replies',
        'chat_notes',
        'schedules',
        'campaigns',
        'campaign_recipients',
        'opt_outs',
      ]),
    );
    // Tag names are unique whatever their case; deleting a tag removes its taggings, not its history.
    sqlite.pragma('foreign_keys = ON');
    sqlite
      .prepare(`INSERT INTO tags (id, name, color, created_at) VALUES ('t1', 'Paid', '#00aa00', 1)`)
      .run();
    expect(() =>
      sqlite
        .prepare(`INSERT INTO tags (id, name, color, created_at) VALUES ('t2', 'paid', '#00aa00', 1)`)
        .run(),
    ).toThrow(/UNIQUE/);
    sqlite
      .prepare(
        `INSERT INTO chat_tags (session_id, chat_jid, tag_id, added_by, added_at) VALUES ('s', 'c', 't1', 'admin', 1)`,
      )
      .run();
    sqlite.prepare(`DELETE FROM tags WHERE id = 't1'`).run();
    expect(sqlite.prepare(`SELECT count(*) AS n FROM chat_tags`).get()).toEqual({ n: 0 });
    // The scheduler finds due work through an index.
    expect(
      queryPlan(
        sqlite,
        `SELECT * FROM schedules WHERE status = 'pending' AND send_at <= 5 ORDER BY send_at LIMIT 10`,
      ),
    ).toContain('schedules_due_idx');
    expect(
      queryPlan(
        sqlite,
        `SELECT * FROM campaign_recipients WHERE campaign_id = 'c' AND status = 'pending' ORDER BY position LIMIT 1`,
      ),
    ).toContain('campaign_recipients_next_idx');
  },
  '0007_chat_list_order': (sqlite) => {
    // The chat list's exact order (services/chats.ts) is an index walk for one session and for
    // all of them, also from a cursor: no sort, whatever the number of chats.
    const order = `ORDER BY coalesce(c.last_message_at, 0) DESC, c.session_id DESC, c.jid DESC LIMIT 51`;
    const oneSession = queryPlan(sqlite, `SELECT * FROM chats c WHERE c.session_id = 's' ${order}`);
    expect(oneSession).toContain('chats_session_order_idx');
    expect(oneSession).not.toContain('TEMP B-TREE');
    const fromCursor = queryPlan(
      sqlite,
      `SELECT * FROM chats c WHERE c.session_id = 's' AND coalesce(c.last_message_at, 0) <= 5
         AND (coalesce(c.last_message_at, 0) < 5 OR c.jid < 'x') ${order}`,
    );
    expect(fromCursor).toMatch(/chats_session_order_idx \(session_id=\? AND <expr><\?\)/);
    const everySession = queryPlan(sqlite, `SELECT * FROM chats c ${order}`);
    expect(everySession).toContain('chats_order_idx');
    expect(everySession).not.toContain('TEMP B-TREE');
    expect(
      queryPlan(sqlite, `SELECT * FROM chats c WHERE coalesce(c.last_message_at, 0) <= 5 ${order}`),
    ).toMatch(/chats_order_idx \(<expr><\?\)/);
  },
  '0008_webhook_pending_index': (sqlite) => {
    // The delivery worker's reads touch pending deliveries only, never the week of sent ones.
    const heads = queryPlan(
      sqlite,
      // As services/webhooks/delivery-store.ts asks (without statistics the planner would
      // rather search webhook_deliveries_due_idx and sort).
      `SELECT MIN(id) AS id FROM webhook_deliveries INDEXED BY webhook_deliveries_pending_idx
        WHERE status = 'pending' GROUP BY order_key`,
    );
    expect(heads).toContain('USING COVERING INDEX webhook_deliveries_pending_idx');
    expect(heads).not.toContain('TEMP B-TREE');
    const nextOfChat = queryPlan(
      sqlite,
      `SELECT * FROM webhook_deliveries WHERE order_key = 'k' AND status = 'pending' ORDER BY id LIMIT 1`,
    );
    expect(nextOfChat).toContain('webhook_deliveries_pending_idx (order_key=?)');
    expect(nextOfChat).not.toContain('TEMP B-TREE');
  },
  '0009_contact_avatars': (sqlite) => {
    expect(tableNames(sqlite)).toContain('contact_avatars');
    // One answer per contact and session, found by its key; "no picture" is a row too.
    const insert = sqlite.prepare(
      `INSERT INTO contact_avatars (session_id, jid, sha256, mimetype, fetched_at, refresh_after)
       VALUES ('s', 'c@s.whatsapp.net', ?, ?, 1, 2)`,
    );
    insert.run(null, null);
    expect(() => insert.run('ab', 'image/jpeg')).toThrow(/UNIQUE/);
    expect(
      queryPlan(sqlite, `SELECT * FROM contact_avatars WHERE session_id = 's' AND jid = 'c@s.whatsapp.net'`),
    ).toContain('sqlite_autoindex_contact_avatars_1');
  },
  '0010_search_unspaced_scripts': (sqlite) => {
    const insert = sqlite.prepare(
      `INSERT INTO messages (session_id, chat_jid, id, from_me, type, text, status, timestamp) VALUES ('s', 'c', ?, 0, 'text', ?, 'server', 1)`,
    );
    insert.run('zh', '我们明天开门，价格不变');
    insert.run('ja', '今日は営業しています');
    insert.run('th', 'สวัสดีครับ ราคาเท่าไหร่');
    insert.run('mixed', 'iPhone价格 is the same, café');
    const search = (query: string) =>
      (
        sqlite
          .prepare(
            `SELECT m.id FROM messages_fts f JOIN messages m ON m.row_id = f.rowid WHERE messages_fts MATCH ? ORDER BY f.rowid`,
          )
          .all(query) as { id: string }[]
      ).map((row) => row.id);
    // A word inside a run of characters is found as a phrase of its characters.
    expect(search('"明 天"')).toEqual(['zh']);
    expect(search('"営 業"')).toEqual(['ja']);
    expect(search('"ร า ค า"')).toEqual(['th']);
    expect(search('"价 格"')).toEqual(['zh', 'mixed']);
    expect(search('"明 开"')).toEqual([]);
    expect(search('cafe')).toEqual(['mixed']);
    // Edits and deletes leave no stale entry behind.
    sqlite.prepare(`UPDATE messages SET text = 'closed tomorrow' WHERE id = 'zh'`).run();
    expect(search('"明 天"')).toEqual([]);
    expect(search('tomorrow')).toEqual(['zh']);
    sqlite.prepare(`DELETE FROM messages WHERE id = 'zh'`).run();
    expect(search('tomorrow')).toEqual([]);
  },
  '0011_chat_list_filters': (sqlite) => {
    // Sparse states: each filter walks a partial index in list order, from a cursor too. (Without
    // statistics the planner prefers the full order index, so the chat list names the index.)
    const order = `ORDER BY coalesce(c.last_message_at, 0) DESC, c.session_id DESC, c.jid DESC LIMIT 51`;
    for (const [state, condition] of [
      ['unread', 'c.unread_count > 0'],
      ['archived', 'c.archived = 1'],
      ['pinned', 'c.pinned_at IS NOT NULL'],
    ]) {
      const one = queryPlan(
        sqlite,
        `SELECT * FROM chats c INDEXED BY chats_${state}_session_order_idx WHERE c.session_id = 's' AND ${condition} ${order}`,
      );
      expect(one).toContain(`chats_${state}_session_order_idx (session_id=?)`);
      expect(one).not.toContain('TEMP B-TREE');
      const every = queryPlan(
        sqlite,
        `SELECT * FROM chats c INDEXED BY chats_${state}_order_idx WHERE ${condition} AND coalesce(c.last_message_at, 0) <= 5 ${order}`,
      );
      expect(every).toContain(`chats_${state}_order_idx (<expr><?)`);
      expect(every).not.toContain('TEMP B-TREE');
    }
    const groups = queryPlan(
      sqlite,
      `SELECT * FROM chats c INDEXED BY chats_kind_session_order_idx
         WHERE c.session_id = 's' AND c.kind = 'group' AND c.kind <> 'user' ${order}`,
    );
    expect(groups).toContain('chats_kind_session_order_idx (session_id=? AND kind=?)');
    expect(groups).not.toContain('TEMP B-TREE');

    // A tagging carries its chat's order key, whichever comes first and as the chat moves.
    const addChat = sqlite.prepare(
      `INSERT INTO chats (session_id, jid, kind, name, last_message_at) VALUES ('s', ?, 'user', ?, ?)`,
    );
    const orderOf = (jid: string) =>
      (
        sqlite.prepare(`SELECT chat_order_at AS at FROM chat_tags WHERE chat_jid = ?`).get(jid) as {
          at: number;
        }
      ).at;
    sqlite.prepare(`INSERT INTO tags (id, name, color, created_at) VALUES ('t1', 'VIP', '#00aa00', 1)`).run();
    const tag = sqlite.prepare(
      `INSERT INTO chat_tags (session_id, chat_jid, tag_id, added_by, added_at) VALUES ('s', ?, 't1', 'admin', 1)`,
    );
    addChat.run('a@s.whatsapp.net', 'Dana Levi', 1000);
    tag.run('a@s.whatsapp.net');
    expect(orderOf('a@s.whatsapp.net')).toBe(1000);
    tag.run('b@s.whatsapp.net');
    addChat.run('b@s.whatsapp.net', null, 2000);
    expect(orderOf('b@s.whatsapp.net')).toBe(2000);
    sqlite.prepare(`UPDATE chats SET last_message_at = 3000 WHERE jid = 'a@s.whatsapp.net'`).run();
    expect(orderOf('a@s.whatsapp.net')).toBe(3000);
    const byTag = queryPlan(
      sqlite,
      `SELECT * FROM chat_tags t WHERE t.tag_id = 't1' ORDER BY t.chat_order_at DESC, t.session_id DESC, t.chat_jid DESC LIMIT 51`,
    );
    expect(byTag).toContain('chat_tags_order_idx (tag_id=?)');
    expect(byTag).not.toContain('TEMP B-TREE');

    // Names: chat name, contact names and JID, found by any 3+ characters, kept as they change.
    const find = (text: string) =>
      (
        sqlite
          .prepare(
            `SELECT k.jid FROM chat_names_fts f JOIN chat_search_keys k ON k.id = f.rowid
             WHERE chat_names_fts MATCH ? ORDER BY k.jid`,
          )
          .all(`"${text}"`) as { jid: string }[]
      ).map((row) => row.jid);
    expect(find('dana')).toEqual(['a@s.whatsapp.net']);
    expect(find('b@s.what')).toEqual(['b@s.whatsapp.net']);
    const contact = sqlite.prepare(
      `INSERT INTO contacts (session_id, jid, name, notify) VALUES ('s', 'b@s.whatsapp.net', ?, ?)
       ON CONFLICT (session_id, jid) DO UPDATE SET name = excluded.name, notify = excluded.notify`,
    );
    contact.run('Иван Петров', 'Vanya');
    expect(find('иван')).toEqual(['b@s.whatsapp.net']);
    expect(find('VANYA')).toEqual(['b@s.whatsapp.net']);
    contact.run('Boris', null);
    expect(find('иван')).toEqual([]);
    expect(find('boris')).toEqual(['b@s.whatsapp.net']);
    sqlite.prepare(`DELETE FROM contacts WHERE jid = 'b@s.whatsapp.net'`).run();
    expect(find('boris')).toEqual([]);
    sqlite.prepare(`UPDATE chats SET name = 'Shop team' WHERE jid = 'a@s.whatsapp.net'`).run();
    expect(find('dana')).toEqual([]);
    expect(find('p tea')).toEqual(['a@s.whatsapp.net']);
    // A chat deleted and created again (the session purge removes keys and entries itself) is
    // indexed again under one key, by its new name only.
    sqlite.prepare(`DELETE FROM chats WHERE jid = 'a@s.whatsapp.net'`).run();
    addChat.run('a@s.whatsapp.net', 'Bakery', 4000);
    expect(find('shop')).toEqual([]);
    expect(find('bakery')).toEqual(['a@s.whatsapp.net']);
    expect(sqlite.prepare(`SELECT count(*) AS n FROM chat_search_keys`).get()).toEqual({ n: 2 });
  },
  '0012_waiting_messages': (sqlite) => {
    const insert = sqlite.prepare(
      `INSERT INTO messages (session_id, chat_jid, id, from_me, type, status, timestamp) VALUES ('s', 'c', ?, 0, ?, 'delivered', 1)`,
    );
    insert.run('arrived', 'text');
    insert.run('still-waiting', 'waiting');
    // As services/messages/message-store.ts counts them for /health: only the waiting rows are read.
    const count = `SELECT count(*) AS count FROM messages INDEXED BY messages_waiting_idx WHERE type = 'waiting'`;
    expect(queryPlan(sqlite, count)).toContain('messages_waiting_idx');
    expect(sqlite.prepare(count).get()).toEqual({ count: 1 });
  },
  '0013_people': (sqlite) => {
    sqlite.pragma('foreign_keys = ON');
    expect(tableNames(sqlite)).toEqual(
      expect.arrayContaining([
        'users',
        'teams',
        'team_members',
        'session_permissions',
        'sign_in_sessions',
        'audit_log',
      ]),
    );
    sqlite.exec(`
      INSERT INTO sessions (id, name) VALUES ('shop', 'Shop');
      INSERT INTO users (id, name, login, login_key, role) VALUES ('u1', 'Dana', 'Dana', 'dana', 'agent');
      INSERT INTO teams (id, name, name_key) VALUES ('t1', 'Sales', 'sales');
      INSERT INTO team_members (team_id, user_id) VALUES ('t1', 'u1');
      INSERT INTO session_permissions (session_id, team_id, read, write) VALUES ('shop', 't1', 'all', 1);
      INSERT INTO session_permissions (session_id, user_id, read) VALUES ('shop', 'u1', 'assigned');
    `);
    // Sign-in names are unique ignoring case (the service stores the folded form).
    expect(() =>
      sqlite.exec(
        `INSERT INTO users (id, name, login, login_key, role) VALUES ('u2', 'D', 'DANA', 'dana', 'agent')`,
      ),
    ).toThrow(/UNIQUE/);
    // A role outside the three, or a grant naming both a person and a team, is refused.
    expect(() =>
      sqlite.exec(
        `INSERT INTO users (id, name, login, login_key, role) VALUES ('u3', 'X', 'x', 'x', 'root')`,
      ),
    ).toThrow(/CHECK/);
    expect(() =>
      sqlite.exec(
        `INSERT INTO session_permissions (session_id, user_id, team_id, read) VALUES ('shop', 'u1', 't1', 'all')`,
      ),
    ).toThrow(/CHECK/);
    // A deleted team takes its grants with it: no permission points at a team that is gone.
    sqlite.exec(`DELETE FROM teams WHERE id = 't1'`);
    expect(
      sqlite.prepare(`SELECT count(*) AS n FROM session_permissions WHERE team_id IS NOT NULL`).get(),
    ).toEqual({ n: 0 });
    // A personal token dies with its person.
    sqlite.exec(
      `INSERT INTO api_keys (id, kind, name, prefix, hash, user_id) VALUES ('k1', 'token', 'T', 'cd_x', 'h', 'u1')`,
    );
    sqlite.exec(`DELETE FROM users WHERE id = 'u1'`);
    expect(sqlite.prepare(`SELECT count(*) AS n FROM api_keys`).get()).toEqual({ n: 0 });
    expect(sqlite.prepare(`SELECT count(*) AS n FROM session_permissions`).get()).toEqual({ n: 0 });
    // Who sent a message and who caused an event are columns now.
    sqlite.exec(
      `INSERT INTO messages (session_id, chat_jid, id, from_me, type, status, timestamp, sent_by) VALUES ('shop', 'c', 'm', 1, 'text', 'sent', 1, '{"type":"user"}')`,
    );
    sqlite.exec(
      `INSERT INTO events (id, type, session_id, timestamp, data, actor) VALUES ('evt_1', 't', NULL, 'x', '{}', '{}')`,
    );
    expect(queryPlan(sqlite, 'SELECT * FROM audit_log WHERE at >= 5 ORDER BY id DESC')).toBeTruthy();
  },
  '0014_automation': (sqlite) => {
    sqlite
      .prepare(`INSERT INTO automation_settings (session_id, settings, updated_at) VALUES ('s', '{}', 1)`)
      .run();
    sqlite
      .prepare(`INSERT INTO automation_chats (session_id, chat_jid, menu_path) VALUES ('s', 'c', '[]')`)
      .run();
    expect(sqlite.prepare(`SELECT stopped, menu_path FROM automation_chats`).get()).toEqual({
      stopped: 0,
      menu_path: '[]',
    });
    const insert = sqlite.prepare(
      `INSERT INTO automation_replies (session_id, chat_jid, message_id, kind, rule, sent_at) VALUES ('s', 'c', ?, 'keyword', 'Prices', ?)`,
    );
    insert.run('old', 1_000);
    insert.run('new', 5_000_000);
    // The loop guard (services/automation/automation-store.ts) counts one chat's last hour by index.
    const lastHour = `SELECT count(*) AS n FROM automation_replies WHERE session_id = 's' AND chat_jid = 'c' AND sent_at > 3000`;
    expect(queryPlan(sqlite, lastHour)).toContain('automation_replies_chat_idx');
    expect(sqlite.prepare(lastHour).get()).toEqual({ n: 1 });
  },
  '0016_search_prefixes': (sqlite) => {
    const insert = sqlite.prepare(
      `INSERT INTO messages (session_id, chat_jid, id, from_me, type, text, status, timestamp) VALUES ('s', 'c', ?, 0, 'text', ?, 'server', 1)`,
    );
    insert.run('he', 'שלחתי לך את העוגה הטעימה');
    insert.run('he2', 'מחיר לעוגה?');
    insert.run('ar', 'وصل الكتاب للمكتبة');
    insert.run('en', 'the cake is ready');
    const search = (query: string) =>
      (
        sqlite
          .prepare(
            `SELECT m.id FROM messages_fts f JOIN messages m ON m.row_id = f.rowid WHERE messages_fts MATCH ? ORDER BY f.rowid`,
          )
          .all(query) as { id: string }[]
      ).map((row) => row.id);
    expect(search('"עוגה"')).toEqual(['he', 'he2']);
    expect(search('"העוגה"')).toEqual(['he']);
    expect(search('"كتاب"')).toEqual(['ar']);
    expect(search('"مكتبة"')).toEqual(['ar']);
    expect(search('NEAR("עוגה" "טעימה", 7)')).toEqual(['he']);
    expect(search('"cake"')).toEqual(['en']);
  },
  '0017_received_messages': (sqlite) => {
    sqlite.pragma('foreign_keys = ON'); // as db/connection.ts opens every database
    sqlite.prepare(`INSERT INTO sessions (id, name) VALUES ('s', 'Shop')`).run();
    const insert = sqlite.prepare(
      `INSERT INTO wa_received_messages (session_id, chat_jid, message_id, received_at) VALUES ('s', 'c', ?, ?)`,
    );
    insert.run('m1', 1000);
    // One row per message: a second record of the same message is a conflict (done nothing).
    expect(() => insert.run('m1', 2000)).toThrow(/UNIQUE/);
    // As wa/received-messages.ts prunes: by age, over its index.
    const prune = `DELETE FROM wa_received_messages WHERE session_id = 's' AND received_at < 1500`;
    expect(queryPlan(sqlite, prune)).toMatch(/wa_received_messages/);
    // Removing a session removes what it received.
    sqlite.prepare(`DELETE FROM sessions WHERE id = 's'`).run();
    expect(sqlite.prepare(`SELECT count(*) AS n FROM wa_received_messages`).get()).toEqual({ n: 0 });
  },
  '0021_assignment': (sqlite) => {
    // Existing chats become open and unassigned.
    sqlite.exec(`INSERT INTO chats (session_id, jid, kind, last_message_at) VALUES ('s', 'c', 'user', 5)`);
    expect(sqlite.prepare(`SELECT status, assignee_user_id AS user FROM chats`).get()).toEqual({
      status: 'open',
      user: null,
    });
    // The inbox views walk their partial index in list order (services/chats/list/).
    const order = 'ORDER BY coalesce(last_message_at, 0) DESC, session_id DESC, jid DESC LIMIT 50';
    expect(
      queryPlan(sqlite, `SELECT jid FROM chats WHERE assignee_user_id = 'u' AND status = 'open' ${order}`),
    ).toContain('chats_mine_order_idx');
    // The list names its index (several fit); walking it needs no sort.
    const unassigned = queryPlan(
      sqlite,
      `SELECT jid FROM chats INDEXED BY chats_unassigned_order_idx WHERE assignee_user_id IS NULL AND status = 'open' ${order}`,
    );
    expect(unassigned).toContain('chats_unassigned_order_idx');
    expect(unassigned).not.toContain('TEMP B-TREE');
    const history = `SELECT * FROM chat_assignment_history WHERE session_id = 's' AND chat_jid = 'c' ORDER BY id DESC`;
    expect(queryPlan(sqlite, history)).toContain('chat_assignment_history_chat_idx');
  },
  '0023_reports': (sqlite) => {
    // A period's messages come from the report indexes alone: incoming (not waiting) and ours apart.
    const period = "session_id = 's' AND timestamp >= 1 AND timestamp < 2 ORDER BY timestamp";
    const incoming = queryPlan(
      sqlite,
      `SELECT timestamp, chat_jid FROM messages WHERE from_me = 0 AND type <> 'waiting' AND ${period}`,
    );
    expect(incoming).toContain('COVERING INDEX messages_report_in_idx');
    const ours = queryPlan(
      sqlite,
      `SELECT timestamp, chat_jid, sent_by FROM messages WHERE from_me = 1 AND ${period}`,
    );
    expect(ours).toContain('COVERING INDEX messages_report_out_idx');
    expect(queryPlan(sqlite, 'SELECT * FROM chat_assignment_history WHERE at >= 1 AND at < 2')).toContain(
      'chat_assignment_history_at_idx',
    );
  },
  '0032_report_message_counts': (sqlite) => {
    // A period's counts: one range of the quarter index, which holds every column summed
    // (services/reports/message-counts.ts; query-plans.test.ts checks the statements themselves).
    expect(
      queryPlan(
        sqlite,
        `SELECT quarter, kind, sum(n) FROM report_message_counts WHERE quarter >= 1 AND quarter < 9 GROUP BY quarter, kind`,
      ),
    ).toContain('COVERING INDEX report_message_counts_quarter_idx (quarter>? AND quarter<?)');
    // A chat's counts from a quarter on, by the key.
    expect(
      queryPlan(
        sqlite,
        `DELETE FROM report_message_counts WHERE session_id = 's' AND chat_jid = 'c' AND quarter >= 5`,
      ),
    ).toContain('PRIMARY KEY (session_id=? AND chat_jid=? AND quarter>?)');
  },
  '0029_api_completeness': (sqlite) => {
    // GET /calls walks every number's calls in time order (services/calls/calls.ts).
    expect(
      queryPlan(sqlite, 'SELECT * FROM calls WHERE timestamp < 5 ORDER BY timestamp DESC LIMIT 9'),
    ).toContain('calls_at_idx');
    // Usage per key: one row per key, day and kind, accumulated by upserts; old days by their index.
    sqlite.exec(
      `INSERT INTO api_key_usage (key_id, day, kind, requests) VALUES ('k', '2026-12-05', 'read', 2)`,
    );
    expect(() =>
      sqlite.exec(`INSERT INTO api_key_usage (key_id, day, kind) VALUES ('k', '2026-12-05', 'read')`),
    ).toThrow(/UNIQUE/);
    expect(queryPlan(sqlite, `DELETE FROM api_key_usage WHERE day < '2026-01-01'`)).toContain(
      'api_key_usage_day_idx',
    );
    sqlite.exec(`INSERT INTO api_key_last_use (key_id, at, address) VALUES ('k', 1, '127.0.0.1')`);
  },
  '0030_media_library': (sqlite) => {
    // One row per upload, found by its id; the sweep, a number's list and the "is this file still
    // used" check each have their index (services/media-library/).
    const row = `INSERT INTO media_library (id, type, sha256, mimetype, size, created_at, expires_at)
      VALUES ('med_a', 'image', 'ab', 'image/png', 1, 1, 2)`;
    sqlite.exec(row);
    expect(() => sqlite.exec(row)).toThrow(/UNIQUE/);
    expect(queryPlan(sqlite, 'SELECT id FROM media_library WHERE expires_at <= 5')).toContain(
      'media_library_expires_idx',
    );
    expect(
      queryPlan(sqlite, `SELECT * FROM media_library WHERE session_id = 's' ORDER BY row_id DESC LIMIT 5`),
    ).toContain('media_library_session_idx');
    expect(queryPlan(sqlite, `SELECT 1 FROM media_library WHERE sha256 = 'ab'`)).toContain(
      'media_library_sha256_idx',
    );
  },
  '0038_chat_ephemeral': (sqlite) => {
    // Chats that existed before have disappearing messages off until WhatsApp says otherwise.
    sqlite.exec(`INSERT INTO chats (session_id, jid, kind) VALUES ('s', 'c@s.whatsapp.net', 'user')`);
    expect(sqlite.prepare(`SELECT ephemeral_seconds FROM chats`).pluck().get()).toBe(0);
    // Messages still of an unknown kind are found without reading the others.
    expect(queryPlan(sqlite, `SELECT row_id, raw FROM messages WHERE type = 'unknown'`)).toContain(
      'messages_unknown_idx',
    );
  },
  '0037_group_metadata': (sqlite) => {
    // A group keeps its settings, invite code, addressing and fetch time; a participant its LID;
    // a join request is one row per person and group.
    sqlite.exec(
      `INSERT INTO groups (session_id, jid, kind, subject) VALUES ('s', 'g@g.us', 'group', 'Orders');
       INSERT INTO group_participants (session_id, group_jid, jid, role, lid)
         VALUES ('s', 'g@g.us', '1@s.whatsapp.net', 'member', '9@lid');
       INSERT INTO group_join_requests (session_id, group_jid, jid, lid, method, requested_at)
         VALUES ('s', 'g@g.us', '2@s.whatsapp.net', '8@lid', 'invite_link', 1);`,
    );
    expect(
      sqlite.prepare(`SELECT join_approval, invite_code, addressing, fetched_at FROM groups`).get(),
    ).toEqual({ join_approval: 0, invite_code: null, addressing: 'pn', fetched_at: null });
    expect(sqlite.prepare(`SELECT lid FROM group_participants`).pluck().get()).toBe('9@lid');
    expect(() =>
      sqlite.exec(
        `INSERT INTO group_join_requests (session_id, group_jid, jid, requested_at) VALUES ('s', 'g@g.us', '2@s.whatsapp.net', 2)`,
      ),
    ).toThrow(/UNIQUE/);
  },
  '0034_whatsapp_parity': (sqlite) => {
    // A chat's starred messages come from their partial index, newest first (the "Starred" view).
    expect(
      queryPlan(
        sqlite,
        `SELECT id FROM messages WHERE session_id = 's' AND chat_jid = 'c' AND starred_at IS NOT NULL
          ORDER BY timestamp DESC LIMIT 50`,
      ),
    ).toContain('messages_starred_idx');
  },
  '0035_report_marks_on_change': (sqlite) => {
    // The same marks as 0028's triggers (the earliest change, groups left out)…
    const marks = () =>
      sqlite.prepare('SELECT chat_jid, since FROM report_dirty_chats ORDER BY chat_jid').all();
    const message = sqlite.prepare(
      `INSERT INTO messages (session_id, chat_jid, id, from_me, type, status, timestamp) VALUES ('s', ?, ?, 0, 'text', 'read', ?)`,
    );
    const written = (work: () => void) => {
      const before = sqlite.prepare('SELECT total_changes() AS n').get() as { n: number };
      work();
      return (sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n - before.n;
    };
    // …but a message of a chat marked from no later than its own time writes only itself.
    expect(written(() => message.run('a@s.whatsapp.net', 'm1', 50))).toBe(2);
    expect(written(() => message.run('a@s.whatsapp.net', 'm2', 60))).toBe(1);
    expect(written(() => message.run('a@s.whatsapp.net', 'm3', 50))).toBe(1);
    expect(written(() => message.run('a@s.whatsapp.net', 'm4', 40))).toBe(2);
    expect(written(() => message.run('1@g.us', 'g1', 10))).toBe(1);
    expect(marks()).toEqual([{ chat_jid: 'a@s.whatsapp.net', since: 40 }]);
    // A message's time moving back marks the chat from there; moving forward changes nothing.
    sqlite.exec(`UPDATE messages SET timestamp = 30 WHERE id = 'm2'`);
    expect(written(() => sqlite.exec(`UPDATE messages SET timestamp = 70 WHERE id = 'm3'`))).toBe(1);
    expect(marks()).toEqual([{ chat_jid: 'a@s.whatsapp.net', since: 30 }]);
  },
  '0043_channels': (sqlite) => {
    // One row per number and channel; a post's counts are found by its message id.
    const channel = `INSERT INTO channels (session_id, jid, name, role, followed_at)
      VALUES ('s', '1@newsletter', 'News', 'follower', 1)`;
    sqlite.exec(channel);
    expect(() => sqlite.exec(channel)).toThrow(/UNIQUE/);
    sqlite.exec(`INSERT INTO channel_posts (session_id, channel_jid, message_id, server_id)
      VALUES ('s', '1@newsletter', 'm1', '100')`);
    expect(sqlite.prepare(`SELECT reactions, counted_at FROM channel_posts`).get()).toEqual({
      reactions: '{}',
      counted_at: null,
    });
    expect(
      queryPlan(sqlite, `SELECT * FROM channel_posts WHERE session_id = 's' AND channel_jid = 'c'`),
    ).toContain('PRIMARY KEY');
  },
  '0040_reports_at_speed': (sqlite) => {
    // "Waiting now": grouped along its partial index alone, which holds only the chats it counts
    // (services/reports/report-queries.ts).
    sqlite.exec(`
      INSERT INTO chats (session_id, jid, kind, last_message_at, last_message_from_me, status) VALUES
        ('s', 'a@s.whatsapp.net', 'user', 5, 0, 'open'), ('s', 'b@s.whatsapp.net', 'user', 6, 1, 'open'),
        ('s', 'c@s.whatsapp.net', 'user', 7, 0, 'pending'), ('s', '1@g.us', 'group', 8, 0, 'open'),
        ('s', 'd@s.whatsapp.net', 'user', NULL, NULL, 'open'), ('s', 'e@lid', 'user', 3, 0, 'resolved')`);
    const waiting = `SELECT session_id, assignee_user_id, assignee_team_id, count(*) AS n, min(last_message_at) AS oldest
      FROM chats INDEXED BY chats_waiting_idx WHERE status = 'open' AND kind = 'user' AND last_message_from_me = 0 AND last_message_at IS NOT NULL
      GROUP BY session_id, assignee_user_id, assignee_team_id`;
    const plan = queryPlan(sqlite, waiting);
    expect(plan).toContain('SCAN chats USING COVERING INDEX chats_waiting_idx');
    expect(plan).not.toContain('TEMP B-TREE');
    expect(sqlite.prepare(waiting).all()).toEqual([
      { session_id: 's', assignee_user_id: null, assignee_team_id: null, n: 1, oldest: 5 },
    ]);
  },
  '0042_tag_labels': (sqlite) => {
    // One label per tag and number, one tag per label of a number; the mapping goes with its tag.
    sqlite.exec(`PRAGMA foreign_keys = ON;
      INSERT INTO tags (id, name, color, created_at) VALUES ('t1', 'Paid', '#1a7f5a', 1), ('t2', 'New', '#ff0000', 1);
      INSERT INTO tag_labels (tag_id, session_id, label_id, synced_name, synced_color, linked_at)
        VALUES ('t1', 's', '3', 'Paid', 5, 1)`);
    const link = `INSERT INTO tag_labels (tag_id, session_id, label_id, synced_name, synced_color, linked_at)
      VALUES ('t2', 's', '3', 'New', 0, 1)`;
    expect(() => sqlite.exec(link)).toThrow(/UNIQUE/);
    sqlite.exec(`DELETE FROM tags WHERE id = 't1'`);
    expect(sqlite.prepare('SELECT count(*) AS n FROM tag_labels').get()).toEqual({ n: 0 });
    expect(
      queryPlan(sqlite, `SELECT * FROM tag_label_history WHERE tag_id = 't' ORDER BY id DESC`),
    ).toContain('tag_label_history_tag_idx');
  },
  '0049_slice_report_marks': (sqlite) => {
    const marks = () =>
      sqlite.prepare('SELECT chat_jid, since FROM report_dirty_chats ORDER BY chat_jid').all();
    const message = sqlite.prepare(
      `INSERT INTO messages (session_id, chat_jid, id, from_me, type, status, timestamp) VALUES ('s', ?, ?, 0, 'text', 'read', ?)`,
    );
    // Outside a history slice's inserts the trigger marks as 0035's did (live messages, SQL)…
    message.run('a@s.whatsapp.net', 'm1', 50);
    expect(marks()).toEqual([{ chat_jid: 'a@s.whatsapp.net', since: 50 }]);
    // …inside them it steps aside: the slice writes its marks itself (services/messages/slice-writes.ts).
    sqlite.transaction(() =>
      inBulkSlice(sqlite, () => {
        message.run('a@s.whatsapp.net', 'm2', 10);
        message.run('b@s.whatsapp.net', 'm3', 20);
      }),
    )();
    expect(marks()).toEqual([{ chat_jid: 'a@s.whatsapp.net', since: 50 }]);
    // Only inside a transaction (the slice's), and a slice that fails leaves the trigger on.
    expect(() => inBulkSlice(sqlite, () => message.run('c@s.whatsapp.net', 'm4', 5))).toThrow(/transaction/);
    expect(() =>
      sqlite.transaction(() =>
        inBulkSlice(sqlite, () => {
          throw new Error('slice failed');
        }),
      )(),
    ).toThrow('slice failed');
    message.run('b@s.whatsapp.net', 'm5', 15);
    expect(marks()).toEqual([
      { chat_jid: 'a@s.whatsapp.net', since: 50 },
      { chat_jid: 'b@s.whatsapp.net', since: 15 },
    ]);
  },
  '0053_tag_unread_order': (sqlite) => {
    // Each tagging carries whether its chat is unread, kept as the chat turns unread and read,
    // as it is tagged, and as it is created under a kept tagging; the two partial indexes hold
    // the unread chats' taggings in list order, read alone for "unread + a tag".
    sqlite.exec(`INSERT INTO tags (id, name, color, created_at) VALUES ('t', 'VIP', '#00aa00', 1);
      INSERT INTO chats (session_id, jid, kind, unread_count, last_message_at) VALUES ('s', 'a', 'user', 2, 10), ('s', 'b', 'user', 0, 20);
      INSERT INTO chat_tags (session_id, chat_jid, tag_id, added_by, added_at) VALUES ('s', 'a', 't', 'x', 1), ('s', 'b', 't', 'x', 1), ('s', 'c', 't', 'x', 1)`);
    const unread = () =>
      sqlite.prepare(`SELECT chat_jid FROM chat_tags WHERE chat_unread = 1 ORDER BY chat_jid`).pluck().all();
    expect(unread()).toEqual(['a']);
    sqlite.exec(
      `UPDATE chats SET unread_count = 0 WHERE jid = 'a'; UPDATE chats SET unread_count = 1 WHERE jid = 'b'`,
    );
    expect(unread()).toEqual(['b']);
    // An unread count that only grows changes nothing in the taggings.
    sqlite.exec(`UPDATE chats SET unread_count = 3 WHERE jid = 'b'`);
    sqlite.exec(
      `INSERT INTO chats (session_id, jid, kind, unread_count, last_message_at) VALUES ('s', 'c', 'user', 1, 30)`,
    );
    expect(unread()).toEqual(['b', 'c']);
    expect(sqlite.prepare(`SELECT chat_order_at FROM chat_tags WHERE chat_jid = 'c'`).pluck().get()).toBe(30);
    for (const [index, where] of [
      ['chat_tags_unread_order_idx', `tag_id = 't'`],
      ['chat_tags_unread_session_order_idx', `tag_id = 't' AND session_id = 's'`],
    ] as const) {
      const plan = queryPlan(
        sqlite,
        `SELECT chat_jid FROM chat_tags INDEXED BY ${index} WHERE ${where} AND chat_unread = 1
         ORDER BY chat_order_at DESC, session_id DESC, chat_jid DESC LIMIT 51`,
      );
      expect(plan).toContain(`COVERING INDEX ${index}`);
      expect(plan).not.toContain('TEMP B-TREE');
    }
  },
  '0054_kept_last_message_kind': (sqlite) => {
    // The chat row keeps its last message's kind values; the triggers follow what happens to that
    // message afterwards (an edit, a revoke, a deleted row) and leave every other chat alone.
    sqlite.exec(`INSERT INTO messages (session_id, chat_jid, id, from_me, sender_jid, type, text, media, status, timestamp)
        VALUES ('s', 'a', 'm1', 0, 'x', 'document', 'the list', '{"fileName":"list.pdf","seconds":"9"}', 'server', 1),
               ('s', 'a', 'm2', 0, 'x', 'text', 'older', NULL, 'server', 0);
      INSERT INTO chats (session_id, jid, kind, last_message_id, last_message_at, last_message_type, last_message_text,
          last_message_revoked, last_message_sender, last_message_file_name)
        VALUES ('s', 'a', 'user', 'm1', 1, 'document', 'the list', 0, 'x', 'list.pdf')`);
    const kept = () =>
      sqlite
        .prepare(
          `SELECT last_message_type AS type, last_message_text AS text, last_message_revoked AS revoked,
             last_message_file_name AS fileName, last_message_seconds AS seconds FROM chats WHERE jid = 'a'`,
        )
        .get();
    sqlite.exec(`UPDATE messages SET text = 'the new list' WHERE id = 'm1'`);
    expect(kept()).toEqual({
      type: 'document',
      text: 'the new list',
      revoked: 0,
      fileName: 'list.pdf',
      seconds: null,
    });
    // Not the last message: nothing moves.
    sqlite.exec(
      `UPDATE messages SET text = NULL, revoked_at = 5 WHERE id = 'm2'; DELETE FROM messages WHERE id = 'm2'`,
    );
    expect(kept()).toMatchObject({ text: 'the new list', revoked: 0 });
    sqlite.exec(`UPDATE messages SET text = NULL, revoked_at = 5 WHERE id = 'm1'`);
    expect(kept()).toEqual({ type: 'document', text: null, revoked: 1, fileName: 'list.pdf', seconds: null });
    sqlite.exec(`DELETE FROM messages WHERE id = 'm1'`);
    expect(kept()).toEqual({ type: null, text: null, revoked: null, fileName: null, seconds: null });
  },
  '0051_label_outbox': (sqlite) => {
    // One pending change per label and chat/message of a number; a deletion is the label's own row.
    const put = (chat: string, action: string) =>
      sqlite
        .prepare(
          `INSERT INTO label_outbox (session_id, label_id, chat_jid, action, at) VALUES ('s', '3', ?, ?, 1)`,
        )
        .run(chat, action);
    put('a@s.whatsapp.net', 'label');
    put('', 'delete');
    expect(() => put('a@s.whatsapp.net', 'unlabel')).toThrow(/UNIQUE/);
    expect(sqlite.prepare(`SELECT message_id FROM label_outbox WHERE chat_jid = ''`).get()).toEqual({
      message_id: '',
    });
  },
  '0055_label_retry_schedule': (sqlite) => {
    // A refused label change keeps its tries on disk; rows from before have none and are due now.
    sqlite.exec(`INSERT INTO label_outbox (session_id, label_id, chat_jid, action, at) VALUES ('s', '3', 'a', 'label', 1);
      INSERT INTO tags (id, name, color, created_at) VALUES ('t', 'T', '#f00', 0);
      INSERT INTO tag_labels (tag_id, session_id, label_id, synced_name, synced_color, linked_at)
        VALUES ('t', 's', '3', 'T', 0, 1)`);
    expect(sqlite.prepare('SELECT attempts, retry_at FROM label_outbox').get()).toEqual({
      attempts: 0,
      retry_at: null,
    });
    expect(
      sqlite
        .prepare('SELECT edit_attempts, edit_retry_at, edit_given_up, edit_name, edit_color FROM tag_labels')
        .get(),
    ).toEqual({
      edit_attempts: 0,
      edit_retry_at: null,
      edit_given_up: 0,
      edit_name: null,
      edit_color: null,
    });
  },
  '0056_smaller_message_rows': (sqlite) => {
    // One index answers a message by number and id, with or without its chat; a message is still
    // stored once per (number, chat, id), and the writers' ON CONFLICT target still names it.
    expect(queryPlan(sqlite, `SELECT * FROM messages WHERE session_id = 's' AND id = 'm'`)).toContain(
      'messages_identity_idx (session_id=? AND id=?)',
    );
    const insert = `INSERT INTO messages (session_id, chat_jid, id, from_me, type, status, timestamp)
      VALUES ('s', ?, 'm', 0, 'text', 'server', 1) ON CONFLICT (session_id, chat_jid, id) DO NOTHING`;
    expect(sqlite.prepare(insert).run('a').changes).toBe(1);
    expect(sqlite.prepare(insert).run('a').changes).toBe(0);
    expect(sqlite.prepare(insert).run('b').changes).toBe(1);
    expect(
      sqlite.prepare(`SELECT name FROM sqlite_master WHERE name = 'messages_session_id_idx'`).all(),
    ).toEqual([]);
  },
  '0059_implied_sender': (sqlite) => {
    // A 1:1 message from the chat stores no sender (services/messages/message-sender.ts): when it
    // is the chat's last message and changes, the chat row still keeps the chat's JID as sender;
    // a group's message without a participant keeps none, ours and older rows keep their own.
    const a = '972500000001@s.whatsapp.net';
    const g = '120363000000001@g.us';
    sqlite.exec(`INSERT INTO messages (session_id, chat_jid, id, from_me, sender_jid, type, text, status, timestamp)
        VALUES ('s', '${a}', 'new', 0, NULL, 'text', 'hi', 'server', 1),
               ('s', '${g}', 'grp', 0, NULL, 'text', 'hi', 'server', 1),
               ('s', 'b@s.whatsapp.net', 'ours', 1, NULL, 'text', 'hi', 'server', 1),
               ('s', 'c@s.whatsapp.net', 'old', 0, 'c@s.whatsapp.net', 'text', 'hi', 'server', 1);
      INSERT INTO chats (session_id, jid, kind, last_message_id, last_message_at, last_message_type, last_message_sender)
        VALUES ('s', '${a}', 'user', 'new', 1, 'text', '${a}'), ('s', '${g}', 'group', 'grp', 1, 'text', NULL),
               ('s', 'b@s.whatsapp.net', 'user', 'ours', 1, 'text', NULL),
               ('s', 'c@s.whatsapp.net', 'user', 'old', 1, 'text', 'c@s.whatsapp.net');
      UPDATE messages SET text = 'edited'`);
    expect(
      sqlite
        .prepare(
          `SELECT jid, last_message_sender AS sender, last_message_text AS text FROM chats ORDER BY jid`,
        )
        .all(),
    ).toEqual([
      { jid: g, sender: null, text: 'edited' },
      { jid: a, sender: a, text: 'edited' },
      { jid: 'b@s.whatsapp.net', sender: null, text: 'edited' },
      { jid: 'c@s.whatsapp.net', sender: 'c@s.whatsapp.net', text: 'edited' },
    ]);
  },
  '0057_report_integer_keys': (sqlite) => {
    // The per-chat report rows name a chat by its key; tagging a chat marks its days through it.
    sqlite.exec(`
      INSERT INTO tags (id, name, color, created_at) VALUES ('t', 'T', '#f00', 0);
      INSERT INTO report_chats (id, session_id, chat_jid) VALUES (7, 's', 'a@s.whatsapp.net');
      INSERT INTO report_conversations (chat, opened_at, first_incoming_at, resolved_at)
        VALUES (7, 86400000 * 2, 86400000 * 3, 86400000 * 4);
      INSERT INTO report_message_counts (chat, quarter, kind, sender_user_id, assignee_user_id, assignee_team_id, n)
        VALUES (7, 96 * 5, 0, '', '', '', 1);
      DELETE FROM report_dirty_days;
      INSERT INTO chat_tags (session_id, chat_jid, tag_id, added_by, added_at) VALUES ('s', 'a@s.whatsapp.net', 't', '{}', 0);`);
    expect(sqlite.prepare('SELECT day FROM report_dirty_days ORDER BY day').pluck().all()).toEqual([
      2, 3, 4, 5,
    ]);
    sqlite.exec(`DELETE FROM report_dirty_days; DELETE FROM chat_tags`);
    expect(sqlite.prepare('SELECT day FROM report_dirty_days ORDER BY day').pluck().all()).toEqual([
      2, 3, 4, 5,
    ]);
    expect(
      queryPlan(
        sqlite,
        `SELECT * FROM report_message_counts WHERE chat = 7 AND quarter >= 0 AND quarter < 9`,
      ),
    ).toContain('PRIMARY KEY (chat=? AND quarter>? AND quarter<?)');
    expect(
      queryPlan(sqlite, `SELECT id FROM report_chats WHERE session_id = 's' AND chat_jid = 'a'`),
    ).toContain('report_chats_key_idx (session_id=? AND chat_jid=?)');
  },
  '0058_report_holders_from_history': (sqlite) => {
    // Its marks read the assigned chats over the assignee indexes and each one's own history
    // rows, never every chat (start-up of a 10M-message store).
    const file = readFileSync(path.join(MIGRATIONS_DIR, '0058_report_holders_from_history.sql'), 'utf8');
    const select = file.slice(file.indexOf('SELECT c.session_id'), file.indexOf('ON CONFLICT'));
    const plan = queryPlan(sqlite, select);
    expect(plan).toContain('chats_mine_order_idx');
    expect(plan).toContain('chats_team_order_idx');
    expect(plan).toContain('chat_assignment_history_chat_idx');
    expect(plan).not.toMatch(/SCAN (c|chats|h)$/m);
  },
  '0046_report_conversation_days': (sqlite) => {
    // Tagging a customer chat marks every day it has kept facts on (its conversations' events and
    // its counts); the per-message `chat_order_at` update marks nothing; a group marks nothing.
    sqlite.exec(`
      INSERT INTO tags (id, name, color, created_at) VALUES ('t', 'T', '#f00', 0);
      INSERT INTO report_conversations (session_id, chat_jid, opened_at, first_incoming_at, first_response_at, resolved_at)
        VALUES ('s', 'a@s.whatsapp.net', 86400000 * 3, 86400000 * 3 + 5, NULL, 86400000 * 5);
      INSERT INTO report_message_counts (session_id, chat_jid, quarter, kind, sender_user_id, assignee_user_id, assignee_team_id, n)
        VALUES ('s', 'a@s.whatsapp.net', 96 * 4 + 1, 'customer', '', '', '', 1), ('s', '1@g.us', 96 * 9, 'customer', '', '', '', 1);
      DELETE FROM report_dirty_days;`);
    const marked = () => sqlite.prepare('SELECT day FROM report_dirty_days ORDER BY day').pluck().all();
    sqlite.exec(`INSERT INTO chat_tags (session_id, chat_jid, tag_id, added_by, added_at) VALUES
      ('s', 'a@s.whatsapp.net', 't', '{}', 0), ('s', '1@g.us', 't', '{}', 0)`);
    expect(marked()).toEqual([3, 4, 5]);
    sqlite.exec('DELETE FROM report_dirty_days');
    sqlite.exec('UPDATE chat_tags SET chat_order_at = 9');
    expect(marked()).toEqual([]);
    sqlite.exec(`DELETE FROM chat_tags WHERE chat_jid = 'a@s.whatsapp.net'`);
    expect(marked()).toEqual([3, 4, 5]);
    // The kept days are read by day range, then number.
    expect(queryPlan(sqlite, 'SELECT * FROM report_conversation_days WHERE day >= 1 AND day < 9')).toContain(
      'SEARCH report_conversation_days USING PRIMARY KEY (day>? AND day<?)',
    );
  },
  '0047_report_day_quarters': (sqlite) => {
    // One row a day, number, assignee and tag set, read by day range; the tagged quarter sums are gone.
    const row = `INSERT INTO report_day_quarters (day, session_id, assignee_user_id, assignee_team_id, tags, counts)
      VALUES (3, 's', '', '', '', x'00')`;
    sqlite.exec(row);
    expect(() => sqlite.exec(row)).toThrow(/UNIQUE/);
    expect(queryPlan(sqlite, 'SELECT * FROM report_day_quarters WHERE day >= 1 AND day < 9')).toContain(
      'SEARCH report_day_quarters USING PRIMARY KEY (day>? AND day<?)',
    );
    expect(
      sqlite
        .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'report_tagged_quarter_totals'`)
        .get(),
    ).toEqual({ n: 0 });
  },
  '0050_channels_not_assigned': (sqlite) => {
    // A channel's chat is never counted in the views, whatever is done to it; other chats are.
    sqlite.exec(`
      INSERT INTO chats (session_id, jid, kind, status) VALUES ('s', '1@newsletter', 'newsletter', 'open');
      INSERT INTO chats (session_id, jid, kind, status) VALUES ('s', 'a@s.whatsapp.net', 'user', 'open');
      UPDATE chats SET assignee_user_id = 'u1', status = 'resolved';`);
    const rows = () =>
      sqlite
        .prepare('SELECT assignee_user_id AS u, status, n FROM chat_view_counts WHERE n <> 0 ORDER BY 1, 2')
        .all();
    expect(rows()).toEqual([{ u: 'u1', status: 'resolved', n: 1 }]);
    sqlite.exec('DELETE FROM chats');
    expect(rows()).toEqual([]);
  },
  '0041_status_updates': (sqlite) => {
    // A number's Status list walks its index newest first; the sweep finds expired rows by theirs.
    const row = `INSERT INTO status_updates (session_id, id, poster_jid, from_me, kind, posted_at, expires_at)
      VALUES ('s', 'S1', '1@s.whatsapp.net', 0, 'text', 5, 86400005)`;
    sqlite.exec(row);
    expect(() => sqlite.exec(row)).toThrow(/UNIQUE/);
    expect(
      queryPlan(sqlite, `SELECT id FROM status_updates WHERE session_id = 's' ORDER BY posted_at DESC`),
    ).toContain('status_updates_posted_idx');
    expect(queryPlan(sqlite, 'DELETE FROM status_updates WHERE expires_at <= 7')).toContain(
      'status_updates_expiry_idx',
    );
    expect(sqlite.prepare('SELECT seen_at FROM status_updates').get()).toEqual({ seen_at: null });
  },
  '0039_paced_sends': (sqlite) => {
    // A waiting group send is found by its message id, the loop finds the next due one by its
    // index, and the conversation's pending bubbles by session and chat.
    const row = `INSERT INTO paced_sends (id, session_id, chat_jid, input, actor, send_at, created_at)
      VALUES ('3EB0A', 's', 'g@g.us', '{}', '{}', 5, 1)`;
    sqlite.exec(row);
    expect(() => sqlite.exec(row)).toThrow(/UNIQUE/);
    expect(queryPlan(sqlite, 'SELECT id FROM paced_sends ORDER BY send_at LIMIT 1')).toContain(
      'paced_sends_due_idx',
    );
    expect(
      queryPlan(sqlite, `SELECT id FROM paced_sends WHERE session_id = 's' AND chat_jid = 'c'`),
    ).toContain('paced_sends_session_idx');
  },
  '0031_webhook_owners': (sqlite) => {
    // A person's webhook goes with the person (and its deliveries with it); a key's has no owner.
    sqlite.pragma('foreign_keys = ON');
    sqlite.exec(
      `INSERT INTO users (id, name, login, login_key, role) VALUES ('usr_1', 'Dana', 'dana', 'dana', 'agent');
       INSERT INTO webhooks (id, name, url, secret, owner_user_id) VALUES ('wh_1', 'Dana', 'http://127.0.0.1/', 's', 'usr_1');
       INSERT INTO webhooks (id, name, url, secret) VALUES ('wh_2', 'Admin', 'http://127.0.0.1/', 's');
       INSERT INTO webhook_deliveries (webhook_id, event_id, order_key, status, next_attempt_at, created_at)
         VALUES ('wh_1', 'evt_1', 'k', 'pending', 0, 0);`,
    );
    expect(queryPlan(sqlite, `SELECT id FROM webhooks WHERE owner_user_id = 'usr_1'`)).toContain(
      'webhooks_owner_idx',
    );
    sqlite.exec(`DELETE FROM users WHERE id = 'usr_1'`);
    expect(sqlite.prepare('SELECT id FROM webhooks').pluck().all()).toEqual(['wh_2']);
    expect(sqlite.prepare('SELECT count(*) FROM webhook_deliveries').pluck().get()).toBe(0);
  },
  '0027_view_counters': (sqlite) => {
    // A number's counters are a range of the key; the triggers keep them (view-counts.test.ts).
    expect(queryPlan(sqlite, `SELECT sum(n) FROM chat_view_counts WHERE session_id = 's'`)).toContain(
      'PRIMARY KEY (session_id=?)',
    );
    const triggers = sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'chats' ORDER BY name`)
      .pluck()
      .all();
    expect(triggers).toEqual(
      expect.arrayContaining([
        'chats_view_counts_delete',
        'chats_view_counts_insert',
        'chats_view_counts_update',
      ]),
    );
  },
  '0028_report_conversations': (sqlite) => {
    // A period's conversations: three ranges, each read from its index alone (conversation-table.ts).
    const columns =
      'session_id, chat_jid, opened_at, first_incoming_at, first_response_at, resolved_at, assignee_user_id, assignee_team_id';
    for (const [index, column] of [
      ['report_conversations_opened_idx', 'opened_at'],
      ['report_conversations_incoming_idx', 'first_incoming_at'],
      ['report_conversations_resolved_idx', 'resolved_at'],
    ]) {
      expect(
        queryPlan(
          sqlite,
          `SELECT ${columns} FROM report_conversations WHERE ${column} >= 1 AND ${column} < 2`,
        ),
      ).toContain(`COVERING INDEX ${index}`);
    }
    // A chat's fold starts at a conversation found by the chat's index.
    expect(
      queryPlan(
        sqlite,
        `SELECT opened_at FROM report_conversations WHERE session_id = 's' AND chat_jid = 'c' AND opened_at < 5 ORDER BY opened_at DESC LIMIT 1`,
      ),
    ).toContain('COVERING INDEX report_conversations_chat_idx');
  },
  '0026_view_counts': (sqlite) => {
    // The views' counts read their index alone, the assignee columns included (view-counts.ts).
    const count = (index: string, where: string) =>
      queryPlan(sqlite, `SELECT count(*) FROM chats c INDEXED BY ${index} WHERE ${where}`);
    expect(count('chats_unassigned_order_idx', `c.assignee_user_id IS NULL AND c.status = 'open'`)).toContain(
      'COVERING INDEX chats_unassigned_order_idx (status=?)',
    );
    expect(
      count(
        'chats_team_order_idx',
        `c.assignee_team_id = 't' AND c.status = 'open' AND c.assignee_user_id IS NULL`,
      ),
    ).toContain('COVERING INDEX chats_team_order_idx');
    expect(count('chats_status_order_idx', `c.status = 'open' AND c.assignee_team_id = 't'`)).toContain(
      'COVERING INDEX chats_status_order_idx',
    );
    // The list still walks them in order with no sort.
    const order = 'ORDER BY coalesce(last_message_at, 0) DESC, session_id DESC, jid DESC LIMIT 50';
    const walk = queryPlan(
      sqlite,
      `SELECT jid FROM chats INDEXED BY chats_status_order_idx WHERE status = 'open' ${order}`,
    );
    expect(walk).not.toContain('TEMP B-TREE');
  },
  '0048_chat_name_text': (sqlite) => {
    // The chat's names, joined, kept as the chat and its contact change; read from both order indexes.
    const text = () =>
      sqlite.prepare(`SELECT name_text FROM chats WHERE jid = 'a@s.whatsapp.net'`).pluck().get();
    sqlite.exec(`INSERT INTO chats (session_id, jid, kind) VALUES ('s', 'a@s.whatsapp.net', 'user')`);
    expect(text()).toBeNull();
    sqlite.exec(
      `INSERT INTO contacts (session_id, jid, name, notify) VALUES ('s', 'a@s.whatsapp.net', 'Dana', 'D')`,
    );
    expect(text()).toBe('Dana\x1fD');
    sqlite.exec(
      `UPDATE contacts SET notify = NULL, verified_name = 'Shop Ltd' WHERE jid = 'a@s.whatsapp.net'`,
    );
    expect(text()).toBe('Dana\x1fShop Ltd');
    sqlite.exec(`UPDATE chats SET name = 'Chat' WHERE jid = 'a@s.whatsapp.net'`);
    expect(text()).toBe('Chat\x1fDana\x1fShop Ltd');
    sqlite.exec(`DELETE FROM contacts WHERE jid = 'a@s.whatsapp.net'`);
    expect(text()).toBe('Chat');
    // A chat created after its contact, and a named group without one.
    sqlite.exec(`INSERT INTO contacts (session_id, jid, notify) VALUES ('s', 'b@s.whatsapp.net', 'Boris');
      INSERT INTO chats (session_id, jid, kind) VALUES ('s', 'b@s.whatsapp.net', 'user');
      INSERT INTO chats (session_id, jid, kind, name) VALUES ('s', '1@g.us', 'group', 'Family')`);
    expect(sqlite.prepare(`SELECT jid, name_text AS t FROM chats ORDER BY jid`).all()).toEqual([
      { jid: '1@g.us', t: 'Family' },
      { jid: 'a@s.whatsapp.net', t: 'Chat' },
      { jid: 'b@s.whatsapp.net', t: 'Boris' },
    ]);
    const order = 'ORDER BY coalesce(last_message_at, 0) DESC, session_id DESC, jid DESC LIMIT 51';
    for (const [index, where] of [
      ['chats_session_order_idx', `session_id = 's'`],
      ['chats_status_order_idx', `status = 'open'`],
    ] as const) {
      const plan = queryPlan(
        sqlite,
        `SELECT jid FROM chats INDEXED BY ${index} WHERE ${where} AND (name_text LIKE '%bor%' OR jid LIKE '%bor%') ${order}`,
      );
      expect(plan).toContain(`COVERING INDEX ${index}`);
      expect(plan).not.toContain('TEMP B-TREE');
    }
  },
  '0044_chat_list_at_scale': (sqlite) => {
    // Every number's list is a merge of the status index's runs; the order index is gone.
    expect(
      sqlite.prepare(`SELECT name FROM sqlite_master WHERE name = 'chats_order_idx'`).get(),
    ).toBeUndefined();
    const arm = (status: string) =>
      `SELECT session_id AS s, jid AS j, coalesce(last_message_at, 0) AS at FROM chats INDEXED BY chats_status_order_idx WHERE status = '${status}'`;
    const merged = queryPlan(
      sqlite,
      `${['open', 'pending', 'resolved'].map(arm).join(' UNION ALL ')} ORDER BY at DESC, s DESC, j DESC LIMIT 51`,
    );
    expect(merged).toMatch(/^MERGE \(UNION ALL\)/);
    expect(merged).not.toContain('TEMP B-TREE');
    // The name index keeps no positions, and its triggers still keep it as names change.
    expect(
      sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = 'chat_names_fts'`).pluck().get(),
    ).toContain('detail=none');
    const find = (...trigrams: string[]) =>
      sqlite
        .prepare(
          `SELECT k.jid FROM chat_names_fts f JOIN chat_search_keys k ON k.id = f.rowid
           WHERE chat_names_fts MATCH ? ORDER BY k.jid`,
        )
        .pluck()
        .all(trigrams.map((t) => `"${t}"`).join(' AND '));
    sqlite.exec(
      `INSERT INTO chats (session_id, jid, kind, name) VALUES ('s', 'a@s.whatsapp.net', 'user', 'Dana Levi')`,
    );
    expect(find('dan', 'ana')).toEqual(['a@s.whatsapp.net']);
    sqlite.exec(`UPDATE chats SET name = 'Shop' WHERE jid = 'a@s.whatsapp.net'`);
    expect(find('dan', 'ana')).toEqual([]);
    expect(find('sho', 'hop')).toEqual(['a@s.whatsapp.net']);
    sqlite.exec(`INSERT INTO contacts (session_id, jid, name) VALUES ('s', 'a@s.whatsapp.net', 'Boris')`);
    expect(find('bor', 'ori', 'ris')).toEqual(['a@s.whatsapp.net']);
    sqlite.exec(`UPDATE contacts SET name = 'Vanya' WHERE jid = 'a@s.whatsapp.net'`);
    expect(find('bor', 'ori', 'ris')).toEqual([]);
    expect(find('van', 'any', 'nya')).toEqual(['a@s.whatsapp.net']);
    sqlite.exec(`DELETE FROM contacts WHERE jid = 'a@s.whatsapp.net'`);
    expect(find('van', 'any', 'nya')).toEqual([]);
    // The vocabulary still gives the chats holding a range of trigrams (for 1–2 characters).
    expect(
      sqlite.prepare(`SELECT DISTINCT doc FROM chat_names_vocab WHERE term >= 'sh' AND term < 'si'`).all(),
    ).toHaveLength(1);
  },
  '0025_chat_list_views': (sqlite) => {
    // A person's and a team's chats in any status walk their partial index in list order.
    const order = 'ORDER BY coalesce(last_message_at, 0) DESC, session_id DESC, jid DESC LIMIT 50';
    for (const [index, condition] of [
      ['chats_assignee_order_idx', "assignee_user_id = 'u'"],
      ['chats_team_any_order_idx', "assignee_team_id = 't'"],
    ]) {
      const plan = queryPlan(sqlite, `SELECT jid FROM chats INDEXED BY ${index} WHERE ${condition} ${order}`);
      expect(plan).toContain(index);
      expect(plan).not.toContain('TEMP B-TREE');
    }
    // New chats' name documents end with two line breaks; the vocabulary reads a range of trigrams.
    sqlite.exec(
      `INSERT INTO chats (session_id, jid, kind, name) VALUES ('s', 'x@s.whatsapp.net', 'user', 'Zq')`,
    );
    const terms = sqlite
      .prepare(`SELECT term FROM chat_names_vocab WHERE term >= 'et' AND term < 'eu'`)
      .pluck()
      .all();
    expect(terms).toEqual(['et\n']);
    expect(
      sqlite.prepare(`SELECT DISTINCT doc FROM chat_names_vocab WHERE term >= 'q' AND term < 'r'`).all(),
    ).toHaveLength(1);
  },
};

describe('migrations', () => {
  it('0010 indexes the messages stored before it the new way', () => {
    const sqlite = migratedUpTo('0009_contact_avatars');
    sqlite
      .prepare(
        `INSERT INTO messages (session_id, chat_jid, id, from_me, type, text, status, timestamp)
         VALUES ('s', 'c', 'old', 0, 'text', '我们明天开门', 'server', 1)`,
      )
      .run();
    migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_DIR });
    const hits = sqlite.prepare(`SELECT rowid FROM messages_fts WHERE messages_fts MATCH '"明 天"'`).all();
    expect(hits).toHaveLength(1);
  });

  it('0011 indexes the chats and taggings stored before it', () => {
    const sqlite = migratedUpTo('0010_search_unspaced_scripts');
    sqlite.exec(`
      INSERT INTO chats (session_id, jid, kind, name, last_message_at) VALUES ('s', 'a@s.whatsapp.net', 'user', NULL, 700);
      INSERT INTO contacts (session_id, jid, name) VALUES ('s', 'a@s.whatsapp.net', 'Noa Cohen');
      INSERT INTO tags (id, name, color, created_at) VALUES ('t1', 'VIP', '#00aa00', 1);
      INSERT INTO chat_tags (session_id, chat_jid, tag_id, added_by, added_at) VALUES ('s', 'a@s.whatsapp.net', 't1', 'admin', 1);
    `);
    migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_DIR });
    // (Since 0044 the index keeps no positions: a text is found as all of its trigrams.)
    const hits = sqlite
      .prepare(`SELECT rowid FROM chat_names_fts WHERE chat_names_fts MATCH '"coh" AND "ohe" AND "hen"'`)
      .all();
    expect(hits).toHaveLength(1);
    expect(sqlite.prepare(`SELECT chat_order_at AS at FROM chat_tags`).get()).toEqual({ at: 700 });
  });

  it('0027 counts the chats stored before it into the view counters', () => {
    const sqlite = migratedUpTo('0026_view_counts');
    sqlite.exec(`
      INSERT INTO chats (session_id, jid, kind, status, assignee_user_id) VALUES ('s', 'a', 'user', 'open', 'u1');
      INSERT INTO chats (session_id, jid, kind, status) VALUES ('s', 'b', 'user', 'open');
      INSERT INTO chats (session_id, jid, kind, status) VALUES ('s', 'c', 'user', 'open');
      INSERT INTO chats (session_id, jid, kind, status, assignee_team_id) VALUES ('s', 'd', 'user', 'resolved', 't1');
    `);
    migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_DIR });
    const rows = sqlite
      .prepare(
        'SELECT assignee_user_id AS u, assignee_team_id AS t, status, n FROM chat_view_counts ORDER BY 1, 2, 3',
      )
      .all();
    expect(rows).toEqual([
      { u: '', t: '', status: 'open', n: 2 },
      { u: '', t: 't1', status: 'resolved', n: 1 },
      { u: 'u1', t: '', status: 'open', n: 1 },
    ]);
  });

  it('0050 takes back what the counters had counted of channel chats', () => {
    const sqlite = migratedUpTo('0046_report_conversation_days');
    sqlite.exec(`
      INSERT INTO chats (session_id, jid, kind, status) VALUES ('s', '1@newsletter', 'newsletter', 'open');
      INSERT INTO chats (session_id, jid, kind, status) VALUES ('s', '2@newsletter', 'newsletter', 'open');
      INSERT INTO chats (session_id, jid, kind, status) VALUES ('s', 'a@s.whatsapp.net', 'user', 'open');
    `);
    migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_DIR });
    const rows = sqlite
      .prepare('SELECT assignee_user_id AS u, status, n FROM chat_view_counts WHERE n <> 0')
      .all();
    expect(rows).toEqual([{ u: '', status: 'open', n: 1 }]);
  });

  it('0025 re-indexes the names of the chats stored before it, ending each with two line breaks', () => {
    const sqlite = migratedUpTo('0021_assignment');
    sqlite.exec(`
      INSERT INTO chats (session_id, jid, kind, name, last_message_at) VALUES ('s', 'a@s.whatsapp.net', 'user', NULL, 700);
      INSERT INTO contacts (session_id, jid, name) VALUES ('s', 'a@s.whatsapp.net', 'Noa Cohen');
    `);
    const ends = () =>
      sqlite.prepare(`SELECT DISTINCT doc FROM chat_names_vocab WHERE term >= 'et' AND term < 'eu'`).all();
    migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_DIR });
    // The end of the number (`…net`) now starts a trigram; the old document is gone, the new one found.
    expect(ends()).toHaveLength(1);
    const phrase = (q: string) =>
      sqlite.prepare(`SELECT rowid FROM chat_names_fts WHERE chat_names_fts MATCH ?`).all(q);
    expect(phrase('"coh" AND "ohe" AND "hen"')).toHaveLength(1);
    // One trigram per character but the last two (each distinct here): of the new document only.
    const document = '\nNoa Cohen\n\n\na@s.whatsapp.net\n\n';
    expect(sqlite.prepare(`SELECT count(*) AS n FROM chat_names_vocab`).get()).toEqual({
      n: document.length - 2,
    });
  });

  it('0044 re-indexes the names of the chats stored before it, without positions', () => {
    const sqlite = migratedUpTo('0040_reports_at_speed');
    sqlite.exec(`
      INSERT INTO chats (session_id, jid, kind, name, last_message_at) VALUES ('s', 'a@s.whatsapp.net', 'user', 'Tamar', 700);
      INSERT INTO chats (session_id, jid, kind, name, last_message_at) VALUES ('s', 'b@s.whatsapp.net', 'user', NULL, 800);
      INSERT INTO contacts (session_id, jid, name) VALUES ('s', 'b@s.whatsapp.net', 'Noa Cohen');
    `);
    migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_DIR });
    const find = (query: string) =>
      sqlite
        .prepare(
          `SELECT k.jid FROM chat_names_fts f JOIN chat_search_keys k ON k.id = f.rowid WHERE chat_names_fts MATCH ? ORDER BY 1`,
        )
        .pluck()
        .all(query);
    expect(find('"tam" AND "ama" AND "mar"')).toEqual(['a@s.whatsapp.net']);
    expect(find('"coh" AND "ohe" AND "hen"')).toEqual(['b@s.whatsapp.net']);
    expect(find('"net"')).toEqual(['a@s.whatsapp.net', 'b@s.whatsapp.net']);
    // One entry per (trigram, chat), no offsets: the index holds the two documents only.
    const instances = sqlite.prepare(`SELECT count(*) AS n, max(offset) AS o FROM chat_names_vocab`).get();
    const distinct = (text: string) =>
      new Set(Array.from(text).map((_, i, a) => a.slice(i, i + 3).join(''))).size - 2;
    expect(instances).toEqual({
      n: distinct('Tamar\n\n\n\na@s.whatsapp.net\n\n') + distinct('\nNoa Cohen\n\n\nb@s.whatsapp.net\n\n'),
      o: null,
    });
  });

  it('0028 marks every customer chat stored before it to be folded from its beginning', () => {
    const sqlite = migratedUpTo('0026_view_counts');
    sqlite.exec(`
      INSERT INTO chats (session_id, jid, kind) VALUES ('s', 'a@s.whatsapp.net', 'user'), ('s', '1@g.us', 'group');
      INSERT INTO messages (session_id, chat_jid, id, from_me, type, status, timestamp) VALUES ('s', 'a@s.whatsapp.net', 'm', 0, 'text', 'read', 5);
    `);
    migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_DIR });
    const marked = () => sqlite.prepare('SELECT session_id, chat_jid, since FROM report_dirty_chats').all();
    expect(marked()).toEqual([{ session_id: 's', chat_jid: 'a@s.whatsapp.net', since: -1 }]);
    // From now on the triggers mark them, keeping the earliest change.
    sqlite.exec(`
      INSERT INTO messages (session_id, chat_jid, id, from_me, type, status, timestamp) VALUES ('s', 'b@s.whatsapp.net', 'n', 1, 'text', 'read', 9);
      INSERT INTO messages (session_id, chat_jid, id, from_me, type, status, timestamp) VALUES ('s', 'b@s.whatsapp.net', 'o', 0, 'waiting', 'read', 7);
      INSERT INTO messages (session_id, chat_jid, id, from_me, type, status, timestamp) VALUES ('s', '1@g.us', 'g', 0, 'text', 'read', 7);
      INSERT INTO chat_assignment_history (session_id, chat_jid, at, change, to_value, actor, reason) VALUES ('s', 'c@lid', 3, 'status', '"open"', '{}', 'manual');
    `);
    expect(marked()).toEqual([
      { session_id: 's', chat_jid: 'a@s.whatsapp.net', since: -1 },
      { session_id: 's', chat_jid: 'b@s.whatsapp.net', since: 7 },
      { session_id: 's', chat_jid: 'c@lid', since: 3 },
    ]);
  });

  it('0040 sums the kept counts over chats per day and per quarter', () => {
    const sqlite = migratedUpTo('0034_whatsapp_parity');
    sqlite.exec(`INSERT INTO report_message_counts (session_id, chat_jid, quarter, kind, sender_user_id, assignee_user_id, assignee_team_id, n)
      VALUES ('s', 'a', 96, 'customer', '', '', '', 2), ('s', 'b', 96, 'customer', '', '', '', 3),
             ('s', 'a', 97, 'person', 'u', 'u', '', 1), ('s', 'a', 200, 'customer', '', '', '', 4)`);
    // Only up to 0040: 0057 empties these sums for its refold.
    migrateTo(sqlite, '0040_reports_at_speed');
    expect(
      sqlite.prepare('SELECT day, kind, sender_user_id, n FROM report_day_counts ORDER BY 1, 2').all(),
    ).toEqual([
      { day: 1, kind: 'customer', sender_user_id: '', n: 5 },
      { day: 1, kind: 'person', sender_user_id: 'u', n: 1 },
      { day: 2, kind: 'customer', sender_user_id: '', n: 4 },
    ]);
    expect(
      sqlite.prepare('SELECT quarter, incoming, n FROM report_quarter_totals ORDER BY 1, 2').all(),
    ).toEqual([
      { quarter: 96, incoming: 1, n: 5 },
      { quarter: 97, incoming: 0, n: 1 },
      { quarter: 200, incoming: 1, n: 4 },
    ]);
  });

  it("0046 marks every day with a kept conversation event or a tagged chat's count", () => {
    const sqlite = migratedUpTo('0040_reports_at_speed');
    sqlite.exec(`
      INSERT INTO tags (id, name, color, created_at) VALUES ('t', 'T', '#f00', 0);
      INSERT INTO chat_tags (session_id, chat_jid, tag_id, added_by, added_at) VALUES ('s', 'b@lid', 't', '{}', 0);
      INSERT INTO report_conversations (session_id, chat_jid, opened_at, first_incoming_at, first_response_at, resolved_at)
        VALUES ('s', 'a@s.whatsapp.net', 86400000 * 2, 86400000 * 2, 86400000 * 6, NULL);
      INSERT INTO report_message_counts (session_id, chat_jid, quarter, kind, sender_user_id, assignee_user_id, assignee_team_id, n)
        VALUES ('s', 'a@s.whatsapp.net', 96 * 7, 'customer', '', '', '', 1), ('s', 'b@lid', 96 * 8, 'person', 'u', '', '', 1);`);
    migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_DIR });
    // Day 7's count is an untagged chat's (not in the tagged sums); the first response is no event of its own.
    expect(sqlite.prepare('SELECT day FROM report_dirty_days ORDER BY day').pluck().all()).toEqual([2, 8]);
  });

  it('0047 marks every day with counts, to be summed per quarter', () => {
    const sqlite = migratedUpTo('0046_report_conversation_days');
    sqlite.exec(`
      INSERT INTO report_day_counts (day, session_id, kind, sender_user_id, assignee_user_id, assignee_team_id, n)
        VALUES (4, 's', 'customer', '', '', '', 2), (4, 's', 'person', 'u', '', '', 1), (9, 't', 'customer', '', '', '', 1);
      DELETE FROM report_dirty_days;
      INSERT INTO report_dirty_days (day) VALUES (2);`);
    migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_DIR });
    expect(sqlite.prepare('SELECT day FROM report_dirty_days ORDER BY day').pluck().all()).toEqual([2, 4, 9]);
  });

  it('0032 marks every customer chat to be folded and counted again from its beginning', () => {
    const sqlite = migratedUpTo('0029_api_completeness');
    sqlite.exec(`
      INSERT INTO chats (session_id, jid, kind) VALUES ('s', 'a@s.whatsapp.net', 'user'), ('s', 'b@lid', 'user'), ('s', '1@g.us', 'group');
      INSERT INTO messages (session_id, chat_jid, id, from_me, type, status, timestamp) VALUES ('s', 'a@s.whatsapp.net', 'm', 0, 'text', 'read', 5);
      DELETE FROM report_dirty_chats;
      INSERT INTO report_dirty_chats (session_id, chat_jid, since) VALUES ('s', 'b@lid', 40);
    `);
    migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_DIR });
    const marked = () =>
      sqlite.prepare('SELECT session_id, chat_jid, since FROM report_dirty_chats ORDER BY chat_jid').all();
    // Already marked or not: from the beginning (-1); groups are never counted.
    expect(marked()).toEqual([
      { session_id: 's', chat_jid: 'a@s.whatsapp.net', since: -1 },
      { session_id: 's', chat_jid: 'b@lid', since: -1 },
    ]);
    // A chat's first assignee change refolds it from its beginning (the messages before it change
    // hands to its `from`); a later one, from its own time; a status change, from its time.
    sqlite.exec(`
      DELETE FROM report_dirty_chats;
      INSERT INTO chat_assignment_history (session_id, chat_jid, at, change, from_value, to_value, actor, reason) VALUES
        ('s', 'c@s.whatsapp.net', 50, 'assignee', NULL, '{}', '{}', 'manual');
      INSERT INTO chat_assignment_history (session_id, chat_jid, at, change, from_value, to_value, actor, reason) VALUES
        ('s', 'd@s.whatsapp.net', 50, 'assignee', NULL, '{}', '{}', 'manual');
      DELETE FROM report_dirty_chats WHERE chat_jid = 'd@s.whatsapp.net';
      INSERT INTO chat_assignment_history (session_id, chat_jid, at, change, from_value, to_value, actor, reason) VALUES
        ('s', 'd@s.whatsapp.net', 70, 'assignee', '{}', '{}', '{}', 'manual'),
        ('s', 'e@s.whatsapp.net', 60, 'status', NULL, '"open"', '{}', 'manual');
    `);
    expect(marked()).toEqual([
      { session_id: 's', chat_jid: 'c@s.whatsapp.net', since: -1 },
      { session_id: 's', chat_jid: 'd@s.whatsapp.net', since: 70 },
      { session_id: 's', chat_jid: 'e@s.whatsapp.net', since: 60 },
    ]);
  });

  it('0057 drops the text-keyed report rows and their sums, and marks every customer chat to be folded again', () => {
    const sqlite = migratedUpTo('0056_smaller_message_rows');
    sqlite.exec(`
      INSERT INTO chats (session_id, jid, kind) VALUES ('s', 'a@s.whatsapp.net', 'user'), ('s', 'b@lid', 'user'), ('s', '1@g.us', 'group');
      INSERT INTO report_conversations (session_id, chat_jid, opened_at) VALUES ('s', 'a@s.whatsapp.net', 5);
      INSERT INTO report_message_counts (session_id, chat_jid, quarter, kind, sender_user_id, assignee_user_id, assignee_team_id, n)
        VALUES ('s', 'a@s.whatsapp.net', 0, 'customer', '', '', '', 1);
      INSERT INTO report_day_counts (day, session_id, kind, sender_user_id, assignee_user_id, assignee_team_id, n)
        VALUES (0, 's', 'customer', '', '', '', 1);
      INSERT INTO report_quarter_totals (quarter, incoming, session_id, assignee_user_id, assignee_team_id, n)
        VALUES (0, 1, 's', '', '', 1);
      DELETE FROM report_dirty_chats;
      INSERT INTO report_dirty_chats (session_id, chat_jid, since) VALUES ('s', 'b@lid', 40);`);
    migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_DIR });
    const count = (table: string) => sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    for (const table of [
      'report_conversations',
      'report_message_counts',
      'report_day_counts',
      'report_quarter_totals',
    ])
      expect(count(table), table).toBe(0);
    // Already marked or not, from the beginning; groups are never folded.
    expect(
      sqlite.prepare('SELECT session_id, chat_jid, since FROM report_dirty_chats ORDER BY chat_jid').all(),
    ).toEqual([
      { session_id: 's', chat_jid: 'a@s.whatsapp.net', since: -1 },
      { session_id: 's', chat_jid: 'b@lid', since: -1 },
    ]);
  });

  it('0058 marks the assigned customer chats without an assignee change in their history to be folded again', () => {
    const sqlite = migratedUpTo('0057_report_integer_keys');
    sqlite.exec(`
      INSERT INTO chats (session_id, jid, kind, assignee_user_id, assignee_team_id) VALUES
        ('s', 'row-only@s.whatsapp.net', 'user', 'usr_dana', NULL),
        ('s', 'team-only@lid', 'user', NULL, 'team_care'),
        ('s', 'status-only@s.whatsapp.net', 'user', 'usr_dana', 'team_care'),
        ('s', 'marked@s.whatsapp.net', 'user', NULL, 'team_care'),
        ('s', 'history@s.whatsapp.net', 'user', 'usr_dana', NULL),
        ('s', 'nobody@s.whatsapp.net', 'user', NULL, NULL),
        ('s', '1@g.us', 'group', 'usr_dana', NULL);
      INSERT INTO chat_assignment_history (session_id, chat_jid, at, change, from_value, to_value, actor, reason) VALUES
        ('s', 'status-only@s.whatsapp.net', 5, 'status', '"open"', '"resolved"', '{}', 'manual'),
        ('s', 'history@s.whatsapp.net', 5, 'assignee', NULL, '{"user":{"id":"usr_dana","name":"Dana"},"team":null}', '{}', 'manual');
      DELETE FROM report_dirty_chats;
      INSERT INTO report_dirty_chats (session_id, chat_jid, since) VALUES ('s', 'marked@s.whatsapp.net', 40), ('s', 'nobody@s.whatsapp.net', 40);`);
    migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_DIR });
    // From the beginning (a mark already there is moved to it); the others keep their marks or none.
    expect(sqlite.prepare('SELECT chat_jid, since FROM report_dirty_chats ORDER BY chat_jid').all()).toEqual([
      { chat_jid: 'marked@s.whatsapp.net', since: -1 },
      { chat_jid: 'nobody@s.whatsapp.net', since: 40 },
      { chat_jid: 'row-only@s.whatsapp.net', since: -1 },
      { chat_jid: 'status-only@s.whatsapp.net', since: -1 },
      { chat_jid: 'team-only@lid', since: -1 },
    ]);
  });

  it('0016 re-indexes the Hebrew and Arabic messages stored before it', () => {
    const sqlite = migratedUpTo('0014_automation');
    sqlite
      .prepare(
        `INSERT INTO messages (session_id, chat_jid, id, from_me, type, text, status, timestamp)
         VALUES ('s', 'c', 'old-he', 0, 'text', 'העוגה מוכנה', 'server', 1),
                ('s', 'c', 'old-en', 0, 'text', 'the cake is ready', 'server', 2)`,
      )
      .run();
    migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_DIR });
    const match = (query: string) =>
      sqlite.prepare(`SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?`).all(query);
    expect(match('"עוגה"')).toHaveLength(1);
    expect(match('"העוגה"')).toHaveLength(1);
    expect(match('"cake"')).toHaveLength(1);
  });

  it('0054 fills the kept kind of the chats already stored, from their last message', () => {
    const sqlite = migratedUpTo('0053_tag_unread_order');
    sqlite.exec(`INSERT INTO messages (session_id, chat_jid, id, from_me, sender_jid, sender_name, type, text, media, content, status, timestamp, revoked_at)
        VALUES ('s', 'a', 'p', 0, 'x', 'Dana', 'poll', NULL, NULL, '{"name":"Lunch?"}', 'server', 2, NULL),
               ('s', 'b', 'v', 1, NULL, NULL, 'audio', NULL, '{"seconds":7,"voiceNote":true}', NULL, 'read', 3, NULL),
               ('s', 'c', 'r', 0, 'y', NULL, 'text', NULL, NULL, NULL, 'server', 4, 9),
               ('s', 'd', 'w', 0, 'y', NULL, 'video', '${'é'.repeat(250)}', NULL, '{"videoNote":true}', 'server', 4, NULL);
      INSERT INTO chats (session_id, jid, kind, last_message_id, last_message_at) VALUES
        ('s', 'a', 'user', 'p', 2), ('s', 'b', 'user', 'v', 3), ('s', 'c', 'user', 'r', 4), ('s', 'd', 'user', 'w', 4),
        ('s', 'e', 'user', 'gone', 5), ('s', 'f', 'user', NULL, NULL)`);
    migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_DIR });
    expect(
      sqlite
        .prepare(
          `SELECT jid, last_message_type AS type, length(last_message_text) AS text, last_message_revoked AS revoked,
             last_message_sender AS sender, last_message_sender_name AS senderName, last_message_seconds AS seconds,
             last_message_voice_note AS voiceNote, last_message_video_note AS videoNote, last_message_poll_name AS pollName
           FROM chats ORDER BY jid`,
        )
        .all(),
    ).toEqual([
      {
        jid: 'a',
        type: 'poll',
        text: null,
        revoked: 0,
        sender: 'x',
        senderName: 'Dana',
        seconds: null,
        voiceNote: 0,
        videoNote: 0,
        pollName: 'Lunch?',
      },
      {
        jid: 'b',
        type: 'audio',
        text: null,
        revoked: 0,
        sender: null,
        senderName: null,
        seconds: 7,
        voiceNote: 1,
        videoNote: 0,
        pollName: null,
      },
      {
        jid: 'c',
        type: 'text',
        text: null,
        revoked: 1,
        sender: 'y',
        senderName: null,
        seconds: null,
        voiceNote: 0,
        videoNote: 0,
        pollName: null,
      },
      {
        jid: 'd',
        type: 'video',
        text: 200,
        revoked: 0,
        sender: 'y',
        senderName: null,
        seconds: null,
        voiceNote: 0,
        videoNote: 1,
        pollName: null,
      },
      ...['e', 'f'].map((jid) => ({
        jid,
        type: null,
        text: null,
        revoked: null,
        sender: null,
        senderName: null,
        seconds: null,
        voiceNote: null,
        videoNote: null,
        pollName: null,
      })),
    ]);
  });

  it('every migration in the journal has a test here', () => {
    expect(journal.entries.map((entry) => entry.tag).sort()).toEqual(Object.keys(expectations).sort());
  });

  it('journal `when`s grow with the migration number (drizzle skips one older than the newest applied)', () => {
    // 0011 and 0012 shipped with the same `when` (both in one release, so applied together);
    // changing either now would make drizzle run 0012 again on databases that have it.
    const shippedTies = new Set(['0012_waiting_messages']);
    const byNumber = [...journal.entries].sort((a, b) => a.idx - b.idx);
    for (const [index, entry] of byNumber.entries()) {
      const previous = byNumber[index - 1];
      if (!previous) continue;
      if (shippedTies.has(entry.tag)) expect(entry.when, entry.tag).toBe(previous.when);
      else expect(entry.when, entry.tag).toBeGreaterThan(previous.when);
    }
  });

  for (const entry of journal.entries) {
    it(`${entry.tag} applies on a fresh database`, () => {
      const check = expectations[entry.tag];
      expect(check).toBeDefined();
      check?.(migratedUpTo(entry.tag));
    });
  }

  it('opens a file database in WAL mode with foreign keys on and temporary storage in memory, and reopens it idempotently', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chatdock-db-'));
    tempDirs.push(dir);
    const file = path.join(dir, 'test.db');
    const first = openDatabase(file);
    expect(first.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(first.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    // 2 = MEMORY: a history slice's statement journals are not spilled to a temporary file.
    expect(first.$client.pragma('temp_store', { simple: true })).toBe(2);
    first.$client.close();
    const second = openDatabase(file);
    expect(tableNames(second.$client)).toContain('api_keys');
    second.$client.close();
  });
});
