import { FormattedMessage, useIntl } from 'react-intl';
import { BulkTagBar } from '../../../components/organize/BulkTagBar';
import { useChatSelection } from '../../../stores/chat-selection';
import { useTransport } from '../../../stores/connection';
import { useInbox } from '../../../stores/inbox';
import { BulkAssignBar } from '../assignment/BulkAssignBar';
import { useBulkRun } from './use-bulk-run';

type BulkAction = 'read' | 'unread' | 'archive';

/** What was done, as a `select` value of the result sentences (each language words it its own way). */
const DONE: Record<BulkAction, string> = { read: 'read', unread: 'unread', archive: 'archived' };

/** Select mode's bar: how many chats are ticked and what can be done to all of them at once. */
export function SelectionBar() {
  const intl = useIntl();
  const transport = useTransport();
  const selected = useChatSelection((state) => state.selected);
  const { busy, run: runBulk, outcome } = useBulkRun();
  const chats = selected.map((key) => {
    const [session = '', chat = ''] = key.split('|');
    return { session, chat };
  });

  const run = (action: BulkAction) =>
    runBulk(
      async (count) => {
        for (const { session, chat } of chats) {
          const updated =
            action === 'read'
              ? await transport.call('chats.read', { session, chat })
              : await transport.call(
                  'chats.update',
                  action === 'unread' ? { session, chat, unread: true } : { session, chat, archived: true },
                );
          useInbox.getState().applyChat(updated);
          count(1);
        }
      },
      {
        done: (count) => intl.formatMessage({ id: 'inbox.select.done' }, { action: DONE[action], count }),
        partial: (done, reason) =>
          intl.formatMessage(
            { id: 'inbox.select.partial' },
            { action: DONE[action], done, total: chats.length, reason },
          ),
      },
    );

  return (
    <div
      className="selection-bar"
      role="region"
      aria-label={intl.formatMessage({ id: 'inbox.select.label' })}
    >
      <div
        className="selection-bar__row"
        role="toolbar"
        aria-label={intl.formatMessage({ id: 'inbox.select.actions' })}
      >
        <span className="selection-bar__count" aria-live="polite">
          {selected.length === 0
            ? intl.formatMessage({ id: 'inbox.select.hint' })
            : intl.formatMessage({ id: 'inbox.select.count' }, { count: selected.length })}
        </span>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy || !selected.length}
          onClick={() => void run('read')}
        >
          <FormattedMessage id="inbox.select.markRead" />
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy || !selected.length}
          onClick={() => void run('unread')}
        >
          <FormattedMessage id="inbox.select.markUnread" />
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy || !selected.length}
          onClick={() => void run('archive')}
        >
          <FormattedMessage id="inbox.select.archive" />
        </button>
      </div>
      <BulkAssignBar selected={chats} />
      <BulkTagBar selected={chats} onDone={() => undefined} />
      {outcome}
    </div>
  );
}
