import { describe, expect, it } from 'vitest';
import type { Message } from '../../src-shared/messages';
import { decodeDraft, draftPreview, draftStorage, encodeDraft } from './drafts';

/** A Storage over a Map, as the browser's localStorage behaves. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

const quoted = { id: 'ABC123', text: 'Is the cake ready?', fromMe: false } as Message;

describe('chat drafts', () => {
  it('keep the text and the message replied to across a reload', () => {
    const storage = memoryStorage();
    draftStorage.write('shop|447700900999@s.whatsapp.net', { text: 'Yes, at 5', replyTo: quoted }, storage);
    draftStorage.write('shop|972501234567@s.whatsapp.net', { text: 'Hello', replyTo: null }, storage);
    expect(draftStorage.all(storage)).toEqual({
      'shop|447700900999@s.whatsapp.net': { text: 'Yes, at 5', replyTo: quoted },
      'shop|972501234567@s.whatsapp.net': { text: 'Hello', replyTo: null },
    });
  });

  it('are removed once empty (sent, or the text deleted and the reply cancelled)', () => {
    const storage = memoryStorage();
    draftStorage.write('shop|a', { text: 'Hi', replyTo: quoted }, storage);
    draftStorage.write('shop|a', { text: '  ', replyTo: null }, storage);
    expect(storage.length).toBe(0);
  });

  it('read the plain text drafts of earlier versions, and text that only looks like JSON', () => {
    expect(decodeDraft('See you soon')).toEqual({ text: 'See you soon', replyTo: null });
    expect(decodeDraft('{not json')).toEqual({ text: '{not json', replyTo: null });
    expect(decodeDraft('{"text":"x"}')).toEqual({ text: '{"text":"x"}', replyTo: null });
    expect(decodeDraft(encodeDraft({ text: 'a', replyTo: quoted }))).toEqual({ text: 'a', replyTo: quoted });
  });

  it('show on one line in the chat list', () => {
    expect(draftPreview({ text: 'Two\nlines ', replyTo: null })).toBe('Two lines');
    expect(draftPreview({ text: '', replyTo: quoted })).toBe('');
    expect(draftPreview(undefined)).toBeNull();
  });
});
