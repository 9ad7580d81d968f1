import { beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../src-shared/messages';
import { testMessage } from '../../test-support/fixtures';
import type { Transport } from '../../transport/types';
import { useConversation } from '../conversation';

const dana = '972501111111@s.whatsapp.net';

function message(id: string, text: string, second: number): Message {
  const timestamp = new Date(Date.UTC(2026, 10, 21, 10, 0, second)).toISOString();
  return testMessage(id, timestamp, { chat: dana, sender: dana, senderName: 'Dana', text });
}

/** `messages.page` answers when the test says. */
function slowPage() {
  let answer: (items: Message[]) => void = () => undefined;
  const transport = {
    call: () => new Promise((resolve) => (answer = (items) => resolve({ items, next: null }))),
  } as unknown as Transport;
  return { transport, answer: (newestFirst: Message[]) => answer(newestFirst) };
}

beforeEach(() => useConversation.getState().close());

describe('opening a chat while its customer writes', () => {
  it('shows a message that arrived before the first page did, though the page predates it', async () => {
    const { transport, answer } = slowPage();
    const opening = useConversation.getState().open(transport, 'shop', dana);
    useConversation.getState().applyMessage(message('new', 'are you open?', 30));
    answer([message('old', 'hello', 10)]);
    await opening;
    expect(useConversation.getState().messages.map((m) => m.text)).toEqual(['hello', 'are you open?']);
  });
});

describe('opening a group with API sends waiting their human pause', () => {
  const group = '120363000000000001@g.us';
  const inGroup = (id: string, text: string, second: number, extra: Partial<Message> = {}) => ({
    ...message(id, text, second),
    chat: group,
    ...extra,
  });

  it('shows each waiting send after the page, and the sent copy when it went out meanwhile', async () => {
    const waiting = [
      inGroup('p1', 'Yes, 9 to 1', 40, { fromMe: true, status: 'pending' }),
      inGroup('p2', 'See you', 41, { fromMe: true, status: 'pending' }),
    ];
    const page = [
      inGroup('p2', 'See you', 41, { fromMe: true, status: 'server' }),
      inGroup('m1', 'Open?', 10),
    ];
    const transport = {
      call: (name: string) =>
        Promise.resolve(name === 'messages.waiting' ? { items: waiting } : { items: page, next: null }),
    } as unknown as Transport;
    await useConversation.getState().open(transport, 'shop', group);
    expect(useConversation.getState().messages.map((m) => [m.id, m.status])).toEqual([
      ['m1', page[1]!.status],
      ['p1', 'pending'],
      ['p2', 'server'],
    ]);
  });

  it('asks for waiting sends in groups only', async () => {
    const asked: string[] = [];
    const transport = {
      call: (name: string) => {
        asked.push(name);
        return Promise.resolve({ items: [], next: null });
      },
    } as unknown as Transport;
    await useConversation.getState().open(transport, 'shop', dana);
    expect(asked).toEqual(['messages.page']);
    await useConversation.getState().open(transport, 'shop', group);
    expect(asked).toEqual(['messages.page', 'messages.page', 'messages.waiting']);
  });
});

describe('a chat whose first page was asked on the click (preopen)', () => {
  const ben = '972502222222@s.whatsapp.net';

  /** Counts `messages.page` calls; each answers when the test says. */
  function countedPages() {
    const answers: Array<(items: Message[]) => void> = [];
    const asked: string[] = [];
    const transport = {
      call: (_name: string, input: { chat: string }) => {
        asked.push(input.chat);
        return new Promise((resolve) => answers.push((items) => resolve({ items, next: null })));
      },
    } as unknown as Transport;
    return { transport, asked, answer: (index: number, items: Message[]) => answers[index]!(items) };
  }

  it('opens with the page asked ahead, without asking again', async () => {
    const { transport, asked, answer } = countedPages();
    useConversation.getState().preopen(transport, 'shop', dana);
    expect(asked).toEqual([dana]);
    const opening = useConversation.getState().open(transport, 'shop', dana);
    answer(0, [message('old', 'hello', 10)]);
    await opening;
    expect(asked).toEqual([dana]);
    expect(useConversation.getState().messages.map((m) => m.text)).toEqual(['hello']);
  });

  it('tells the click when the page is in, before the chat opens; nothing for the chat already shown', async () => {
    const { transport, answer } = countedPages();
    const page = useConversation.getState().preopen(transport, 'shop', dana);
    let arrived = false;
    void page?.then(() => (arrived = true));
    await Promise.resolve();
    expect(arrived).toBe(false);
    answer(0, [message('old', 'hello', 10)]);
    await page;
    expect(arrived).toBe(true);
    // Nothing is shown yet: the open applies the page.
    expect(useConversation.getState().messages).toEqual([]);
    await useConversation.getState().open(transport, 'shop', dana);
    expect(useConversation.getState().messages.map((m) => m.text)).toEqual(['hello']);
    expect(useConversation.getState().preopen(transport, 'shop', dana)).toBeNull();
  });

  it('a click back on the chat shown drops the page asked for the chat clicked just before', async () => {
    const { transport, asked, answer } = countedPages();
    const opening = useConversation.getState().open(transport, 'shop', dana);
    answer(0, [message('d', 'hello', 10)]);
    await opening;
    void useConversation.getState().preopen(transport, 'shop', ben);
    expect(useConversation.getState().preopen(transport, 'shop', dana)).toBeNull();
    answer(1, [message('b1', 'stale', 20)]);
    // Ben opened later asks his page again: the one asked on the abandoned click is not used.
    const later = useConversation.getState().open(transport, 'shop', ben);
    expect(asked).toEqual([dana, ben, ben]);
    answer(2, [message('b2', 'fresh', 30)]);
    await later;
    expect(useConversation.getState().messages.map((m) => m.text)).toEqual(['fresh']);
  });

  it('keeps what the customer wrote between the click and the open, though the page predates it', async () => {
    const { transport, answer } = countedPages();
    useConversation.getState().preopen(transport, 'shop', dana);
    // Heard before the chat is open: not shown yet, not lost.
    useConversation.getState().applyMessage(message('new', 'are you open?', 30));
    useConversation.getState().applyReaction('shop', {
      chat: dana,
      id: 'old',
      sender: dana,
      emoji: '👍',
      removed: false,
    });
    expect(useConversation.getState().messages).toEqual([]);
    const opening = useConversation.getState().open(transport, 'shop', dana);
    answer(0, [message('old', 'hello', 10)]);
    await opening;
    const shown = useConversation.getState().messages;
    expect(shown.map((m) => m.text)).toEqual(['hello', 'are you open?']);
    expect(shown[0]!.reactions.map((r) => r.emoji)).toEqual(['👍']);
  });

  it('keeps what the customer wrote after the page asked ahead came, before the chat opened', async () => {
    const { transport, answer } = countedPages();
    useConversation.getState().preopen(transport, 'shop', dana);
    answer(0, [message('old', 'hello', 10)]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    useConversation.getState().applyMessage(message('new', 'are you open?', 30));
    expect(useConversation.getState().messages).toEqual([]);
    await useConversation.getState().open(transport, 'shop', dana);
    expect(useConversation.getState().messages.map((m) => m.text)).toEqual(['hello', 'are you open?']);
  });

  it('puts nothing heard for the open chat on the page asked ahead for another', async () => {
    const { transport, answer } = countedPages();
    const opening = useConversation.getState().open(transport, 'shop', ben);
    answer(0, [{ ...message('b', 'from ben', 20), chat: ben }]);
    await opening;
    useConversation.getState().preopen(transport, 'shop', dana);
    useConversation.getState().applyMessage({ ...message('b2', 'ben again', 40), chat: ben });
    const switching = useConversation.getState().open(transport, 'shop', dana);
    answer(1, [message('old', 'hello', 10)]);
    await switching;
    expect(useConversation.getState().messages.map((m) => m.text)).toEqual(['hello']);
  });

  it('asks again for another chat, and drops the page asked ahead', async () => {
    const { transport, asked, answer } = countedPages();
    useConversation.getState().preopen(transport, 'shop', dana);
    const opening = useConversation.getState().open(transport, 'shop', ben);
    expect(asked).toEqual([dana, ben]);
    answer(0, [message('d', 'from dana', 10)]);
    answer(1, [{ ...message('b', 'from ben', 20), chat: ben }]);
    await opening;
    expect(useConversation.getState().messages.map((m) => m.text)).toEqual(['from ben']);
    // Dropped: opening Dana later asks for her page again.
    const again = useConversation.getState().open(transport, 'shop', dana);
    expect(asked).toEqual([dana, ben, dana]);
    answer(2, []);
    await again;
  });

  it('asks nothing ahead for the chat already open', async () => {
    const { transport, asked, answer } = countedPages();
    const opening = useConversation.getState().open(transport, 'shop', dana);
    answer(0, []);
    await opening;
    useConversation.getState().preopen(transport, 'shop', dana);
    expect(asked).toEqual([dana]);
  });

  it('survives the old pane closing between the click and the open', async () => {
    const { transport, asked, answer } = countedPages();
    useConversation.getState().preopen(transport, 'shop', dana);
    useConversation.getState().close();
    const opening = useConversation.getState().open(transport, 'shop', dana);
    answer(0, [message('old', 'hello', 10)]);
    await opening;
    expect(asked).toEqual([dana]);
    expect(useConversation.getState().messages.map((m) => m.text)).toEqual(['hello']);
  });
});
