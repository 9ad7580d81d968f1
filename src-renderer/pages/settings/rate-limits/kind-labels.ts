import type { RateLimitKind } from '../../../../src-shared/contract/rate-limits';
import type { MessageId } from '../../../i18n/messages/en';

/** Each kind's name and one line about what it counts (literal ids, so the catalogue test sees them). */
export const KIND_LABELS: Record<RateLimitKind, { name: MessageId; about: MessageId }> = {
  global: { name: 'ratelimits.kind.global', about: 'ratelimits.about.global' },
  sensitive: { name: 'ratelimits.kind.sensitive', about: 'ratelimits.about.sensitive' },
  delete: { name: 'ratelimits.kind.delete', about: 'ratelimits.about.delete' },
  sendPerKey: { name: 'ratelimits.kind.sendPerKey', about: 'ratelimits.about.sendPerKey' },
  sendPerNumber: { name: 'ratelimits.kind.sendPerNumber', about: 'ratelimits.about.sendPerNumber' },
};
