/**
 * Opening a chat: its first page goes alone (issue #23 target 7, session 15 round 2). The chat's
 * other calls (contact presence, assignment state and history, staff presence, assignment
 * settings, automation state and senders, block list) start only once that page has been
 * answered and painted, still all of them, and only for the chat on screen: a chat left while its
 * page was on its way never asks them. The page's answers are held (e2e/support/held-rpc.ts); the
 * calls the page made are recorded in the page itself (a wrapper around `fetch`), so what it asked
 * before a given moment is known exactly, with no timers.
 */
import type { Page } from '@playwright/test';
import { signInToInbox } from '../pages/sign-in.js';
import { startAppWithChats } from '../support/app-with-chats.js';
import { expect, test } from '../support/fixtures.js';
import { HeldRpc } from '../support/held-rpc.js';

const DANA = '15550000501@s.whatsapp.net';
const OMAR = '15550000502@s.whatsapp.net';
/** The calls an opened one-to-one chat makes besides its page. */
const SIDE_CALLS = [
  'contactPresence.watch',
  'assignment.get',
  'assignment.history',
  'staffPresence.list',
  'assignmentSettings.get',
  'automation.chatState',
  'automation.senders',
  'blocklist.list',
];

/** Every `/rpc/<operation>` the page has called, in order, with its input. */
function asked(page: Page): Promise<{ operation: string; input: Record<string, unknown> }[]> {
  return page.evaluate('window.rpcAsked') as Promise<{ operation: string; input: Record<string, unknown> }[]>;
}

/** Resolves after the page has painted two more frames: effects of the last commit have run. */
async function twoFrames(page: Page): Promise<void> {
  await page.evaluate(
    'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))))',
  );
}

/** Run in the page before its scripts: records each `/rpc/<operation>` call as `fetch` makes it. */
const RECORD_RPC = `(() => {
  const calls = [];
  window.rpcAsked = calls;
  const original = window.fetch.bind(window);
  window.fetch = (resource, init) => {
    const url = typeof resource === 'string' ? resource : resource instanceof URL ? resource.href : resource.url;
    const operation = /\\/rpc\\/([^/?]+)$/.exec(url)?.[1];
    if (operation) calls.push({ operation, input: typeof init?.body === 'string' ? JSON.parse(init.body) : null });
    return original(resource, init);
  };
})();`;

test('an opened chat asks its other calls only after its first page, and only for the chat shown', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const now = Date.now();
  const app = await startAppWithChats({
    chats: [
      {
        jid: DANA,
        name: 'Dana Levi',
        count: 4,
        text: (n) => `Cake ${n} is boxed`,
        newestAt: now - 60_000,
      },
      {
        jid: OMAR,
        name: 'Omar',
        count: 3,
        text: (n) => `Bread ${n} at noon`,
        newestAt: now - 3_600_000,
      },
    ],
  });
  await page.addInitScript(RECORD_RPC);
  try {
    const inbox = await signInToInbox(page, app);

    // Dana's page is held: the pane is up, its frames painted, and it has asked nothing else.
    const held = await HeldRpc.on(page, ['messages.page']);
    const before = (await asked(page)).length;
    await inbox.chat('Dana Levi').click();
    await expect(inbox.conversation()).toHaveAccessibleName(/Dana Levi/);
    await expect.poll(() => held.asked.length).toBe(1);
    await twoFrames(page);
    const whileHeld = (await asked(page)).slice(before).map((call) => call.operation);
    expect(whileHeld).toContain('messages.page');
    expect(whileHeld.filter((operation) => SIDE_CALLS.includes(operation))).toEqual([]);

    // The page lets through: its messages show, then every other call is made, for Dana.
    await held.release('messages.page');
    await expect(inbox.bubble('Cake 4 is boxed')).toBeVisible();
    await expect
      .poll(async () => {
        const made = (await asked(page)).slice(before);
        return SIDE_CALLS.filter((operation) => !made.some((call) => call.operation === operation));
      })
      .toEqual([]);
    await expect(page.getByRole('toolbar', { name: 'Status and assignee' })).toBeVisible();

    // Omar opened and left while his page is on its way: none of his other calls is ever made.
    // (A click waits a moment for its page before the pane opens, open-on-page.ts: Omar's pane is
    // up once that wait is over, his page still held.)
    const switching = (await asked(page)).length;
    await inbox.chat('Omar').click();
    await expect.poll(() => held.asked.length).toBe(2);
    await expect(inbox.conversation()).toHaveAccessibleName(/Omar/);
    await inbox.chat('Dana Levi').click();
    await expect.poll(() => held.asked.length).toBe(3);
    await held.release('messages.page', 2);
    await expect(inbox.conversation()).toHaveAccessibleName(/Dana Levi/);
    await expect(inbox.bubble('Cake 4 is boxed')).toBeVisible();
    await expect
      .poll(async () =>
        (await asked(page))
          .slice(switching)
          .filter((call) => call.operation === 'assignment.get' && call.input.chat === DANA),
      )
      .toHaveLength(1);
    await twoFrames(page);
    const forOmar = (await asked(page))
      .slice(switching)
      .filter((call) => SIDE_CALLS.includes(call.operation) && call.input.chat === OMAR);
    expect(forOmar).toEqual([]);
    await held.stop();
  } finally {
    await app.stop();
  }
});
