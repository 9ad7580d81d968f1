import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Message } from '../../../src-shared/messages';
import { useTransport } from '../../stores/connection';
import { useConversation } from '../../stores/conversation';
import { EmojiText } from '../../components/emoji/EmojiText';
import { QUICK_REACTIONS } from './emoji/quick-reactions';
import { InboxIcon, type InboxIconName } from './InboxIcon';
import { canDelete, canEdit, copy, download, react, remove } from './message-actions';
import { MessageTagItems } from '../../components/organize/MessageTagItems';
import { StarMenuItem } from './parity/StarMenuItem';
import type { MessageId } from '../../i18n/messages/en';

interface Action {
  label: MessageId;
  icon: InboxIconName;
  run: () => void;
}

/**
 * The open ⌄ menu of a bubble: quick reactions, reply, copy, forward, download, and edit / delete
 * for our own messages. Arrow keys move, Esc closes and gives focus back to the button. Mounted
 * only while open (use-message-actions.tsx), so a row on screen carries none of its state or listeners.
 */
export function MessageMenu({
  message,
  upwards,
  buttonRef,
  onClose,
}: {
  message: Message;
  /** In the lower half of the window the menu opens upwards, so it is not cut off. */
  upwards: boolean;
  buttonRef: RefObject<HTMLButtonElement | null>;
  onClose: () => void;
}) {
  const intl = useIntl();
  const transport = useTransport();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const store = useConversation.getState;

  useEffect(() => {
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (
        menuRef.current?.contains(event.target as Node) ||
        buttonRef.current?.contains(event.target as Node)
      )
        return;
      onClose();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [buttonRef, onClose]);

  const act = (run: () => void) => () => {
    onClose();
    run();
  };

  const actions: Action[] = [
    { label: 'inbox.actions.reply', icon: 'reply', run: () => store().setReplyTo(message) },
    ...(message.text
      ? [{ label: 'inbox.actions.copy' as const, icon: 'copy' as const, run: () => void copy(message) }]
      : []),
    { label: 'inbox.actions.forward', icon: 'forward', run: () => store().setForwarding(message) },
    ...(message.media
      ? [
          {
            label: 'inbox.actions.download' as const,
            icon: 'download' as const,
            run: () => void download(transport, message),
          },
        ]
      : []),
    ...(canEdit(message)
      ? [
          {
            label: 'inbox.actions.edit' as const,
            icon: 'edit' as const,
            run: () => store().setEditing(message),
          },
        ]
      : []),
  ];

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      buttonRef.current?.focus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const next = (index + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
    items[next]?.focus();
  };

  return (
    <div
      ref={menuRef}
      className={`msg-menu${upwards ? ' msg-menu--up' : ''}`}
      role="menu"
      aria-label={intl.formatMessage({ id: 'inbox.actions.label' })}
      onKeyDown={onKeyDown}
    >
      <div
        className="msg-menu__reactions"
        role="group"
        aria-label={intl.formatMessage({ id: 'inbox.actions.react' })}
      >
        {QUICK_REACTIONS.map((emoji) => (
          <button
            key={emoji}
            type="button"
            role="menuitem"
            aria-label={intl.formatMessage({ id: 'inbox.actions.reactWith' }, { emoji })}
            onClick={act(() => void react(transport, message, emoji))}
          >
            <EmojiText text={emoji} />
          </button>
        ))}
      </div>
      {actions.map((action) => (
        <button
          key={action.label}
          type="button"
          role="menuitem"
          className="msg-menu__item"
          onClick={act(action.run)}
        >
          <InboxIcon name={action.icon} size={18} />
          {intl.formatMessage({ id: action.label })}
        </button>
      ))}
      <StarMenuItem message={message} onDone={onClose} />
      <MessageTagItems message={message} onDone={onClose} />
      {canDelete(message) &&
        (confirmDelete ? (
          <button
            type="button"
            role="menuitem"
            className="msg-menu__item msg-menu__item--danger"
            onClick={act(() => void remove(transport, message))}
          >
            <InboxIcon name="trash" size={18} />
            <FormattedMessage id="inbox.actions.deleteForEveryone" />
          </button>
        ) : (
          <button
            type="button"
            role="menuitem"
            className="msg-menu__item"
            onClick={() => setConfirmDelete(true)}
          >
            <InboxIcon name="trash" size={18} />
            <FormattedMessage id="inbox.actions.delete" />
          </button>
        ))}
    </div>
  );
}
