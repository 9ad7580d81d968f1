import { create } from 'zustand';
import type { Message } from '../../src-shared/messages';
import { localMessagePreview } from '../i18n/message-preview';
import { currentIntl } from '../i18n/store';
import { chatKey, isMuted } from '../model/inbox/chat-order';
import { chatTitle, formatPhone } from '../model/inbox/format';
import { notifiesMe } from '../model/assignment/notify-rule';
import { activeRegistration, onNotificationTap } from '../pwa/service-worker';
import type { Transport } from '../transport/types';
import { useMe } from './me';
import { useConversation } from './conversation';
import { useInbox } from './inbox';

type Permission = NotificationPermission | 'unsupported';

interface NotificationsState {
  permission: Permission;
  /** Asks the browser (or the desktop) for permission; call from a click. */
  request(): Promise<void>;
}

function currentPermission(): Permission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export const useNotifications = create<NotificationsState>((set) => ({
  permission: currentPermission(),
  async request() {
    if (typeof Notification === 'undefined') return;
    set({ permission: await Notification.requestPermission() });
  },
}));

let openChat: ((session: string, jid: string) => void) | null = null;

/** How a clicked notification opens its chat (set by the router-aware InboxAttention). */
export function setChatOpener(opener: ((session: string, jid: string) => void) | null): void {
  openChat = opener;
}

/**
 * A desktop notification for a customer's message, unless the user is looking at that chat
 * right now or muted it, or the chat is someone else's (issue #16: the assignee, else the team,
 * else everyone; `model/assignment/notify-rule.ts`). Clicking it brings the window forward and
 * opens the chat.
 */
export async function notifyIncoming(message: Message, transport: Transport | null): Promise<void> {
  if (useNotifications.getState().permission !== 'granted' || typeof Notification === 'undefined') return;
  if (transport) {
    // `Chat` carries no assignment: asked once per message (a read of one row).
    const assignee = await transport
      .call('assignment.get', { session: message.session, chat: message.chat })
      .then((assignment) => assignment.assignee)
      .catch(() => null);
    if (!notifiesMe(assignee, useMe.getState().principal?.user ?? null)) return;
  }
  const conversation = useConversation.getState();
  const looking =
    document.visibilityState === 'visible' &&
    conversation.session === message.session &&
    conversation.jid === message.chat;
  if (looking) return;
  const key = chatKey(message.session, message.chat);
  const chat = useInbox.getState().chats[key];
  if (chat && isMuted(chat)) return;
  // Desktop notifications speak the person's language too (names and message text stay as sent).
  const intl = currentIntl();
  const title = chat
    ? chatTitle(chat)
    : (message.senderName ??
      formatPhone(message.chat.split('@')[0] ?? '') ??
      intl.formatMessage({ id: 'messages.notification.newMessage' }));
  const preview = localMessagePreview(message, intl);
  const body =
    chat?.kind === 'group' && message.senderName
      ? intl.formatMessage({ id: 'messages.notification.groupBody' }, { sender: message.senderName, preview })
      : preview;
  // A page's own notification where the browser allows it (desktop browsers, Electron): a click
  // focuses this window and opens the chat. Android's browsers refuse `new Notification()` from
  // a page ("Illegal constructor"); there the service worker shows it, and a tap comes back
  // through onNotificationTap below.
  try {
    const notification = new Notification(title, { body, tag: key });
    notification.onclick = () => {
      window.focus();
      openChat?.(message.session, message.chat);
      notification.close();
    };
    return;
  } catch {
    const registration = await activeRegistration();
    const url = `/chats/${encodeURIComponent(message.session)}/${encodeURIComponent(message.chat)}`;
    await registration
      ?.showNotification(title, {
        body,
        tag: key,
        data: { session: message.session, chat: message.chat, url },
      })
      .catch(() => undefined);
  }
}

onNotificationTap((session, chat) => openChat?.(session, chat));
