import type { Session } from '../../src-shared/model';
import type { MessageId } from '../i18n/messages/en';

/** What the inbox says about a linked number that is not connected. */
export interface OfflineNotice {
  session: string;
  /** The sentence, as a catalogue id and its values (the banner formats it in the reader's language). */
  message: { id: MessageId; values: { name: string; seconds?: number } };
  /** Reconnect now can help (not after an unlink from the phone, which needs a new QR code). */
  canReconnect: boolean;
}

/**
 * The banner's sentence for a number that was linked and is not connected now, or null. Numbers
 * never linked (no phone yet) and those being linked (QR, code) are the Sessions page's business.
 */
export function offlineNotice(session: Session, now: number): OfflineNotice | null {
  if (session.status === 'connected' || !session.phone) return null;
  if (session.status === 'qr' || session.status === 'pairing') return null;
  const name = session.name;
  if (session.status === 'logged_out')
    return {
      session: session.id,
      message: { id: 'inbox.offline.unlinked', values: { name } },
      canReconnect: false,
    };
  if (session.status === 'connecting') {
    const wait = session.reconnectAt ? Math.ceil((Date.parse(session.reconnectAt) - now) / 1000) : 0;
    return {
      session: session.id,
      message:
        wait > 0
          ? { id: 'inbox.offline.reconnectingIn', values: { name, seconds: wait } }
          : { id: 'inbox.offline.reconnecting', values: { name } },
      canReconnect: true,
    };
  }
  return {
    session: session.id,
    message: { id: 'inbox.offline.offline', values: { name } },
    canReconnect: true,
  };
}
