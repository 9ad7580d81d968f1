import type { IntlShape } from 'react-intl';
import { MISSED_REASON, SEND_FAILURE, WAITING_REASON } from '../../../src-shared/send-failure';

/**
 * Why a scheduled message or a campaign recipient was not sent, in the person's language. The API
 * keeps the reason as a stable English phrase (`src-shared/send-failure.ts`, listed in
 * docs/API.md); the known phrases become sentences here. Any other
 * reason is an error WhatsApp or the app gave while sending: it is shown after "Not sent:" as it
 * came, since it is a detail for whoever investigates, not a sentence of the product.
 */
export function describeSendFailure(reason: string, intl: IntlShape): string {
  const waiting = WAITING_REASON.exec(reason);
  if (waiting) return intl.formatMessage({ id: 'schedule.failure.waiting' }, { session: waiting[1] });
  const missed = MISSED_REASON.exec(reason);
  if (missed) {
    const due = new Date(missed[1]!);
    return intl.formatMessage(
      { id: 'schedule.failure.missed' },
      {
        due: Number.isNaN(due.getTime())
          ? missed[1]
          : intl.formatDate(due, { dateStyle: 'medium', timeStyle: 'short' }),
        minutes: Number(missed[2]),
      },
    );
  }
  if (reason === SEND_FAILURE.noRecipient) return intl.formatMessage({ id: 'schedule.failure.noRecipient' });
  if (reason === SEND_FAILURE.optedOut) return intl.formatMessage({ id: 'schedule.failure.optedOut' });
  if (reason === SEND_FAILURE.emptyMessage)
    return intl.formatMessage({ id: 'schedule.failure.emptyMessage' });
  if (reason === SEND_FAILURE.notOnWhatsApp)
    return intl.formatMessage({ id: 'schedule.failure.notOnWhatsApp' });
  return intl.formatMessage({ id: 'schedule.failure.other' }, { detail: reason });
}
