import { useIntl } from 'react-intl';
import { InboxIcon } from './InboxIcon';
import '../../styles/unread.css';

/**
 * The round buttons over the conversation's lower corner: back to the newest message (with how
 * many new ones the customer wrote while the reader was scrolled up), and up to the first unread
 * message when the "unread messages" divider is above the screen.
 */
export function ScrollButtons({
  showLatest,
  newCount,
  onLatest,
  unreadAbove,
  onFirstUnread,
}: {
  showLatest: boolean;
  newCount: number;
  onLatest: () => void;
  /** The unread count when the divider is above the screen, else null. */
  unreadAbove: number | null;
  onFirstUnread: () => void;
}) {
  const intl = useIntl();
  const latestLabel =
    newCount > 0
      ? intl.formatMessage({ id: 'inbox-unread.latestWithNew' }, { count: newCount })
      : intl.formatMessage({ id: 'inbox.messages.jumpLatest' });
  const unreadLabel =
    unreadAbove !== null ? intl.formatMessage({ id: 'inbox-unread.jumpFirst' }, { count: unreadAbove }) : '';
  return (
    <div className="scroll-buttons">
      {unreadAbove !== null && (
        <button
          type="button"
          className="jump-latest jump-unread"
          aria-label={unreadLabel}
          title={unreadLabel}
          onClick={onFirstUnread}
        >
          <InboxIcon name="arrowDown" />
          <span className="jump-latest__count" aria-hidden="true">
            {intl.formatNumber(unreadAbove)}
          </span>
        </button>
      )}
      {showLatest && (
        <button
          type="button"
          className="jump-latest"
          aria-label={latestLabel}
          title={latestLabel}
          onClick={onLatest}
        >
          <InboxIcon name="arrowDown" />
          {newCount > 0 && (
            <span className="jump-latest__count" aria-hidden="true">
              {intl.formatNumber(newCount)}
            </span>
          )}
        </button>
      )}
    </div>
  );
}

/** "3 unread messages" above the first message the reader has not seen. */
export function UnreadDivider({ count }: { count: number }) {
  const intl = useIntl();
  const label = intl.formatMessage({ id: 'inbox-unread.divider' }, { count });
  return (
    <div className="unread-divider" role="separator" aria-label={label}>
      <span>{label}</span>
    </div>
  );
}
