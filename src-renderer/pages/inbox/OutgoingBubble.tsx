import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { useTransport } from '../../stores/connection';
import { useOutgoing, type Outgoing } from '../../stores/outgoing';
import { useSessions } from '../../stores/sessions';
import { formatTime } from '../../model/inbox/format';
import { TickMark } from './Ticks';

const KIND_LABEL = {
  image: 'inbox.outgoing.image',
  video: 'inbox.outgoing.video',
  document: 'inbox.outgoing.document',
} as const;

function describe(item: Outgoing, intl: IntlShape): string {
  const input = item.input;
  switch (input.type) {
    case 'text':
      return input.text;
    case 'image':
    case 'video':
    case 'document':
      return input.caption ?? input.media.fileName ?? intl.formatMessage({ id: KIND_LABEL[input.type] });
    case 'audio':
      return input.voiceNote
        ? intl.formatMessage({ id: 'inbox.outgoing.voice' })
        : `🎵 ${input.media.fileName ?? intl.formatMessage({ id: 'inbox.media.audio' })}`;
    case 'location':
      return `📍 ${input.name ?? intl.formatMessage({ id: 'inbox.media.location' })}`;
    case 'contact':
      return `👤 ${input.contacts.map((card) => card.name ?? card.contact ?? '').join(', ')}`;
    case 'poll':
      return `📊 ${input.name}`;
    default:
      return intl.formatMessage({ id: 'inbox.outgoing.other' });
  }
}

/**
 * A message on its way (clock); queued while its number is offline (sent when it reconnects, or
 * cancelled); or one that failed: the reason, Retry and Discard.
 */
export function OutgoingBubble({ item }: { item: Outgoing }) {
  const intl = useIntl();
  const transport = useTransport();
  const sessionName = useSessions((state) => state.sessions.find((s) => s.id === item.session)?.name ?? null);
  const failed = item.state === 'failed';
  const queued = item.state === 'queued';
  const image = item.previewUrl && item.input.type === 'image';
  const outgoing = useOutgoing.getState;
  return (
    <article
      className={`msg-bubble msg-bubble--out msg-bubble--outgoing${failed ? ' msg-bubble--failed' : ''}`}
      aria-label={intl.formatMessage({
        id: failed ? 'inbox.ticks.failed' : queued ? 'inbox.outgoing.queuedLabel' : 'inbox.outgoing.sending',
      })}
      data-message-id={item.id}
    >
      {image && (
        <img
          className="media-image"
          src={item.previewUrl ?? ''}
          alt={intl.formatMessage({ id: 'inbox.outgoing.photoAlt' })}
        />
      )}
      <p className="msg-bubble__text" dir="auto">
        {describe(item, intl)}
      </p>
      <div className="msg-bubble__meta">
        <time dateTime={item.timestamp}>{formatTime(item.timestamp, intl.locale)}</time>
        <TickMark state={failed ? 'failed' : 'pending'} />
      </div>
      {queued && (
        <div className="msg-bubble__failure" role="status">
          <span>
            <FormattedMessage
              id="inbox.outgoing.queued"
              values={{
                session: sessionName ? <bdi>{sessionName}</bdi> : null,
                named: sessionName ? 'yes' : 'no',
              }}
            />
          </span>
          <button type="button" className="link-button" onClick={() => outgoing().discard(item.id)}>
            <FormattedMessage id="inbox.outgoing.cancel" />
          </button>
        </div>
      )}
      {failed && (
        <div className="msg-bubble__failure" role="alert">
          <span>
            <FormattedMessage id="inbox.outgoing.failed" values={{ reason: item.error ?? '' }} />
          </span>
          <div className="row">
            {item.canRetry && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void outgoing().retry(transport, item.id)}
              >
                <FormattedMessage id="inbox.outgoing.retry" />
              </button>
            )}
            <button type="button" className="link-button" onClick={() => outgoing().discard(item.id)}>
              <FormattedMessage id="inbox.outgoing.discard" />
            </button>
          </div>
        </div>
      )}
    </article>
  );
}
