/**
 * Emoji in the chat list are drawn from the bundled Twemoji images, as in the bubbles: this
 * machine's Chromium (like many PCs) has no colour emoji font and drew them as boxes. The name,
 * the last message's preview and a draft all go through the same component; the row keeps its
 * one line (ellipsis) and its height.
 */
import path from 'node:path';
import { signInToInbox } from '../pages/sign-in.js';
import { startAppWithChats } from '../support/app-with-chats.js';
import { expect, test } from '../support/fixtures.js';

const SCREENSHOTS = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
const BAKERY = '15550000601@s.whatsapp.net';
const PLAIN = '15550000602@s.whatsapp.net';
const LONG = '15550000603@s.whatsapp.net';

test('emoji in chat names, previews and drafts are images; rows keep one line and their height', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const now = Date.now();
  const app = await startAppWithChats({
    chats: [
      {
        jid: BAKERY,
        name: 'Croissant 🥐 Club',
        count: 1,
        text: () => 'Fresh bread 🍞 today 🎉',
        newestAt: now - 60_000,
      },
      {
        jid: PLAIN,
        name: 'Omar',
        count: 1,
        text: () => 'See you at noon',
        newestAt: now - 120_000,
      },
      {
        jid: LONG,
        name: 'Noa',
        count: 1,
        text: () => `${'🎂 cake for the party and the candles '.repeat(8)}end`,
        newestAt: now - 180_000,
      },
    ],
  });
  try {
    const inbox = await signInToInbox(page, app);
    const bakery = inbox.chat('Fresh bread');
    await expect(bakery).toBeVisible();

    // The preview's and the name's emoji are the bundled images (the character stays, for copying).
    const bread = bakery.locator('.chat-item__preview .emoji-glyph', { hasText: '🍞' });
    await expect(bread).toHaveCSS('background-image', /\/emoji\/1f35e\.svg/);
    await expect(bakery.locator('.chat-item__preview .emoji-glyph', { hasText: '🎉' })).toHaveCSS(
      'background-image',
      /\/emoji\/1f389\.svg/,
    );
    await expect(bakery.locator('.chat-item__title .emoji-glyph', { hasText: '🥐' })).toHaveCSS(
      'background-image',
      /\/emoji\/1f950\.svg/,
    );
    const image = await page.request.get(`${app.url}/emoji/1f35e.svg`);
    expect(image.status()).toBe(200);
    // Read as text as before: the row's accessible text still holds the emoji.
    await expect(bakery).toContainText('Fresh bread 🍞 today 🎉');

    // Same height as a row without emoji; a long preview stays on one line, cut with an ellipsis.
    const height = async (text: string) => (await inbox.chat(text).boundingBox())?.height ?? 0;
    expect(await height('Fresh bread')).toBe(await height('See you at noon'));
    const long = inbox.chat('cake for the party').locator('.chat-item__text');
    await expect(long).toHaveCSS('text-overflow', 'ellipsis');
    await expect(long).toHaveCSS('white-space', 'nowrap');
    expect(await long.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    expect(await height('cake for the party')).toBe(await height('See you at noon'));

    // A draft left in a chat shows in its row, its emoji drawn the same way.
    await inbox.chat('See you at noon').click();
    await inbox.composer().fill('On my way 🚲');
    await bakery.click();
    const draft = inbox.chat('Omar').locator('.chat-item__preview');
    await expect(draft).toContainText('Draft: On my way 🚲');
    await expect(draft.locator('.emoji-glyph', { hasText: '🚲' })).toHaveCSS(
      'background-image',
      /\/emoji\/1f6b2\.svg/,
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'inbox-list-emoji-1366.png') });
    await page.setViewportSize({ width: 400, height: 800 });
    await page.goto(`${app.url}/inbox`);
    await expect(bakery.locator('.emoji-glyph', { hasText: '🍞' })).toBeVisible();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'inbox-list-emoji-400.png') });
  } finally {
    await app.stop();
  }
});
