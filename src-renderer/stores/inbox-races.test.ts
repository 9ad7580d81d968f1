import { beforeEach, describe, expect, it } from 'vitest';
import type { ChatAssignment } from '../../src-shared/contract/assignment';
import type { Chat } from '../../src-shared/messages';
import { DEFAULT_FILTER, chatKey } from '../model/inbox/chat-order';
import { testChat, testLastMessage } from '../test-support/fixtures';
import type { Transport } from '../transport/types';
import { admitOpenedChat } from './assignment-view';
import { useInbox } from './inbox';

/**
 * Issue: a reload into a chat (`/chats/<session>/<jid>`) sometimes showed the list without the
 * open chat. The conversation asks `chats.get` for a chat the list had not loaded yet; when the
 * list's answer came in before that read's answer, the read marked the (listed) chat "outside,
 * until assignment.get says it belongs", so the list lost it until that check answered (and for
 * good if it failed). Every answer here is held until the test lets it through, in each order.
 */
const DANA = '15550000401@s.whatsapp.net';
const OMAR = '15550000402@s.whatsapp.net';
const dana = testChat({ jid: DANA, lastMessage: testLastMessage('2026-12-06T10:00:00.000Z', 'Order 6') });
const omar = testChat({ jid: OMAR, lastMessage: testLastMessage('2026-12-06T09:00:00.000Z', 'hi') });
const open: ChatAssignment = {
  session: dana.session,
  chat: DANA,
  status: 'open',
  snoozedUntil: null,
  assignee: { user: null, team: null },
};

/** A core whose answers wait: `answer(operation)` lets every held call of it through. */
function heldCore(listed: Chat[], assignment: ChatAssignment = open) {
  const held: { operation: string; input: { pinned?: boolean; unread?: boolean }; go: () => void }[] = [];
  const transport = {
    call: (operation: string, input: { pinned?: boolean; unread?: boolean }) =>
      new Promise((resolve) => {
        const result = () => {
          if (operation === 'assignment.get') return assignment;
          if (operation === 'chats.get') return listed.find((chat) => chat.jid === DANA) ?? dana;
          const items = input.pinned || input.unread ? [] : listed;
          return { items, next: null };
        };
        held.push({ operation, input, go: () => resolve(result()) });
      }),
  } as unknown as Transport;
  const answer = async (operation: string) => {
    for (const call of held.filter((c) => c.operation === operation)) {
      held.splice(held.indexOf(call), 1);
      call.go();
    }
    // Let the answers' continuations run.
    for (let i = 0; i < 10; i++) await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { transport, answer, asked: () => held.map((c) => c.operation) };
}

const listed = () => useInbox.getState().order.map((key) => useInbox.getState().chats[key]?.jid);

beforeEach(() => {
  useInbox.setState({
    chats: {},
    outside: {},
    order: [],
    unread: {},
    loaded: false,
    loading: false,
    sort: 'recent',
    filter: DEFAULT_FILTER,
  });
});

describe('a reload into a chat: the list and the open chat’s own read race', () => {
  it('list first, then the chat’s read: the listed chat stays listed while its view is checked', async () => {
    const core = heldCore([dana, omar]);
    const loading = useInbox.getState().load(core.transport);
    await core.answer('chats.list');
    await loading;
    expect(listed()).toEqual([DANA, OMAR]);
    // The conversation asked before the list was in; its answer comes now.
    admitOpenedChat(core.transport, dana);
    expect(listed()).toEqual([DANA, OMAR]);
    await core.answer('assignment.get');
    expect(listed()).toEqual([DANA, OMAR]);
  });

  it('the chat’s read during the list’s load: the list’s answer is not undone by it', async () => {
    const core = heldCore([dana, omar]);
    const loading = useInbox.getState().load(core.transport);
    await Promise.resolve();
    admitOpenedChat(core.transport, dana);
    // Known at once (the conversation's header), while the list is still on its way.
    expect(useInbox.getState().chats[chatKey(dana.session, DANA)]).toBeDefined();
    await core.answer('chats.list');
    await loading;
    expect(listed()).toEqual([DANA, OMAR]);
    await core.answer('assignment.get');
    expect(listed()).toEqual([DANA, OMAR]);
  });

  it('a chat outside the view opened by a link stays out of the list, whichever answer is first', async () => {
    const resolved = { ...open, status: 'resolved' as const };
    for (const first of ['chats.list', 'assignment.get']) {
      useInbox.setState({ chats: {}, outside: {}, order: [], loaded: false, loading: false });
      const core = heldCore([omar], resolved);
      const loading = useInbox.getState().load(core.transport);
      await Promise.resolve();
      admitOpenedChat(core.transport, dana);
      await core.answer(first);
      // Whichever came first does not list it (the list's answer does not include it).
      expect(listed()).toEqual(first === 'chats.list' ? [OMAR] : []);
      await core.answer(first === 'chats.list' ? 'assignment.get' : 'chats.list');
      await loading;
      expect(listed()).toEqual([OMAR]);
      expect(useInbox.getState().chats[chatKey(dana.session, DANA)]).toBeDefined();
    }
  });
});

describe('other list answers that could land over newer state', () => {
  it('a next page read while an event changed one of its chats keeps the event’s state', async () => {
    let answer: (items: Chat[]) => void = () => undefined;
    const transport = {
      call: () => new Promise((resolve) => (answer = (items) => resolve({ items, next: null }))),
    } as unknown as Transport;
    useInbox.setState({ chats: { [chatKey(omar.session, OMAR)]: omar }, hasMore: true, cursor: 'c1' });
    const more = useInbox.getState().loadMore(transport);
    await Promise.resolve();
    const newer = { ...dana, lastMessage: testLastMessage('2026-12-06T11:00:00.000Z', 'newer') };
    useInbox.getState().applyChat(newer);
    answer([dana]);
    await more;
    expect(useInbox.getState().chats[chatKey(dana.session, DANA)]?.lastMessage?.preview).toBe('newer');
  });

  it('the chats fetched for a tag chosen before another are not added', async () => {
    const answers: (() => void)[] = [];
    const transport = {
      call: (_operation: string, input: { chat: string }) =>
        new Promise((resolve) => answers.push(() => resolve(input.chat === DANA ? dana : omar))),
    } as unknown as Transport;
    const first = useInbox
      .getState()
      .setSubset(transport, { label: 'vip', keys: new Set([chatKey('shop', DANA)]) });
    const second = useInbox
      .getState()
      .setSubset(transport, { label: 'late', keys: new Set([chatKey('shop', OMAR)]) });
    answers.splice(0).forEach((go) => go());
    await Promise.all([first, second]);
    expect(Object.keys(useInbox.getState().chats)).toEqual([chatKey('shop', OMAR)]);
  });
});
