import { FormattedMessage, useIntl } from 'react-intl';
import { emojiNodes } from '../../components/emoji/EmojiText';
import type { Message } from '../../../src-shared/messages';
import { Highlighted } from './Highlighted';
import { AudioMedia } from './media/AudioMedia';
import { ContactCardView } from './media/ContactCardView';
import { DocumentMedia } from './media/DocumentMedia';
import { ImageMedia } from './media/ImageMedia';
import { InteractiveView } from './media/InteractiveView';
import { LocationView } from './media/LocationView';
import { PollView } from './media/PollView';
import { VideoMedia } from './media/VideoMedia';
import { ViewOnceView } from './media/ViewOnceView';

/** Types whose `text` is their own name (or, interactive: its parts), already shown by their view. */
const TEXT_IN_CONTENT = new Set(['location', 'contact', 'poll', 'interactive', 'viewOnce']);

/** The body of a bubble: the media or card for its type, then the text or caption. */
export function MessageContent({ message, query }: { message: Message; query: string | null }) {
  const intl = useIntl();
  if (message.revoked) {
    return (
      <p className="msg-bubble__deleted">
        <FormattedMessage id="inbox.content.deleted" />
      </p>
    );
  }
  const text = TEXT_IN_CONTENT.has(message.type) ? null : message.text;
  const removedAt = message.media?.removedAt;
  return (
    <>
      {removedAt ? (
        <p
          className="msg-bubble__media-removed muted"
          title={intl.formatMessage(
            { id: 'inbox.content.removedAt' },
            { when: intl.formatDate(removedAt, { dateStyle: 'medium', timeStyle: 'short' }) },
          )}
        >
          <FormattedMessage id="inbox.content.mediaRemoved" />
        </p>
      ) : (
        <MediaView message={message} />
      )}
      {message.type === 'location' && <LocationView message={message} />}
      {message.type === 'contact' && <ContactCardView message={message} />}
      {message.type === 'poll' && <PollView message={message} />}
      {message.type === 'interactive' && <InteractiveView message={message} />}
      {message.type === 'viewOnce' && <ViewOnceView message={message} />}
      {message.type === 'waiting' && (
        <p
          className="msg-bubble__waiting muted"
          title={intl.formatMessage({ id: 'inbox.content.waitingTitle' })}
        >
          <FormattedMessage id="inbox.content.waiting" />
        </p>
      )}
      {message.type === 'unknown' && !text && (
        <p className="muted">
          <FormattedMessage id="inbox.content.unknown" />
        </p>
      )}
      {text && messageText(text, query)}
    </>
  );
}

/**
 * A message's text: the whole body of a plain text bubble, which renders it without mounting
 * MessageContent (MessageBubble), and the caption under any other content. The words of a search
 * are marked only while it is the highlighted hit.
 */
export function messageText(text: string, query: string | null) {
  return (
    <p className="msg-bubble__text" dir="auto">
      {query ? <Highlighted text={text} query={query} /> : emojiNodes(text)}
    </p>
  );
}

/** Whether a message is text alone: its bubble needs none of MessageContent's views. */
export function isPlainText(message: Message): message is Message & { text: string } {
  return message.type === 'text' && !message.revoked && !message.media && !!message.text;
}

/** The file of a media message (image, sticker, video, audio, document). */
function MediaView({ message }: { message: Message }) {
  return (
    <>
      {message.type === 'image' && <ImageMedia message={message} />}
      {message.type === 'sticker' && <ImageMedia message={message} sticker />}
      {message.type === 'video' && <VideoMedia message={message} />}
      {message.type === 'audio' && <AudioMedia message={message} />}
      {message.type === 'document' && <DocumentMedia message={message} />}
    </>
  );
}
