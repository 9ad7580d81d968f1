import { useTransport } from '../../stores/connection';
import { useOutgoing, type Outgoing } from '../../stores/outgoing';
import { useSessions } from '../../stores/sessions';
import { formatTime } from '../../model/inbox/format';
import { TickMark } from './Ticks';

function describe(item: Outgoing): string {
  const input = item.input;
  switch (input.type) {
    case 'text':
      return input.text;
    case 'image':
    case 'video':
    case 'document':
      return input.caption ?? input.media.fileName ?? input.type;
    case 'audio':
      return input.voiceNote ? '🎤 Voice message' : `🎵 ${input.media.fileName ?? 'Audio'}`;
    default:
      return input.type;
  }
}

/**
 * A message on its way (clock); queued while its number is offline (sent when it reconnects, or
 * cancelled); or one that failed: the reason, Retry and Discard.
 */
export function OutgoingBubble({ item }: { item: Outgoing }) {
  const transport = useTransport();
  const sessionName = useSessions(
    (state) => state.sessions.find((s) => s.id === item.session)?.name ?? 'This number',
  );
  const failed = item.state === 'failed';
  const queued = item.state === 'queued';
  const image = item.previewUrl && item.input.type === 'image';
  const outgoing = useOutgoing.getState;
  return (
    <article
      className={`msg-bubble msg-bubble--out msg-bubble--outgoing${failed ? ' msg-bubble--failed' : ''}`}
      aria-label={failed ? 'Not sent' : queued ? 'Waiting to be sent' : 'Sending'}
      data-message-id={item.id}
    >
      {image && <img className="media-image" src={item.previewUrl ?? ''} alt="Photo being sent" />}
      <p className="msg-bubble__text" dir="auto">
        {describe(item)}
      </p>
      <div className="msg-bubble__meta">
        <time dateTime={item.timestamp}>{formatTime(item.timestamp)}</time>
        <TickMark state={failed ? 'failed' : 'pending'} />
      </div>
      {queued && (
        <div className="msg-bubble__failure" role="status">
          <span>{sessionName} is offline: this is sent as soon as it reconnects.</span>
          <button type="button" className="link-button" onClick={() => outgoing().discard(item.id)}>
            Cancel
          </button>
        </div>
      )}
      {failed && (
        <div className="msg-bubble__failure" role="alert">
          <span>Not sent. {item.error}</span>
          <div className="row">
            {item.canRetry && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void outgoing().retry(transport, item.id)}
              >
                Retry
              </button>
            )}
            <button type="button" className="link-button" onClick={() => outgoing().discard(item.id)}>
              Discard
            </button>
          </div>
        </div>
      )}
    </article>
  );
}
