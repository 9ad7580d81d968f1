import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { isGroupJid } from '../../../../src-shared/jid';
import type { Chat } from '../../../../src-shared/messages';
import type { MessageId } from '../../../i18n/messages/en';
import { moveMenuFocus, usePopoverMenu } from '../../../components/nav/use-popover-menu';
import { useBlocklist, useIsBlocked } from '../../../stores/blocklist';
import { useTransport } from '../../../stores/connection';
import { useMe } from '../../../stores/me';
import { chatKey } from '../../../model/inbox/chat-order';
import { chatTitle } from '../../../model/inbox/format';
import { useDeletedChats } from '../../../stores/parity-events';
import { BlockDialog } from './BlockDialog';
import { chatRights } from './chat-rights';
import { ConfirmChatDialog } from './ConfirmChatDialog';
import { StarredDialog } from './StarredDialog';
import '../../../styles/inbox-parity.css';

type Open = 'starred' | 'clear' | 'delete' | 'block' | null;

/**
 * The chat header's ⋮ menu (issue #19): starred messages, clear chat, delete chat, block or
 * unblock. Clearing, deleting and blocking ask first and say the phone does the same. A chat
 * deleted elsewhere while open closes (`onDeleted`).
 */
export function ChatMenu({ chat, onDeleted }: { chat: Chat; onDeleted: () => void }) {
  const intl = useIntl();
  const transport = useTransport();
  const menu = usePopoverMenu<HTMLButtonElement>();
  const [open, setOpen] = useState<Open>(null);
  const rights = chatRights(
    useMe((state) => state.principal),
    chat.session,
  );
  const blocked = useIsBlocked(chat.session, chat.jid);
  const oneToOne = !isGroupJid(chat.jid);
  const label = intl.formatMessage({ id: 'inbox-parity.menu.label' });
  const name = <bdi>{chatTitle(chat)}</bdi>;
  const ref = { session: chat.session, chat: chat.jid };

  // Deleted by someone else or on the phone while open: the chat closes as if deleted here.
  const deletions = useDeletedChats((state) => state.deleted[chatKey(chat.session, chat.jid)] ?? 0);
  const deletionsAtOpen = useRef(deletions);
  const gone = useRef(onDeleted);
  gone.current = onDeleted;
  useEffect(() => {
    if (deletions !== deletionsAtOpen.current) gone.current();
  }, [deletions]);

  const choose = (what: Open) => {
    menu.dismiss();
    setOpen(what);
  };
  const close = () => {
    setOpen(null);
    menu.buttonRef.current?.focus();
  };

  const entries: { what: Open; label: MessageId; danger?: boolean }[] = [
    { what: 'starred', label: 'inbox-parity.menu.starred' },
    ...(rights.manage
      ? [
          { what: 'clear' as const, label: 'inbox-parity.menu.clear' as const, danger: true },
          { what: 'delete' as const, label: 'inbox-parity.menu.delete' as const, danger: true },
        ]
      : []),
    ...(rights.write && oneToOne
      ? [
          {
            what: 'block' as const,
            label: blocked ? ('inbox-parity.menu.unblock' as const) : ('inbox-parity.menu.block' as const),
          },
        ]
      : []),
  ];

  return (
    <div className="attach-menu chat-menu" ref={menu.rootRef} onKeyDown={menu.onKeyDown}>
      <button
        ref={menu.buttonRef}
        type="button"
        className="inbox-btn"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={menu.open}
        onClick={menu.toggle}
      >
        <span className="chat-menu__dots" aria-hidden="true">
          ⋮
        </span>
      </button>
      {menu.open && (
        <div
          className="user-menu__list chat-menu__list"
          role="menu"
          aria-label={label}
          onKeyDown={moveMenuFocus}
        >
          {entries.map((entry, index) => (
            <button
              key={entry.what}
              ref={index === 0 ? menu.firstItemRef : undefined}
              type="button"
              role="menuitem"
              className={`user-menu__item${entry.danger ? ' chat-menu__item--danger' : ''}`}
              onClick={() => choose(entry.what)}
            >
              {intl.formatMessage({ id: entry.label })}
            </button>
          ))}
        </div>
      )}
      {open === 'starred' && <StarredDialog chat={chat} onClose={close} />}
      {open === 'clear' && (
        <ConfirmChatDialog
          title={<FormattedMessage id="inbox-parity.clear.title" values={{ name }} />}
          confirmLabel={<FormattedMessage id="inbox-parity.clear.confirm" />}
          onConfirm={async () => {
            await transport.call('conversations.clear', ref);
          }}
          onClose={close}
        >
          <FormattedMessage id="inbox-parity.clear.text" />
        </ConfirmChatDialog>
      )}
      {open === 'delete' && (
        <ConfirmChatDialog
          title={<FormattedMessage id="inbox-parity.delete.title" values={{ name }} />}
          confirmLabel={<FormattedMessage id="inbox-parity.delete.confirm" />}
          onConfirm={async () => {
            await transport.call('conversations.delete', ref);
            onDeleted();
          }}
          onClose={close}
        >
          <FormattedMessage id="inbox-parity.delete.text" />
        </ConfirmChatDialog>
      )}
      {open === 'block' && (
        <BlockDialog
          chat={chat}
          blocked={blocked}
          onConfirm={() => useBlocklist.getState().set(transport, chat.session, chat.jid, !blocked)}
          onClose={close}
        />
      )}
    </div>
  );
}
