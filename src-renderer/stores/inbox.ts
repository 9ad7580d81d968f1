import { create } from 'zustand';
import type { MessageRef } from '../../src-shared/contract/events';
import type { Chat, MessageStatus } from '../../src-shared/messages';
import {
  chatKey,
  DEFAULT_FILTER,
  orderChats,
  type ChatFilter,
  type ChatSort,
} from '../model/inbox/chat-order';
import { viewQuery } from '../model/assignment/views';
import { describeError } from '../transport/rpc-error';
import { EventsDuringLoad } from './events-during-load';
import type { Transport } from '../transport/types';

const PAGE = 100;
/** "Unread first" loads every unread chat up front (up to this many pages), then the rest by time. */
const MAX_UNREAD_PAGES = 10;
/** A typing indicator goes away by itself if the "paused" never comes. */
const TYPING_MS = 12_000;

/** Chats limited to a set (the Tags filter plugs in here: see pages/inbox/organize-slots.tsx). */
interface ChatSubset {
  label: string;
  keys: ReadonlySet<string>;
}

export interface Typing {
  state: 'composing' | 'recording';
  who: string;
  until: number;
}

interface InboxState {
  /** Every chat we know, by chatKey(session, jid). */
  chats: Record<string, Chat>;
  /**
   * Known chats that events moved out of the view (Mine, Unassigned, a status): kept for the open
   * conversation's header, left out of the list until an event brings them back (`showChat`).
   */
  outside: Record<string, true>;
  /** What the list shows, in order. */
  order: string[];
  filter: ChatFilter;
  sort: ChatSort;
  subset: ChatSubset | null;
  cursor: string | null;
  hasMore: boolean;
  loading: boolean;
  loaded: boolean;
  error: string | null;
  /** Unread counts of all unread chats (not only the loaded page), for the window title. */
  unread: Record<string, number>;
  typing: Record<string, Typing>;
  load(transport: Transport): Promise<void>;
  loadMore(transport: Transport): Promise<void>;
  setFilter(transport: Transport, filter: Partial<ChatFilter>): void;
  setSort(transport: Transport, sort: ChatSort): void;
  setSubset(transport: Transport, subset: ChatSubset | null): Promise<void>;
  loadUnreadTotals(transport: Transport): Promise<void>;
  applyChat(chat: Chat): void;
  /** The chat left the view (reassigned, resolved, …): out of the list; its unread count stays. */
  hideChat(key: string): void;
  /** The chat belongs in the view (again): into the list, updated. */
  showChat(chat: Chat): void;
  /**
   * A chat read on its own (a link to a chat the list had not loaded): known from now on, and
   * out of the list until its view is checked — unless a list answer lists it by then, which
   * decides (see `admitOpenedChat`).
   */
  knowChat(chat: Chat): void;
  applyAck(session: string, ack: MessageRef & { status: MessageStatus }): void;
  applyPresence(session: string, update: { chat: string; jid: string; presence: string }): void;
  /**
   * A number was deleted (`session.deleted`): its chats leave the list (a kept history is
   * hidden too, until the number is added again). A list showing only that number shows every
   * number again; `loaded: false` makes ChatListPane read it.
   */
  removeSession(session: string): void;
}

let generation = 0;
/** Bumped by each `setSubset`: the chats fetched for an older subset are not added. */
let subsetAsked = 0;

/**
 * Every known chat a list answer did not include: kept, but out of the list. So are chats that
 * came to be known out of the list while it loaded (`knowChat`, `hideChat`) and that it does not
 * include either: the answer does not list them, and nothing listed them meanwhile.
 */
function outsideOf(
  known: Record<string, Chat>,
  listed: Record<string, Chat>,
  outsideMeanwhile: Record<string, true> = {},
): Record<string, true> {
  const outside: Record<string, true> = {};
  for (const key of Object.keys(known)) if (!listed[key]) outside[key] = true;
  for (const key of Object.keys(outsideMeanwhile)) if (!known[key] && !listed[key]) outside[key] = true;
  return outside;
}

function shownAgain(outside: Record<string, true>, items: Chat[]): Record<string, true> {
  const next = { ...outside };
  for (const chat of items) delete next[chatKey(chat.session, chat.jid)];
  return next;
}
/** The unread counts (all chats, for the window title) with this chat's count now. */
function withUnread(unread: Record<string, number>, key: string, chat: Chat): Record<string, number> {
  const next = { ...unread };
  if (chat.unreadCount > 0) next[key] = chat.unreadCount;
  else delete next[key];
  return next;
}

/** Chats changed by events while the list loads are changed again on top of its answer. */
const eventsDuringLoad = new EventsDuringLoad();

function withChats(
  state: InboxState,
  chats: Record<string, Chat>,
  outside: Record<string, true> = state.outside,
  subset: ChatSubset | null = state.subset,
): Partial<InboxState> {
  const order = orderChats(Object.values(chats), state.filter, state.sort, subset?.keys);
  return { chats, outside, order: order.filter((key) => !outside[key]) };
}

export const useInbox = create<InboxState>((set, get) => {
  async function fetchPage(
    transport: Transport,
    options: { unread?: boolean; pinned?: boolean; cursor?: string | null },
  ): Promise<{ items: Chat[]; next: string | null }> {
    const { filter } = get();
    return transport.call('chats.list', {
      session: filter.session ?? undefined,
      unread: options.unread || filter.unread || undefined,
      kind: filter.channels ? 'newsletter' : filter.groups ? 'group' : undefined,
      archived: filter.archived,
      pinned: options.pinned,
      // Channels are no conversations: their filter lists them all, whatever the view and status.
      ...(filter.channels ? {} : viewQuery(filter.view, filter.status)),
      limit: PAGE,
      cursor: options.cursor ?? undefined,
    });
  }

  function addChats(items: Chat[], into: Record<string, Chat> = get().chats): Record<string, Chat> {
    const next = { ...into };
    for (const chat of items) next[chatKey(chat.session, chat.jid)] = chat;
    return next;
  }

  return {
    chats: {},
    outside: {},
    order: [],
    filter: DEFAULT_FILTER,
    sort: 'recent',
    subset: null,
    cursor: null,
    hasMore: false,
    loading: false,
    loaded: false,
    error: null,
    unread: {},
    typing: {},

    async load(transport) {
      const mine = ++generation;
      // Chats events bring in while this loads are not "before": the replay below decides them.
      const knownBefore = get().chats;
      set({ loading: true, error: null });
      try {
        const { answer, replay } = await eventsDuringLoad.load(async () => {
          const { filter, sort } = get();
          const unreadFirst = async () => {
            let found: Record<string, Chat> = {};
            if (sort !== 'unread' || filter.unread) return found;
            let cursor: string | null = null;
            for (let page = 0; page < MAX_UNREAD_PAGES; page++) {
              const result = await fetchPage(transport, { unread: true, cursor });
              found = addChats(result.items, found);
              cursor = result.next;
              if (!cursor) break;
            }
            return found;
          };
          // The three are independent: asked together, one round trip instead of two or more
          // before the inbox paints (issue #23 target 7). Pinned chats sit on top however old
          // their last message is, so they go in first.
          const [unread, pinned, first] = await Promise.all([
            unreadFirst(),
            fetchPage(transport, { pinned: true }),
            fetchPage(transport, {}),
          ]);
          const chats = addChats(pinned.items, unread);
          return { chats: addChats(first.items, chats), next: first.next };
        });
        if (mine !== generation) return;
        set((state) => ({
          // The answer is the view as it is now (events during the load are replayed on top);
          // chats known before stay known, out of the list, so an open conversation keeps its header.
          ...withChats(
            state,
            // The answer's order first, its values over what was known.
            { ...answer.chats, ...state.chats, ...answer.chats },
            outsideOf(knownBefore, answer.chats, state.outside),
          ),
          cursor: answer.next,
          hasMore: answer.next !== null,
          loading: false,
          loaded: true,
        }));
        replay();
      } catch (error) {
        if (mine === generation) set({ loading: false, loaded: true, error: describeError(error) });
      }
    },

    async loadMore(transport) {
      const { cursor, loading, hasMore } = get();
      if (loading || !hasMore || !cursor) return;
      const mine = generation;
      set({ loading: true });
      try {
        // A chat on this page that an event changed while it was read keeps the event's state.
        const { answer: page, replay } = await eventsDuringLoad.load(() => fetchPage(transport, { cursor }));
        if (mine !== generation) return;
        set((state) => ({
          ...withChats(state, addChats(page.items), shownAgain(state.outside, page.items)),
          cursor: page.next,
          hasMore: page.next !== null,
          loading: false,
        }));
        replay();
      } catch (error) {
        if (mine === generation) set({ loading: false, error: describeError(error) });
      }
    },

    setFilter(transport, filter) {
      set((state) => ({
        filter: { ...state.filter, ...filter },
        outside: outsideOf(state.chats, {}),
        order: [],
        cursor: null,
        hasMore: false,
      }));
      void get().load(transport);
    },

    setSort(transport, sort) {
      set({ sort, chats: {}, order: [], cursor: null, hasMore: false });
      void get().load(transport);
    },

    async setSubset(transport, subset) {
      const mine = ++subsetAsked;
      set((state) => ({ subset, ...withChats(state, state.chats, state.outside, subset) }));
      if (!subset) return;
      // Chats of the subset that are further down than the loaded pages: fetch them one by one.
      const missing = [...subset.keys].filter((key) => !get().chats[key]).slice(0, 500);
      const found: (Chat | null)[] = await Promise.all(
        missing.map((key) => {
          const [session = '', jid = ''] = key.split('|');
          return transport.call('chats.get', { session, chat: jid }).catch(() => null);
        }),
      );
      // Another tag (or none) chosen meanwhile: these chats belong to a subset no longer shown.
      if (mine !== subsetAsked) return;
      set((state) => withChats(state, addChats(found.filter((chat): chat is Chat => chat !== null))));
    },

    async loadUnreadTotals(transport) {
      try {
        const { answer, replay } = await eventsDuringLoad.load(async () => {
          const unread: Record<string, number> = {};
          let cursor: string | undefined;
          for (let page = 0; page < MAX_UNREAD_PAGES; page++) {
            const result = await transport.call('chats.list', { unread: true, limit: 200, cursor });
            for (const chat of result.items) unread[chatKey(chat.session, chat.jid)] = chat.unreadCount;
            if (!result.next) break;
            cursor = result.next;
          }
          return unread;
        });
        set({ unread: answer });
        // A chat read or written to meanwhile counts as it is now.
        replay();
      } catch {
        // The title count is a convenience; the list shows the error.
      }
    },

    applyChat(chat) {
      const key = chatKey(chat.session, chat.jid);
      eventsDuringLoad.apply(() =>
        set((state) => ({
          ...withChats(state, { ...state.chats, [key]: chat }),
          unread: withUnread(state.unread, key, chat),
        })),
      );
    },

    hideChat(key) {
      eventsDuringLoad.apply(() =>
        set((state) =>
          state.outside[key] ? {} : withChats(state, state.chats, { ...state.outside, [key]: true }),
        ),
      );
    },

    showChat(chat) {
      const key = chatKey(chat.session, chat.jid);
      eventsDuringLoad.apply(() =>
        set((state) => {
          const outside = { ...state.outside };
          delete outside[key];
          return {
            ...withChats(state, { ...state.chats, [key]: chat }, outside),
            // A chat that joins the view may be new and unread: the window title counts it.
            unread: withUnread(state.unread, key, chat),
          };
        }),
      );
    },

    knowChat(chat) {
      const key = chatKey(chat.session, chat.jid);
      // Also again after a list loading now: its answer may list the chat (then it stays listed,
      // with the answer's values) or not (then it stays known, out of the list). Asked before the
      // list's answer came in, this read used to hide the chat that answer had just listed.
      eventsDuringLoad.apply(() =>
        set((state) => {
          if (state.chats[key] && !state.outside[key]) return {};
          return withChats(state, { ...state.chats, [key]: chat }, { ...state.outside, [key]: true });
        }),
      );
    },

    applyAck(session, ack) {
      const key = chatKey(session, ack.chat);
      const chat = get().chats[key];
      if (!chat?.lastMessage || chat.lastMessage.id !== ack.id) return;
      get().applyChat({ ...chat, lastMessage: { ...chat.lastMessage, status: ack.status } });
    },

    removeSession(session) {
      const prefix = chatKey(session, '');
      const without = <T>(record: Record<string, T>) =>
        Object.fromEntries(Object.entries(record).filter(([key]) => !key.startsWith(prefix)));
      // Also again after a list that is loading now: it may have been read before the removal.
      eventsDuringLoad.apply(() =>
        set((state) => {
          const rest = { unread: without(state.unread), typing: without(state.typing) };
          if (state.filter.session !== session) return { ...withChats(state, without(state.chats)), ...rest };
          generation++;
          return {
            ...rest,
            filter: { ...state.filter, session: null },
            chats: {},
            order: [],
            cursor: null,
            hasMore: false,
            loading: false,
            loaded: false,
          };
        }),
      );
    },

    applyPresence(session, update) {
      const key = chatKey(session, update.chat);
      set((state) => {
        const typing = { ...state.typing };
        if (update.presence === 'composing' || update.presence === 'recording') {
          typing[key] = { state: update.presence, who: update.jid, until: Date.now() + TYPING_MS };
        } else {
          delete typing[key];
        }
        return { typing };
      });
      setTimeout(() => {
        const typing = get().typing[key];
        if (!typing || typing.until > Date.now()) return;
        set((state) => {
          const rest = { ...state.typing };
          delete rest[key];
          return { typing: rest };
        });
      }, TYPING_MS + 100);
    },
  };
});

/**
 * Loads the chat list unless it is loaded or on its way. The shell starts it beside `people.me`
 * when the person lands on the inbox (components/InboxPrefetch.tsx), and the list pane calls it
 * as it mounts: a load already on its way is not asked again (a second one dropped the first).
 */
export function startInboxLoad(transport: Transport): void {
  const { loaded, loading, load } = useInbox.getState();
  if (!loaded && !loading) void load(transport);
}
