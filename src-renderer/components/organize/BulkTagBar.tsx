import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useTransport } from '../../stores/connection';
import { useTags } from '../../stores/tags';
import { describeError } from '../../transport/rpc-error';
import '../../styles/organize.css';

interface ChatKey {
  session: string;
  chat: string;
}

/**
 * Tags many chats at once, for the chat list's selection: pick a tag, then add it to (or remove
 * it from) every selected chat. Chats of several sessions are sent one session at a time.
 */
export function BulkTagBar({
  selected,
  onDone,
}: {
  selected: readonly ChatKey[];
  /** Called after a change (reload the list) with how many chats changed. */
  onDone: (changed: number) => void;
}) {
  const intl = useIntl();
  const transport = useTransport();
  const { tags, load } = useTags();
  const [tagId, setTagId] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void load(transport);
  }, [transport, load]);

  if (selected.length === 0) return null;

  const apply = async (action: 'add' | 'remove') => {
    const tag = tags.find((item) => item.id === tagId);
    if (!tag) return;
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const bySession = new Map<string, string[]>();
      for (const { session, chat } of selected)
        bySession.set(session, [...(bySession.get(session) ?? []), chat]);
      let changed = 0;
      for (const [session, chats] of bySession) {
        changed += (await transport.call('tags.bulk', { session, chats, tagId, action })).changed;
      }
      setMessage(
        intl.formatMessage(
          { id: action === 'add' ? 'organize.bulk.tagged' : 'organize.bulk.untagged' },
          { count: changed, tag: tag.name },
        ),
      );
      void load(transport);
      onDone(changed);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      className="bulk-tag-bar"
      role="toolbar"
      aria-label={intl.formatMessage({ id: 'organize.bulk.label' })}
    >
      <span className="bulk-tag-bar__count">
        {intl.formatMessage({ id: 'organize.bulk.count' }, { count: selected.length })}
      </span>
      <select
        aria-label={intl.formatMessage({ id: 'organize.bulk.tagLabel' })}
        value={tagId}
        onChange={(event) => setTagId(event.target.value)}
      >
        <option value="">{intl.formatMessage({ id: 'organize.bulk.choose' })}</option>
        {tags.map((tag) => (
          <option key={tag.id} value={tag.id}>
            {tag.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button--primary"
        disabled={!tagId || busy}
        onClick={() => void apply('add')}
      >
        <FormattedMessage id="organize.tags.add" />
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={!tagId || busy}
        onClick={() => void apply('remove')}
      >
        <FormattedMessage id="organize.bulk.remove" />
      </button>
      {message && (
        <span role="status" className="muted">
          {message}
        </span>
      )}
      {error && (
        <span role="alert" className="form-error">
          {error}
        </span>
      )}
    </div>
  );
}
