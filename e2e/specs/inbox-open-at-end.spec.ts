/**
 * An opened chat shows its newest message whole, also once the parts around the list have loaded
 * (issue #23 target 7, session 17). The assignment bar comes after the first page is painted (the
 * chat's other calls wait for it) and made the list shorter without moving it: the newest message
 * sat under the composer by the bar's height (49 px at 1366×768, 91 px on a phone).
 *
 * The opening renders the rows at the end first (session 19): the list started at the top of the
 * page, mounted and measured its oldest rows, and only then the newest ones, after the scroll to
 * the end had landed.
 */
import type { Page } from '@playwright/test';
import { signInToInbox } from '../pages/sign-in.js';
import { startAppWithChats } from '../support/app-with-chats.js';
import { expect, test } from '../support/fixtures.js';

const DANA = '15550000601@s.whatsapp.net';

/** How far the newest bubble's bottom is below the list's visible bottom (≤ 0: all of it shows). */
function newestHiddenPx(page: Page): Promise<number> {
  return page.evaluate(`(() => {
    const list = document.querySelector('.message-list').getBoundingClientRect();
    const bubbles = [...document.querySelectorAll('[role=feed] article')];
    const newest = bubbles.find((bubble) => bubble.textContent.includes('Order 40 is ready'));
    return newest ? Math.round(newest.getBoundingClientRect().bottom - list.bottom) : NaN;
  })()`) as Promise<number>;
}

/**
 * Records the text of every message row put into the page from now on (`__rowsAdded`), and of
 * every row moved once it was there (`__rowsMoved`: its place changed).
 */
const WATCH_ROWS = `(() => {
  window.__rowsAdded = [];
  window.__rowsMoved = [];
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes)
        if (node.classList?.contains('message-row')) window.__rowsAdded.push(node.textContent);
      if (record.type === 'attributes' && record.target.classList.contains('message-row'))
        window.__rowsMoved.push(record.target.textContent + ' ' + record.oldValue + ' → ' + record.target.getAttribute('style'));
    }
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'], attributeOldValue: true });
})()`;

for (const [screen, viewport] of [
  ['a desktop', { width: 1366, height: 768 }],
  ['a phone', { width: 390, height: 844 }],
] as const) {
  test(`on ${screen}, an opened chat renders its newest rows first and stays there when the assignment bar loads`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    const app = await startAppWithChats({
      chats: [
        {
          jid: DANA,
          name: 'Dana Levi',
          count: 40,
          text: (n) => `Order ${n} is ready for pickup at the front desk, the card machine works again`,
          newestAt: Date.now() - 60_000,
        },
      ],
    });
    try {
      const inbox = await signInToInbox(page, app);
      await page.evaluate(WATCH_ROWS);
      await inbox.chat('Dana Levi').click();
      await expect(inbox.bubble('Order 40 is ready')).toBeVisible();
      await expect(page.getByRole('toolbar', { name: 'Status and assignee' })).toBeVisible();
      await expect.poll(() => newestHiddenPx(page)).toBeLessThanOrEqual(0);
      // The message box takes the focus once the first page is in (session 19), ready to type.
      await expect(inbox.composer()).toBeFocused();
      // Only rows near the end were ever rendered, none of the page's oldest.
      const added = (await page.evaluate('window.__rowsAdded')) as string[];
      expect(added.some((text) => text.includes('Order 40 is ready'))).toBe(true);
      expect(added.filter((text) => /Order [1-9] is ready/.test(text))).toEqual([]);
      // And each row stayed where it was first put: its size was estimated right, so no row above
      // it was measured otherwise and nothing moved (session 20).
      expect(await page.evaluate('window.__rowsMoved')).toEqual([]);
    } finally {
      await app.stop();
    }
  });
}
