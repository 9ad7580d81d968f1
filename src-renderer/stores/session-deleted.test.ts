import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnyEventEnvelope } from '../../src-shared/contract/events';
import type { Chat, Message } from '../../src-shared/messages';
import { testChat, testLastMessage } from '../test-support/fixtures';
import { DEFAULT_FILTER } from '../model/inbox/chat-order';
import { useConversation } from './conversation';
import { applyInboxEvent } from './inbox-events';
import { useInbox } from './inbox';

// Profile pictures are not part of this; their store talks to the connection (browser storage).
vi.mock('./avatars', () => ({ useAvatars: { getState: () => ({ outdate: () => undefined }) } }));

function chat(session: string, jid: string, unreadCount = 0): Chat {
  const lastMessage = testLastMessage('2026-01-10T10:00:00.000Z', 'hi', { id: 'm' });
  return testChat({ session, jid, unreadCount, lastMessage });
}

function deleted(id: string, historyKept = false): AnyEventEnvelope {
  return {
    id: 'evt_1',
    type: 'session.deleted',
    session: id,
    timestamp: '2026-01-10T10:00:00.000Z',
    data: { id, historyKept },
    actor: { type: 'user', id: 'usr_1', name: 'Dana' },
  };
}

const customer = '972501234567@s.whatsapp.net';

beforeEach(() => {
  useInbox.setState({
    chats: {},
    order: [],
    unread: {},
    filter: DEFAULT_FILTER,
    loaded: true,
  });
  useConversation.getState().close();
  for (const item of [chat('shop', customer, 2), chat('desk', customer, 1)])
    useInbox.getState().applyChat(item);
});

describe('a deleted session in the inbox', () => {
  it('drops its chats and unread counts from "All numbers"; the other number stays', () => {
    applyInboxEvent(deleted('shop'));
    const inbox = useInbox.getState();
    expect(inbox.order).toEqual([`desk|${customer}`]);
    expect(inbox.unread).toEqual({ [`desk|${customer}`]: 1 });
    expect(inbox.loaded).toBe(true);
  });

  it('a list showing only that number switches to every number and is read again', () => {
    useInbox.setState({ filter: { ...useInbox.getState().filter, session: 'shop' } });
    applyInboxEvent(deleted('shop'));
    const inbox = useInbox.getState();
    expect(inbox.filter.session).toBeNull();
    expect(inbox.order).toEqual([]);
    expect(inbox.loaded).toBe(false);
  });

  it('empties its open conversation and says why', () => {
    useConversation.setState({
      session: 'shop',
      jid: customer,
      messages: [{ id: 'm' } as Message],
    });
    applyInboxEvent(deleted('shop', true));
    const conversation = useConversation.getState();
    expect(conversation.messages).toEqual([]);
    expect(conversation.error).toMatch(/deleted.*kept/);
  });

  it('leaves a conversation of another number alone', () => {
    const messages = [{ id: 'm' } as Message];
    useConversation.setState({ session: 'desk', jid: customer, messages, error: null });
    applyInboxEvent(deleted('shop'));
    expect(useConversation.getState().messages).toBe(messages);
    expect(useConversation.getState().error).toBeNull();
  });
});
