import type { Db } from '../../db/connection.js';

/** What we last learnt about one profile picture (a `contact_avatars` row). */
export interface AvatarAnswer {
  /** The picture in the media store; null: there is none we may see. */
  sha256: string | null;
  mimetype: string | null;
  /** Unix ms. */
  fetchedAt: number;
  /** Unix ms after which WhatsApp is asked again. */
  refreshAfter: number;
}

interface AvatarRowRaw {
  sha256: string | null;
  mimetype: string | null;
  fetched_at: number;
  refresh_after: number;
}

/** The `contact_avatars` table: one answer per session and JID (user or group). */
export class AvatarStore {
  private readonly select;
  private readonly upsert;
  private readonly outdate;

  constructor(db: Db) {
    const sqlite = db.$client;
    this.select = sqlite.prepare<[string, string], AvatarRowRaw>(
      `SELECT sha256, mimetype, fetched_at, refresh_after FROM contact_avatars WHERE session_id = ? AND jid = ?`,
    );
    this.upsert = sqlite.prepare(
      `INSERT INTO contact_avatars (session_id, jid, sha256, mimetype, fetched_at, refresh_after)
       VALUES (@session, @jid, @sha256, @mimetype, @fetchedAt, @refreshAfter)
       ON CONFLICT (session_id, jid) DO UPDATE SET sha256 = excluded.sha256, mimetype = excluded.mimetype,
         fetched_at = excluded.fetched_at, refresh_after = excluded.refresh_after`,
    );
    // The same person may be cached under their phone-number JID and their LID, and each in two
    // sizes (the full-size picture's key is the JID + '#full', see avatar-service.ts).
    this.outdate = sqlite.prepare(
      `WITH same_person(jid) AS (
         SELECT @jid
         UNION SELECT jid FROM contacts WHERE session_id = @session AND lid = @jid
         UNION SELECT lid FROM contacts WHERE session_id = @session AND jid = @jid)
       UPDATE contact_avatars SET refresh_after = 0
       WHERE session_id = @session
         AND (jid IN (SELECT jid FROM same_person) OR jid IN (SELECT jid || '#full' FROM same_person))`,
    );
  }

  get(session: string, jid: string): AvatarAnswer | null {
    const row = this.select.get(session, jid);
    return row
      ? {
          sha256: row.sha256,
          mimetype: row.mimetype,
          fetchedAt: row.fetched_at,
          refreshAfter: row.refresh_after,
        }
      : null;
  }

  put(session: string, jid: string, answer: AvatarAnswer): void {
    this.upsert.run({ session, jid, ...answer });
  }

  /** The picture changed: ask WhatsApp again next time (the old one is served until then). */
  markOutdated(session: string, jid: string): void {
    this.outdate.run({ session, jid });
  }
}
