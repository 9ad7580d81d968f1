import type { MessageId } from './messages/en';

// react-intl's ids are typed from the English catalogue: `formatMessage({ id })` and
// `<FormattedMessage id>` refuse an id that is not in it.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId;
    }
  }
}

export {};
