import { statSync } from 'node:fs';
import type { StorageReport } from '../../../src-shared/contract/storage.js';
import { databaseFile, type Db } from '../../db/connection.js';

const BIGGEST = 10;

/**
 * What takes space, for Settings → Storage. Media sizes come from `media_files` (what is stored),
 * attributed to numbers and chats through the messages that carry them; that walk reads every
 * message with media, so the report is computed on request only (about 0.2 s per million
 * messages), never on a timer.
 */
export class StorageReportService {
  constructor(
    private readonly db: Db,
    private readonly dataDir: string,
  ) {}

  report(): StorageReport {
    const sqlite = this.db.$client;
    const file = databaseFile(this.dataDir);
    const size = (path: string) => {
      try {
        return statSync(path).size;
      } catch {
        return 0;
      }
    };
    const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
    const free = sqlite.pragma('freelist_count', { simple: true }) as number;

    const totals = sqlite
      .prepare('SELECT count(*) AS files, coalesce(sum(size), 0) AS bytes FROM media_files')
      .get() as {
      files: number;
      bytes: number;
    };
    const byType = sqlite
      .prepare(
        `SELECT CASE WHEN mimetype LIKE 'image/%' THEN 'image' WHEN mimetype LIKE 'video/%' THEN 'video'
                     WHEN mimetype LIKE 'audio/%' THEN 'audio' ELSE 'document' END AS type,
                count(*) AS files, sum(size) AS bytes
           FROM media_files GROUP BY 1 ORDER BY bytes DESC`,
      )
      .all() as { type: string; files: number; bytes: number }[];
    // Each stored file once per number (and per chat below), however many messages carry it.
    const bySession = sqlite
      .prepare(
        `SELECT session AS session, count(*) AS files, sum(f.size) AS bytes
           FROM (SELECT DISTINCT session_id AS session, json_extract(media, '$.sha256') AS sha
                   FROM messages WHERE media IS NOT NULL) u
           JOIN media_files f ON f.sha256 = u.sha
          GROUP BY session ORDER BY bytes DESC`,
      )
      .all() as { session: string; files: number; bytes: number }[];
    const biggestChats = sqlite
      .prepare(
        `SELECT b.session_id AS session, b.chat_jid AS chat, c.name AS name, b.messages AS messages,
                coalesce((SELECT sum(f.size) FROM (SELECT DISTINCT json_extract(media, '$.sha256') AS sha FROM messages
                           WHERE session_id = b.session_id AND chat_jid = b.chat_jid AND media IS NOT NULL) u
                          JOIN media_files f ON f.sha256 = u.sha), 0) AS mediaBytes
           FROM (SELECT session_id, chat_jid, count(*) AS messages FROM messages
                  GROUP BY session_id, chat_jid ORDER BY messages DESC LIMIT ?) b
           LEFT JOIN chats c ON c.session_id = b.session_id AND c.jid = b.chat_jid
          ORDER BY b.messages DESC`,
      )
      .all(BIGGEST) as StorageReport['biggestChats'];

    return {
      database: { bytes: size(file), walBytes: size(`${file}-wal`), freeBytes: free * pageSize },
      media: { ...totals, byType, bySession },
      biggestChats,
    };
  }
}
