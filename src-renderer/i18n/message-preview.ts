import type { IntlShape } from 'react-intl';
import type { Chat, Message, MessageType } from '../../src-shared/messages';
import { formatDuration } from '../model/inbox/format';
import type { MessageId } from './messages/en';
import { currentIntl } from './store';

const LABELS: Partial<Record<MessageType, MessageId>> = {
  image: 'messages.preview.photo',
  sticker: 'messages.preview.sticker',
  location: 'messages.preview.location',
  contact: 'messages.preview.contact',
  waiting: 'messages.preview.waiting',
};

const VIEW_ONCE: Record<string, MessageId> = {
  image: 'kinds.viewOnce.image',
  video: 'kinds.viewOnce.video',
  audio: 'kinds.viewOnce.audio',
};

/** What a preview is made of: a stored message has it all, a chat list row the parts named here. */
type PreviewSource = Pick<Message, 'type' | 'text' | 'revoked'> & {
  media: { fileName?: string | null; voiceNote?: boolean } | null;
  content: { videoNote?: unknown; name?: unknown; mediaKind?: unknown } | null;
};

/**
 * A one-line preview of a message in the reader's language (notifications, quotes, search hits):
 * the same rules as `messagePreview` in src-shared, whose English text the API stores and serves.
 */
export function localMessagePreview(message: PreviewSource, intl: IntlShape = currentIntl()): string {
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
  } else if (message.type === 'viewOnce') {
    label = `👁 ${intl.formatMessage({ id: VIEW_ONCE[String(message.content?.mediaKind)] ?? 'kinds.viewOnce.unknown' })}`;
  } else {
    const id = LABELS[message.type];
    if (id) label = intl.formatMessage({ id });
  }
  // A poll's text is its question, which the label already names.
  if (label && message.text && message.type !== 'poll')
    return intl.formatMessage({ id: 'messages.preview.withCaption' }, { label, text: message.text });
  return label ?? message.text ?? '';
}

/**
 * A chat list row's last message in the reader's language, from the kind and values the server
 * lists (the list's `preview` field is English, for API clients). In groups it names who wrote
 * a customer's message; a voice message says how long it is.
 */
export function chatListPreview(
  last: NonNullable<Chat['lastMessage']>,
  kind: Chat['kind'],
  intl: IntlShape = currentIntl(),
): string {
  const preview =
    last.type === 'audio' && last.voiceNote && last.seconds !== null && !last.revoked
      ? intl.formatMessage({ id: 'messages.preview.voiceLength' }, { length: formatDuration(last.seconds) })
      : localMessagePreview(
          {
            type: last.type,
            text: last.text,
            revoked: last.revoked,
            media: { fileName: last.fileName, voiceNote: last.voiceNote },
            content: { videoNote: last.videoNote, name: last.pollName },
          },
          intl,
        );
  if (kind !== 'group' || last.fromMe || !last.senderName || !preview) return preview;
  return intl.formatMessage({ id: 'messages.preview.groupSender' }, { sender: last.senderName, preview });
}
