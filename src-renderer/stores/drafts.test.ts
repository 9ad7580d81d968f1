import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** localStorage as the browser has it, for the store's writes. */
class MemoryStorage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const CHAT = 'shop|15550000301@s.whatsapp.net';
const STORED = `chatdock.draft.${CHAT}`;
let storage: MemoryStorage;

async function freshStore() {
  vi.resetModules();
  return (await import('./drafts')).useDrafts;
}

describe('drafts while typing', () => {
  beforeEach(() => {
    storage = new MemoryStorage();
    vi.stubGlobal('localStorage', storage);
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('stores a burst of keystrokes once, when typing settles', async () => {
    const useDrafts = await freshStore();
    let renders = 0;
    useDrafts.subscribe(() => renders++);
    for (const text of ['H', 'He', 'Hel', 'Hell', 'Hello']) useDrafts.getState().setText(CHAT, text);
    expect(storage.getItem(STORED)).toBeNull();
    expect(renders).toBe(0);
    await vi.runAllTimersAsync();
    expect(JSON.parse(storage.getItem(STORED)!)).toMatchObject({ text: 'Hello', replyTo: null });
    expect(useDrafts.getState().drafts[CHAT]?.text).toBe('Hello');
    expect(renders).toBe(1);
  });

  it('stores what is waiting at once on flush (leaving the chat, the page hidden or unloaded)', async () => {
    const useDrafts = await freshStore();
    useDrafts.getState().setText(CHAT, 'Your rye bread is');
    useDrafts.getState().flush();
    expect(JSON.parse(storage.getItem(STORED)!)).toMatchObject({ text: 'Your rye bread is' });
  });

  it('flushes on pagehide through the listener the store installs', async () => {
    const useDrafts = await freshStore();
    const { flushDraftsOnLeave } = await import('./drafts');
    const target = new EventTarget();
    flushDraftsOnLeave(target as unknown as Window);
    useDrafts.getState().setText(CHAT, 'before the reload');
    target.dispatchEvent(new Event('pagehide'));
    expect(JSON.parse(storage.getItem(STORED)!)).toMatchObject({ text: 'before the reload' });
  });

  it('keeps the text typed with a reply, and drops a cleared draft at once', async () => {
    const useDrafts = await freshStore();
    useDrafts.getState().setText(CHAT, 'Chocolate is sold out');
    const quoted = { id: 'M1' } as Parameters<ReturnType<typeof useDrafts.getState>['setReplyTo']>[1];
    useDrafts.getState().setReplyTo(CHAT, quoted);
    expect(JSON.parse(storage.getItem(STORED)!)).toMatchObject({
      text: 'Chocolate is sold out',
      replyTo: { id: 'M1' },
    });
    useDrafts.getState().setReplyTo(CHAT, null);
    useDrafts.getState().setText(CHAT, '');
    expect(storage.getItem(STORED)).toBeNull();
    expect(useDrafts.getState().drafts[CHAT]).toBeUndefined();
  });

  it('reads the drafts stored by an earlier page', async () => {
    storage.setItem(STORED, JSON.stringify({ v: 2, text: 'kept', replyTo: null }));
    const useDrafts = await freshStore();
    expect(useDrafts.getState().drafts[CHAT]?.text).toBe('kept');
  });
});
