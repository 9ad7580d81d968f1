import { create } from 'zustand';
import type { Message } from '../../src-shared/messages';
import type { SendMessageInput } from '../../src-shared/send-schemas';
import { chatKey } from '../model/inbox/chat-order';
import { newIdempotencyKey, newMessageId } from '../model/inbox/ids';
import { sendFailure } from '../model/send-error';
import { RpcError } from '../transport/rpc-error';
import type { Transport } from '../transport/types';
import { useSessions } from './sessions';

/**
 * A message composed here that the core has not confirmed yet: sending, queued while its number
 * is offline (sent when it reconnects, or cancelled), or failed with Retry.
 */
export interface Outgoing {
  /** The WhatsApp id chosen up front: the stored message arrives with the same id. */
  id: string;
  session: string;
  chat: string;
  /** Chosen once: however often it is sent again (Retry, reconnect), WhatsApp gets it once. */
  idempotencyKey: string;
  input: SendMessageInput & { id: string };
  state: 'sending' | 'queued' | 'failed';
  /** Why it failed, in plain words. */
  error: string | null;
  /** False when sending again cannot help (e.g. the number is not on WhatsApp): no Retry. */
  canRetry: boolean;
  timestamp: string;
  /** A local preview of an attached file (object URL), revoked once the message is stored. */
  previewUrl: string | null;
}

interface OutgoingState {
  /** By chat (`session|jid`), in the order they were written. */
  outgoing: Record<string, Outgoing[]>;
  /** Sends now, or queues while the number is offline; the stored message once sent. */
  send(
    transport: Transport,
    target: { session: string; chat: string },
    input: SendMessageInput,
    previewUrl?: string | null,
  ): Promise<Message | null>;
  retry(transport: Transport, id: string): Promise<Message | null>;
  /** Cancels a queued message or drops a failed one. */
  discard(id: string): void;
  /** Sends what was queued for a number that is connected again, oldest first. */
  flush(transport: Transport, session: string): Promise<Message[]>;
  /** The stored message arrived (answer or event): its bubble is replaced by it. */
  confirm(message: Pick<Message, 'session' | 'chat' | 'id'>): void;
  /** A number was deleted: its unsent messages go. */
  forgetSession(session: string): void;
}

const isConnected = (session: string) =>
  useSessions.getState().sessions.find((s) => s.id === session)?.status === 'connected';

export const useOutgoing = create<OutgoingState>((set, get) => {
  const find = (id: string) =>
    Object.values(get().outgoing)
      .flat()
      .find((item) => item.id === id);

  function patch(id: string, change: Partial<Outgoing>): void {
    set((state) => {
      const outgoing: Record<string, Outgoing[]> = {};
      for (const [key, list] of Object.entries(state.outgoing))
        outgoing[key] = list.map((item) => (item.id === id ? { ...item, ...change } : item));
      return { outgoing };
    });
  }

  function remove(item: Outgoing): void {
    if (item.previewUrl) URL.revokeObjectURL(item.previewUrl);
    const key = chatKey(item.session, item.chat);
    set((state) => ({
      outgoing: { ...state.outgoing, [key]: (state.outgoing[key] ?? []).filter((i) => i.id !== item.id) },
    }));
  }

  async function deliver(transport: Transport, item: Outgoing): Promise<Message | null> {
    patch(item.id, { state: 'sending', error: null });
    try {
      const message = await transport.call('messages.send', {
        session: item.session,
        message: item.input,
        idempotencyKey: item.idempotencyKey,
      });
      get().confirm(message);
      return message;
    } catch (error) {
      // The number went offline on the way: wait for it instead of failing.
      const offline = error instanceof RpcError && error.code === 'NOT_CONNECTED';
      const failure = sendFailure(error);
      patch(
        item.id,
        offline
          ? { state: 'queued' }
          : { state: 'failed', error: failure.reason, canRetry: failure.canRetry },
      );
      return null;
    }
  }

  return {
    outgoing: {},

    async send(transport, { session, chat }, input, previewUrl = null) {
      const id = newMessageId();
      const item: Outgoing = {
        id,
        session,
        chat,
        idempotencyKey: newIdempotencyKey(),
        input: { ...input, id },
        state: isConnected(session) ? 'sending' : 'queued',
        error: null,
        canRetry: true,
        timestamp: new Date().toISOString(),
        previewUrl,
      };
      const key = chatKey(session, chat);
      set((state) => ({ outgoing: { ...state.outgoing, [key]: [...(state.outgoing[key] ?? []), item] } }));
      return item.state === 'queued' ? null : deliver(transport, item);
    },

    async retry(transport, id) {
      const item = find(id);
      if (!item || item.state === 'sending') return null;
      return deliver(transport, item);
    },

    discard(id) {
      const item = find(id);
      if (item && item.state !== 'sending') remove(item);
    },

    async flush(transport, session) {
      const queued = Object.values(get().outgoing)
        .flat()
        .filter((item) => item.session === session && item.state === 'queued');
      const sent: Message[] = [];
      // One at a time, in order: the customer reads them as they were written.
      for (const item of queued) {
        if (find(item.id)?.state !== 'queued') continue; // cancelled meanwhile
        const message = await deliver(transport, item);
        if (message) sent.push(message);
      }
      return sent;
    },

    confirm(message) {
      const item = get().outgoing[chatKey(message.session, message.chat)]?.find((i) => i.id === message.id);
      if (item) remove(item);
    },

    forgetSession(session) {
      const prefix = chatKey(session, '');
      const outgoing: Record<string, Outgoing[]> = {};
      for (const [key, list] of Object.entries(get().outgoing)) {
        if (!key.startsWith(prefix)) outgoing[key] = list;
        else for (const item of list) if (item.previewUrl) URL.revokeObjectURL(item.previewUrl);
      }
      set({ outgoing });
    },
  };
});
