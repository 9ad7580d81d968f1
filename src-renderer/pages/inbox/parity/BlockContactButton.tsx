import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import type { Chat } from '../../../../src-shared/messages';
import { useBlocklist } from '../../../stores/blocklist';
import { useTransport } from '../../../stores/connection';
import { useMe } from '../../../stores/me';
import { BlockDialog } from './BlockDialog';
import { useBlockedChat } from './BlockedBanner';
import { chatRights } from './chat-rights';

/** "Block Dana" / "Unblock Dana" in the contact panel (one-to-one chats, for who may write). */
export function BlockContactButton({ chat }: { chat: Chat }) {
  const transport = useTransport();
  const [asking, setAsking] = useState(false);
  const blocked = useBlockedChat(chat.session, chat.jid);
  const { write } = chatRights(
    useMe((state) => state.principal),
    chat.session,
  );
  if (chat.kind !== 'user' || !write) return null;
  return (
    <section className="contact-panel__section blocked-contact">
      <button
        type="button"
        className="button button--secondary button--danger-text"
        onClick={() => setAsking(true)}
      >
        <FormattedMessage id={blocked ? 'inbox-parity.panel.unblock' : 'inbox-parity.panel.block'} />
      </button>
      {asking && (
        <BlockDialog
          chat={chat}
          blocked={blocked}
          onConfirm={() => useBlocklist.getState().set(transport, chat.session, chat.jid, !blocked)}
          onClose={() => setAsking(false)}
        />
      )}
    </section>
  );
}
