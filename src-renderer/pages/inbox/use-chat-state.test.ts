import { describe, expect, it } from 'vitest';
import { changeFor, heldFor, type Held } from './use-chat-state';

/** The pane stays mounted from chat to chat (session 18): what belongs to a chat must not follow. */
describe('state that belongs to the open chat', () => {
  const dana: Held<string[]> = { chat: 'shop|dana', value: ['cake.png'] };

  it("starts again for another chat, and keeps the chat's own state while it stays", () => {
    expect(heldFor(dana, 'shop|dana', () => [])).toBe(dana);
    expect(heldFor(dana, 'shop|ben', () => [])).toEqual({ chat: 'shop|ben', value: [] });
  });

  it('is changed by a setter made for its chat, with the value or from the current one', () => {
    expect(changeFor('shop|dana', ['menu.pdf'])(dana)).toEqual({ chat: 'shop|dana', value: ['menu.pdf'] });
    expect(changeFor<string[]>('shop|dana', (files) => [...files, 'menu.pdf'])(dana).value).toEqual([
      'cake.png',
      'menu.pdf',
    ]);
  });

  it("is not changed by the chat left: a late answer does not land on the next chat's state", () => {
    const ben: Held<string | null> = { chat: 'shop|ben', value: null };
    expect(changeFor<string | null>('shop|dana', 'Not on WhatsApp')(ben)).toBe(ben);
  });
});
