import type { Message } from '../../../../src-shared/messages.js';
import type { Db } from '../../../db/connection.js';
import { zip } from '../../export/zip-writer.js';
import type { MediaStore } from '../../messages/media-store.js';
import { senderColumn } from '../../messages/message-sender.js';
import type { Messaging } from '../../messaging/messaging.js';
import { identitiesOf } from './contact-identity.js';

const PAGE = 500;

export interface ContactDataFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/**
 * Everything stored about one person, on every number, for a data-subject access request: a
 * `.zip` with `contact.json` (their contact rows, each 1:1 chat with its messages as the API's
 * Message objects, tags and notes, what they wrote in groups, opt-outs, calls) and the media
 * files those messages carry (`media/<sha256>`). Built in memory, like a conversation export.
 */
export class ContactDataExport {
  constructor(
    private readonly db: Db,
    private readonly messaging: Pick<Messaging, 'history' | 'store'>,
    private readonly media: MediaStore,
  ) {}

  run(phone: string, now = new Date()): ContactDataFile {
    const sqlite = this.db.$client;
    const files = new Map<string, Buffer>();
    const keepMedia = (messages: Message[]) => {
      for (const message of messages) {
        const sha = message.media?.stored ? message.media.sha256 : null;
        if (sha && !files.has(sha)) {
          const bytes = this.media.read(sha);
          if (bytes) files.set(sha, bytes);
        }
      }
    };
    const inList = '(SELECT value FROM json_each(?))';
    const numbers = identitiesOf(this.db, phone).map(({ session, jids }) => {
      const list = JSON.stringify(jids);
      const all = (sql: string, ...args: unknown[]) => sqlite.prepare(sql).all(...args);
      const chats = (
        all(`SELECT jid FROM chats WHERE session_id = ? AND jid IN ${inList}`, session, list) as {
          jid: string;
        }[]
      ).map(({ jid }) => {
        const messages = this.chatMessages(session, jid);
        keepMedia(messages);
        return {
          jid,
          messages,
          tags: all(
            `SELECT t.name, ct.added_at AS addedAt FROM chat_tags ct JOIN tags t ON t.id = ct.tag_id
              WHERE ct.session_id = ? AND ct.chat_jid = ?`,
            session,
            jid,
          ),
          notes: all(
            'SELECT text, author, created_at AS createdAt FROM chat_notes WHERE session_id = ? AND chat_jid = ?',
            session,
            jid,
          ),
        };
      });
      const inGroups = (
        all(
          `SELECT chat_jid AS chat, id FROM messages WHERE session_id = ? AND ${senderColumn()} IN ${inList} AND from_me = 0
              AND chat_jid NOT IN ${inList} ORDER BY timestamp`,
          session,
          list,
          list,
        ) as { chat: string; id: string }[]
      ).flatMap(({ chat, id }) => {
        const message = this.messaging.store.get(session, chat, id);
        return message ? [message] : [];
      });
      keepMedia(inGroups);
      return {
        session,
        jids,
        contacts: all(
          `SELECT jid, lid, phone, name, notify, verified_name AS verifiedName FROM contacts
            WHERE session_id = ? AND (jid IN ${inList} OR lid IN ${inList})`,
          session,
          list,
          list,
        ),
        chats,
        groupMessages: inGroups,
        optOuts: all(
          `SELECT jid, reason, created_at AS createdAt FROM opt_outs WHERE session_id = ? AND jid IN ${inList}`,
          session,
          list,
        ),
        calls: all(
          `SELECT id, is_video AS isVideo, status, timestamp FROM calls WHERE session_id = ? AND peer_jid IN ${inList}`,
          session,
          list,
        ),
      };
    });
    const document = {
      phone: `+${phone}`,
      exportedAt: now.toISOString(),
      numbers: numbers.filter(
        (n) =>
          n.contacts.length + n.chats.length + n.groupMessages.length + n.optOuts.length + n.calls.length > 0,
      ),
    };
    return {
      fileName: `contact-${phone}.zip`,
      contentType: 'application/zip',
      bytes: zip([
        { name: 'contact.json', bytes: Buffer.from(JSON.stringify(document, null, 2)), compress: true },
        ...[...files].map(([sha, bytes]) => ({ name: `media/${sha}`, bytes })),
      ]),
    };
  }

  /** The chat's messages, oldest first, page by page along its time index. */
  private chatMessages(session: string, jid: string): Message[] {
    const out: Message[] = [];
    let after: string | undefined = `0.0`;
    while (after) {
      const page = this.messaging.history.pageFrom(session, jid, { limit: PAGE, after });
      out.push(...[...page.messages].reverse());
      after = page.next ?? undefined;
    }
    return out;
  }
}
