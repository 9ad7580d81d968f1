/**
 * Random chats in every state the chat list filters look at (names, contacts, tags, unread,
 * archived, pinned, kinds, assignee, team, status), built and changed through the services, so
 * the triggers that keep the list's indexes are part of any test using it; and `naive`, the plain
 * query the list must answer like (every filter a condition, one full sort).
 */
import { expect } from 'vitest';
import { EventBus } from '../../src-main/core/event-bus.js';
import { openDatabase, type Db } from '../../src-main/db/connection.js';
import { ChatService } from '../../src-main/services/chats/chats.js';
import type { ChatList, ChatListOptions } from '../../src-main/services/chats/list/chat-list.js';
import { ContactService } from '../../src-main/services/contacts/contacts.js';
import { EventRecorder } from '../../src-main/services/events/event-recorder.js';
import { MessageStore } from '../../src-main/services/messages/message-store.js';
import { TaggingService } from '../../src-main/services/organize/taggings.js';
import { TagService } from '../../src-main/services/organize/tags.js';
import type { MessageRecord } from '../../src-main/wa/message-mapping.js';
import type { Random } from './random.js';

const silent = { error() {}, warn() {}, info() {}, debug() {} } as never;
const ADMIN = { label: 'admin', actor: { type: 'key' as const, id: null, name: 'API: admin key' } };

// Few distinct syllables, so names share substrings (many matches) and some are rare (few).
const SYLLABLES = [
  'an',
  'Dan',
  'na',
  'ro',
  'Li',
  'ka',
  'Иван',
  'ова',
  'דן',
  'נה',
  'ß',
  'é',
  'Ka',
  'zz',
  'Qx',
];
const SESSIONS = ['s1', 's2', 's3'];
const PEOPLE = ['u1', 'u2', 'u3'];
const TEAMS = ['t1', 't2'];
const STATUSES = ['open', 'pending', 'resolved'] as const;

export type ListFilter = Omit<ChatListOptions, 'limit' | 'cursor'>;

export interface Made {
  chats: { session: string; jid: string }[];
  tagIds: string[];
}

function name(rng: Random): string | null {
  if (rng.chance(0.2)) return null;
  return Array.from({ length: 1 + rng.int(4) }, () => rng.pick(SYLLABLES)).join(rng.chance(0.3) ? ' ' : '');
}

function jidOf(n: number, rng: Random): string {
  return rng.chance(0.15)
    ? `1203630000${String(n).padStart(6, '0')}@g.us`
    : `97250${String(n).padStart(7, '0')}@s.whatsapp.net`;
}

export function message(chatJid: string, id: string, timestamp: number, fromMe: boolean): MessageRecord {
  return {
    chatJid,
    id,
    fromMe,
    senderJid: fromMe ? null : chatJid,
    senderName: null,
    type: 'text',
    text: 'hi',
    media: null,
    content: null,
    quotedId: null,
    mentions: [],
    status: fromMe ? 'read' : 'server',
    timestamp,
    forwarded: false,
    raw: Buffer.from('x'),
  };
}

export class ChatListWorld {
  readonly db: Db = openDatabase(':memory:');
  private readonly events = new EventRecorder(this.db, new EventBus(silent));
  readonly store = new MessageStore(this.db, this.events);
  readonly chats = new ChatService(this.db, this.store, {} as never, this.events);
  readonly contacts = new ContactService(this.db, {} as never);
  private readonly tags = new TagService(this.db, this.events);
  private readonly taggings = new TaggingService(this.db, this.events, this.store, this.tags);

  close(): void {
    this.db.$client.close();
  }

  /** `count` random chats (half with a contact, most with a message, many sharing a second). */
  build(rng: Random, count: number): Made {
    const made: Made = { chats: [], tagIds: [] };
    for (const tagName of ['VIP', 'Lead', 'Rare'])
      made.tagIds.push(this.tags.create({ name: tagName, color: '#00aa00' }).id);
    let messageId = 0;
    for (let n = 0; n < count; n += 1) {
      const session = rng.pick(SESSIONS);
      const jid = jidOf(n, rng);
      made.chats.push({ session, jid });
      if (rng.chance(0.5)) this.upsertContact(rng, session, jid, rng.chance(0.1) ? name(rng) : null);
      if (rng.chance(0.85)) {
        // Whole seconds, as WhatsApp's: many chats share an order key, so ties are exercised.
        const at = 1_700_000_000_000 + rng.int(40) * 1000;
        this.store.ingest(
          session,
          [message(jid, `m${messageId++}`, at, rng.chance(0.5))],
          rng.chance(0.3) ? 'live' : 'history',
        );
      }
      this.chats.applyMeta(session, [
        {
          jid,
          name: rng.chance(0.4) ? name(rng) : null,
          archived: rng.chance(0.15) ? true : null,
          pinnedAt: rng.chance(0.1) ? 1_700_000_000_000 + n : null,
          mutedUntil: null,
          unreadCount: rng.chance(0.2) ? 1 + rng.int(5) : null,
        },
      ]);
      for (const [i, tagId] of made.tagIds.entries())
        if (rng.chance([0.4, 0.15, 0.02][i] ?? 0)) this.taggings.addToChat(session, jid, tagId, ADMIN);
      if (rng.chance(0.6)) this.assign(rng, session, jid);
    }
    return made;
  }

  /** Changes after indexing: new messages, renames, contacts, (un)tagging, archive, assignment, read / unread. */
  async churn(rng: Random, made: Made, rounds: number): Promise<void> {
    for (let i = 0; i < rounds; i += 1) {
      const { session, jid } = rng.pick(made.chats);
      const roll = rng.int(9);
      if (roll === 0)
        this.store.ingest(
          session,
          [message(jid, `c${i}`, 1_700_000_050_000 + rng.int(20) * 1000, false)],
          'live',
        );
      else if (roll === 1)
        this.chats.applyMeta(session, [
          {
            jid,
            name: name(rng) ?? 'x',
            archived: null,
            pinnedAt: null,
            mutedUntil: null,
            unreadCount: null,
          },
        ]);
      else if (roll === 2) this.upsertContact(rng, session, jid, null);
      else if (roll === 3) this.taggings.removeFromChat(session, jid, rng.pick(made.tagIds), ADMIN);
      else if (roll === 4) await this.chats.setArchived(session, jid, rng.chance(0.5));
      else if (roll === 5) this.assign(rng, session, jid);
      else if (roll === 6)
        this.db.$client.prepare('DELETE FROM contacts WHERE session_id = ? AND jid = ?').run(session, jid);
      // Read and unread again (the taggings carry it: migration 0053), and tagged after the fact.
      else if (roll === 7)
        this.chats.applyMeta(session, [
          {
            jid,
            name: null,
            archived: null,
            pinnedAt: null,
            mutedUntil: null,
            unreadCount: rng.chance(0.5) ? 0 : 1 + rng.int(3),
          },
        ]);
      else this.taggings.addToChat(session, jid, rng.pick(made.tagIds), ADMIN);
    }
  }

  private upsertContact(rng: Random, session: string, jid: string, verifiedName: string | null): void {
    this.contacts.upsert(session, [
      { jid, lid: null, phone: null, name: name(rng), notify: name(rng), verifiedName },
    ]);
  }

  /** A status and an assignee (a person, a team, both or nobody), as the assignment service stores them. */
  private assign(rng: Random, session: string, jid: string): void {
    this.db.$client
      .prepare(
        'UPDATE chats SET status = ?, assignee_user_id = ?, assignee_team_id = ? WHERE session_id = ? AND jid = ?',
      )
      .run(
        rng.pick(STATUSES),
        rng.chance(0.3) ? rng.pick(PEOPLE) : null,
        rng.chance(0.3) ? rng.pick(TEAMS) : null,
        session,
        jid,
      );
  }

  /** The query the chat list ran before its indexes: every filter a condition, one full sort. */
  naive(options: ListFilter, hidden: readonly string[]): string[] {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (options.sessionId) {
      where.push('c.session_id = @sessionId');
      params.sessionId = options.sessionId;
    } else if (hidden.length) {
      where.push('c.session_id NOT IN (SELECT value FROM json_each(@hidden))');
      params.hidden = JSON.stringify(hidden);
    }
    if (options.unread) where.push('c.unread_count > 0');
    if (options.kind) {
      where.push('c.kind = @kind');
      params.kind = options.kind;
    }
    if (options.pinned !== undefined)
      where.push(options.pinned ? 'c.pinned_at IS NOT NULL' : 'c.pinned_at IS NULL');
    if (options.archived !== undefined) {
      where.push('c.archived = @archived');
      params.archived = options.archived ? 1 : 0;
    }
    if (options.tagId) {
      where.push(
        'EXISTS (SELECT 1 FROM chat_tags t WHERE t.session_id = c.session_id AND t.chat_jid = c.jid AND t.tag_id = @tagId)',
      );
      params.tagId = options.tagId;
    }
    const view = options.view;
    if (view?.assignee === 'none') where.push('c.assignee_user_id IS NULL');
    else if (view?.assignee) {
      where.push('c.assignee_user_id = @user');
      params.user = view.assignee.user;
    }
    if (view?.teamId) {
      where.push('c.assignee_team_id = @team');
      params.team = view.teamId;
    }
    // Channels are not conversations to assign: never in Mine, Unassigned or a team (views.ts).
    if (view?.assignee || view?.teamId) where.push("c.kind <> 'newsletter'");
    if (view?.status) {
      where.push('c.status = @status');
      params.status = view.status;
    }
    if (options.q) {
      where.push(
        '(c.name LIKE @q OR ct.name LIKE @q OR ct.notify LIKE @q OR ct.verified_name LIKE @q OR c.jid LIKE @q)',
      );
      params.q = `%${options.q.replace(/[%_]/g, '')}%`;
    }
    const rows = this.db.$client
      .prepare(
        `SELECT c.session_id AS session, c.jid FROM chats c NOT INDEXED
         LEFT JOIN contacts ct ON ct.session_id = c.session_id AND ct.jid = c.jid
         ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
         ORDER BY coalesce(c.last_message_at, 0) DESC, c.session_id DESC, c.jid DESC`,
      )
      .all(params) as { session: string; jid: string }[];
    return rows.map((row) => `${row.session}/${row.jid}`);
  }
}

/** Every page of `list`, followed through its cursors. */
export function allPages(list: ChatList, options: ListFilter, limit: number): string[] {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page += 1) {
    const answer = list.list({ ...options, limit, cursor });
    expect(answer.items.length).toBeLessThanOrEqual(limit);
    seen.push(...answer.items.map((chat) => `${chat.session}/${chat.jid}`));
    if (!answer.next) return seen;
    cursor = answer.next;
  }
  throw new Error('the list never ended');
}

/** Substrings of real names (short and long, any case), digits of numbers, LIKE wildcards. */
const NAME_FILTERS = [
  ...['an', 'AN', 'dan', 'Dan na', 'иван', 'Иван', 'ова', 'דן', 'דןנה', 'ß', 'é', 'zz', 'zzKa', 'ka'],
  ...['972', '9725000', '0001', 'g.us', '%an', 'a_n', '%', '_', 'nobody', 'ро', 'Lina', 'nana'],
  // One and two characters, looked up as trigram prefixes (or, for é/ß/Cyrillic, walked).
  ...['a', 'Q', 'qx', 'xz', 'x', 'ד', 'נ', 'И', 'и', 'é', '9', '@', '.', 'et', 't', 's.', 'Zk', 'z'],
  // The separator of chats.name_text (migration 0048): such a text is checked name by name.
  ...['\x1f', 'a\x1fd', 'an\x1f'],
];

export function randomFilter(rng: Random, made: Made): ListFilter {
  const filter: ListFilter = {};
  if (rng.chance(0.5)) filter.sessionId = rng.pick(SESSIONS);
  if (rng.chance(0.4)) filter.unread = true;
  if (rng.chance(0.3)) filter.kind = rng.pick(['user', 'group'] as const);
  if (rng.chance(0.4)) filter.archived = rng.chance(0.5);
  if (rng.chance(0.25)) filter.pinned = rng.chance(0.5);
  if (rng.chance(0.4)) filter.tagId = rng.pick(made.tagIds);
  if (rng.chance(0.5)) filter.q = rng.pick(NAME_FILTERS);
  if (rng.chance(0.5)) {
    // Mine / a person / Unassigned / a team / All, with or without a status.
    const roll = rng.int(4);
    filter.view = {
      assignee: roll === 0 ? 'none' : roll === 1 ? { user: rng.pick(PEOPLE) } : undefined,
      teamId: roll === 2 || rng.chance(0.2) ? rng.pick(TEAMS) : undefined,
      status: rng.chance(0.6) ? rng.pick(STATUSES) : undefined,
    };
  }
  return filter;
}
