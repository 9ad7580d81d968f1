import type { IntlShape } from 'react-intl';
import type { Message, MessageType } from '../../src-shared/messages';
import type { MessageId } from './messages/en';
import { currentIntl } from './store';

const LABELS: Partial<Record<MessageType, MessageId>> = {
  image: 'messages.preview.photo',
  sticker: 'messages.preview.sticker',
  location: 'messages.preview.location',
  contact: 'messages.preview.contact',
};

/**
 * A one-line preview of a message in the reader's language (notifications, quotes, search hits):
 * the same rules as `messagePreview` in src-shared, whose English text the API stores and serves.
 */
export function localMessagePreview(
  message: Pick<Message, 'type' | 'text' | 'revoked' | 'media' | 'content'>,
  intl: IntlShape = currentIntl(),
): string {
  if (message.revoked) return intl.formatMessage({ id: 'messages.preview.deleted' });
  let label: string | undefined;
  if (message.type === 'video') {
    label = intl.formatMessage({
      id: message.content?.videoNote ? 'messages.preview.videoNote' : 'messages.preview.video',
    });
  } else if (message.type === 'audio') {
    label = intl.formatMessage({
      id: message.media?.voiceNote ? 'messages.preview.voice' : 'messages.preview.audio',
    });
  } else if (message.type === 'document') {
    label = message.media?.fileName
      ? `📄 ${message.media.fileName}`
      : intl.formatMessage({ id: 'messages.preview.document' });
  } else if (message.type === 'poll') {
    label =
      typeof message.content?.name === 'string'
        ? `📊 ${message.content.name}`
        : intl.formatMessage({ id: 'messages.preview.poll' });
  } else {
    const id = LABELS[message.type];
    if (id) label = intl.formatMessage({ id });
  }
  if (label && message.text)
    return intl.formatMessage({ id: 'messages.preview.withCaption' }, { label, text: message.text });
  return label ?? message.text ?? '';
}
