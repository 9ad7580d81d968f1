import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { MessageId } from './messages/en';

/** Values an ICU message's arguments take (plain text: rich-text tags use `<FormattedMessage>`). */
export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;

/**
 * `t(id, values)`: the message in the person's language, for screens with many plain strings
 * (shorter than `intl.formatMessage({ id }, values)` at every label). Re-renders on a language
 * change like `useIntl()`, which it wraps.
 */
export function useT(): (id: MessageId, values?: MessageValues) => string {
  const intl = useIntl();
  return useCallback((id: MessageId, values?: MessageValues) => intl.formatMessage({ id }, values), [intl]);
}
