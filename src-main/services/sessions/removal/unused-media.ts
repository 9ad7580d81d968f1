import type { Db } from '../../../db/connection.js';
import type { MediaStore } from '../../messages/media-store.js';

/**
 * Media files (content-addressed, shared between sessions) that nothing refers to any more,
 * once the rows that used them are gone.
 */
export class UnusedMedia {
  constructor(
    private readonly db: Db,
    private readonly files: MediaStore,
  ) {}

  /**
   * Which of `candidates` no remaining message, picture, media library upload or Status uses, with their `media_files` rows
   * deleted. Call inside the transaction that removed the last reference. One pass over the
   * messages that have media (~40 ms per 100k messages); skipped when there are no candidates.
   */
  forgetUnreferenced(candidates: readonly string[]): string[] {
    if (candidates.length === 0) return [];
    const list = JSON.stringify(candidates);
    const sqlite = this.db.$client;
    const stillUsed = new Set(
      sqlite
        .prepare<[string, string, string, string], { sha256: string }>(
          `SELECT json_extract(media, '$.sha256') AS sha256 FROM messages
            WHERE media IS NOT NULL AND json_extract(media, '$.sha256') IN (SELECT value FROM json_each(?))
           UNION
           SELECT sha256 FROM contact_avatars WHERE sha256 IN (SELECT value FROM json_each(?))
           UNION
           SELECT sha256 FROM media_library WHERE sha256 IN (SELECT value FROM json_each(?))
           UNION
           SELECT media_sha256 FROM status_updates WHERE media_sha256 IN (SELECT value FROM json_each(?))`,
        )
        .all(list, list, list, list)
        .map((row) => row.sha256),
    );
    const unused = candidates.filter((sha256) => !stillUsed.has(sha256));
    if (unused.length > 0) {
      sqlite
        .prepare('DELETE FROM media_files WHERE sha256 IN (SELECT value FROM json_each(?))')
        .run(JSON.stringify(unused));
    }
    return unused;
  }

  /**
   * Deletes the files. Call right after the commit, in the same tick: storing media
   * (MediaStore.save, then the message's reference) is synchronous too, so no new reference can
   * appear between the check and the delete.
   */
  removeFiles(sha256s: readonly string[]): void {
    this.files.remove(sha256s);
  }
}
