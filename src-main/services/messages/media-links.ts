import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a media link works: long enough to scroll a conversation, short enough to not leak. */
const MEDIA_LINK_TTL_MS = 60 * 60 * 1000;

interface MediaLinkTarget {
  session: string;
  chat: string;
  id: string;
}

interface AvatarLinkTarget {
  session: string;
  /** The contact or group. */
  jid: string;
}

/**
 * Signed, expiring links to message media and profile pictures, so the UI can use plain
 * <img>/<video> tags (which cannot send an API key). The secret lives in memory: links die with
 * the process. Each kind of link signs its own name too, so one kind never opens the other.
 */
export class MediaLinks {
  private readonly secret = randomBytes(32);

  /** `/media/<session>/<chat>/<id>?expires&sig`: a message's media. */
  path(target: MediaLinkTarget, now = Date.now()): string {
    const fields = ['message', target.session, target.chat, target.id];
    return `/media/${encodePath(fields.slice(1))}${this.query(fields, now)}`;
  }

  verify(target: MediaLinkTarget, expires: number, signature: string, now = Date.now()): boolean {
    return this.check(['message', target.session, target.chat, target.id], expires, signature, now);
  }

  /** `/avatars/<session>/<jid>?expires&sig`: a contact's or group's profile picture. */
  avatarPath(target: AvatarLinkTarget, now = Date.now()): string {
    const fields = ['avatar', target.session, target.jid];
    return `/avatars/${encodePath(fields.slice(1))}${this.query(fields, now)}`;
  }

  verifyAvatar(target: AvatarLinkTarget, expires: number, signature: string, now = Date.now()): boolean {
    return this.check(['avatar', target.session, target.jid], expires, signature, now);
  }

  private query(fields: string[], now: number): string {
    const expires = now + MEDIA_LINK_TTL_MS;
    return `?expires=${expires}&sig=${this.sign(fields, expires)}`;
  }

  private check(fields: string[], expires: number, signature: string, now: number): boolean {
    if (!Number.isFinite(expires) || expires < now) return false;
    const expected = Buffer.from(this.sign(fields, expires));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private sign(fields: string[], expires: number): string {
    return createHmac('sha256', this.secret)
      .update([...fields, String(expires)].join('\n'))
      .digest('base64url');
  }
}

function encodePath(parts: string[]): string {
  return parts.map(encodeURIComponent).join('/');
}
