/**
 * Issue #18 point 17: the composer's emoji picker has search, categories, recently used and skin
 * tones, and its emoji are drawn from bundled images, so they look the same on every PC.
 */
import path from 'node:path';
import { signInToInbox } from '../pages/sign-in.js';
import { startAppWithChats } from '../support/app-with-chats.js';
import { expect, test } from '../support/fixtures.js';

const SCREENSHOTS = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
const CHAT = '15550000501@s.whatsapp.net';

test('emoji picker: search, pick, skin tone and recently used', async ({ page }) => {
  test.setTimeout(120_000);
  const app = await startAppWithChats({
    chats: [{ jid: CHAT, name: 'Dana Levi', count: 1, text: () => 'Hello', newestAt: Date.now() }],
  });
  try {
    const inbox = await signInToInbox(page, app);
    await page.goto(`${app.url}/chats/shop/${CHAT}`);
    await expect(inbox.composer()).toBeVisible();

    const emojiButton = inbox.conversation().getByRole('button', { name: 'Emoji', exact: true });
    await emojiButton.click();
    const picker = page.getByRole('dialog', { name: 'Emoji' });
    const search = picker.getByRole('searchbox', { name: 'Search emoji' });
    await expect(search).toBeFocused();
    // Categories are offered, and the whole set, not a short list.
    await expect(picker.getByRole('button', { name: 'Food & drink' })).toBeVisible({ timeout: 30_000 });
    expect(await picker.locator('.emoji-picker__grid button').count()).toBeGreaterThan(1000);

    // Search by a word start; Enter takes the first match.
    await search.fill('pizz');
    await expect(picker.getByRole('button', { name: 'pizza' })).toBeVisible();
    await search.press('Enter');
    await expect(picker).toBeHidden();
    await expect(inbox.composer()).toHaveValue('🍕');

    // A skin tone chosen once applies to emoji that have tones, and is remembered.
    await emojiButton.click();
    await picker.getByRole('button', { name: /^Skin tone/ }).click();
    await picker.getByRole('button', { name: 'Medium-dark' }).click();
    await search.fill('waving hand');
    await picker.getByRole('button', { name: 'waving hand' }).click();
    await expect(inbox.composer()).toHaveValue('🍕👋🏾');

    // Recently used come first, newest first.
    await emojiButton.click();
    const recent = picker.getByRole('region', { name: 'Recently used' });
    await expect(recent.getByRole('button').nth(0)).toHaveAccessibleName(
      'waving hand: medium-dark skin tone',
    );
    await expect(recent.getByRole('button').nth(1)).toHaveAccessibleName('pizza');
    await expect(recent.getByRole('button')).toHaveCount(2);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'emoji-picker-1366-light.png') });
    await page.setViewportSize({ width: 400, height: 800 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(picker).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'emoji-picker-400-dark.png') });
    // Nothing matches: said plainly.
    await search.fill('qwxzqwxz');
    await expect(picker.getByRole('status')).toHaveText('No emoji match “qwxzqwxz”');
    await page.keyboard.press('Escape');
    await expect(picker).toBeHidden();

    // Emoji are drawn from the bundled images (the same on every PC), which the app serves.
    await emojiButton.click();
    const pizza = picker.getByRole('button', { name: 'pizza' }).first();
    await search.fill('pizza');
    await expect(pizza.locator('img')).toHaveAttribute('src', '/emoji/1f355.svg');
    await expect(pizza.locator('img')).toHaveJSProperty('complete', true);
    expect(
      await pizza.locator('img').evaluate((img: { naturalWidth: number }) => img.naturalWidth),
    ).toBeGreaterThan(0);
    const image = await page.request.get(`${app.url}/emoji/1f355.svg`);
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toContain('image/svg+xml');
    // Kept by the browser: a picker full of emoji is not fetched again each time it opens.
    expect(image.headers()['cache-control']).toContain('max-age');
  } finally {
    await app.stop();
  }
});
