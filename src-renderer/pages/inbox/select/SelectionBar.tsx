import { useState } from 'react';
import { BulkTagBar } from '../../../components/organize/BulkTagBar';
import { useChatSelection } from '../../../stores/chat-selection';
import { useTransport } from '../../../stores/connection';
import { useInbox } from '../../../stores/inbox';
import { describeError } from '../../../transport/rpc-error';

type BulkAction = 'read' | 'unread' | 'archive';

const DONE: Record<BulkAction, string> = {
  read: 'Marked read',
  unread: 'Marked unread',
  archive: 'Archived',
};

/** Select mode's bar: how many chats are ticked and what can be done to all of them at once. */
export function SelectionBar() {
  const transport = useTransport();
  const selected = useChatSelection((state) => state.selected);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chats = selected.map((key) => {
    const [session = '', chat = ''] = key.split('|');
    return { session, chat };
  });

  const run = async (action: BulkAction) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    let done = 0;
    try {
      for (const { session, chat } of chats) {
        const updated =
          action === 'read'
            ? await transport.call('chats.read', { session, chat })
            : await transport.call(
                'chats.update',
                action === 'unread' ? { session, chat, unread: true } : { session, chat, archived: true },
              );
        useInbox.getState().applyChat(updated);
        done++;
      }
      setMessage(`${DONE[action]}: ${done} chat${done === 1 ? '' : 's'}.`);
      useChatSelection.getState().clear();
    } catch (caught) {
      setError(`${DONE[action]} ${done} of ${chats.length}. ${describeError(caught)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="selection-bar" role="region" aria-label="Selected chats">
      <div className="selection-bar__row" role="toolbar" aria-label="Actions for selected chats">
        <span className="selection-bar__count" aria-live="polite">
          {selected.length === 0 ? 'Tick chats (Shift-click for a range)' : `${selected.length} selected`}
        </span>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy || !selected.length}
          onClick={() => void run('read')}
        >
          Mark read
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy || !selected.length}
          onClick={() => void run('unread')}
        >
          Mark unread
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy || !selected.length}
          onClick={() => void run('archive')}
        >
          Archive
        </button>
      </div>
      <BulkTagBar selected={chats} onDone={() => undefined} />
      {message && (
        <p role="status" className="muted">
          {message}
        </p>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
