import type { Session } from '../../../src-shared/model';
import { useTransport } from '../../stores/connection';
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

/** Which number, the order, and the unread / groups / archived filters of the chat list. */
export function ChatFilters({ sessions }: { sessions: Session[] }) {
  const transport = useTransport();
  const filter = useInbox((state) => state.filter);
  const sort = useInbox((state) => state.sort);
  const setFilter = useInbox((state) => state.setFilter);
  const setSort = useInbox((state) => state.setSort);
  return (
    <div className="chat-filters">
      <div className="chat-filters__row">
        {sessions.length > 1 && (
          <select
            aria-label="Number"
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
        )}
        <select
          aria-label="Order"
          value={sort}
          onChange={(event) => setSort(transport, event.target.value as ChatSort)}
        >
          <option value="recent">Newest first</option>
          <option value="unread">Unread first</option>
        </select>
      </div>
      <div className="chat-filters__row" role="group" aria-label="Filters">
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
        <ChatListTagFilterSlot session={filter.session} />
      </div>
    </div>
  );
}
