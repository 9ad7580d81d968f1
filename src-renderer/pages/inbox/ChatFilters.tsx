import { useIntl } from 'react-intl';
import type { Session } from '../../../src-shared/model';
import { useTransport } from '../../stores/connection';
import { useChatSelection } from '../../stores/chat-selection';
import { useInbox } from '../../stores/inbox';
import type { ChatSort } from '../../model/inbox/chat-order';
import { ViewFilters } from './assignment/ViewFilters';
import { ChatListTagFilterSlot } from './organize-slots';

function Toggle({ label, pressed, onToggle }: { label: string; pressed: boolean; onToggle: () => void }) {
  return (
    <button type="button" className="filter-chip" aria-pressed={pressed} onClick={onToggle}>
      {label}
    </button>
  );
}

/**
 * One compact row (issue #18: the old three rows took a third of a 768px screen): the common
 * filters as chips, then a menu with the number, the order and the tag filter, then Select.
 */
export function ChatFilters({ sessions }: { sessions: Session[] }) {
  const intl = useIntl();
  const transport = useTransport();
  const filter = useInbox((state) => state.filter);
  const sort = useInbox((state) => state.sort);
  const setFilter = useInbox((state) => state.setFilter);
  const setSort = useInbox((state) => state.setSort);
  const selecting = useChatSelection((state) => state.selecting);
  const moreActive = (filter.session !== null ? 1 : 0) + (sort !== 'recent' ? 1 : 0);
  return (
    <>
      {/* Channels have no assignee or status: their list has no views (nor the views' counts). */}
      {!filter.channels && <ViewFilters />}
      <div
        className="chat-filters"
        role="group"
        aria-label={intl.formatMessage({ id: 'inbox.filters.label' })}
      >
        <Toggle
          label={intl.formatMessage({ id: 'inbox.filters.unread' })}
          pressed={filter.unread}
          onToggle={() => setFilter(transport, { unread: !filter.unread })}
        />
        <Toggle
          label={intl.formatMessage({ id: 'inbox.filters.groups' })}
          pressed={filter.groups}
          onToggle={() => setFilter(transport, { groups: !filter.groups, channels: false })}
        />
        <Toggle
          label={intl.formatMessage({ id: 'channels.filter' })}
          pressed={filter.channels}
          onToggle={() => setFilter(transport, { channels: !filter.channels, groups: false })}
        />
        <Toggle
          label={intl.formatMessage({ id: 'inbox.filters.archived' })}
          pressed={filter.archived}
          onToggle={() => setFilter(transport, { archived: !filter.archived })}
        />
        <details className="chat-filters__more">
          <summary className="filter-chip" title={intl.formatMessage({ id: 'inbox.filters.moreTitle' })}>
            {intl.formatMessage({ id: 'inbox.filters.more' }, { count: moreActive })}
          </summary>
          <div className="chat-filters__menu">
            {sessions.length > 1 && (
              <label className="field">
                <span className="field__label">{intl.formatMessage({ id: 'inbox.filters.number' })}</span>
                <select
                  value={filter.session ?? ''}
                  onChange={(event) => setFilter(transport, { session: event.target.value || null })}
                >
                  <option value="">{intl.formatMessage({ id: 'inbox.filters.allNumbers' })}</option>
                  {sessions.map((session) => (
                    <option key={session.id} value={session.id}>
                      {session.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label className="field">
              <span className="field__label">{intl.formatMessage({ id: 'inbox.filters.order' })}</span>
              <select value={sort} onChange={(event) => setSort(transport, event.target.value as ChatSort)}>
                <option value="recent">{intl.formatMessage({ id: 'inbox.filters.newestFirst' })}</option>
                <option value="unread">{intl.formatMessage({ id: 'inbox.filters.unreadFirst' })}</option>
              </select>
            </label>
            <ChatListTagFilterSlot session={filter.session} />
          </div>
        </details>
        <button
          type="button"
          className="filter-chip"
          aria-pressed={selecting}
          title={intl.formatMessage({ id: 'inbox.filters.selectTitle' })}
          onClick={() => useChatSelection.getState().setSelecting(!selecting)}
        >
          {intl.formatMessage({ id: 'inbox.filters.select' })}
        </button>
      </div>
    </>
  );
}
