import { create } from 'zustand';
import type { MessageRef } from '../../src-shared/contract/events';
import type { Message, MessageStatus } from '../../src-shared/messages';
import type { SendMessageInput } from '../../src-shared/send-schemas';
import { chatKey } from '../pages/inbox/logic/chat-order';
import { mergeMessages, PAGE_SIZE } from '../pages/inbox/logic/history';
import { newIdempotencyKey, newMessageId } from '../pages/inbox/logic/ids';
import { describeError } from '../transport/rpc-error';
import type { Transport } from '../transport/types';
import { EventsDuringLoad } from './events-during-load';

const AROUND = 25;

/** A message composed here that the core has not confirmed yet (sending, or failed with Retry). */
export interface Outgoing {
  /** The WhatsApp id chosen up front: the stored message arrives with the same id. */
  id: string;
  session: string;
  chat: string;
  idempotencyKey: string;
  input: SendMessageInput & { id: string };
  state: 'sending' | 'failed';
  error: string | null;
  timestamp: string;
  /** A local preview of an attached file (object URL), revoked once the message is stored. */
  previewUrl: string | null;
}

interface Highlight {
  id: string;
  /** The search that led here, to mark its words in the message. */
  query: string | null;
  /** Bumped on every jump, so jumping to the same message again scrolls again. */
  seq: number;
}

interface ConversationState {
  session: string | null;
  jid: string | null;
  /** Loaded history, oldest first. */
  messages: Message[];
  hasOlder: boolean;
  /** True after a jump into the past: the newest messages are not loaded. */
  hasNewer: boolean;
  loading: boolean;
  loadingOlder: boolean;
  loadingNewer: boolean;
  error: string | null;
  /** Bumped when the conversation is (re)loaded at its newest message, to scroll to the end. */
  openedSeq: number;
  highlight: Highlight | null;
  outgoing: Record<string, Outgoing[]>;
  replyTo: Message | null;
  editing: Message | null;
  /** The message being forwarded (the forward dialog is open). */
  forwarding: Message | null;
  /** A short message about an action that failed (shown as an alert). */
  notice: string | null;
  open(
    transport: Transport,
    session: string,
    jid: string,
    focus?: { id: string; query: string | null },
  ): Promise<void>;
  /** No chat is open (so its messages are not shown as seen and notifications resume). */
  close(): void;
  loadOlder(transport: Transport): Promise<void>;
  loadNewer(transport: Transport): Promise<void>;
  jumpTo(transport: Transport, id: string, query?: string | null): Promise<void>;
  jumpToLatest(transport: Transport): Promise<void>;
  /** Merges the newest page again (after the live link was down). */
  refresh(transport: Transport): Promise<void>;
  send(transport: Transport, input: SendMessageInput, previewUrl?: string | null): Promise<void>;
  retry(transport: Transport, id: string): Promise<void>;
  discard(id: string): void;
  setReplyTo(message: Message | null): void;
  setEditing(message: Message | null): void;
  setForwarding(message: Message | null): void;
  setNotice(notice: string | null): void;
  applyMessage(message: Message): void;
  applyAck(session: string, ack: MessageRef & { status: MessageStatus }): void;
  applyReaction(
    session: string,
    reaction: MessageRef & { sender: string; emoji: string; removed: boolean },
  ): void;
  applyDeleted(session: string, ref: MessageRef): void;
  /** A number was deleted (`session.deleted`): its open chat empties, its unsent messages go. */
  forgetSession(session: string, historyKept: boolean): void;
}

/** Answers to a conversation that is no longer open are dropped. */
let generation = 0;
/** Where the next older / newer page starts (exact positions from the server); null: that end is loaded. */
let olderCursor: string | null = null;
let newerCursor: string | null = null;
/** Messages changed by events while a chat opens are changed again on top of its first page. */
const eventsDuringLoad = new EventsDuringLoad();

export const useConversation = create<ConversationState>((set, get) => {
  const isOpen = (session: string, chat: string) => get().session === session && get().jid === chat;

  function updateMessage(session: string, chat: string, id: string, change: (m: Message) => Message): void {
    if (!isOpen(session, chat)) return;
    eventsDuringLoad.apply(() =>
      set((state) => ({ messages: state.messages.map((m) => (m.id === id ? change(m) : m)) })),
    );
  }

  function removeOutgoing(session: string, chat: string, id: string): void {
    const key = chatKey(session, chat);
    const list = get().outgoing[key];
    const found = list?.find((item) => item.id === id);
    if (!list || !found) return;
    if (found.previewUrl) URL.revokeObjectURL(found.previewUrl);
    set((state) => ({ outgoing: { ...state.outgoing, [key]: list.filter((item) => item !== found) } }));
  }

  function patchOutgoing(id: string, change: Partial<Outgoing>): void {
    set((state) => {
      const outgoing: Record<string, Outgoing[]> = {};
      for (const [key, list] of Object.entries(state.outgoing)) {
        outgoing[key] = list.map((item) => (item.id === id ? { ...item, ...change } : item));
      }
      return { outgoing };
    });
  }

  async function deliver(transport: Transport, item: Outgoing): Promise<void> {
    try {
      const message = await transport.call('messages.send', {
        session: item.session,
        message: item.input,
        idempotencyKey: item.idempotencyKey,
      });
      get().applyMessage(message);
      removeOutgoing(item.session, item.chat, item.id);
    } catch (error) {
      patchOutgoing(item.id, { state: 'failed', error: describeError(error) });
    }
  }

  /** The next page on one side of what is loaded, from that side's exact cursor. */
  async function loadPage(transport: Transport, side: 'older' | 'newer'): Promise<void> {
    const older = side === 'older';
    const { session, jid, loadingOlder, loadingNewer } = get();
    const cursor = older ? olderCursor : newerCursor;
    if (!session || !jid || cursor === null || (older ? loadingOlder : loadingNewer)) return;
    const mine = generation;
    const loading = (value: boolean) => (older ? { loadingOlder: value } : { loadingNewer: value });
    set(loading(true));
    try {
      const { items, next } = await transport.call('messages.page', {
        session,
        chat: jid,
        limit: PAGE_SIZE,
        ...(older ? { before: cursor } : { after: cursor }),
      });
      if (mine !== generation) return;
      if (older) olderCursor = next;
      else newerCursor = next;
      set((state) => ({
        messages: mergeMessages(state.messages, [...items].reverse(), side),
        ...(older ? { hasOlder: next !== null } : { hasNewer: next !== null }),
        ...loading(false),
      }));
    } catch (error) {
      if (mine === generation) set({ ...loading(false), error: describeError(error) });
    }
  }

  async function loadAround(transport: Transport, id: string, mine: number): Promise<Message[] | null> {
    const { session, jid } = get();
    if (!session || !jid) return null;
    const around = await transport.call('messages.around', { session, chat: jid, id, context: AROUND });
    if (mine !== generation) return null;
    olderCursor = around.older;
    newerCursor = around.newer;
    // messages.around answers newest first.
    return mergeMessages([], [...around.items].reverse());
  }

  return {
    session: null,
    jid: null,
    messages: [],
    hasOlder: false,
    hasNewer: false,
    loading: false,
    loadingOlder: false,
    loadingNewer: false,
    error: null,
    openedSeq: 0,
    highlight: null,
    outgoing: {},
    replyTo: null,
    editing: null,
    forwarding: null,
    notice: null,

    async open(transport, session, jid, focus) {
      const mine = ++generation;
      olderCursor = null;
      newerCursor = null;
      set({
        session,
        jid,
        messages: [],
        hasOlder: false,
        hasNewer: false,
        loading: true,
        loadingOlder: false,
        loadingNewer: false,
        error: null,
        highlight: null,
        replyTo: null,
        editing: null,
        forwarding: null,
        notice: null,
      });
      try {
        if (focus) {
          await get().jumpTo(transport, focus.id, focus.query);
          if (mine === generation) set({ loading: false });
          return;
        }
        const { answer, replay } = await eventsDuringLoad.load(() =>
          transport.call('messages.page', { session, chat: jid, limit: PAGE_SIZE }),
        );
        if (mine !== generation) return;
        olderCursor = answer.next;
        set((state) => ({
          messages: mergeMessages([], [...answer.items].reverse()),
          hasOlder: answer.next !== null,
          loading: false,
          openedSeq: state.openedSeq + 1,
        }));
        // A message that came in while the page was on its way, and is not on it.
        replay();
      } catch (error) {
        if (mine === generation) set({ loading: false, error: describeError(error) });
      }
    },

    close() {
      generation++;
      set({
        session: null,
        jid: null,
        messages: [],
        highlight: null,
        replyTo: null,
        editing: null,
        forwarding: null,
      });
    },

    loadOlder: (transport) => loadPage(transport, 'older'),

    loadNewer: (transport) => loadPage(transport, 'newer'),

    async jumpTo(transport, id, query = null) {
      const seq = (get().highlight?.seq ?? 0) + 1;
      if (get().messages.some((m) => m.id === id)) {
        set({ highlight: { id, query, seq } });
        return;
      }
      const mine = generation;
      try {
        const items = await loadAround(transport, id, mine);
        if (!items) return;
        set({
          messages: items,
          hasOlder: olderCursor !== null,
          hasNewer: newerCursor !== null,
          highlight: { id, query, seq },
          error: null,
        });
      } catch (error) {
        if (mine === generation) set({ error: describeError(error) });
      }
    },

    async jumpToLatest(transport) {
      const { session, jid } = get();
      if (!session || !jid) return;
      await get().open(transport, session, jid);
    },

    async refresh(transport) {
      const { session, jid, hasNewer } = get();
      if (!session || !jid || hasNewer) return;
      const mine = generation;
      try {
        const { items } = await transport.call('messages.page', { session, chat: jid, limit: PAGE_SIZE });
        if (mine === generation) {
          set((state) => ({ messages: mergeMessages(state.messages, [...items].reverse()) }));
        }
      } catch {
        // The next event or scroll will try again.
      }
    },

    async send(transport, input, previewUrl = null) {
      const { session, jid } = get();
      if (!session || !jid) return;
      if (get().hasNewer) await get().jumpToLatest(transport);
      const id = newMessageId();
      const item: Outgoing = {
        id,
        session,
        chat: jid,
        idempotencyKey: newIdempotencyKey(),
        input: { ...input, id },
        state: 'sending',
        error: null,
        timestamp: new Date().toISOString(),
        previewUrl,
      };
      const key = chatKey(session, jid);
      set((state) => ({
        outgoing: { ...state.outgoing, [key]: [...(state.outgoing[key] ?? []), item] },
        highlight: null,
      }));
      await deliver(transport, item);
    },

    async retry(transport, id) {
      const item = Object.values(get().outgoing)
        .flat()
        .find((candidate) => candidate.id === id);
      if (!item || item.state === 'sending') return;
      patchOutgoing(id, { state: 'sending', error: null });
      await deliver(transport, { ...item, state: 'sending' });
    },

    discard(id) {
      const item = Object.values(get().outgoing)
        .flat()
        .find((candidate) => candidate.id === id);
      if (item) removeOutgoing(item.session, item.chat, item.id);
    },

    setReplyTo(message) {
      set({ replyTo: message, editing: null });
    },

    setEditing(message) {
      set({ editing: message, replyTo: null });
    },

    setForwarding(message) {
      set({ forwarding: message });
    },

    setNotice(notice) {
      set({ notice });
    },

    applyMessage(message) {
      removeOutgoing(message.session, message.chat, message.id);
      if (!isOpen(message.session, message.chat)) return;
      const known = get().messages.some((m) => m.id === message.id);
      // After a jump into the past, new messages wait until the newest page is loaded again.
      if (!known && get().hasNewer) return;
      eventsDuringLoad.apply(() => set((state) => ({ messages: mergeMessages(state.messages, [message]) })));
    },

    applyAck(session, ack) {
      updateMessage(
        session,
        ack.chat,
        ack.id,
        (m) => mergeMessages([m], [{ ...m, status: ack.status }])[0] ?? m,
      );
    },

    applyReaction(session, reaction) {
      updateMessage(session, reaction.chat, reaction.id, (m) => {
        const others = m.reactions.filter((r) => r.sender !== reaction.sender);
        const reactions = reaction.removed
          ? others
          : [
              ...others,
              { sender: reaction.sender, emoji: reaction.emoji, timestamp: new Date().toISOString() },
            ];
        return { ...m, reactions };
      });
    },

    applyDeleted(session, ref) {
      updateMessage(session, ref.chat, ref.id, (m) => ({
        ...m,
        revoked: true,
        text: null,
        media: null,
        content: null,
      }));
    },

    forgetSession(session, historyKept) {
      const prefix = chatKey(session, '');
      const outgoing: Record<string, Outgoing[]> = {};
      for (const [key, list] of Object.entries(get().outgoing)) {
        if (!key.startsWith(prefix)) outgoing[key] = list;
        else for (const item of list) if (item.previewUrl) URL.revokeObjectURL(item.previewUrl);
      }
      if (get().session !== session) {
        set({ outgoing });
        return;
      }
      // Answers still on their way belong to a chat that no longer exists.
      generation++;
      olderCursor = null;
      newerCursor = null;
      set({
        outgoing,
        messages: [],
        hasOlder: false,
        hasNewer: false,
        loading: false,
        loadingOlder: false,
        loadingNewer: false,
        highlight: null,
        replyTo: null,
        editing: null,
        forwarding: null,
        error: historyKept
          ? 'This number was deleted. Its chats are kept and come back if a number with the same id is added.'
          : 'This number was deleted, and its chats with it.',
      });
    },
  };
});
