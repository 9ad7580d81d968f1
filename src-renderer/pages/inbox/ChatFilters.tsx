import type { Session } from '../../../src-shared/model';
import { useTransport } from '../../stores/connection';
import { useChatSelection } from '../../stores/chat-selection';
import { useInbox } from '../../stores/inbox';
import type { ChatSort } from '../../model/inbox/chat-order';
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
  const transport = useTransport();
  const filter = useInbox((state) => state.filter);
  const sort = useInbox((state) => state.sort);
  const setFilter = useInbox((state) => state.setFilter);
  const setSort = useInbox((state) => state.setSort);
  const selecting = useChatSelection((state) => state.selecting);
  const moreActive = (filter.session !== null ? 1 : 0) + (sort !== 'recent' ? 1 : 0);
  return (
    <div className="chat-filters" role="group" aria-label="Filters">
      <Toggle
        label="Unread"
        pressed={filter.unread}
        onToggle={() => setFilter(transport, { unread: !filter.unread })}
      />
      <Toggle
        label="Groups"
        pressed={filter.groups}
        onToggle={() => setFilter(transport, { groups: !filter.groups })}
      />
      <Toggle
        label="Archived"
        pressed={filter.archived}
        onToggle={() => setFilter(transport, { archived: !filter.archived })}
      />
      <details className="chat-filters__more">
        <summary className="filter-chip" title="Number, order and tag">
          More{moreActive > 0 ? ` (${moreActive})` : ''}
        </summary>
        <div className="chat-filters__menu">
          {sessions.length > 1 && (
            <label className="field">
              <span className="field__label">Number</span>
              <select
                value={filter.session ?? ''}
                onChange={(event) => setFilter(transport, { session: event.target.value || null })}
              >
                <option value="">All numbers</option>
                {sessions.map((session) => (
                  <option key={session.id} value={session.id}>
                    {session.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="field">
            <span className="field__label">Order</span>
            <select value={sort} onChange={(event) => setSort(transport, event.target.value as ChatSort)}>
              <option value="recent">Newest first</option>
              <option value="unread">Unread first</option>
            </select>
          </label>
          <ChatListTagFilterSlot session={filter.session} />
        </div>
      </details>
      <button
        type="button"
        className="filter-chip"
        aria-pressed={selecting}
        title="Select chats to mark, archive or tag them together"
        onClick={() => useChatSelection.getState().setSelecting(!selecting)}
      >
        Select
      </button>
    </div>
  );
}
