import { memo, useEffect, type RefObject } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { DEFAULT_STATUS } from '../../model/assignment/views';
import { useTransport } from '../../stores/connection';
import { useChatSelection } from '../../stores/chat-selection';
import { startInboxLoad, useInbox } from '../../stores/inbox';
import { useSessions } from '../../stores/sessions';
import { ChatFilters } from './ChatFilters';
import { ChannelsBar } from './channels/ChannelsBar';
import { ChatList } from './ChatList';
import { InboxIcon } from './InboxIcon';
import { NotificationBell } from './NotificationBell';
import { OfflineBanner } from './offline/OfflineBanner';
import { SearchBox } from './SearchBox';
import { SearchResults } from './SearchResults';
import { SelectionBar } from './select/SelectionBar';

/**
 * The left column: heading, search, filters and the chat list (or the search results). Memoised,
 * its props stable: opening a chat renders only the list's rows that change (issue #23 target 7).
 */
export const ChatListPane = memo(function ChatListPane({
  query,
  onQuery,
  searchRef,
  onNewChat,
}: {
  query: string;
  onQuery: (query: string) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  /** Opens New chat, with a number typed in search if there is one. */
  onNewChat: (phone?: string) => void;
}) {
  const intl = useIntl();
  const transport = useTransport();
  const sessions = useSessions((state) => state.sessions);
  const sessionsLoaded = useSessions((state) => state.loaded);
  const loadSessions = useSessions((state) => state.load);
  const loaded = useInbox((state) => state.loaded);
  const loading = useInbox((state) => state.loading);
  const error = useInbox((state) => state.error);
  const empty = useInbox((state) => state.order.length === 0);
  const filter = useInbox((state) => state.filter);
  const subset = useInbox((state) => state.subset);
  const load = useInbox((state) => state.load);
  const selecting = useChatSelection((state) => state.selecting);

  useEffect(() => {
    void loadSessions(transport);
  }, [transport, loadSessions]);

  // Also after a deleted number's chats were dropped from a list showing only that number.
  useEffect(() => {
    if (!loaded) startInboxLoad(transport);
  }, [transport, loaded]);

  const filtered =
    filter.unread ||
    filter.groups ||
    filter.channels ||
    filter.archived ||
    filter.session !== null ||
    subset !== null ||
    filter.view.kind !== 'all' ||
    filter.status !== DEFAULT_STATUS;
  return (
    <aside className="inbox__list" aria-label={intl.formatMessage({ id: 'inbox.list.label' })}>
      <header className="inbox__list-header">
        <h1>
          <FormattedMessage id="inbox.title" />
        </h1>
        <Link
          to="/status"
          className="inbox-btn inbox__status-link"
          aria-label={intl.formatMessage({ id: 'status.open' })}
          title={intl.formatMessage({ id: 'status.open' })}
        >
          <InboxIcon name="status" size={20} />
        </Link>
        <button
          type="button"
          className="inbox-btn inbox__new-chat"
          aria-label={intl.formatMessage({ id: 'inbox.newChat' })}
          title={intl.formatMessage({ id: 'inbox.newChat' })}
          onClick={() => onNewChat()}
        >
          <InboxIcon name="newChat" size={20} />
        </button>
        <NotificationBell />
      </header>
      <OfflineBanner sessions={filter.session ? [filter.session] : undefined} />
      <SearchBox value={query} onChange={onQuery} inputRef={searchRef} />
      {query.trim() ? (
        <SearchResults query={query.trim()} session={filter.session} onMessageNumber={onNewChat} />
      ) : (
        <>
          <ChatFilters sessions={sessions} />
          {filter.channels && <ChannelsBar />}
          {selecting && <SelectionBar />}
          {error && (
            <p className="form-error inbox__notice" role="alert">
              {error}{' '}
              <button type="button" className="link-button" onClick={() => void load(transport)}>
                <FormattedMessage id="inbox.list.retry" />
              </button>
            </p>
          )}
          {!loaded && loading && (
            <p className="muted inbox__notice" role="status">
              <FormattedMessage id="inbox.list.loading" />
            </p>
          )}
          {loaded && !error && empty && (
            <div className="inbox__notice muted">
              {filtered ? (
                <p>
                  <FormattedMessage id="inbox.list.noMatch" />
                </p>
              ) : sessionsLoaded && sessions.length === 0 ? (
                <p>
                  <FormattedMessage
                    id="inbox.list.noSessions"
                    values={{ link: (text) => <Link to="/sessions">{text}</Link> }}
                  />
                </p>
              ) : (
                <p>
                  <FormattedMessage id="inbox.list.empty" />
                </p>
              )}
            </div>
          )}
          <ChatList sessions={sessions} />
        </>
      )}
    </aside>
  );
});
