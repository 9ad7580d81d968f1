import type { Actor } from '../../../src-shared/contract/people.js';
import {
  STATUS_LIFETIME_MS,
  type PostStatusInput,
  type StatusUpdate,
} from '../../../src-shared/contract/status.js';
import { AppError } from '../../../src-shared/errors.js';
import { toJid } from '../../../src-shared/jid.js';
import type { Logger } from '../../core/logger.js';
import type { Db } from '../../db/connection.js';
import type { StatusPost, WaActions } from '../../wa/actions.js';
import type { StatusRecord } from '../../wa/status-mapping.js';
import type { ContactService } from '../contacts/contacts.js';
import type { EventRecorder } from '../events/event-recorder.js';
import { idempotencySlot, type IdempotencyKeys } from '../idempotency/idempotency.js';
import type { MediaResolver } from '../messages/media-input.js';
import type { MediaStore } from '../messages/media-store.js';
import type { SendService } from '../messages/send-service.js';
import type { UnusedMedia } from '../sessions/removal/unused-media.js';
import { statusAudienceJids } from './status-audience.js';
import { toStatusUpdate, type StatusRow } from './status-rows.js';

/** What an idempotency key of a post remembers: the id chosen before posting, then the answer. */
interface PostRecord {
  pendingId?: string;
  status?: StatusUpdate;
}

/** A post whose audience and content passed every check. */
interface CheckedPost {
  audience: string[];
  post: StatusPost;
}

/** How many expired Status rows one sweep deletes (the next hourly sweep takes the rest). */
const SWEEP_BATCH = 1000;

/**
 * Status (stories) of each number (issue #19): contacts' posts as they arrive (stored in the
 * transaction of their decryption, announced `status.received`, media fetched after), seen / not
 * seen with the read receipt to the poster, private replies quoting the Status, our own posts,
 * and the 24-hour expiry WhatsApp applies (`sweep`, hourly).
 */
export class StatusService {
  private readonly now: () => number;
  /** Keyed posts still running, so a concurrent retry waits for the first instead of posting. */
  private readonly inFlight = new Map<string, Promise<StatusUpdate>>();

  constructor(
    private readonly deps: {
      db: Db;
      events: EventRecorder;
      idempotency: IdempotencyKeys;
      actions: WaActions;
      files: MediaStore;
      unused: UnusedMedia;
      contacts: ContactService;
      send: SendService;
      resolveMedia: MediaResolver;
      logger: Logger;
      now?: () => number;
    },
  ) {
    this.now = deps.now ?? Date.now;
  }

  private row(sessionId: string, id: string): StatusRow | undefined {
    return this.deps.db.$client
      .prepare<[string, string, number], StatusRow>(
        'SELECT * FROM status_updates WHERE session_id = ? AND id = ? AND expires_at > ?',
      )
      .get(sessionId, id, this.now());
  }

  private existing(sessionId: string, id: string): StatusRow {
    const row = this.row(sessionId, id);
    if (!row)
      throw new AppError('NOT_FOUND', `statusId: no Status "${id}" (expired or deleted?)`, 'statusId');
    return row;
  }

  private view(row: StatusRow): StatusUpdate {
    const name = row.from_me ? null : this.deps.contacts.displayName(row.session_id, row.poster_jid);
    return toStatusUpdate(row, name);
  }

  /**
   * Stores a Status WhatsApp delivered (live; inside the caller's transaction) and announces it.
   * Returns whether it is new and has media to fetch (`fetchMediaSoon` after the commit).
   */
  receive(sessionId: string, status: StatusRecord): boolean {
    // Older than a day (an offline catch-up): WhatsApp itself no longer shows it.
    if (status.timestamp + STATUS_LIFETIME_MS <= this.now()) return false;
    const inserted = this.insert(sessionId, status, null);
    if (!inserted) return false;
    const row = this.row(sessionId, status.id);
    if (row)
      this.deps.events.record(status.fromMe ? 'status.posted' : 'status.received', sessionId, this.view(row));
    return status.kind !== 'text' && !status.fromMe;
  }

  private insert(sessionId: string, status: StatusRecord, audience: string[] | null): boolean {
    const result = this.deps.db.$client
      .prepare(
        `INSERT OR IGNORE INTO status_updates (session_id, id, poster_jid, poster_name, from_me, kind, text,
           background_color, font, mimetype, audience, posted_at, expires_at, raw)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        sessionId,
        status.id,
        status.posterJid,
        status.posterName,
        status.fromMe ? 1 : 0,
        status.kind,
        status.text,
        status.backgroundColor,
        status.font,
        status.mimetype,
        audience ? JSON.stringify(audience) : null,
        status.timestamp,
        status.timestamp + STATUS_LIFETIME_MS,
        status.raw,
      );
    return result.changes > 0;
  }

  /**
   * The poster deleted a Status: it goes here too, announced as `status.deleted`. It arrives
   * inside the transaction storing its batch (wa-event-sink.ts): the file it leaves unused goes
   * after that commits, so a rollback never leaves the row without its file.
   */
  revoke(sessionId: string, id: string, posterJid: string | null): void {
    const row = this.row(sessionId, id);
    if (!row || (posterJid && row.poster_jid !== posterJid)) return;
    const { events, unused } = this.deps;
    events.transaction(() => {
      this.deps.db.$client
        .prepare('DELETE FROM status_updates WHERE session_id = ? AND id = ?')
        .run(sessionId, id);
      events.record('status.deleted', sessionId, this.view(row));
      const files = unused.forgetUnreferenced(row.media_sha256 ? [row.media_sha256] : []);
      if (files.length) events.afterCommit(() => unused.removeFiles(files));
    });
  }

  /** Downloads a received photo or video in the background; a failure is retried on request. */
  fetchMediaSoon(sessionId: string, id: string): void {
    void this.media(sessionId, id).catch((error: unknown) =>
      this.deps.logger.warn({ err: error, session: sessionId, status: id }, 'Status media download failed'),
    );
  }

  /** The bytes of a photo or video Status, downloaded from WhatsApp first if needed. */
  async media(sessionId: string, id: string): Promise<{ bytes: Buffer; mimetype: string }> {
    const row = this.existing(sessionId, id);
    if (!row.mimetype)
      throw new AppError('NOT_FOUND', 'statusId: this Status has no photo or video', 'statusId');
    if (row.media_sha256) {
      const bytes = this.deps.files.read(row.media_sha256);
      if (bytes) return { bytes, mimetype: row.mimetype };
    }
    if (!row.raw) throw new AppError('NOT_FOUND', 'the media of this Status is not available');
    const bytes = await this.deps.actions.downloadMedia(sessionId, row.raw);
    const saved = this.deps.files.save(bytes, row.mimetype);
    this.deps.db.$client
      .prepare('UPDATE status_updates SET media_sha256 = ?, media_size = ? WHERE session_id = ? AND id = ?')
      .run(saved.sha256, saved.size, sessionId, id);
    return { bytes, mimetype: row.mimetype };
  }

  /**
   * The number's Status of the last 24 hours: the contacts' unseen ones first, then newest first
   * (WhatsApp's times are whole seconds: within one, the later arrival first).
   * `poster` narrows to one contact, `mine` to our own posts or the contacts'.
   */
  list(sessionId: string, filter: { poster?: string; mine?: boolean; limit: number }): StatusUpdate[] {
    const poster = filter.poster ? toJid(filter.poster, 'poster') : null;
    const rows = this.deps.db.$client
      .prepare<
        [string, number, string | null, string | null, number | null, number | null, number],
        StatusRow
      >(
        `SELECT * FROM status_updates INDEXED BY status_updates_posted_idx
          WHERE session_id = ? AND posted_at > ? - ${STATUS_LIFETIME_MS}
            AND (? IS NULL OR poster_jid = ?) AND (? IS NULL OR from_me = ?)
          ORDER BY (from_me = 0 AND seen_at IS NULL) DESC, posted_at DESC, rowid DESC LIMIT ?`,
      )
      .all(
        sessionId,
        this.now(),
        poster,
        poster,
        filter.mine === undefined ? null : 1,
        filter.mine === undefined ? null : filter.mine ? 1 : 0,
        filter.limit,
      );
    return rows.filter((row) => row.expires_at > this.now()).map((row) => this.view(row));
  }

  get(sessionId: string, id: string): StatusUpdate {
    return this.view(this.existing(sessionId, id));
  }

  /** Marks a contact's Status seen: the read receipt goes to the poster first, then it is stored. */
  async markSeen(sessionId: string, id: string, actor?: Actor): Promise<StatusUpdate> {
    const row = this.existing(sessionId, id);
    if (row.from_me) throw new AppError('VALIDATION_FAILED', 'statusId: this is our own Status', 'statusId');
    if (row.seen_at !== null) return this.view(row);
    if (!row.raw) throw new AppError('NOT_FOUND', 'statusId: this Status cannot be answered', 'statusId');
    await this.deps.actions.markRead(sessionId, [row.raw]);
    return this.deps.events.transaction(() => {
      this.deps.db.$client
        .prepare('UPDATE status_updates SET seen_at = ? WHERE session_id = ? AND id = ? AND seen_at IS NULL')
        .run(this.now(), sessionId, id);
      const seen = this.view(this.existing(sessionId, id));
      this.deps.events.record('status.seen', sessionId, seen, actor);
      return seen;
    });
  }

  /** A private reply: a text to the poster's chat quoting the Status, as WhatsApp sends it. */
  async reply(
    sessionId: string,
    id: string,
    text: string,
    actor?: Actor,
  ): Promise<{ chat: string; messageId: string }> {
    const row = this.existing(sessionId, id);
    if (row.from_me) throw new AppError('VALIDATION_FAILED', 'statusId: this is our own Status', 'statusId');
    if (!row.raw) throw new AppError('NOT_FOUND', 'statusId: this Status cannot be answered', 'statusId');
    const message = await this.deps.send.sendQuoting(
      sessionId,
      { type: 'text', to: row.poster_jid, text },
      row.raw,
      actor,
    );
    return { chat: message.chat, messageId: message.id };
  }

  /**
   * Posts a Status to every contact of the number (`contacts`) or a chosen list, stores it and
   * announces `status.posted`. With an idempotency key (a scheduled Status, or `Idempotency-Key`)
   * it is posted at most once: a retry answers the first post, also while it is still running.
   */
  async post(
    sessionId: string,
    input: PostStatusInput,
    actor?: Actor,
    idempotencyKey?: string,
  ): Promise<StatusUpdate> {
    const slot = idempotencySlot(`status:${sessionId}`, idempotencyKey);
    const remembered = this.deps.idempotency.recall<PostRecord>(slot);
    if (remembered?.status) return remembered.status;
    // Every check that can refuse it runs before an id is remembered or anything is posted.
    const checked = {
      audience: this.audience(sessionId, input.audience),
      post: await this.toPost(sessionId, input.status),
    };
    if (!slot)
      return this.postNow(sessionId, checked, actor, this.deps.actions.newMessageId(sessionId), null);
    const flightKey = `${slot.scope}:${slot.key}`;
    const running = this.inFlight.get(flightKey);
    if (running) return running;
    const attempt = this.postOnce(sessionId, checked, actor, slot, remembered?.pendingId);
    this.inFlight.set(flightKey, attempt);
    try {
      return await attempt;
    } finally {
      this.inFlight.delete(flightKey);
    }
  }

  /**
   * The WhatsApp id is chosen and remembered before posting. After a crash mid-post the retry
   * finds it: stored already (our own post came back from WhatsApp) → that Status is the answer;
   * else it is posted again under the same id, which contacts' phones show only once.
   */
  private async postOnce(
    sessionId: string,
    checked: CheckedPost,
    actor: Actor | undefined,
    slot: NonNullable<ReturnType<typeof idempotencySlot>>,
    pendingId: string | undefined,
  ): Promise<StatusUpdate> {
    const stored = pendingId ? this.row(sessionId, pendingId) : undefined;
    if (stored?.from_me) {
      const status = this.view(stored);
      this.deps.idempotency.remember(slot, { status } satisfies PostRecord);
      return status;
    }
    const messageId = pendingId ?? this.deps.actions.newMessageId(sessionId);
    if (!pendingId) this.deps.idempotency.remember(slot, { pendingId: messageId } satisfies PostRecord);
    return this.postNow(sessionId, checked, actor, messageId, slot);
  }

  private async postNow(
    sessionId: string,
    { audience, post }: CheckedPost,
    actor: Actor | undefined,
    messageId: string,
    slot: ReturnType<typeof idempotencySlot>,
  ): Promise<StatusUpdate> {
    const record = await this.deps.actions.postStatus(sessionId, post, audience, messageId);
    const saved = post.kind === 'text' ? null : this.deps.files.save(post.bytes, post.mimetype);
    return this.deps.events.transaction(() => {
      this.insert(sessionId, record, audience);
      if (saved)
        this.deps.db.$client
          .prepare(
            'UPDATE status_updates SET media_sha256 = ?, media_size = ? WHERE session_id = ? AND id = ?',
          )
          .run(saved.sha256, saved.size, sessionId, record.id);
      const posted = this.view(this.existing(sessionId, record.id));
      this.deps.events.record('status.posted', sessionId, posted, actor);
      // In the transaction of the post's row: never a stored post whose key still says "pending".
      this.deps.idempotency.remember(slot, { status: posted } satisfies PostRecord);
      return posted;
    });
  }

  private async toPost(sessionId: string, status: PostStatusInput['status']): Promise<StatusPost> {
    if (status.type === 'text')
      return {
        kind: 'text',
        text: status.text,
        backgroundColor: status.backgroundColor.toUpperCase(),
        ...(status.font !== undefined ? { font: status.font } : {}),
      };
    const media = await this.deps.resolveMedia(status.type, status.media, sessionId);
    const expected = status.type === 'image' ? 'image/' : 'video/';
    if (!media.mimetype.startsWith(expected))
      throw new AppError(
        'VALIDATION_FAILED',
        `status.media: must be ${status.type === 'image' ? 'a photo' : 'a video'}`,
        'status.media',
      );
    return {
      kind: status.type,
      bytes: media.bytes,
      mimetype: media.mimetype,
      ...(status.caption ? { caption: status.caption } : {}),
    };
  }

  /** Phone-number JIDs a Status goes to: the named ones, or every contact of the number. */
  private audience(sessionId: string, audience: PostStatusInput['audience']): string[] {
    if (audience !== 'contacts') return statusAudienceJids(audience, 'audience');
    const me = this.deps.actions.meJid(sessionId);
    const jids = this.deps.db.$client
      .prepare<[string], { jid: string }>(
        `SELECT jid FROM contacts WHERE session_id = ? AND jid LIKE '%@s.whatsapp.net'`,
      )
      .all(sessionId)
      .map((row) => row.jid)
      .filter((jid) => jid !== me);
    if (!jids.length)
      throw new AppError(
        'VALIDATION_FAILED',
        'audience: this number has no contacts yet; name who should see it',
        'audience',
      );
    return jids;
  }

  /** Deletes the Status older than 24 hours, and their files where nothing else uses them. */
  sweep(): number {
    const expired = this.deps.db.$client
      .prepare<[number, number], { session_id: string; id: string; media_sha256: string | null }>(
        'SELECT session_id, id, media_sha256 FROM status_updates WHERE expires_at <= ? LIMIT ?',
      )
      .all(this.now(), SWEEP_BATCH);
    if (!expired.length) return 0;
    const unused = this.deps.events.transaction(() => {
      const drop = this.deps.db.$client.prepare('DELETE FROM status_updates WHERE session_id = ? AND id = ?');
      for (const row of expired) drop.run(row.session_id, row.id);
      return this.deps.unused.forgetUnreferenced([
        ...new Set(expired.flatMap((row) => (row.media_sha256 ? [row.media_sha256] : []))),
      ]);
    });
    if (unused.length) this.deps.unused.removeFiles(unused);
    return expired.length;
  }
}
