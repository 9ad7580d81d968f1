/**
 * Opening another chat keeps the conversation pane and swaps the chat in it (issue #23 target 7,
 * session 18): only the rows are mounted again. What belongs to one chat must not follow the
 * person to the next: the draft and its reply, files waiting to be sent, an open emoji picker or
 * chat menu; and coming back shows the first chat's draft and reply again.
 */
import type { Page } from '@playwright/test';
import { signInToInbox } from '../pages/sign-in.js';
import { startAppWithChats } from '../support/app-with-chats.js';
import { expect, test } from '../support/fixtures.js';

const DANA = '15550000701@s.whatsapp.net';
const BEN = '15550000702@s.whatsapp.net';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Whether the conversation header is the element this asked about last time (false the first
 * time): the same element means the pane was not mounted again.
 */
function headerKept(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const global = globalThis as unknown as {
      document: { querySelector(s: string): unknown };
      kept?: unknown;
    };
    const header = global.document.querySelector('.conversation__header');
    const same = global.kept === header;
    global.kept = header;
    return same;
  });
}

test('switching chats swaps the chat in the pane: draft, reply, files, picker and menu stay with theirs', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const now = Date.now();
  const app = await startAppWithChats({
    chats: [
      {
        jid: DANA,
        name: 'Dana Levi',
        count: 12,
        text: (n) => `Dana asks about cake ${n}`,
        newestAt: now - 60_000,
      },
      {
        jid: BEN,
        name: 'Ben Cohen',
        count: 8,
        text: (n) => `Ben asks about bread ${n}`,
        newestAt: now - 120_000,
      },
    ],
  });
  try {
    const inbox = await signInToInbox(page, app);
    await inbox.chat('Dana Levi').click();
    await expect(inbox.bubble('Dana asks about cake 12')).toBeVisible();
    // The pane's header element, remembered to tell whether the pane is mounted again.
    expect(await headerKept(page)).toBe(false);

    // Dana's chat: a reply being written, with the emoji picker open.
    await inbox.messageAction(inbox.bubble('Dana asks about cake 11'), 'Reply');
    await inbox.composer().fill('Chocolate or vanilla?');
    await inbox.conversation().getByRole('button', { name: 'Emoji', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Emoji' })).toBeVisible();

    await inbox.chat('Ben Cohen').click();
    await expect(inbox.conversation()).toHaveAccessibleName('Conversation with Ben Cohen');
    await expect(inbox.bubble('Ben asks about bread 8')).toBeVisible();
    await expect(inbox.bubbles().filter({ hasText: 'Dana asks' })).toHaveCount(0);
    await expect(inbox.composer()).toHaveValue('');
    await expect(inbox.conversation().locator('.composer__banner')).toHaveCount(0);
    await expect(page.getByRole('dialog', { name: 'Emoji' })).toHaveCount(0);
    // The same pane: header, bars and composer stayed, the chat changed.
    expect(await headerKept(page)).toBe(true);

    // Ben's chat: files waiting to be sent, and the chat menu open.
    await inbox.dropFiles([{ name: 'bread.png', mimeType: 'image/png', bytes: PNG }]);
    await expect(page.getByRole('dialog', { name: 'Send files' })).toBeVisible();
    await inbox.chat('Dana Levi').click();
    await expect(inbox.bubble('Dana asks about cake 12')).toBeVisible();
    await expect(page.getByRole('dialog', { name: 'Send files' })).toHaveCount(0);
    // Dana's draft and the message it replies to are back.
    await expect(inbox.composer()).toHaveValue('Chocolate or vanilla?');
    await expect(inbox.conversation().locator('.composer__banner')).toContainText('Dana asks about cake 11');

    await inbox.conversation().getByRole('button', { name: 'More chat actions' }).click();
    await expect(page.getByRole('menu')).toBeVisible();
    await inbox.chat('Ben Cohen').click();
    await expect(inbox.bubble('Ben asks about bread 8')).toBeVisible();
    await expect(page.getByRole('menu')).toHaveCount(0);
    // Nothing of Ben's dropped files is waiting: the message box is back.
    await expect(inbox.composer()).toHaveValue('');
  } finally {
    await app.stop();
  }
});
