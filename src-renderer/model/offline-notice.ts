import type { Session } from '../../src-shared/model';

/** What the inbox says about a linked number that is not connected. */
export interface OfflineNotice {
  session: string;
  text: string;
  /** Reconnect now can help (not after an unlink from the phone, which needs a new QR code). */
  canReconnect: boolean;
}

/**
 * The banner text for a number that was linked and is not connected now, or null. Numbers never
 * linked (no phone yet) and those being linked (QR, code) are the Sessions page's business.
 */
export function offlineNotice(session: Session, now: number): OfflineNotice | null {
  if (session.status === 'connected' || !session.phone) return null;
  if (session.status === 'qr' || session.status === 'pairing') return null;
  const name = session.name;
  if (session.status === 'logged_out')
    return {
      session: session.id,
      text: `${name} was unlinked from the phone. Link it again in Sessions.`,
      canReconnect: false,
    };
  if (session.status === 'connecting') {
    const wait = session.reconnectAt ? Math.ceil((Date.parse(session.reconnectAt) - now) / 1000) : 0;
    return {
      session: session.id,
      text:
        wait > 0 ? `${name} is offline — reconnecting in ${wait} s` : `${name} is offline — reconnecting…`,
      canReconnect: true,
    };
  }
  return { session: session.id, text: `${name} is offline`, canReconnect: true };
}
