import { describe, expect, it } from 'vitest';
import type { Message } from '../../../src-shared/messages';
import { testMessage } from '../../test-support/fixtures';
import type { Transport } from '../../transport/types';
import { createConversationStore } from '../conversation';

const dana = '972501111111@s.whatsapp.net';

function message(id: string, second: number): Message {
  const timestamp = new Date(Date.UTC(2026, 10, 21, 10, 0, second)).toISOString();
  return testMessage(id, timestamp, { chat: dana, sender: dana });
}

/** A chat of ten messages m0…m9; pages and jumps answer from it like the core (newest first). */
function historyTransport(): Transport {
  const all = Array.from({ length: 10 }, (_, index) => message(`m${index}`, index));
  const newestFirst = (from: number, to: number) => all.slice(from, to).reverse();
  const call = (op: string, input: { before?: string; after?: string; id?: string }) => {
    if (op === 'messages.around') {
      const at = Number(input.id?.slice(1));
      return Promise.resolve({ items: newestFirst(at - 1, at + 2), older: `${at - 1}`, newer: `${at + 2}` });
    }
    if (input.after !== undefined) {
      return Promise.resolve({ items: newestFirst(Number(input.after), 10), next: null });
    }
    if (input.before !== undefined) {
      return Promise.resolve({ items: newestFirst(0, Number(input.before)), next: null });
    }
    return Promise.resolve({ items: newestFirst(5, 10), next: '5' });
  };
  return { call } as unknown as Transport;
}

const texts = (store: ReturnType<typeof createConversationStore>) =>
  store.getState().messages.map((m) => m.text);

describe('the conversation store', () => {
  it('opens at the newest page and pages back to the first message', async () => {
    const store = createConversationStore();
    const transport = historyTransport();
    await store.getState().open(transport, 'shop', dana);
    expect(texts(store)).toEqual(['m5', 'm6', 'm7', 'm8', 'm9']);
    expect(store.getState().hasOlder).toBe(true);
    await store.getState().loadOlder(transport);
    expect(texts(store)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9']);
    expect(store.getState().hasOlder).toBe(false);
  });

  it('jumps into the past, marks the message, and pages forward to the newest again', async () => {
    const store = createConversationStore();
    const transport = historyTransport();
    await store.getState().open(transport, 'shop', dana, { id: 'm3', query: 'hello' });
    expect(texts(store)).toEqual(['m2', 'm3', 'm4']);
    expect(store.getState().highlight).toMatchObject({ id: 'm3', query: 'hello' });
    expect(store.getState().hasNewer).toBe(true);
    // A new message waits while the newest messages are not loaded: it would show out of place.
    store.getState().applyMessage(message('m10', 10));
    expect(texts(store)).not.toContain('m10');
    await store.getState().loadNewer(transport);
    expect(texts(store)).toEqual(['m2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9']);
    expect(store.getState().hasNewer).toBe(false);
  });

  it('drops a page that answers after its chat was closed', async () => {
    const store = createConversationStore();
    let answer: (value: unknown) => void = () => undefined;
    const slow = { call: () => new Promise((resolve) => (answer = resolve)) } as unknown as Transport;
    const opening = store.getState().open(slow, 'shop', dana);
    store.getState().close();
    answer({ items: [message('late', 1)], next: null });
    await opening;
    expect(store.getState().messages).toEqual([]);
    expect(store.getState().jid).toBeNull();
  });

  it('replies to or edits one message at a time, and forgets both (and the notice) in another chat', async () => {
    const store = createConversationStore();
    const transport = historyTransport();
    await store.getState().open(transport, 'shop', dana);
    const [first, second] = store.getState().messages;
    store.getState().setReplyTo(first ?? null);
    store.getState().setEditing(second ?? null);
    expect(store.getState().replyTo).toBeNull();
    expect(store.getState().editing?.id).toBe('m6');
    store.getState().setReplyTo(first ?? null);
    expect(store.getState().editing).toBeNull();
    store.getState().setNotice('The file could not be read');
    await store.getState().open(transport, 'shop', '972502222222@s.whatsapp.net');
    expect(store.getState()).toMatchObject({ replyTo: null, editing: null, notice: null });
  });

  it('applies a reaction and a deletion to the open chat only', async () => {
    const store = createConversationStore();
    const transport = historyTransport();
    await store.getState().open(transport, 'shop', dana);
    store
      .getState()
      .applyReaction('shop', { chat: dana, id: 'm9', sender: 'me', emoji: '👍', removed: false });
    store.getState().applyDeleted('other', { chat: dana, id: 'm8' });
    store.getState().applyDeleted('shop', { chat: dana, id: 'm7' });
    const byId = new Map(store.getState().messages.map((m) => [m.id, m]));
    expect(byId.get('m9')?.reactions.map((r) => r.emoji)).toEqual(['👍']);
    expect(byId.get('m8')?.revoked).toBe(false);
    expect(byId.get('m7')).toMatchObject({ revoked: true, text: null });
  });
});
