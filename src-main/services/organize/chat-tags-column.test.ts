import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/connection.js';
import { chatTagsColumn, parseChatTags } from './chat-tags-column.js';

const CHAT = '972501234567@s.whatsapp.net';

let db: Db;

beforeEach(() => {
  db = openDatabase(':memory:');
});

afterEach(() => {
  db.$client.close();
});

/** Puts tags on the chat in the order given, each at its time. */
function tag(taggings: [name: string, addedAt: number][]): void {
  const sqlite = db.$client;
  for (const [n, [name, addedAt]] of taggings.entries()) {
    sqlite
      .prepare(`INSERT INTO tags (id, name, color, created_at) VALUES (?, ?, '#00aa55', 0)`)
      .run(`t${n}`, name);
    sqlite
      .prepare(
        `INSERT INTO chat_tags (session_id, chat_jid, tag_id, added_by, added_at) VALUES ('s', ?, ?, 'a', ?)`,
      )
      .run(CHAT, `t${n}`, addedAt);
  }
}

/** The chat's tags as a chat list page reads them. */
function read(): ReturnType<typeof parseChatTags> {
  const column = db.$client
    .prepare(`SELECT ${chatTagsColumn("'s'", '?')}`)
    .pluck()
    .get(CHAT) as string;
  return parseChatTags(column);
}

const listed = (): string[] => read().map((tag) => tag.name);

/** The order of the chat's tag details (`ofChat`): `ORDER BY added_at, name` in SQLite. */
function detailed(): string[] {
  return db.$client
    .prepare(
      `SELECT t.name FROM chat_tags x JOIN tags t ON t.id = x.tag_id
       WHERE x.session_id = 's' AND x.chat_jid = ? ORDER BY x.added_at, t.name`,
    )
    .pluck()
    .all(CHAT) as string[];
}

describe("a chat's tags read with the chat", () => {
  it('are none for an untagged chat', () => {
    expect(listed()).toEqual([]);
  });

  it('come oldest tagging first, whatever the order of their rows', () => {
    tag([
      ['Wholesale', 300],
      ['Returning', 100],
      ['New lead', 200],
    ]);
    expect(listed()).toEqual(['Returning', 'New lead', 'Wholesale']);
    expect(listed()).toEqual(detailed());
  });

  it('come by name as SQLite orders names (UTF-8 bytes) when tagged at the same moment', () => {
    // U+FF5E sorts before an emoji in UTF-8 and after it in JavaScript's UTF-16 order.
    tag([
      ['b', 100],
      ['😀 VIP', 100],
      ['～ wave', 100],
      ['a', 100],
      ['first', 50],
    ]);
    expect(listed()).toEqual(['first', 'a', 'b', '～ wave', '😀 VIP']);
    expect(listed()).toEqual(detailed());
  });

  it('carry the id, name and color of each tag, in that order', () => {
    tag([['Wholesale', 1]]);
    expect(JSON.stringify(read())).toBe('[{"id":"t0","name":"Wholesale","color":"#00aa55"}]');
  });
});
