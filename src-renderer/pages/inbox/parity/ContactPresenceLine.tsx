import { useEffect } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { isGroupJid } from '../../../../src-shared/jid';
import type { Chat } from '../../../../src-shared/messages';
import { chatKey } from '../../../model/inbox/chat-order';
import { dayKey, formatTime } from '../../../model/inbox/format';
import { useTransport } from '../../../stores/connection';
import { useContactPresence } from '../../../stores/contact-presence';
import { useInbox } from '../../../stores/inbox';
import { useSideCallsReady } from '../side-calls';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * "online" / "last seen today at 10:04" under the chat's name (issue #19). Opening the chat
 * subscribes to the contact's presence; while they type, the header's own "typing…" shows
 * instead. Nothing is shown while unknown or where the contact hides their last seen.
 */
export function ContactPresenceLine({ chat }: { chat: Chat }) {
  const intl = useIntl();
  const transport = useTransport();
  const oneToOne = !isGroupJid(chat.jid);
  const key = chatKey(chat.session, chat.jid);
  const presence = useContactPresence((state) => state.known[key]);
  const typing = useInbox((state) => Boolean(state.typing[key]));
  const ready = useSideCallsReady();

  useEffect(() => {
    if (ready && oneToOne) void useContactPresence.getState().watch(transport, chat.session, chat.jid);
  }, [transport, chat.session, chat.jid, oneToOne, ready]);

  if (!oneToOne || typing || !presence) return null;
  if (presence.state === 'online') {
    return (
      <span className="conversation__presence conversation__presence--online" data-testid="contact-presence">
        <FormattedMessage id="inbox-parity.presence.online" />
      </span>
    );
  }
  if (presence.state !== 'offline' || !presence.lastSeen) return null;
  const seen = new Date(presence.lastSeen);
  const today = dayKey(new Date());
  const day =
    dayKey(seen) === today
      ? 'today'
      : dayKey(new Date(Date.now() - DAY_MS)) === dayKey(seen)
        ? 'yesterday'
        : 'other';
  return (
    <span className="conversation__presence" data-testid="contact-presence">
      <FormattedMessage
        id="inbox-parity.presence.lastSeen"
        values={{
          day,
          time: formatTime(presence.lastSeen, intl.locale),
          date: intl.formatDate(seen, { day: 'numeric', month: 'short' }),
        }}
      />
    </span>
  );
}
