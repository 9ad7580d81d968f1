/**
 * On a phone the chat list and an open chat take the screen in turns: "Back to chats" must bring
 * the list back where the person left it, with the chat they opened where it was (issue #23,
 * session 20; reported in session 18: the list came back scrolled further down).
 */
import type { Locator } from '@playwright/test';
import { signInToInbox } from '../pages/sign-in.js';
import { startAppWithChats } from '../support/app-with-chats.js';
import { expect, test } from '../support/fixtures.js';

/** The row's top edge on screen, in whole pixels. */
async function topOf(row: Locator): Promise<number> {
  const box = await row.boundingBox();
  if (!box) throw new Error('the row is not on screen');
  return Math.round(box.y);
}

test('on a phone, Back to chats shows the list where it was left', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const now = Date.now();
  const app = await startAppWithChats({
    chats: Array.from({ length: 60 }, (_, i) => ({
      jid: `1555000${String(800 + i).padStart(4, '0')}@s.whatsapp.net`,
      name: `Customer ${String(i + 1).padStart(2, '0')}`,
      count: 30,
      text: (n: number) => `Customer ${i + 1}, message ${n}: about the order for the weekend market`,
      newestAt: now - (i + 1) * 60_000,
    })),
  });
  try {
    const inbox = await signInToInbox(page, app);
    const list = inbox.chatList();
    await expect(inbox.chat('Customer 01')).toBeVisible();

    // Down the list, as a person scrolls to an older chat.
    await list.hover();
    for (let step = 0; step < 6; step++) await page.mouse.wheel(0, 400);
    await expect.poll(() => list.evaluate((element) => element.scrollTop)).toBeGreaterThan(1500);
    await page.waitForTimeout(300);
    const scrolled = await list.evaluate((element) => element.scrollTop);
    const chat = inbox.chat('Customer 36');
    await expect(chat).toBeVisible();
    const chatTop = await topOf(chat);
    expect(chatTop).toBeGreaterThan((await list.boundingBox())?.y ?? Infinity);

    // A tap where the row is (a locator's click would first scroll the list to show it whole).
    await page.mouse.click(195, chatTop + 30);
    await expect(inbox.bubble('Customer 36, message 30')).toBeVisible();
    await expect(list).toBeHidden();
    await inbox.conversation().getByRole('button', { name: 'Back to chats' }).click();

    await expect(list).toBeVisible();
    await expect(chat).toBeVisible();
    await expect.poll(() => topOf(chat)).toBe(chatTop);
    expect(await list.evaluate((element) => element.scrollTop)).toBe(scrolled);
    // It stays there (nothing moves it a frame later).
    await page.waitForTimeout(500);
    expect(await topOf(chat)).toBe(chatTop);

    // A row half above the list's top: the tap scrolls the list to show it as the chat opens
    // (Playwright's click scrolls it into view first, as a browser does for a focused row).
    const listTop = (await list.boundingBox())?.y ?? 0;
    const halfShown = inbox.chat('Customer 31');
    expect(await topOf(halfShown)).toBeLessThan(listTop);
    await halfShown.click();
    await expect(inbox.bubble('Customer 31, message 30')).toBeVisible();
    await inbox.conversation().getByRole('button', { name: 'Back to chats' }).click();
    await expect(list).toBeVisible();
    await expect(halfShown).toBeInViewport();
  } finally {
    await app.stop();
  }
});
