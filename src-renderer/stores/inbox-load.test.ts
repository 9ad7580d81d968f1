import { beforeEach, describe, expect, it } from 'vitest';
import type { Chat } from '../../src-shared/messages';
import { testChat, testLastMessage } from '../test-support/fixtures';
import type { Transport } from '../transport/types';
import { startInboxLoad, useInbox } from './inbox';

function chat(jid: string, preview: string, unreadCount: number): Chat {
  const lastMessage = testLastMessage('2026-11-21T10:00:00.000Z', preview);
  return testChat({ jid, unreadCount, lastMessage });
}

const dana = '972501111111@s.whatsapp.net';
const omer = '972502222222@s.whatsapp.net';

/** `chats.list` answers the pinned page at once (empty) and the first page when the test says. */
function slowFirstPage() {
  let answer: (items: Chat[]) => void = () => undefined;
  const transport = {
    call: (_operation: string, input: { pinned?: boolean }) =>
      input.pinned
        ? Promise.resolve({ items: [], next: null })
        : new Promise((resolve) => (answer = (items) => resolve({ items, next: null }))),
  } as unknown as Transport;
  return { transport, answer: (items: Chat[]) => answer(items) };
}

beforeEach(() => {
  useInbox.setState({ chats: {}, order: [], unread: {}, loaded: false, loading: false, sort: 'recent' });
});

describe('the chat list loading while messages arrive', () => {
  it('keeps what events changed after the list was read', async () => {
    const { transport, answer } = slowFirstPage();
    const loading = useInbox.getState().load(transport);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // A new chat and a newer state of a listed one arrive before the (older) answer is read.
    useInbox.getState().applyChat(chat(omer, 'new customer', 1));
    useInbox.getState().applyChat(chat(dana, 'second message', 2));
    answer([chat(dana, 'first message', 1)]);
    await loading;

    const { chats, unread } = useInbox.getState();
    expect(Object.values(chats).map((c) => [c.jid, c.lastMessage?.preview])).toEqual([
      [dana, 'second message'],
      [omer, 'new customer'],
    ]);
    expect(Object.values(unread).sort()).toEqual([1, 2]);
  });

  it('keeps the unread totals that changed while they were being counted', async () => {
    let answer: (items: Chat[]) => void = () => undefined;
    const transport = {
      call: () => new Promise((resolve) => (answer = (items) => resolve({ items, next: null }))),
    } as unknown as Transport;
    const counting = useInbox.getState().loadUnreadTotals(transport);
    await new Promise((resolve) => setTimeout(resolve, 0));
    useInbox.getState().applyChat(chat(dana, 'read on the phone', 0));
    useInbox.getState().applyChat(chat(omer, 'new customer', 1));
    answer([chat(dana, 'first message', 3)]);
    await counting;
    expect(Object.values(useInbox.getState().unread)).toEqual([1]);
  });
});

describe('the first chat page on sign-in', () => {
  /** Records every `chats.list` asked and answers none until the test says. */
  function held() {
    const asked: { pinned?: boolean; unread?: boolean }[] = [];
    const answers: (() => void)[] = [];
    const transport = {
      call: (_operation: string, input: { pinned?: boolean; unread?: boolean }) => {
        asked.push(input);
        return new Promise((resolve) =>
          answers.push(() => resolve({ items: input.pinned ? [] : [chat(dana, 'hello', 0)], next: null })),
        );
      },
    } as unknown as Transport;
    return { transport, asked, answerAll: () => answers.splice(0).forEach((answer) => answer()) };
  }

  it('asks the pinned chats and the first page together (one round trip, not two)', async () => {
    const { transport, asked, answerAll } = held();
    const loading = useInbox.getState().load(transport);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Both are on their way before either is answered.
    expect(asked.map((input) => Boolean(input.pinned)).sort()).toEqual([false, true]);
    answerAll();
    await loading;
    expect(Object.values(useInbox.getState().chats).map((c) => c.jid)).toEqual([dana]);
  });

  it('is asked once when the shell starts it and the list pane mounts meanwhile', async () => {
    const { transport, asked, answerAll } = held();
    startInboxLoad(transport);
    startInboxLoad(transport);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toHaveLength(2);
    answerAll();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(useInbox.getState().loaded).toBe(true);
    // Loaded: a list pane mounting later does not ask again.
    startInboxLoad(transport);
    expect(asked).toHaveLength(2);
  });
});
