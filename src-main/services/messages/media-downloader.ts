import { AppError } from '../../../src-shared/errors.js';
import type { Message } from '../../../src-shared/messages.js';
import type { Logger } from '../../core/logger.js';
import type { WaActions } from '../../wa/actions.js';
import type { MediaStore } from './media-store.js';
import type { MessageStore } from './message-store.js';
import { rawOf } from './raw-pack.js';

interface MediaFile {
  bytes: Buffer;
  mimetype: string;
  fileName: string | null;
}

/** At most this many downloads at once, so a burst of photos does not starve the API. */
const MAX_PARALLEL = 2;

/**
 * Gets the bytes of received media into the local store: soon after a message arrives (in the
 * background), or at once when someone asks for them first.
 */
export class MediaDownloader {
  private readonly running = new Map<string, Promise<MediaFile>>();
  private readonly queue: (() => Promise<unknown>)[] = [];
  private active = 0;

  constructor(
    private readonly store: MessageStore,
    private readonly files: MediaStore,
    private readonly actions: WaActions,
    private readonly logger: Logger,
  ) {}

  fetchSoon(sessionId: string, message: Message): void {
    this.queue.push(() =>
      this.ensure(sessionId, message.chat, message.id).catch((error: unknown) =>
        this.logger.warn(
          { err: error, session: sessionId, message: message.id },
          'media download failed; will retry on request',
        ),
      ),
    );
    this.pump();
  }

  /** The media of a stored message, downloading it first if needed. */
  ensure(sessionId: string, chatJid: string, id: string): Promise<MediaFile> {
    const key = `${sessionId}|${chatJid}|${id}`;
    let pending = this.running.get(key);
    if (!pending) {
      pending = this.load(sessionId, chatJid, id).finally(() => this.running.delete(key));
      this.running.set(key, pending);
    }
    return pending;
  }

  private async load(sessionId: string, chatJid: string, id: string): Promise<MediaFile> {
    const row = this.store.row(sessionId, chatJid, id);
    if (!row) throw new AppError('NOT_FOUND', `no message "${id}"`, 'msgId');
    if (!row.media || row.revokedAt !== null) throw new AppError('NOT_FOUND', 'this message has no media');
    if (row.media.removedAt) {
      throw new AppError(
        'NOT_FOUND',
        `the media of this message was removed on ${row.media.removedAt} (retention)`,
      );
    }
    const fileName = row.media.fileName;
    if (row.media.stored && row.media.sha256) {
      const bytes = this.files.read(row.media.sha256);
      if (bytes) return { bytes, mimetype: row.media.mimetype, fileName };
    }
    const raw = rawOf(row);
    if (!raw) throw new AppError('NOT_FOUND', 'the media of this message is not available');
    const bytes = await this.actions.downloadMedia(sessionId, raw);
    const saved = this.files.save(bytes, row.media.mimetype);
    this.store.markMediaStored(sessionId, chatJid, id, saved.sha256, saved.size);
    return { bytes, mimetype: row.media.mimetype, fileName };
  }

  private pump(): void {
    while (this.active < MAX_PARALLEL && this.queue.length) {
      const job = this.queue.shift()!;
      this.active += 1;
      void job().finally(() => {
        this.active -= 1;
        this.pump();
      });
    }
  }
}
