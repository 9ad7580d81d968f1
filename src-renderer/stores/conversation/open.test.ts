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
