import type { IntlShape } from 'react-intl';

/**
 * Why the core skipped a recipient, in the person's language. The API gives the reason as a
 * stable English phrase (services/schedule/recipients.ts), not a code; the known phrases map to
 * sentences here and any other is shown as it is.
 */
export function describeRecipientProblem(reason: string, intl: IntlShape): string {
  const duplicate = /^duplicate of entry (\d+)$/.exec(reason);
  if (duplicate)
    return intl.formatMessage({ id: 'schedule.reason.duplicate' }, { entry: Number(duplicate[1]) });
  if (reason === 'empty phone number') return intl.formatMessage({ id: 'schedule.reason.emptyPhone' });
  if (reason === 'not a phone number in international format')
    return intl.formatMessage({ id: 'schedule.reason.notPhone' });
  if (reason === 'only phone numbers and groups')
    return intl.formatMessage({ id: 'schedule.reason.onlyPhones' });
  return reason;
}
