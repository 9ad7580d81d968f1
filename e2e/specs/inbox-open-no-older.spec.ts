/**
 * Opening a chat asks for its newest page only, not an older one too (issue #23 target 7,
 * session 23). A chat's page often lands between the render of its empty "loading" list and that
 * render's effects; the effect that fills a short list with older pages then judged the store as
 * it was by then (the page's `hasOlder`, no longer loading) against the empty list it had rendered,
 * and asked for an older page in the middle of the opening, whose answer was rendered before the
 * newest message was painted. On a CPU slowed down as the bench's (4×) it happened in about one
 * opening of six. Every chat here has more than a page, and each is opened with its page answered
 * at once; scrolling up still loads the older page.
 */
import type { Page } from '@playwright/test';
import { signInToInbox } from '../pages/sign-in.js';
import { startAppWithChats } from '../support/app-with-chats.js';
import { expect, test } from '../support/fixtures.js';

const CHATS = 12;
const MESSAGES = 60; // more than one page (50)

/** Run in the page before its scripts: records the input of every `messages.page` call. */
const RECORD_PAGES = `(() => {
  window.pagesAsked = [];
  const original = window.fetch.bind(window);
  window.fetch = (resource, init) => {
    const url = typeof resource === 'string' ? resource : resource instanceof URL ? resource.href : resource.url;
    if (/\\/rpc\\/messages\\.page$/.test(url)) window.pagesAsked.push(JSON.parse(init.body));
    return original(resource, init);
  };
})();`;

function pagesAsked(page: Page): Promise<{ chat: string; before?: string }[]> {
  return page.evaluate('window.pagesAsked') as Promise<{ chat: string; before?: string }[]>;
}

const jidOf = (index: number) => `${15550000700 + index}@s.whatsapp.net`;
const nameOf = (index: number) => `Customer ${String(index).padStart(2, '0')}`;

test('opening chats asks each one newest page and no older page until the reader scrolls up', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const now = Date.now();
  const app = await startAppWithChats({
    chats: Array.from({ length: CHATS }, (_, index) => ({
      jid: jidOf(index),
      name: nameOf(index),
      count: MESSAGES,
      text: (n: number) => `${nameOf(index)} message ${n}.`,
      newestAt: now - index * 60_000,
    })),
  });
  await page.addInitScript(RECORD_PAGES);
  try {
    const inbox = await signInToInbox(page, app);
    // The bench's modest PC: the page's answer then often comes back while the pane still renders.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    for (let index = 0; index < CHATS; index += 1) {
      await inbox.chat(nameOf(index)).click();
      await expect(inbox.bubble(`${nameOf(index)} message ${MESSAGES}.`)).toBeVisible();
    }
    // Whatever was still on its way has landed.
    await page.waitForTimeout(500);
    const asked = await pagesAsked(page);
    expect(asked.filter((call) => call.before !== undefined)).toEqual([]);
    expect(asked.map((call) => call.chat).sort()).toEqual(
      Array.from({ length: CHATS }, (_, index) => jidOf(index)).sort(),
    );
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

    // Scrolling up to the oldest loaded message still asks the older page, of the chat shown.
    const last = nameOf(CHATS - 1);
    await page.locator('.message-list').evaluate((list) => (list.scrollTop = 0));
    await expect
      .poll(async () =>
        (await pagesAsked(page)).filter((call) => call.before !== undefined).map((call) => call.chat),
      )
      .toEqual([jidOf(CHATS - 1)]);
    await page.locator('.message-list').evaluate((list) => (list.scrollTop = 0));
    await expect(inbox.bubble(`${last} message 1.`)).toBeVisible();
  } finally {
    await app.stop();
  }
});
