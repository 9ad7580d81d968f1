import { beforeEach, describe, expect, it } from 'vitest';
import type { ChatAssignment } from '../../src-shared/contract/assignment';
import type { Chat } from '../../src-shared/messages';
import { ALL_VIEW } from '../model/assignment/views';
import { DEFAULT_FILTER, chatKey } from '../model/inbox/chat-order';
import { testChat } from '../test-support/fixtures';
import { RpcError } from '../transport/rpc-error';
import type { Transport } from '../transport/types';
import { useAssignment } from './assignment';
import { admitChat, admitOpenedChat, recheckChat } from './assignment-view';
import { useInbox } from './inbox';
import { useMe } from './me';

const CHAT = '972501111111@s.whatsapp.net';
const dana = { id: 'usr_dana', name: 'Dana' };
const omer = { id: 'usr_omer', name: 'Omer' };
const support = { id: 'team_support', name: 'Support' };

function assignment(overrides: Partial<ChatAssignment> = {}): ChatAssignment {
  return {
    session: 'shop',
    chat: CHAT,
    status: 'open',
    snoozedUntil: null,
    assignee: { user: null, team: null },
    ...overrides,
  };
}

/** A core that answers each operation with what the test keeps in `state`, and records the calls. */
function fakeCore(state: { assignment: ChatAssignment; chats?: Record<string, Chat> }) {
  const calls: { operation: string; input: Record<string, unknown> }[] = [];
  const transport = {
    call: (operation: string, input: Record<string, unknown>) => {
      calls.push({ operation, input });
      switch (operation) {
        case 'assignment.get':
          return Promise.resolve(state.assignment);
        case 'assignment.history':
          return Promise.resolve({ items: [], next: null });
        case 'assignment.assign':
          if (input.ifAssignee !== (state.assignment.assignee.user?.id ?? null)) {
            return Promise.reject(
              new RpcError({
                code: 'CONFLICT',
                field: 'ifAssignee',
                message: `${state.assignment.assignee.user?.name} has this chat already`,
              }),
            );
          }
          state.assignment = {
            ...state.assignment,
            assignee: { user: input.user === 'usr_dana' ? dana : null, team: state.assignment.assignee.team },
          };
          return Promise.resolve(state.assignment);
        case 'assignment.setStatus':
          state.assignment = { ...state.assignment, status: input.status as ChatAssignment['status'] };
          return Promise.resolve(state.assignment);
        case 'chats.get':
          return Promise.resolve(state.chats?.[String(input.chat)] ?? testChat({ jid: String(input.chat) }));
        default:
          return Promise.reject(new Error(`unexpected ${operation}`));
      }
    },
  } as unknown as Transport;
  return { transport, calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  useAssignment.getState().close();
  useInbox.setState({ chats: {}, outside: {}, order: [], unread: {}, loaded: true, filter: DEFAULT_FILTER });
  useMe.setState({
    principal: {
      user: { ...dana, teams: [support] },
    } as unknown as NonNullable<ReturnType<typeof useMe.getState>['principal']>,
  });
});

describe('the open chat’s assignment', () => {
  it('takes a chat comparing with the owner shown, and names who got it first', async () => {
    const state = { assignment: assignment() };
    const { transport, calls } = fakeCore(state);
    await useAssignment.getState().open(transport, 'shop', CHAT);
    // Omer takes it meanwhile; this window still shows nobody.
    state.assignment = assignment({ assignee: { user: omer, team: null } });
    expect(await useAssignment.getState().assign(transport, { user: 'usr_dana' })).toBe(false);
    expect(calls.find((call) => call.operation === 'assignment.assign')?.input).toMatchObject({
      user: 'usr_dana',
      ifAssignee: null,
    });
    expect(useAssignment.getState().conflict).toBe('Omer');
    // The header now shows the real owner, so a deliberate second try goes through.
    expect(useAssignment.getState().current?.assignee.user).toEqual(omer);
  });

  it('resolves, and follows events about the open chat only', async () => {
    const { transport } = fakeCore({ assignment: assignment() });
    await useAssignment.getState().open(transport, 'shop', CHAT);
    await useAssignment.getState().setStatus(transport, 'resolved');
    expect(useAssignment.getState().current?.status).toBe('resolved');
    const actor = { type: 'system' as const, id: null, name: 'Customer' };
    useAssignment.getState().applyStatus(null, 'shop', {
      chat: CHAT,
      from: 'resolved',
      to: 'open',
      snoozedUntil: null,
      actor,
      reason: 'customer',
    });
    expect(useAssignment.getState().current?.status).toBe('open');
    const moved = { user: null, team: support };
    useAssignment.getState().applyAssigned(null, 'other', {
      chat: CHAT,
      from: { user: null, team: null },
      to: moved,
      actor,
      reason: 'manual',
      note: null,
    });
    expect(useAssignment.getState().current?.assignee).toEqual({ user: null, team: null });
    useAssignment.getState().applyAssigned(null, 'shop', {
      chat: CHAT,
      from: { user: null, team: null },
      to: moved,
      actor,
      reason: 'manual',
      note: null,
    });
    expect(useAssignment.getState().current?.assignee).toEqual(moved);
  });
});

describe('the chat list views follow events', () => {
  const key = chatKey('shop', CHAT);

  it('Mine: a chat assigned to someone else leaves, one assigned to me comes in', async () => {
    useInbox.setState({ filter: { ...DEFAULT_FILTER, view: { kind: 'mine' } } });
    useInbox.getState().applyChat(testChat({ jid: CHAT }));
    expect(useInbox.getState().order).toEqual([key]);
    const state = { assignment: assignment({ assignee: { user: omer, team: null } }) };
    const { transport } = fakeCore(state);
    recheckChat(transport, 'shop', CHAT);
    await settle();
    expect(useInbox.getState().order).toEqual([]);
    // Out of the list, but still known: the open conversation keeps its header.
    expect(useInbox.getState().chats[key]).toBeDefined();
    state.assignment = assignment({ assignee: { user: dana, team: null } });
    recheckChat(transport, 'shop', CHAT);
    await settle();
    await settle();
    expect(useInbox.getState().order).toEqual([key]);
  });

  it('Open: a resolved chat leaves; a customer message to a chat not shown asks before adding it', async () => {
    useInbox.setState({ filter: { ...DEFAULT_FILTER, view: ALL_VIEW, status: 'open' } });
    const state = { assignment: assignment({ status: 'resolved' }) };
    const { transport, calls } = fakeCore(state);
    admitChat(transport, testChat({ jid: CHAT, unreadCount: 1 }));
    await settle();
    expect(useInbox.getState().order).toEqual([]);
    expect(calls.map((call) => call.operation)).toEqual(['assignment.get']);
    state.assignment = assignment({ status: 'open' });
    admitChat(transport, testChat({ jid: CHAT, unreadCount: 2 }));
    await settle();
    expect(useInbox.getState().order).toEqual([key]);
    expect(useInbox.getState().chats[key]?.unreadCount).toBe(2);
  });

  it('a channel never joins Unassigned (not a conversation to assign), without asking the core', async () => {
    useInbox.setState({ filter: { ...DEFAULT_FILTER, view: { kind: 'unassigned' } } });
    const channel = '120363000000000001@newsletter';
    const { transport, calls } = fakeCore({ assignment: assignment() });
    admitChat(transport, testChat({ jid: channel, kind: 'newsletter', unreadCount: 1 }));
    await settle();
    expect(useInbox.getState().order).toEqual([]);
    expect(calls).toEqual([]);
    // A customer's chat with the same (unassigned) assignment does.
    admitChat(transport, testChat({ jid: CHAT, unreadCount: 1 }));
    await settle();
    expect(useInbox.getState().order).toEqual([key]);
  });

  it('the unnarrowed list (All, any status) takes every chat as before, without asking', () => {
    useInbox.setState({ filter: { ...DEFAULT_FILTER, view: ALL_VIEW, status: null } });
    const { transport, calls } = fakeCore({ assignment: assignment({ status: 'resolved' }) });
    admitChat(transport, testChat({ jid: CHAT }));
    recheckChat(transport, 'shop', CHAT);
    expect(useInbox.getState().order).toEqual([key]);
    expect(calls).toEqual([]);
  });

  it('switching the view keeps a chat not in it known (the open header) but out of the list', async () => {
    useInbox.getState().applyChat(testChat({ jid: CHAT }));
    const { transport } = fakeCore({ assignment: assignment() });
    const list = transport.call.bind(transport);
    (transport as { call: unknown }).call = (operation: string, input: Record<string, unknown>) =>
      operation === 'chats.list'
        ? Promise.resolve({ items: [], next: null })
        : list(operation as never, input as never);
    useInbox.getState().setFilter(transport, { view: { kind: 'mine' } });
    await settle();
    await settle();
    expect(useInbox.getState().order).toEqual([]);
    expect(useInbox.getState().chats[key]).toBeDefined();
    // Back to every chat of every status: its next message brings it back without asking.
    useInbox.setState({ filter: { ...DEFAULT_FILTER, view: ALL_VIEW, status: null } });
    admitChat(transport, testChat({ jid: CHAT, unreadCount: 1 }));
    expect(useInbox.getState().order).toEqual([key]);
  });

  it('a chat opened by a link is known at once but listed only if it is in the view', async () => {
    useInbox.setState({ filter: { ...DEFAULT_FILTER, view: { kind: 'mine' } } });
    const state = { assignment: assignment({ assignee: { user: omer, team: null } }) };
    const { transport } = fakeCore(state);
    admitOpenedChat(transport, testChat({ jid: CHAT }));
    expect(useInbox.getState().chats[key]).toBeDefined();
    expect(useInbox.getState().order).toEqual([]);
    await settle();
    expect(useInbox.getState().order).toEqual([]);
    state.assignment = assignment({ assignee: { user: dana, team: null } });
    admitOpenedChat(transport, testChat({ jid: CHAT }));
    await settle();
    expect(useInbox.getState().order).toEqual([key]);
  });

  it('asks chats.list for the view and status', async () => {
    useInbox.setState({ filter: { ...DEFAULT_FILTER, view: { kind: 'unassigned' }, status: 'open' } });
    const { transport, calls } = fakeCore({ assignment: assignment() });
    const list = transport.call.bind(transport);
    (transport as { call: unknown }).call = (operation: string, input: Record<string, unknown>) =>
      operation === 'chats.list'
        ? (calls.push({ operation, input }), Promise.resolve({ items: [], next: null }))
        : list(operation as never, input as never);
    await useInbox.getState().load(transport);
    const lists = calls.filter((call) => call.operation === 'chats.list');
    expect(lists.length).toBeGreaterThan(0);
    for (const call of lists) expect(call.input).toMatchObject({ assignee: 'none', status: 'open' });
  });
});
