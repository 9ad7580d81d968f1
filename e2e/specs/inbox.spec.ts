import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { Customer, messageText } from '../../testkit/wa-emulator/customer.js';
import { signInToInbox } from '../pages/sign-in.js';
import { startApp } from '../support/app-server.js';
import { startAppWithChats } from '../support/app-with-chats.js';
import { expect, test } from '../support/fixtures.js';
import { JPEG_48PX } from '../../testkit/support/media-fixtures.js';
import { gradientPng } from '../support/png.js';
import { linkSession, rpc, waitUntilConnected } from '../support/rpc.js';
import { seededId } from '../support/seed-history.js';
import { customersClosedAfterEach, useWaServer } from '../support/wa-server.js';

const SCREENSHOTS = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
/** Baileys' WebMessageInfo.Status: the customer's phone saw our message as read. */
const READ = 4;

const wa = useWaServer();
const customers = customersClosedAfterEach();

async function customer(phone: string, name: string): Promise<Customer> {
  const created = await Customer.create(wa.emulator, { phone, name });
  customers.push(created);
  return created;
}

type NotificationLog = { shownNotifications: { title: string; body: string; click: () => void }[] };

/** Stands in for the browser's Notification API, recording what was shown and allowing a click. */
async function fakeNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shown: { title: string; body: string; click: () => void }[] = [];
    class FakeNotification {
      static permission = 'default';
      static requestPermission() {
        FakeNotification.permission = 'granted';
        return Promise.resolve('granted');
      }
      onclick: (() => void) | null = null;
      constructor(title: string, options: { body?: string } = {}) {
        shown.push({ title, body: options.body ?? '', click: () => this.onclick?.() });
      }
      close() {}
    }
    Object.assign(globalThis, { Notification: FakeNotification, shownNotifications: shown });
  });
}

function shownNotifications(page: Page): Promise<{ title: string; body: string }[]> {
  return page.evaluate(() =>
    (globalThis as unknown as NotificationLog).shownNotifications.map(({ title, body }) => ({ title, body })),
  );
}

test('a customer message appears live; the reply reaches them; ticks turn to read', async ({ page }) => {
  await fakeNotifications(page);
  const app = await startApp({ env: wa.env });
  try {
    const shopJid = await linkSession(app, wa.emulator, { id: 'shop', name: 'Shop', phone: '972520000101' });
    const inbox = await signInToInbox(page, app);
    await expect(page.getByText('No conversations yet')).toBeVisible();
    await page.getByRole('button', { name: 'Turn on notifications' }).click();
    await expect(page.getByRole('button', { name: 'Notifications are on' })).toBeVisible();

    const alice = await customer('15550000001', 'Alice Cohen');
    const first = await alice.sendText(shopJid, 'Hi! Is my order ready?');
    const aliceChat = inbox.chat(/Alice Cohen|\+1 555 000 0001/);
    await expect(aliceChat).toBeVisible();
    await expect(aliceChat.getByLabel('1 unread')).toBeVisible();
    await expect(page).toHaveTitle('(1) Chatdock');
    // Not looking at that chat: a desktop notification.
    await expect
      .poll(() => shownNotifications(page))
      .toEqual([expect.objectContaining({ body: 'Hi! Is my order ready?' })]);

    await aliceChat.click();
    await expect(page).toHaveURL(new RegExp(`/chats/shop/${alice.jid.replace('.', '\\.')}$`));
    await expect(inbox.bubble('Hi! Is my order ready?')).toBeVisible();
    // An open chat belongs to the Inbox area: the sidebar says so (it is not rendered again per chat).
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Inbox' })).toHaveClass(/\bactive\b/);
    await expect(nav.getByRole('link', { name: 'Sessions' })).not.toHaveClass(/\bactive\b/);
    // Opening the chat reads it: the badge goes, the title count goes, the customer sees blue ticks.
    await expect(aliceChat.getByLabel(/unread/)).toHaveCount(0);
    await expect(page).toHaveTitle('Chatdock');
    await alice.waitForStatus(first.key.id!, READ);

    // Live into the open conversation, without a notification (the user is looking at it).
    await alice.sendText(shopJid, 'I can come at 5pm שלום');
    await expect(inbox.bubble('I can come at 5pm')).toBeVisible();
    await expect(inbox.bubble('I can come at 5pm').locator('p[dir="auto"]')).toBeVisible();

    await inbox.send('Yes, it is ready for pickup 🎉');
    const reply = await alice.waitForText('Yes, it is ready for pickup 🎉');
    const ours = inbox.bubble('Yes, it is ready for pickup');
    await expect(ours.getByRole('img', { name: /^(Sent|Delivered)$/ })).toBeVisible();
    await alice.read([reply]);
    await expect(ours.getByRole('img', { name: 'Read' })).toBeVisible();
    await expect(aliceChat.getByRole('img', { name: 'Read' })).toBeVisible();

    // Reply to a specific message: the customer's WhatsApp shows it quoted.
    await inbox.messageAction(inbox.bubble('I can come at 5pm'), 'Reply');
    await expect(page.getByText(/^Replying to (Alice Cohen|\+1 555 000 0001)$/)).toBeVisible();
    await inbox.send('See you then!');
    const quoted = await alice.waitForText('See you then!');
    expect(quoted.message?.extendedTextMessage?.contextInfo?.quotedMessage).toBeTruthy();
    await expect(
      inbox.bubble('See you then!').getByRole('button', { name: /^Quoted message/ }),
    ).toContainText('I can come at 5pm');

    // The customer reacts to our message.
    await alice.react(reply.key, '❤️');
    await expect(ours.getByRole('img', { name: 'Reactions: ❤️ 1' })).toBeVisible();

    // Edit and delete our own message; the customer's WhatsApp follows.
    await inbox.messageAction(inbox.bubble('See you then!'), 'Edit');
    await expect(page.getByText('Editing message')).toBeVisible();
    await inbox.send('See you at 5pm!');
    await expect(inbox.bubble('See you at 5pm!')).toContainText('Edited');
    await alice.waitFor(
      () => alice.received.some((m) => m.message?.protocolMessage?.editedMessage),
      15_000,
      'edit',
    );
    await inbox.messageAction(inbox.bubble('See you at 5pm!'), 'Delete…');
    await inbox.bubble('See you at 5pm!').getByRole('menuitem', { name: 'Delete for everyone' }).click();
    await expect(inbox.bubble('This message was deleted')).toBeVisible();

    // Written while the number is offline: it waits (with a clock) and is sent once on reconnect.
    await rpc(app, 'sessions.disconnect', { id: 'shop' });
    await expect(
      inbox.conversation().getByRole('status').filter({ hasText: 'Shop is offline' }),
    ).toBeVisible();
    await inbox.send('Your receipt is attached');
    const waiting = inbox.conversation().getByRole('article', { name: 'Waiting to be sent' });
    await expect(waiting).toContainText('sent as soon as it reconnects');
    await rpc(app, 'sessions.connect', { id: 'shop' });
    await waitUntilConnected(app, 'shop');
    await alice.waitForText('Your receipt is attached');
    await expect(waiting).toHaveCount(0);
    expect(alice.received.filter((m) => messageText(m) === 'Your receipt is attached')).toHaveLength(1);
    await expect(
      inbox.bubble('Your receipt is attached').getByRole('img', { name: /^(Sent|Delivered|Read)$/ }),
    ).toBeVisible();

    // A message in another chat while this one is open: notified; the click opens that chat.
    const bob = await customer('15550000002', 'Bob');
    await bob.sendText(shopJid, 'Do you deliver?');
    await expect(inbox.chat('Do you deliver?')).toBeVisible();
    await expect.poll(async () => (await shownNotifications(page)).length).toBe(2);
    await page.evaluate(() => (globalThis as unknown as NotificationLog).shownNotifications[1]!.click());
    await expect(page).toHaveURL(new RegExp(`/chats/shop/${bob.jid.replace('.', '\\.')}$`));
    await expect(inbox.bubble('Do you deliver?')).toBeVisible();

    // Arrow keys move between chats; the deep link survives a reload.
    await inbox.chatList().focus();
    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(/15550000001/);
    await page.reload();
    await expect(inbox.bubble('Your receipt is attached')).toBeVisible();
    await expect(aliceChat).toHaveAttribute('aria-selected', 'true');

    // The contact panel opens from the header and closes with Esc.
    await inbox.conversation().getByRole('button', { name: 'Contact info', exact: true }).click();
    const panel = page.getByRole('complementary', { name: 'Contact info' });
    await expect(panel).toContainText('+1 555 000 0001');
    await expect(panel).toContainText('Shop');
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
  } finally {
    await app.stop();
  }
});

test('an image dropped on the conversation is shown and the customer receives the same bytes', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 820 });
  const app = await startApp({ env: wa.env });
  try {
    const shopJid = await linkSession(app, wa.emulator, {
      id: 'bakery',
      name: 'Bakery',
      phone: '972520000102',
    });
    const inbox = await signInToInbox(page, app);
    const dana = await customer('15550000003', 'Dana Levi');
    await dana.sendText(shopJid, 'Can you send me a photo of the birthday cake?');
    await dana.send(shopJid, {
      location: {
        degreesLatitude: 32.0853,
        degreesLongitude: 34.7818,
        name: 'Rothschild Blvd 1',
        address: 'Tel Aviv',
      },
    });
    await inbox.chat('Rothschild Blvd 1').click();
    await expect(inbox.bubble('Can you send me a photo')).toBeVisible();
    await expect(inbox.bubble('Rothschild Blvd 1')).toBeVisible();
    await inbox.send('Sure, one moment');
    await dana.waitForText('Sure, one moment');

    const png = gradientPng(240, 160);
    await inbox.dropFiles([{ name: 'cake.png', mimeType: 'image/png', bytes: png }]);
    const preview = page.getByRole('dialog', { name: 'Send files' });
    await expect(preview.getByRole('img', { name: 'Preview of cake.png' })).toBeVisible();
    await preview.getByLabel('Caption').fill('Chocolate, 2 kg');
    await preview.getByRole('button', { name: /^Send/ }).click();

    const image = inbox.bubble('Chocolate, 2 kg').getByRole('img', { name: 'Chocolate, 2 kg' });
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((img: { naturalWidth: number }) => img.naturalWidth)).toBe(240);
    const received = await dana.waitForMessage((message) => Boolean(message.message?.imageMessage));
    expect(received.message?.imageMessage?.caption).toBe('Chocolate, 2 kg');
    expect(Buffer.compare(await dana.download(received), png)).toBe(0);

    await dana.react(received.key, '😍');
    await expect(inbox.bubble('Chocolate, 2 kg').getByRole('img', { name: 'Reactions: 😍 1' })).toBeVisible();
    await dana.sendText(shopJid, 'Perfect, thank you!');
    await expect(inbox.bubble('Perfect, thank you!')).toBeVisible();

    mkdirSync(SCREENSHOTS, { recursive: true });
    await inbox.conversation().getByRole('button', { name: 'Contact info', exact: true }).click();
    await expect(page.getByRole('complementary', { name: 'Contact info' })).toContainText('+1 555 000 0003');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expect(image).toBeVisible();
      await page.screenshot({ path: path.join(SCREENSHOTS, `inbox-${colorScheme}.png`) });
    }
  } finally {
    await app.stop();
  }
});

test("the contact panel shows the customer's profile picture and about text; the list and header too", async ({
  page,
}) => {
  const app = await startApp({ env: wa.env });
  try {
    const shopJid = await linkSession(app, wa.emulator, {
      id: 'florist',
      name: 'Florist',
      phone: '972520000104',
    });
    wa.emulator.setProfilePicture('15550000005', JPEG_48PX);
    wa.emulator.setAbout('15550000005', 'Weddings & events 💐 שלום');
    const inbox = await signInToInbox(page, app);
    const maya = await customer('15550000005', 'Maya Katz');
    await maya.sendText(shopJid, 'Do you have white roses?');
    const row = inbox.chat('Do you have white roses?');
    await expect(row).toBeVisible();
    await expect.poll(() => inbox.loadedWidth(inbox.avatarPicture(row))).toBe(48);

    await row.click();
    await expect(inbox.bubble('Do you have white roses?')).toBeVisible();
    await expect.poll(() => inbox.loadedWidth(inbox.avatarPicture(inbox.conversation()))).toBe(48);
    await inbox.openContactPanel();
    const panel = inbox.contactPanel();
    await expect(panel.getByText('Weddings & events 💐 שלום')).toBeVisible();
    const picture = inbox.avatarPicture(panel);
    await expect(picture).toBeVisible();
    await expect.poll(() => inbox.loadedWidth(picture)).toBeGreaterThan(0);
    await expect(picture).toHaveAttribute('alt', '');

    // Someone without a picture who cleared their about text: initials and a dash, no broken image.
    wa.emulator.setAbout('15550000006', '');
    const omer = await customer('15550000006', 'Omer Tal');
    await omer.sendText(shopJid, 'Are you open on Friday?');
    await inbox.chat('Are you open on Friday?').click();
    await expect(panel).toContainText('+1 555 000 0006');
    await expect(panel.locator('dd', { hasText: '—' })).toBeVisible();
    await expect(panel.locator('.avatar')).not.toBeEmpty();
    await expect(inbox.avatarPicture(panel)).toHaveCount(0);
  } finally {
    await app.stop();
  }
});

test('5,000 stored messages: scroll-back stays virtualised and anchored; a search hit lands on its message', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const jid = '15550009999@s.whatsapp.net';
  const total = 5000;
  const code = (n: number) => `ref${String(n).padStart(4, '0')}`;
  const text = (n: number) =>
    n % 7 === 0
      ? `Order update ${code(n)}: the courier picked up the parcel.\nIt should arrive tomorrow between 9 and 12.`
      : `Message ${code(n)} ${n % 2 ? 'about the order' : 'thanks!'}`;

  // The history is written straight into the database (startAppWithChats), not sent message by message.
  const now = Date.now();
  const app = await startAppWithChats({
    number: { id: 'archive', name: 'Archive' },
    env: wa.env,
    chats: [
      { jid, name: 'Long History', count: total, text, newestAt: now - 60_000 },
      {
        jid: '15550001111@s.whatsapp.net',
        name: 'Noa',
        count: 3,
        text: (n) => (n === 1 ? 'Noa: 我们明天开门，价格不变' : `Noa ${n}`),
        newestAt: now - 3_600_000,
      },
      {
        jid: '15550002222@s.whatsapp.net',
        name: 'Omer',
        count: 3,
        text: (n) => `Omer ${n}`,
        newestAt: now - 7_200_000,
      },
    ],
  });
  try {
    const inbox = await signInToInbox(page, app);
    await page.goto(`${app.url}/chats/archive/${jid}`);
    await expect(inbox.bubbleById(seededId(total))).toBeVisible();
    await expect(inbox.chat('Long History')).toHaveAttribute('aria-selected', 'true');
    expect(await inbox.bubbles().count()).toBeLessThan(120);

    const list = inbox.messageScroller();

    // Scroll back page by page: each older page is loaded and the message under the reader stays
    // put. The page requests are held until the position before the load has been measured.
    const held: { release: (() => void) | null } = { release: null };
    await page.route('**/rpc/messages.page', async (route) => {
      await new Promise<void>((resolve) => (held.release = resolve));
      await route.continue();
    });
    const pageTimes: number[] = [];
    for (let round = 0; round < 8; round++) {
      await list.evaluate((element: { scrollTop: number }) => (element.scrollTop = 0));
      await expect.poll(() => held.release !== null).toBe(true);
      // The oldest loaded message, now at the top, is the anchor of the page about to be prepended.
      await expect.poll(() => inbox.topmostRenderedId()).toMatch(/^SEED/);
      const anchor = (await inbox.topmostRenderedId())!;
      const older = seededId(Number(anchor.slice(4)) - 1);
      await expect(inbox.bubbleById(anchor)).toBeVisible();
      const before = (await inbox.topOf(anchor))!;
      const started = Date.now();
      held.release?.();
      held.release = null;
      await expect(inbox.bubbleById(older)).toBeAttached();
      pageTimes.push(Date.now() - started);
      await expect.poll(async () => Math.abs((await inbox.topOf(anchor))! - before)).toBeLessThanOrEqual(2);
      expect(await inbox.bubbles().count()).toBeLessThan(120);
    }
    await page.unroute('**/rpc/messages.page');
    // Reported, not asserted: how fast a page loads is measured by the bench (case 4, conversation
    // page), on a machine whose load is known; here a busy CI machine would only make it flaky.
    test.info().annotations.push({ type: 'older page load times (ms)', description: pageTimes.join(', ') });

    // Wheel scrolling through the loaded pages keeps the DOM bounded too.
    await list.hover();
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 1500);
    expect(await inbox.bubbles().count()).toBeLessThan(120);

    // Search over all history: the hit for a very old message, then straight to it, highlighted.
    await page.keyboard.press('Control+k');
    await expect(inbox.search()).toBeFocused();
    await inbox.search().fill(code(42));
    const hit = inbox.messageHits().filter({ hasText: code(42) });
    await expect(hit).toHaveCount(1);
    await expect(hit.locator('mark')).toHaveText(code(42));
    await hit.click();
    const target = inbox.bubbleById(seededId(42));
    await expect(target).toBeInViewport();
    await expect(target).toHaveAttribute('aria-current', 'true');
    await expect(target.locator('mark')).toHaveText(code(42));
    expect(await inbox.bubbles().count()).toBeLessThan(120);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'inbox-search-hit.png') });

    // From there, newer pages load when scrolling down.
    await inbox.search().fill('');
    await list.hover();
    await expect
      .poll(async () => {
        await page.mouse.wheel(0, 1000);
        return Number((await inbox.topmostRenderedId())?.slice(4) ?? 0);
      })
      .toBeGreaterThan(100);

    // Arrow keys in the list move to the next chat.
    await inbox.chatList().focus();
    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(/15550001111/);
    await expect(inbox.bubble('Noa 3')).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(/15550002222/);
    await expect(inbox.bubble('Omer 3')).toBeVisible();
    await page.keyboard.press('ArrowUp');
    await expect(page).toHaveURL(/15550001111/);

    // A word inside Chinese text (no spaces between words) is found and marked.
    await inbox.search().fill('明天');
    const chinese = inbox.messageHits().filter({ hasText: '我们明天开门' });
    await expect(chinese).toHaveCount(1);
    await expect(chinese.locator('mark')).toHaveText('明天');
  } finally {
    await app.stop();
  }
});
