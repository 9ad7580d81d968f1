import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Message } from '../../../src-shared/messages';
import { useTransport } from '../../stores/connection';
import { useConversation } from '../../stores/conversation';
import { describeError } from '../../transport/rpc-error';
import { InboxIcon } from './InboxIcon';
import { formatBytes } from '../../i18n/format';
import { useMediaLink } from './media/useMediaLink';

/** How far back the panel looks for shared files (the newest messages of the chat). */
const SCAN = 200;
const SHOWN = 12;

function Thumbnail({ message }: { message: Message }) {
  const intl = useIntl();
  const transport = useTransport();
  const { link } = useMediaLink(message);
  return (
    <button
      type="button"
      className="shared-media__thumb"
      aria-label={intl.formatMessage(
        { id: message.type === 'video' ? 'inbox.shared.showVideo' : 'inbox.shared.showPhoto' },
        { caption: message.text ?? '', hasCaption: message.text ? 'yes' : 'no' },
      )}
      onClick={() => void useConversation.getState().jumpTo(transport, message.id)}
    >
      {link && message.type === 'image' ? (
        <img src={link.url} alt="" loading="lazy" />
      ) : (
        <InboxIcon name="image" size={28} />
      )}
    </button>
  );
}

/** Photos, videos and documents recently shared in the chat. */
export function SharedMedia({ session, jid }: { session: string; jid: string }) {
  const intl = useIntl();
  const transport = useTransport();
  const [items, setItems] = useState<Message[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    transport
      .call('messages.page', { session, chat: jid, limit: SCAN })
      .then((page) => current && setItems(page.items.filter((m) => m.media && !m.revoked)))
      .catch((caught: unknown) => current && setError(describeError(caught)));
    return () => {
      current = false;
    };
  }, [transport, session, jid]);

  const visual = items?.filter((m) => m.type === 'image' || m.type === 'video').slice(0, SHOWN) ?? [];
  const documents = items?.filter((m) => m.type === 'document').slice(0, SHOWN) ?? [];
  return (
    <section className="contact-panel__section" aria-labelledby="shared-media-title">
      <h3 id="shared-media-title">
        <FormattedMessage id="inbox.shared.title" />
      </h3>
      {error && <p className="form-error">{error}</p>}
      {!items && !error && (
        <p className="muted">
          <FormattedMessage id="inbox.loading" />
        </p>
      )}
      {items && visual.length === 0 && documents.length === 0 && (
        <p className="muted">
          <FormattedMessage id="inbox.shared.none" />
        </p>
      )}
      {visual.length > 0 && (
        <div className="shared-media__grid">
          {visual.map((message) => (
            <Thumbnail key={message.id} message={message} />
          ))}
        </div>
      )}
      {documents.length > 0 && (
        <ul className="shared-media__docs">
          {documents.map((message) => (
            <li key={message.id}>
              <button
                type="button"
                className="link-button"
                onClick={() => void useConversation.getState().jumpTo(transport, message.id)}
              >
                {message.media?.fileName ? (
                  <bdi>{message.media.fileName}</bdi>
                ) : (
                  intl.formatMessage({ id: 'inbox.media.document' })
                )}
              </button>{' '}
              <span className="muted">
                {message.media?.size != null ? formatBytes(message.media.size, intl) : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
