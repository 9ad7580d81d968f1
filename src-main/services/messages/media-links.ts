import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a media link works: long enough to scroll a conversation, short enough to not leak. */
export const MEDIA_LINK_TTL_MS = 60 * 60 * 1000;

export interface MediaLinkTarget {
  session: string;
  chat: string;
  id: string;
}

/**
 * Signed, expiring links to message media, so the UI can use plain <img>/<video> tags (which
 * cannot send an API key). The secret lives in memory: links die with the process.
 */
export class MediaLinks {
  private readonly secret = randomBytes(32);

  path(target: MediaLinkTarget, now = Date.now()): string {
    const expires = now + MEDIA_LINK_TTL_MS;
    const signature = this.sign(target, expires);
    return `/media/${encodeURIComponent(target.session)}/${encodeURIComponent(target.chat)}/${encodeURIComponent(target.id)}?expires=${expires}&sig=${signature}`;
  }

  verify(target: MediaLinkTarget, expires: number, signature: string, now = Date.now()): boolean {
    if (!Number.isFinite(expires) || expires < now) return false;
    const expected = Buffer.from(this.sign(target, expires));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private sign(target: MediaLinkTarget, expires: number): string {
    return createHmac('sha256', this.secret)
      .update(`${target.session}\n${target.chat}\n${target.id}\n${expires}`)
      .digest('base64url');
  }
}
