import type { IntlShape } from 'react-intl';
import type { TagUsage } from '../../../src-shared/contract/organize';

/** "2 chats and 1 message", in the reader's language (plurals and the list joined by Intl). */
export function tagUsageText(usage: TagUsage, intl: IntlShape): string {
  const parts: string[] = [];
  if (usage.chats > 0) parts.push(intl.formatMessage({ id: 'tags.usage.chats' }, { count: usage.chats }));
  if (usage.messages > 0)
    parts.push(intl.formatMessage({ id: 'tags.usage.messages' }, { count: usage.messages }));
  return intl.formatList(parts, { type: 'conjunction' });
}
