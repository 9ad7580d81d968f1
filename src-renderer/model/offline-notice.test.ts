import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../src-shared/model';
import { english } from '../i18n/messages/en';
import { offlineNotice, type OfflineNotice } from './offline-notice';

/** The banner's sentence as an English reader sees it. */
function text(notice: OfflineNotice | null, locale = 'en'): string | undefined {
  if (!notice) return undefined;
  return createIntl({ locale, messages: english }).formatMessage(
    { id: notice.message.id },
    notice.message.values,
  );
}

const NOW = Date.parse('2026-12-05T10:00:00.000Z');
const linked: Session = {
  id: 'front',
  name: 'Bakery front desk',
  status: 'connected',
  statusReason: 'opened',
  statusChangedAt: '2026-12-05T09:00:00.000Z',
  phone: '972501234567',
  pushName: 'Bakery',
  reconnectAt: null,
  createdAt: '2026-12-01T09:00:00.000Z',
};

describe('the offline banner', () => {
  it('counts down to the next automatic reconnect', () => {
    const notice = offlineNotice(
      { ...linked, status: 'connecting', statusReason: 'network', reconnectAt: '2026-12-05T10:00:11.200Z' },
      NOW,
    );
    expect(notice).toMatchObject({ session: 'front', canReconnect: true });
    expect(text(notice)).toBe('Bakery front desk is offline — reconnecting in 12 s');
  });

  it('says a disconnected number is offline and offers Reconnect now', () => {
    const notice = offlineNotice({ ...linked, status: 'disconnected', statusReason: 'user_disconnect' }, NOW);
    expect(notice).toMatchObject({ canReconnect: true });
    expect(text(notice)).toBe('Bakery front desk is offline');
  });

  it('sends an unlinked number to Sessions instead', () => {
    expect(offlineNotice({ ...linked, status: 'logged_out', statusReason: 'logged_out' }, NOW)).toMatchObject(
      {
        canReconnect: false,
      },
    );
  });

  it('says nothing for connected numbers and numbers not linked yet', () => {
    expect(offlineNotice(linked, NOW)).toBeNull();
    expect(offlineNotice({ ...linked, status: 'qr', phone: null }, NOW)).toBeNull();
    expect(offlineNotice({ ...linked, status: 'disconnected', phone: null }, NOW)).toBeNull();
  });
});
