/**
 * Issue #19 in the inbox, with real Baileys customers through the local WhatsApp server: the
 * customer's presence in the chat header (online, typing…), starring a message and finding it
 * in Starred, blocking (the banner instead of the composer), clearing and deleting a chat (also
 * done by someone else), and a number's privacy settings and block list under Sessions.
 */
import { Customer } from '../../testkit/wa-emulator/customer.js';
import { SessionsPage } from '../pages/sessions-page.js';
import { Shell } from '../pages/shell.js';
import { signInToInbox } from '../pages/sign-in.js';
import { startApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { linkSession, rpc } from '../support/rpc.js';
import { shootLaptopAndPhone } from '../support/screens.js';
import { customersClosedAfterEach, useWaServer } from '../support/wa-server.js';

const wa = useWaServer();
const customers = customersClosedAfterEach();
const LIVE = 60_000;

test('presence, star, block, clear and delete from the chat header', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const app = await startApp({ env: wa.env });
  try {
    const shop = '972520001901';
    const shopJid = `${shop}@s.whatsapp.net`;
    await linkSession(app, wa.emulator, { id: 'shop', name: 'Bakery', phone: shop });
    const noa = await Customer.create(wa.emulator, { phone: '447700901901', name: 'Noa' });
    const eli = await Customer.create(wa.emulator, { phone: '447700901902', name: 'Eli' });
    customers.push(noa, eli);
    const fromEli = await eli.sendText(shopJid, 'Eli was here');
    await noa.sendText(shopJid, 'First question');
    await noa.sendText(shopJid, 'Keep this address: Dizengoff 100');
    const inbox = await signInToInbox(page, app);
    await inbox.chat('Noa').click();
    const header = inbox.conversation().locator('header').first();
    await expect(inbox.bubble('Keep this address')).toBeVisible();

    // Presence: opening the chat subscribed; the customer comes online, types, stops.
    await noa.sock.sendPresenceUpdate('available');
    await expect(header.getByTestId('contact-presence')).toHaveText('online', { timeout: LIVE });
    await noa.sock.sendPresenceUpdate('composing', shopJid);
    await expect(header.getByText('typing…')).toBeVisible({ timeout: LIVE });
    await shootLaptopAndPhone(page, testInfo, 'parity-typing');
    await noa.sock.sendPresenceUpdate('paused', shopJid);
    await expect(header.getByTestId('contact-presence')).toHaveText('online', { timeout: LIVE });

    // Star from the message menu: the star shows on the bubble and the message is in Starred.
    const kept = inbox.bubble('Keep this address');
    await inbox.messageAction(kept, 'Star');
    await expect(kept.getByTestId('star-mark')).toBeVisible();
    await header.getByRole('button', { name: 'More chat actions' }).click();
    await page.getByRole('menuitem', { name: 'Starred messages' }).click();
    const starred = page.getByRole('dialog', { name: 'Starred messages with Noa' });
    await expect(starred.getByRole('button', { name: /Keep this address/ })).toBeVisible();
    await shootLaptopAndPhone(page, testInfo, 'parity-starred');
    await starred.getByRole('button', { name: /Keep this address/ }).click();
    await expect(starred).toBeHidden();
    await expect(kept).toHaveAttribute('aria-current', 'true');
    // All chats: a message starred elsewhere (here over the API) opens in its own chat.
    await expect(inbox.chat('Eli')).toBeVisible();
    await rpc(app, 'stars.set', { session: 'shop', chat: eli.jid, id: fromEli.key.id!, starred: true });
    await header.getByRole('button', { name: 'More chat actions' }).click();
    await page.getByRole('menuitem', { name: 'Starred messages' }).click();
    await starred.getByRole('button', { name: 'All chats' }).click();
    await expect(starred.getByRole('button', { name: /Keep this address/ })).toBeVisible();
    await starred.getByRole('button', { name: /Eli was here/ }).click();
    await expect(inbox.bubble('Eli was here')).toHaveAttribute('aria-current', 'true');
    await inbox.chat('Noa').click();
    await expect(inbox.bubble('Keep this address')).toBeVisible();

    // Block: asked first; the banner replaces the composer; Unblock brings it back.
    await header.getByRole('button', { name: 'More chat actions' }).click();
    await page.getByRole('menuitem', { name: 'Block contact…' }).click();
    const block = page.getByRole('alertdialog', { name: 'Block Noa?' });
    await expect(block).toContainText('The phone and the number’s other linked devices block them too.');
    await block.getByRole('button', { name: 'Block' }).click();
    await expect(inbox.conversation().getByText('You blocked this contact.')).toBeVisible();
    await expect(inbox.composer()).toBeHidden();
    expect((await rpc(app, 'blocklist.list', { session: 'shop' })).map((c) => c.jid)).toContain(noa.jid);
    await shootLaptopAndPhone(page, testInfo, 'parity-blocked');
    await inbox.conversation().getByRole('button', { name: 'Unblock' }).click();
    await expect(inbox.composer()).toBeVisible();

    // Clear: the chat stays, empty; a new message arrives in it as usual.
    await header.getByRole('button', { name: 'More chat actions' }).click();
    await page.getByRole('menuitem', { name: 'Clear chat…' }).click();
    const clear = page.getByRole('alertdialog', { name: 'Clear the chat with Noa?' });
    await expect(clear).toContainText('from the phone');
    await shootLaptopAndPhone(page, testInfo, 'parity-clear-confirm');
    await clear.getByRole('button', { name: 'Clear chat' }).click();
    await expect(inbox.bubbles()).toHaveCount(0);
    await noa.sendText(shopJid, 'Hello again');
    await expect(inbox.bubble('Hello again')).toBeVisible({ timeout: LIVE });

    // Delete: the chat closes and leaves the list.
    await header.getByRole('button', { name: 'More chat actions' }).click();
    await page.getByRole('menuitem', { name: 'Delete chat…' }).click();
    await page
      .getByRole('alertdialog', { name: 'Delete the chat with Noa?' })
      .getByRole('button', { name: 'Delete chat' })
      .click();
    await expect(inbox.conversation()).toBeHidden();
    await expect(inbox.chat('Noa')).toHaveCount(0);

    // Someone else deletes the chat that is open here: it closes and leaves the list too.
    await inbox.chat('Eli').click();
    await expect(inbox.bubble('Eli was here')).toBeVisible();
    await rpc(app, 'conversations.delete', { session: 'shop', chat: eli.jid });
    await expect(inbox.conversation()).toBeHidden({ timeout: LIVE });
    await expect(inbox.chat('Eli')).toHaveCount(0);
  } finally {
    await app.stop();
  }
});

test("a number's privacy settings and block list under Sessions", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const app = await startApp({ env: wa.env });
  try {
    const shop = '972520001902';
    await linkSession(app, wa.emulator, { id: 'shop', name: 'Bakery', phone: shop });
    const dan = await Customer.create(wa.emulator, { phone: '447700901903', name: 'Dan' });
    customers.push(dan);
    await dan.sendText(`${shop}@s.whatsapp.net`, 'Hi');
    await expect.poll(async () => (await rpc(app, 'chats.list', { session: 'shop' })).items.length).toBe(1);
    await signInToInbox(page, app);
    await new Shell(page).goTo('Sessions');
    const card = new SessionsPage(page).card('Bakery');

    // A choice is saved as it is made, and WhatsApp has it.
    await card.getByRole('button', { name: 'Privacy' }).click();
    const privacy = card.getByRole('region', { name: 'WhatsApp privacy of Bakery' });
    await privacy.getByLabel('Last seen').selectOption({ label: 'Nobody' });
    await expect(privacy.getByText('Saved. The phone shows the same.')).toBeVisible();
    expect((await rpc(app, 'privacy.get', { session: 'shop' })).lastSeen).toBe('none');
    // A change made by someone else shows at once.
    await rpc(app, 'privacy.update', { session: 'shop', readReceipts: 'none' });
    await expect(privacy.getByLabel('Read receipts')).toHaveValue('none');

    // The block list: blocked elsewhere, shown here, unblocked from here.
    await rpc(app, 'blocklist.set', { session: 'shop', jid: dan.jid, blocked: true });
    await card.getByRole('button', { name: 'Blocked contacts' }).click();
    const blocked = card.getByRole('region', { name: 'Contacts Bakery blocked' });
    await expect(blocked.getByText('Dan')).toBeVisible();
    await shootLaptopAndPhone(page, testInfo, 'parity-privacy', async () => {
      await privacy.scrollIntoViewIfNeeded();
    });
    await blocked.getByRole('button', { name: 'Unblock' }).click();
    await expect(blocked.getByText('This number has blocked nobody.')).toBeVisible();
    expect(await rpc(app, 'blocklist.list', { session: 'shop' })).toEqual([]);
  } finally {
    await app.stop();
  }
});
