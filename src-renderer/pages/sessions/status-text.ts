import { formatPhone as formatInternational } from '../../model/phone';
import type { Session, SessionReason, SessionStatus } from '../../../src-shared/model';
import type { MessageId } from '../../i18n/messages/en';

export const STATUS_LABEL: Record<SessionStatus, MessageId> = {
  disconnected: 'sessions.status.disconnected',
  connecting: 'sessions.status.connecting',
  qr: 'sessions.status.qr',
  pairing: 'sessions.status.pairing',
  connected: 'sessions.status.connected',
  logged_out: 'sessions.status.loggedOut',
};

const REASON_TEXT: Partial<Record<SessionReason, MessageId>> = {
  created: 'sessions.reason.created',
  user_disconnect: 'sessions.reason.userDisconnect',
  user_logout: 'sessions.reason.userLogout',
  shutdown: 'sessions.reason.shutdown',
  startup: 'sessions.reason.startup',
  qr_expired: 'sessions.reason.qrExpired',
  replaced: 'sessions.reason.replaced',
  logged_out: 'sessions.reason.loggedOut',
  forbidden: 'sessions.reason.forbidden',
  network: 'sessions.reason.network',
  bad_session: 'sessions.reason.badSession',
  restart_required: 'sessions.reason.restartRequired',
};

/** The sentence under a session's status (its message id): why it is so, and what to do. */
export function reasonText(session: Session): MessageId | null {
  if (session.status === 'connected' || session.status === 'qr' || session.status === 'pairing') return null;
  if (
    session.status === 'connecting' &&
    session.statusReason !== 'network' &&
    session.statusReason !== 'bad_session'
  ) {
    return null;
  }
  return REASON_TEXT[session.statusReason] ?? null;
}

export function formatPhone(phone: string | null): string {
  return formatInternational(phone) ?? '';
}
