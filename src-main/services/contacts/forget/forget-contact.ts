import type { Db } from '../../../db/connection.js';
import { FROM_BEGINNING, RefoldMarks } from '../../reports/refold-marks.js';
import type { UnusedMedia } from '../../sessions/removal/unused-media.js';
import { senderColumn } from '../../messages/message-sender.js';
import { identitiesOf } from './contact-identity.js';

export interface ForgetResult {
  phone: string;
  messages: number;
  chats: number;
  mediaFiles: number;
  notes: number;
  tags: number;
  optOuts: number;
  other: number;
}

/** What forgetting removed, for the audit log. */
export type AuditRecord = {
  action: 'contact.forgotten';
  actor: string;
  target: string;
  details: ForgetResult;
};

/**
 * "Forget a contact" (a data-subject erasure request): on every number, their 1:1 chat with its
 * messages, media, reactions, tags, tag history and notes; their messages and reactions in groups
 * and their group memberships; the contact itself and their picture; their opt-out; calls with
 * them; schedules and campaign recipients addressed to them. One transaction per number. Media
 * files nothing else uses are deleted right after. Recorded in the audit log (`audit`).
 *
 * Not reached: the event log and the webhook outbox (pruned after 7 days), backups made before
 * (until rotation deletes them), and anything already sent to webhook receivers.
 */
export class ForgetContact {
  constructor(
    private readonly db: Db,
    private readonly media: UnusedMedia,
    private readonly audit: (record: AuditRecord) => void,
  ) {}

  run(phone: string, actor: string): ForgetResult {
    const result: ForgetResult = {
      phone,
      messages: 0,
      chats: 0,
      mediaFiles: 0,
      notes: 0,
      tags: 0,
      optOuts: 0,
      other: 0,
    };
    const sqlite = this.db.$client;
    const refold = new RefoldMarks(this.db);
    const shas = new Set<string>();
    const forgetOn = (session: string, jids: string[]) => {
      const list = JSON.stringify(jids);
      const inList = '(SELECT value FROM json_each(?))';
      const run = (sql: string, ...args: unknown[]) => sqlite.prepare(sql).run(...args).changes;
      const collect = (sql: string, ...args: unknown[]) => {
        for (const row of sqlite.prepare(sql).all(...args) as { sha256: string | null }[]) {
          if (row.sha256) shas.add(row.sha256);
        }
      };
      // Their 1:1 chats: everything in them.
      collect(
        `SELECT json_extract(media, '$.sha256') AS sha256 FROM messages WHERE session_id = ? AND chat_jid IN ${inList} AND media IS NOT NULL`,
        session,
        list,
      );
      result.messages += run(
        `DELETE FROM messages WHERE session_id = ? AND chat_jid IN ${inList}`,
        session,
        list,
      );
      // The reports' kept conversations and counts of those chats go at the next fold.
      for (const jid of jids) refold.mark(session, jid, FROM_BEGINNING);
      result.other += run(
        `DELETE FROM message_reactions WHERE session_id = ? AND chat_jid IN ${inList}`,
        session,
        list,
      );
      result.tags += run(
        `DELETE FROM chat_tags WHERE session_id = ? AND chat_jid IN ${inList}`,
        session,
        list,
      );
      result.tags += run(
        `DELETE FROM message_tags WHERE session_id = ? AND chat_jid IN ${inList}`,
        session,
        list,
      );
      result.other += run(
        `DELETE FROM tag_history WHERE session_id = ? AND chat_jid IN ${inList}`,
        session,
        list,
      );
      result.notes += run(
        `DELETE FROM chat_notes WHERE session_id = ? AND chat_jid IN ${inList}`,
        session,
        list,
      );
      // The chat list's name index: no trigger removes it (see migration 0011).
      run(
        `DELETE FROM chat_names_fts WHERE rowid IN (SELECT id FROM chat_search_keys WHERE session_id = ? AND jid IN ${inList})`,
        session,
        list,
      );
      run(`DELETE FROM chat_search_keys WHERE session_id = ? AND jid IN ${inList}`, session, list);
      result.chats += run(`DELETE FROM chats WHERE session_id = ? AND jid IN ${inList}`, session, list);
      // What they wrote in groups (one pass over the number's messages: no index on the sender).
      // The sender as every reader gets it: a 1:1 message stores none (message-sender.ts).
      const sender = senderColumn();
      collect(
        `SELECT json_extract(media, '$.sha256') AS sha256 FROM messages
          WHERE session_id = ? AND ${sender} IN ${inList} AND from_me = 0 AND media IS NOT NULL`,
        session,
        list,
      );
      result.messages += run(
        `DELETE FROM messages WHERE session_id = ? AND ${sender} IN ${inList} AND from_me = 0`,
        session,
        list,
      );
      result.other += run(
        `DELETE FROM message_reactions WHERE session_id = ? AND sender_jid IN ${inList}`,
        session,
        list,
      );
      result.other += run(
        `DELETE FROM group_participants WHERE session_id = ? AND jid IN ${inList}`,
        session,
        list,
      );
      // The contact, their picture, opt-out, calls, and what was addressed to them.
      // Both sizes: the full-size picture is kept under the JID + '#full' (see avatar-service.ts).
      const pictures = `(jid IN ${inList} OR jid IN (SELECT value || '#full' FROM json_each(?)))`;
      collect(`SELECT sha256 FROM contact_avatars WHERE session_id = ? AND ${pictures}`, session, list, list);
      result.other += run(
        `DELETE FROM contact_avatars WHERE session_id = ? AND ${pictures}`,
        session,
        list,
        list,
      );
      result.other += run(
        `DELETE FROM contacts WHERE session_id = ? AND (jid IN ${inList} OR lid IN ${inList})`,
        session,
        list,
        list,
      );
      result.optOuts += run(`DELETE FROM opt_outs WHERE session_id = ? AND jid IN ${inList}`, session, list);
      result.other += run(`DELETE FROM calls WHERE session_id = ? AND peer_jid IN ${inList}`, session, list);
      result.other += run(
        `DELETE FROM schedules WHERE session_id = ?
           AND (json_extract(message, '$.to') IN ${inList} OR json_extract(message, '$.to') IN (?, ?))`,
        session,
        list,
        phone,
        `+${phone}`,
      );
      result.other += run(
        `DELETE FROM campaign_recipients WHERE jid IN ${inList}
           AND campaign_id IN (SELECT id FROM campaigns WHERE session_id = ?)`,
        list,
        session,
      );
    };
    let unused: string[] = [];
    this.db.transaction(() => {
      for (const { session, jids } of identitiesOf(this.db, phone)) forgetOn(session, jids);
      unused = this.media.forgetUnreferenced([...shas]);
      result.mediaFiles = unused.length;
      this.audit({ action: 'contact.forgotten', actor, target: `+${phone}`, details: result });
    });
    // Same tick as the commit: see UnusedMedia.removeFiles.
    this.media.removeFiles(unused);
    return result;
  }
}
