import type { IntlShape } from 'react-intl';
import type { SentByLabel } from './sent-by';

/** An actor label (`sent-by.ts`) in the reader's language; people's and keys' names as written. */
export function actorText(label: SentByLabel, intl: IntlShape): string {
  switch (label.kind) {
    case 'person':
      return label.name;
    case 'api':
      return intl.formatMessage({ id: 'staff.sentBy.api' }, { name: label.name });
    case 'adminKey':
      return intl.formatMessage({ id: 'staff.sentBy.adminKey' });
    case 'sessionKey':
      return intl.formatMessage({ id: 'staff.sentBy.sessionKey' }, { session: label.session });
    case 'campaign':
      return intl.formatMessage({ id: 'staff.sentBy.campaign' }, { name: label.name });
    case 'automation':
      return intl.formatMessage({ id: 'staff.sentBy.automation' }, { name: label.name });
    case 'routing':
      return intl.formatMessage({ id: 'staff.sentBy.routing' }, { name: label.name });
    case 'routingWebhook':
      return intl.formatMessage({ id: 'staff.sentBy.routingWebhook' });
    case 'schedule':
      return intl.formatMessage({ id: 'staff.sentBy.schedule' });
    case 'phone':
      return intl.formatMessage({ id: 'staff.sentBy.phone' });
    case 'desktop':
      return intl.formatMessage({ id: 'staff.sentBy.desktop' });
    case 'system':
      return intl.formatMessage({ id: 'staff.sentBy.system' });
  }
}
