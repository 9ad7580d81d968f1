import type { Session, SessionReason, SessionStatus } from '../../../src-shared/model';

export const STATUS_LABEL: Record<SessionStatus, string> = {
  disconnected: 'Disconnected',
  connecting: 'Connecting',
  qr: 'Waiting for QR scan',
  pairing: 'Waiting for code',
  connected: 'Connected',
  logged_out: 'Logged out',
};

const REASON_TEXT: Partial<Record<SessionReason, string>> = {
  created: 'Not linked yet.',
  user_disconnect: 'Disconnected by you. The login is kept: reconnect without a new QR code.',
  user_logout: 'Logged out by you. Link it again with a new QR code.',
  shutdown: 'Chatdock was stopped.',
  startup: 'Not connected since Chatdock started.',
  qr_expired: 'Nobody scanned the QR code in time. Connect again to get a new one.',
  replaced:
    'This number was opened somewhere else (another WhatsApp Web, or another PC where a Chatdock backup was restored), which took over. WhatsApp keeps only one: reconnect here only if that other one should stop.',
  logged_out: 'This device was removed from the phone (Linked devices). Link it again with a new QR code.',
  forbidden: 'WhatsApp refused the connection (the number may be banned or blocked).',
  network: 'The connection was lost. Reconnecting automatically…',
  bad_session: 'WhatsApp reported a session problem. Reconnecting automatically…',
  restart_required: 'Linked. Finishing the connection…',
};

/** The sentence under a session's status: why it is so, and what to do. */
export function reasonText(session: Session): string | null {
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
  return phone ? `+${phone}` : '';
}
