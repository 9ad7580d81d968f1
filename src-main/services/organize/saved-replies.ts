import type { RenderedReply, SavedReply, SavedReplyMedia } from '../../../src-shared/contract/organize.js';
import { AppError } from '../../../src-shared/errors.js';
import { phoneOfJid } from '../../../src-shared/jid.js';
import { sortableId } from '../../core/ids.js';
import type { Db } from '../../db/connection.js';
import type { ContactService } from '../contacts/contacts.js';
import type { MediaResolver } from '../messages/media-input.js';
import type { ResolvedMedia } from '../../wa/outgoing.js';
import type { MessageStore } from '../messages/message-store.js';
import { fillPlaceholders } from './placeholders.js';

interface ReplyRow {
  id: string;
  shortcut: string;
  title: string;
  text: string;
  media: string | null;
  createdAt: number;
  updatedAt: number;
}

const COLUMNS = 'id, shortcut, title, text, media, created_at AS createdAt, updated_at AS updatedAt';

function toReply(row: ReplyRow): SavedReply {
  return {
    id: row.id,
    shortcut: row.shortcut,
    title: row.title,
    text: row.text,
    media: row.media ? (JSON.parse(row.media) as SavedReplyMedia) : null,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

interface SavedReplyInput {
  shortcut: string;
  title?: string | undefined;
  text: string;
  media?: SavedReplyMedia | null | undefined;
}

/** Standard answers staff insert with `/shortcut`; placeholders are filled per chat by `render`. */
export class SavedReplyService {
  constructor(
    private readonly db: Db,
    private readonly store: MessageStore,
    private readonly contacts: ContactService,
    private readonly resolveMedia: MediaResolver,
  ) {}

  list(): SavedReply[] {
    const rows = this.db.$client
      .prepare(`SELECT ${COLUMNS} FROM saved_replies ORDER BY shortcut`)
      .all() as ReplyRow[];
    return rows.map(toReply);
  }

  get(id: string): SavedReply {
    const row = this.db.$client.prepare(`SELECT ${COLUMNS} FROM saved_replies WHERE id = ?`).get(id) as
      ReplyRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `no saved reply "${id}"`, 'id');
    return toReply(row);
  }

  create(input: SavedReplyInput): SavedReply {
    const id = sortableId('reply');
    const now = Date.now();
    this.db.$client.transaction(() => {
      this.assertShortcutFree(input.shortcut, null);
      this.db.$client
        .prepare(
          `INSERT INTO saved_replies (id, shortcut, title, text, media, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          input.shortcut,
          input.title || input.shortcut,
          input.text,
          input.media ? JSON.stringify(input.media) : null,
          now,
          now,
        );
    })();
    return this.get(id);
  }

  update(id: string, input: Partial<SavedReplyInput>): SavedReply {
    this.db.$client.transaction(() => {
      const current = this.get(id);
      if (input.shortcut !== undefined) this.assertShortcutFree(input.shortcut, id);
      const next = {
        shortcut: input.shortcut ?? current.shortcut,
        title:
          input.title === undefined ? current.title : input.title || (input.shortcut ?? current.shortcut),
        text: input.text ?? current.text,
        media: input.media === undefined ? current.media : input.media,
      };
      if (!next.text.trim() && !next.media) {
        throw new AppError('VALIDATION_FAILED', 'text: must not be empty without media', 'text');
      }
      this.db.$client
        .prepare(
          `UPDATE saved_replies SET shortcut = ?, title = ?, text = ?, media = ?, updated_at = ? WHERE id = ?`,
        )
        .run(
          next.shortcut,
          next.title,
          next.text,
          next.media ? JSON.stringify(next.media) : null,
          Date.now(),
          id,
        );
    })();
    return this.get(id);
  }

  delete(id: string): void {
    const deleted = this.db.$client.prepare('DELETE FROM saved_replies WHERE id = ?').run(id);
    if (deleted.changes === 0) throw new AppError('NOT_FOUND', `no saved reply "${id}"`, 'id');
  }

  /** The reply with `[name]`, `[first_name]` and `[phone]` filled for one chat. */
  render(id: string, sessionId: string, chatJid: string): RenderedReply {
    const reply = this.get(id);
    const contact = this.contacts.get(sessionId, chatJid);
    const name =
      this.contacts.displayName(sessionId, chatJid) ?? this.store.chat(sessionId, chatJid)?.name ?? null;
    const digits = (phoneOfJid(chatJid) ?? contact?.phone ?? '').replace(/\D/g, '');
    return {
      text: fillPlaceholders(reply.text, { name, phone: digits ? `+${digits}` : null }),
      media: reply.media,
    };
  }

  /**
   * The reply's media as a file for the composer: inline data decoded, a link downloaded; checked
   * against WhatsApp's formats and sizes for its type as a send would be.
   */
  async media(id: string): Promise<ResolvedMedia & { fileName: string }> {
    const { media } = this.get(id);
    if (!media) throw new AppError('NOT_FOUND', 'this saved reply has no media', 'id');
    const file = await this.resolveMedia(media.type, media);
    const subtype = /^[^/]+\/([a-z0-9]+)/i.exec(file.mimetype)?.[1];
    const extension = subtype?.toLowerCase() ?? 'bin';
    return { ...file, fileName: file.fileName || `${media.type}.${extension}` };
  }

  private assertShortcutFree(shortcut: string, exceptId: string | null): void {
    const clash = this.db.$client
      .prepare('SELECT id FROM saved_replies WHERE lower(shortcut) = lower(?) AND id IS NOT ?')
      .get(shortcut, exceptId);
    if (clash)
      throw new AppError('CONFLICT', `a saved reply with shortcut "${shortcut}" already exists`, 'shortcut');
  }
}
