import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { english } from '../../i18n/messages/en';
import hebrew from '../../i18n/messages/schedule/he.json';
import { missedReason, SEND_FAILURE, waitingForSessionReason } from '../../../src-shared/send-failure';
import { describeSendFailure } from './send-failure';

describe('describeSendFailure', () => {
  const en = createIntl({ locale: 'en', messages: english, timeZone: 'UTC' });
  const he = createIntl({ locale: 'he', messages: { ...english, ...hebrew }, timeZone: 'UTC' });

  it('words every reason the scheduler and the campaign runner store, in the reader’s language', () => {
    const reasons = [
      ...Object.values(SEND_FAILURE),
      waitingForSessionReason('bakery'),
      missedReason(Date.UTC(2026, 11, 5, 9, 30), 60),
    ];
    for (const reason of reasons) {
      const hebrewText = describeSendFailure(reason, he);
      expect(hebrewText, reason).toMatch(/[\u0590-\u05FF]/);
      expect(hebrewText, reason).not.toContain(reason);
    }
    expect(describeSendFailure(waitingForSessionReason('bakery'), he)).toContain('bakery');
    expect(describeSendFailure(missedReason(Date.UTC(2026, 11, 5, 9, 30), 60), en)).toBe(
      'Missed: it was due Dec 5, 2026, 9:30 AM, more than 60 minutes before the app or the number was back',
    );
    expect(describeSendFailure(SEND_FAILURE.optedOut, en)).toBe('On the opt-out list');
  });

  it('shows an error WhatsApp gave as a detail after a translated "Not sent"', () => {
    expect(describeSendFailure('message.to: +1 555 is not on WhatsApp', he)).toBe(
      'לא נשלחה: message.to: +1 555 is not on WhatsApp',
    );
  });
});
