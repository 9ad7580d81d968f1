/** `status_updates` rows (migration 0041) ↔ StatusUpdate. */
import type { StatusKind, StatusUpdate } from '../../../src-shared/contract/status.js';

export interface StatusRow {
  session_id: string;
  id: string;
  poster_jid: string;
  poster_name: string | null;
  from_me: number;
  kind: StatusKind;
  text: string | null;
  background_color: string | null;
  font: number | null;
  mimetype: string | null;
  media_sha256: string | null;
  media_size: number | null;
  audience: string | null;
  posted_at: number;
  expires_at: number;
  seen_at: number | null;
  raw: Buffer | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** `name`: the contact's name as the number knows it (else the push name it arrived with). */
export function toStatusUpdate(row: StatusRow, name: string | null): StatusUpdate {
  return {
    session: row.session_id,
    id: row.id,
    poster: row.poster_jid,
    posterName: name ?? row.poster_name,
    fromMe: row.from_me === 1,
    kind: row.kind,
    text: row.text,
    backgroundColor: row.background_color,
    font: row.font,
    media: row.mimetype
      ? { mimetype: row.mimetype, size: row.media_size, stored: row.media_sha256 !== null }
      : null,
    audience: row.audience ? (JSON.parse(row.audience) as string[]) : null,
    postedAt: iso(row.posted_at),
    expiresAt: iso(row.expires_at),
    // Our own posts are ours: nothing to see.
    seen: row.from_me === 1 || row.seen_at !== null,
    seenAt: row.seen_at === null ? null : iso(row.seen_at),
  };
}
