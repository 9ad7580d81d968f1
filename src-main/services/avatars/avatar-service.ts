import { parseJid, type JidKind } from '../../../src-shared/jid.js';
import type { Logger } from '../../core/logger.js';
import type { PictureSize, WaActions } from '../../wa/actions.js';
import type { MediaStore } from '../messages/media-store.js';
import type { AvatarAnswer, AvatarStore } from './avatar-store.js';
import { KeyedQueue } from './keyed-queue.js';
import { PictureRejected, type DownloadedPicture } from './picture-download.js';

/** A stored picture: its file in the media store. */
interface AvatarRef {
  mimetype: string;
  sha256: string;
}

interface AvatarFile extends AvatarRef {
  bytes: Buffer;
}

/** How long an answer is reused before WhatsApp is asked again. */
export const AVATAR_REUSE_MS = {
  found: 24 * 60 * 60 * 1000,
  none: 6 * 60 * 60 * 1000,
  /** After a failure (offline, timeout): not remembered in the database, only not retried at once. */
  failed: 5 * 60 * 1000,
};

/**
 * Few at a time: a chat list asks for many pictures at once, and a burst of queries to
 * WhatsApp looks like scraping (a ban risk).
 */
const MAX_PARALLEL = 2;

/**
 * The full-size picture is remembered beside the preview under its own key (the JID with this
 * suffix), so each size has its own answer and refresh time in the same table.
 */
export const FULL_SIZE_SUFFIX = '#full';

function cacheKey(jid: string, size: PictureSize): string {
  return size === 'full' ? jid + FULL_SIZE_SUFFIX : jid;
}

/** Users and groups have pictures; channels and broadcast lists do not (for us). */
const KINDS_WITH_PICTURES = new Set<JidKind>(['user', 'lid', 'group']);

interface AvatarServiceDeps {
  store: AvatarStore;
  files: MediaStore;
  actions: Pick<WaActions, 'isConnected' | 'profilePictureUrl'>;
  download: (url: string) => Promise<DownloadedPicture>;
  logger: Logger;
  now?: () => number;
}

/**
 * Profile pictures of contacts and groups: asked from WhatsApp (queued, de-duplicated),
 * downloaded into the media store, and remembered per session and JID, "no picture" included.
 */
export class AvatarService {
  private readonly queue = new KeyedQueue<AvatarRef | null>(MAX_PARALLEL);
  private readonly failedUntil = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly deps: AvatarServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /**
   * The picture, or null when there is none or it cannot be known now (the session is offline
   * and nothing is remembered). A remembered picture is served even when outdated if WhatsApp
   * cannot be asked. `size` picks WhatsApp's preview (the default) or the full-size image.
   */
  async get(session: string, jid: string, size: PictureSize = 'preview'): Promise<AvatarFile | null> {
    const picture = await this.find(session, jid, size);
    const bytes = picture && this.deps.files.read(picture.sha256);
    return picture && bytes ? { ...picture, bytes } : null;
  }

  /** Whether there is a picture (as `get` would answer), without reading it: for links to it. */
  async exists(session: string, jid: string): Promise<boolean> {
    return (await this.find(session, jid, 'preview')) !== null;
  }

  private async find(session: string, jid: string, size: PictureSize): Promise<AvatarRef | null> {
    const kind = parseJid(jid)?.kind;
    if (!kind || !KINDS_WITH_PICTURES.has(kind)) return null;
    const stored = cacheKey(jid, size);
    const remembered = this.deps.store.get(session, stored);
    if (remembered && remembered.refreshAfter > this.now()) {
      const file = this.fileOf(remembered);
      // A remembered picture whose file went missing is asked for again.
      if (file || remembered.sha256 === null) return file;
    }
    const key = `${session}|${stored}`;
    if (!this.deps.actions.isConnected(session) || (this.failedUntil.get(key) ?? 0) > this.now()) {
      return this.fileOf(remembered);
    }
    return this.queue.run(key, () => this.refresh(session, jid, size, remembered));
  }

  /** WhatsApp announced a new (or no) picture: ask again on the next request. */
  pictureChanged(session: string, jid: string): void {
    this.deps.store.markOutdated(session, jid);
    for (const size of ['preview', 'full'] as const)
      this.failedUntil.delete(`${session}|${cacheKey(jid, size)}`);
  }

  private async refresh(
    session: string,
    jid: string,
    size: PictureSize,
    remembered: AvatarAnswer | null,
  ): Promise<AvatarRef | null> {
    const stored = cacheKey(jid, size);
    try {
      const url = await this.deps.actions.profilePictureUrl(session, jid, size);
      if (!url) return this.remember(session, stored, null);
      const picture = await this.deps.download(url);
      const saved = this.deps.files.save(picture.bytes, picture.mimetype);
      return this.remember(session, stored, {
        mimetype: picture.mimetype,
        sha256: saved.sha256,
      });
    } catch (error) {
      if (error instanceof PictureRejected) {
        this.deps.logger.warn({ session, jid, size, reason: error.message }, 'profile picture not used');
        return this.remember(session, stored, null);
      }
      this.failedUntil.set(`${session}|${stored}`, this.now() + AVATAR_REUSE_MS.failed);
      this.deps.logger.debug(
        { session, jid, size, reason: withoutQueries(describe(error)) },
        'profile picture not available right now',
      );
      return this.fileOf(remembered);
    }
  }

  private remember(session: string, jid: string, file: AvatarRef | null): AvatarRef | null {
    const fetchedAt = this.now();
    this.deps.store.put(session, jid, {
      sha256: file?.sha256 ?? null,
      mimetype: file?.mimetype ?? null,
      fetchedAt,
      refreshAfter: fetchedAt + (file ? AVATAR_REUSE_MS.found : AVATAR_REUSE_MS.none),
    });
    this.failedUntil.delete(`${session}|${jid}`);
    return file;
  }

  private fileOf(answer: AvatarAnswer | null): AvatarRef | null {
    if (!answer?.sha256 || !answer.mimetype) return null;
    return this.deps.files.has(answer.sha256) ? { mimetype: answer.mimetype, sha256: answer.sha256 } : null;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Picture URLs carry access tokens in their query string; keep them out of the logs. */
function withoutQueries(text: string): string {
  return text.replace(/(https?:\/\/[^\s?#]+)[?#][^\s]*/g, '$1?…');
}
