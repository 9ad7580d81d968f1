import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Message } from '../../../src-shared/messages';
import { useTransport } from '../../stores/connection';
import { useTags } from '../../stores/tags';
import { describeError } from '../../transport/rpc-error';
import { Swatch } from './TagChip';
import '../../styles/organize.css';

/**
 * "Tag…" in a message's action menu: lists the tags as menu items; choosing one adds it to the
 * message (and so to its chat), choosing a ticked one removes it from the message.
 */
export function MessageTagItems({ message, onDone }: { message: Message; onDone: () => void }) {
  const intl = useIntl();
  const transport = useTransport();
  const { tags, load } = useTags();
  const [open, setOpen] = useState(false);
  const [onMessage, setOnMessage] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const ref = { session: message.session, chat: message.chat, id: message.id };

  useEffect(() => {
    if (!open) return;
    void load(transport);
    transport
      .call('tags.ofMessage', { session: message.session, chat: message.chat, id: message.id })
      .then(({ items }) => setOnMessage(new Set(items.map((item) => item.tag.id))))
      .catch((caught: unknown) => setError(describeError(caught)));
  }, [open, transport, load, message.session, message.chat, message.id]);

  const toggle = async (tagId: string) => {
    try {
      if (onMessage.has(tagId)) await transport.call('tags.removeFromMessage', { ...ref, tagId });
      else await transport.call('tags.addToMessage', { ...ref, tagId });
      onDone();
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  if (!open) {
    return (
      <button type="button" role="menuitem" className="msg-menu__item" onClick={() => setOpen(true)}>
        <span className="msg-tag__icon" aria-hidden="true">
          #
        </span>
        <FormattedMessage id="organize.message.tag" />
      </button>
    );
  }
  return (
    <div role="group" aria-label={intl.formatMessage({ id: 'organize.message.label' })} className="msg-tag">
      {tags.map((tag) => (
        <button
          key={tag.id}
          type="button"
          role="menuitemcheckbox"
          aria-checked={onMessage.has(tag.id)}
          className="msg-menu__item"
          onClick={() => void toggle(tag.id)}
        >
          <Swatch color={tag.color} /> <bdi>{tag.name}</bdi> {onMessage.has(tag.id) && '✓'}
        </button>
      ))}
      {tags.length === 0 && (
        <p className="muted msg-tag__empty">
          <FormattedMessage id="organize.tags.none" />
        </p>
      )}
      {error && <p className="form-error">{error}</p>}
    </div>
  );
}
