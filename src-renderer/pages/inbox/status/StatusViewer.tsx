import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { StatusUpdate } from '../../../../src-shared/contract/status';
import { formatDateTime } from '../../../i18n/format';
import { useTransport } from '../../../stores/connection';
import { describeError } from '../../../transport/rpc-error';
import { InboxIcon } from '../InboxIcon';

/** A photo or video Status: its short-lived link (status.mediaLink), then the <img>/<video>. */
function StatusMedia({ status }: { status: StatusUpdate }) {
  const transport = useTransport();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setUrl(null);
    transport
      .call('status.mediaLink', { session: status.session, statusId: status.id })
      .then((link) => live && setUrl(link.url))
      .catch((caught: unknown) => live && setError(describeError(caught)));
    return () => {
      live = false;
    };
  }, [transport, status.session, status.id]);
  if (error) return <p role="alert">{error}</p>;
  if (!url)
    return (
      <p className="muted" role="status">
        <FormattedMessage id="status.loadingMedia" />
      </p>
    );
  return status.kind === 'video' ? (
    <video className="status-viewer__media" src={url} controls />
  ) : (
    <img className="status-viewer__media" src={url} alt={status.text ?? ''} />
  );
}

/**
 * One poster's Status, one at a time (newest first), with previous / next, "mark seen" (the
 * read receipt goes to the poster) and a private reply, which goes to their chat quoting it.
 */
export function StatusViewer({
  items,
  index,
  onIndex,
  onChanged,
}: {
  items: StatusUpdate[];
  index: number;
  onIndex: (index: number) => void;
  onChanged: (status: StatusUpdate) => void;
}) {
  const intl = useIntl();
  const transport = useTransport();
  const [reply, setReply] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const status = items[index];
  useEffect(() => setNote(null), [status?.id]);
  if (!status) return null;

  const markSeen = async () => {
    setBusy(true);
    try {
      onChanged(await transport.call('status.markSeen', { session: status.session, statusId: status.id }));
    } catch (caught) {
      setNote({ text: describeError(caught), error: true });
    } finally {
      setBusy(false);
    }
  };
  const sendReply = async () => {
    if (!reply.trim()) return;
    setBusy(true);
    try {
      await transport.call('status.reply', { session: status.session, statusId: status.id, text: reply });
      setReply('');
      setNote({ text: intl.formatMessage({ id: 'status.replySent' }), error: false });
    } catch (caught) {
      setNote({ text: describeError(caught), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="status-viewer" aria-label={intl.formatMessage({ id: 'status.viewer.label' })}>
      <div className="status-viewer__nav">
        <button
          type="button"
          className="inbox-btn"
          disabled={index === 0}
          onClick={() => onIndex(index - 1)}
          aria-label={intl.formatMessage({ id: 'status.previous' })}
          title={intl.formatMessage({ id: 'status.previous' })}
        >
          <InboxIcon name="back" />
        </button>
        <span className="muted" data-testid="status-position">
          <FormattedMessage id="status.position" values={{ index: index + 1, count: items.length }} />
        </span>
        <button
          type="button"
          className="inbox-btn"
          disabled={index >= items.length - 1}
          onClick={() => onIndex(index + 1)}
          aria-label={intl.formatMessage({ id: 'status.next' })}
          title={intl.formatMessage({ id: 'status.next' })}
        >
          <InboxIcon name="next" />
        </button>
      </div>
      {status.kind === 'text' ? (
        <div
          className="status-viewer__text"
          style={{ background: status.backgroundColor ?? '#25D366' }}
          data-testid="status-text"
        >
          {status.text}
        </div>
      ) : (
        <figure className="status-viewer__figure">
          <StatusMedia status={status} />
          {status.text && <figcaption>{status.text}</figcaption>}
        </figure>
      )}
      <p className="muted status-viewer__meta">
        <FormattedMessage id="status.postedAt" values={{ time: formatDateTime(status.postedAt, intl) }} />{' '}
        {!status.fromMe &&
          (status.seen ? (
            <span className="status-badge status-badge--seen">
              <FormattedMessage id="status.seen" />
            </span>
          ) : (
            <span className="status-badge">
              <FormattedMessage id="status.unseen" />
            </span>
          ))}
      </p>
      {!status.fromMe && (
        <div className="status-viewer__actions">
          {!status.seen && (
            <button type="button" className="button" disabled={busy} onClick={() => void markSeen()}>
              <FormattedMessage id="status.markSeen" />
            </button>
          )}
          <form
            className="status-viewer__reply"
            onSubmit={(event) => {
              event.preventDefault();
              void sendReply();
            }}
          >
            <input
              aria-label={intl.formatMessage({ id: 'status.reply.label' })}
              value={reply}
              maxLength={4096}
              placeholder={intl.formatMessage({ id: 'status.reply.placeholder' })}
              onChange={(event) => setReply(event.target.value)}
            />
            <button type="submit" className="button" disabled={busy || !reply.trim()}>
              <FormattedMessage id="status.reply.send" />
            </button>
          </form>
        </div>
      )}
      {note && (
        <p role={note.error ? 'alert' : 'status'} className={note.error ? 'form-error' : 'muted'}>
          {note.text}
        </p>
      )}
    </section>
  );
}
