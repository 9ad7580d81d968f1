import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import type { StatusUpdate } from '../../../../src-shared/contract/status';
import { formatDateTime } from '../../../i18n/format';
import { groupStatus } from '../../../model/status/status-groups';
import { useTransport } from '../../../stores/connection';
import { useSessions } from '../../../stores/sessions';
import { describeError } from '../../../transport/rpc-error';
import { InboxIcon } from '../InboxIcon';
import { PostStatusForm } from './PostStatusForm';
import { StatusViewer } from './StatusViewer';
import '../../../styles/status.css';

/**
 * The Status (stories) view of one number, in the inbox's main area: who posted (our own posts
 * first, then unseen, newest first), one poster's updates opened in the viewer, and the form to
 * post one. The number is in the URL (/status/<session>).
 */
export function StatusPane({ session }: { session: string | null }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const transport = useTransport();
  const sessions = useSessions((state) => state.sessions);
  const current = session ?? sessions[0]?.id ?? null;
  const [items, setItems] = useState<StatusUpdate[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  // The update on screen, by id: a post arriving meanwhile never changes what is being read.
  const [open, setOpen] = useState<{ poster: string; id: string | null } | null>(null);
  const [posting, setPosting] = useState(false);
  // The newest request: an answer that arrives after the number was switched (or after a newer
  // refresh) is dropped, so one number's list never shows under another's name.
  const latest = useRef(0);

  const load = useCallback(async () => {
    if (!current) return;
    const request = ++latest.current;
    setLoading(true);
    try {
      const { items: loaded } = await transport.call('status.list', { session: current, limit: 200 });
      if (request !== latest.current) return;
      setItems(loaded);
      setError(null);
    } catch (caught) {
      if (request === latest.current) setError(describeError(caught));
    } finally {
      if (request === latest.current) setLoading(false);
    }
  }, [transport, current]);

  useEffect(() => {
    setOpen(null);
    setItems([]);
    setError(null);
    void load();
  }, [load]);

  // Live: a new post shows at once, and one seen or deleted elsewhere changes in place.
  useEffect(() => {
    if (!current) return undefined;
    return transport.subscribe((event) => {
      if (event.session !== current) return;
      switch (event.type) {
        case 'status.received':
        case 'status.posted':
          setItems((list) => [event.data, ...list.filter((item) => item.id !== event.data.id)]);
          break;
        case 'status.seen':
          setItems((list) => list.map((item) => (item.id === event.data.id ? event.data : item)));
          break;
        case 'status.deleted':
          setItems((list) => list.filter((item) => item.id !== event.data.id));
          break;
      }
    });
  }, [transport, current]);

  const groups = useMemo(() => groupStatus(items), [items]);
  const opened = open ? groups.find((group) => group.poster === open.poster) : undefined;
  const replace = (changed: StatusUpdate) =>
    setItems((list) => list.map((item) => (item.id === changed.id ? changed : item)));

  return (
    <section className="status-pane" aria-label={intl.formatMessage({ id: 'status.title' })}>
      <header className="status-pane__header">
        <button
          type="button"
          className="inbox-btn"
          onClick={() => void navigate('/inbox')}
          aria-label={intl.formatMessage({ id: 'status.back' })}
          title={intl.formatMessage({ id: 'status.back' })}
        >
          <InboxIcon name="back" />
        </button>
        <h1>
          <FormattedMessage id="status.title" />
        </h1>
        <label className="status-pane__session">
          <span className="muted">
            <FormattedMessage id="status.number" />
          </span>
          <select
            value={current ?? ''}
            onChange={(event) => void navigate(`/status/${encodeURIComponent(event.target.value)}`)}
          >
            {sessions.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name || option.id}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" onClick={() => void load()} disabled={loading}>
          <FormattedMessage id="status.refresh" />
        </button>
        <button type="button" className="button button--primary" onClick={() => setPosting(!posting)}>
          <FormattedMessage id={posting ? 'status.post.close' : 'status.post.open'} />
        </button>
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="status-pane__body">
        {posting && current && <PostStatusForm session={current} onPosted={() => void load()} />}
        {!current ? (
          <p className="muted">
            <FormattedMessage id="status.noNumbers" />
          </p>
        ) : groups.length === 0 ? (
          <p className="muted" role="status" aria-busy={loading}>
            <FormattedMessage id={loading ? 'common.loading' : 'status.empty'} />
          </p>
        ) : (
          <ul className="status-posters" aria-label={intl.formatMessage({ id: 'status.posters' })}>
            {groups.map((group) => (
              <li key={group.poster}>
                <button
                  type="button"
                  className={`status-poster${group.unseen ? ' status-poster--unseen' : ''}`}
                  aria-current={open?.poster === group.poster}
                  onClick={() => setOpen({ poster: group.poster, id: group.items[0]?.id ?? null })}
                >
                  <span className="status-poster__ring" aria-hidden="true" />
                  <span className="status-poster__who">
                    <strong>
                      {group.fromMe ? (
                        <FormattedMessage id="status.mine" />
                      ) : (
                        (group.name ?? group.poster.split('@')[0])
                      )}
                    </strong>
                    <span className="muted">
                      <FormattedMessage
                        id="status.summary"
                        values={{
                          count: group.items.length,
                          unseen: group.unseen,
                          time: formatDateTime(group.latestAt, intl),
                        }}
                      />
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {opened && open && (
          <StatusViewer
            items={opened.items}
            index={Math.max(
              0,
              opened.items.findIndex((item) => item.id === open.id),
            )}
            onIndex={(index) => setOpen({ poster: opened.poster, id: opened.items[index]?.id ?? null })}
            onChanged={replace}
          />
        )}
      </div>
    </section>
  );
}
