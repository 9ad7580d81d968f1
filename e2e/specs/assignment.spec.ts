/**
 * Issue #16, the inbox side of assignment: the owner gives a real Baileys customer's chat (on the
 * local WhatsApp server) to a team, takes it, resolves it; the customer writes again and it
 * reopens. The Mine / Unassigned views and the status filter move the chat live, also when the
 * change comes from elsewhere (the API); the history shows as small lines in the conversation.
 */
import type { Page } from '@playwright/test';
import { Customer } from '../../testkit/wa-emulator/customer.js';
import { InboxPage } from '../pages/inbox-page.js';
import { LoginPage } from '../pages/login-page.js';
import { Shell } from '../pages/shell.js';
import { startApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { linkSession, rpc } from '../support/rpc.js';
import { useWaServer } from '../support/wa-server.js';

const OWNER = { name: 'Olivia Owner', login: 'olivia', password: 'olivia-secret-1' };
const wa = useWaServer();

function views(page: Page) {
  return page.getByRole('group', { name: 'Inbox view' });
}

test('assign to a team, take, resolve; a customer message reopens it; the views follow live', async ({
  page,
}) => {
  // A number linked, a customer, and the views followed through four changes: ~55 s at load 20.
  test.setTimeout(180_000);
  const app = await startApp({ env: wa.env });
  const customers: Customer[] = [];
  try {
    const shopJid = await linkSession(app, wa.emulator, { id: 'shop', name: 'Shop', phone: '972520000161' });
    const login = new LoginPage(page);
    await login.open(app.url);
    await login.setUpOwner(app.apiKey, OWNER);
    const shell = new Shell(page);
    await expect(shell.nav().getByRole('button', { name: OWNER.name, exact: true })).toBeVisible();
    const owner = (await rpc(app, 'users.list', {})).items.find((user) => user.login === OWNER.login);
    expect(owner).toBeDefined();
    await rpc(app, 'teams.create', { name: 'Support', members: [owner!.id] });
    // The owner's teams are read when the window opens.
    await page.reload();
    const inbox = new InboxPage(page);

    const alice = await Customer.create(wa.emulator, { phone: '15550001601', name: 'Alice Cohen' });
    customers.push(alice);
    await alice.sendText(shopJid, 'Hi, where is my parcel?');
    const aliceChat = inbox.chat(/Alice Cohen|\+1 555 000 1601/);

    // Unassigned (open): the new chat is there.
    await views(page).getByRole('button', { name: 'Unassigned', exact: true }).click();
    await expect(aliceChat).toBeVisible();
    await aliceChat.click();
    const bar = page.getByRole('toolbar', { name: 'Status and assignee' });
    await expect(bar.getByRole('status')).toHaveText('Open');
    await expect(bar.getByRole('button', { name: 'Assignee: Unassigned' })).toBeVisible();

    // To the Support team through the searchable picker: nobody in it yet, so still Unassigned.
    await bar.getByRole('button', { name: /^Assignee:/ }).click();
    await page.getByRole('combobox', { name: 'Search people and teams' }).fill('supp');
    await page.keyboard.press('Enter');
    await expect(bar.getByRole('button', { name: 'Assignee: Support · nobody yet' })).toBeVisible();
    await expect(inbox.feed()).toContainText(/Olivia Owner assigned this to Support · \d/);
    await expect(aliceChat).toBeVisible();
    await views(page).getByRole('button', { name: 'Support', exact: true }).click();
    await expect(aliceChat).toBeVisible();
    await views(page).getByRole('button', { name: 'Unassigned', exact: true }).click();
    await expect(aliceChat).toBeVisible();

    // Taking it (Alt+Shift+A opens the picker; "me" is listed first): it leaves Unassigned live.
    await page.keyboard.press('Alt+Shift+KeyA');
    const picker = page.getByRole('listbox', { name: 'Assignee' });
    await expect(picker.getByRole('option').first()).toContainText('Olivia Owner (me)');
    await expect(picker.getByRole('option').first()).toContainText('Available');
    await page.keyboard.press('Enter');
    await expect(bar.getByRole('button', { name: 'Assignee: Olivia Owner (Support)' })).toBeVisible();
    await expect(inbox.feed()).toContainText('Olivia Owner took this chat');
    await expect(aliceChat).toHaveCount(0);
    await views(page).getByRole('button', { name: 'Mine', exact: true }).click();
    await expect(aliceChat).toBeVisible();

    // Someone else (here the API) gives it away and back: Mine follows without a reload.
    await rpc(app, 'assignment.assign', { session: 'shop', chat: '15550001601', user: null });
    await expect(aliceChat).toHaveCount(0);
    await expect(bar.getByRole('button', { name: 'Assignee: Support · nobody yet' })).toBeVisible();
    await rpc(app, 'assignment.assign', { session: 'shop', chat: '15550001601', user: owner!.id });
    await expect(aliceChat).toBeVisible();

    // Snoozed until tomorrow morning: no longer open, so out of the list.
    await bar.getByRole('button', { name: 'Snooze', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'Snooze' })
      .getByRole('button', { name: /^Tomorrow \(/ })
      .click();
    await expect(bar.getByRole('status')).toHaveText(/^Snoozed until /);
    await expect(inbox.feed()).toContainText('Snoozed by Olivia Owner');
    await expect(aliceChat).toHaveCount(0);

    // Resolve with the keyboard: it leaves the open list; the Resolved filter has it.
    await page.keyboard.press('Alt+Shift+KeyR');
    await expect(bar.getByRole('status')).toHaveText('Resolved');
    await expect(inbox.feed()).toContainText('Resolved by Olivia Owner');
    await expect(aliceChat).toHaveCount(0);
    const status = page.getByRole('combobox', { name: 'Status' });
    await status.selectOption({ label: 'Resolved' });
    await expect(aliceChat).toBeVisible();
    await status.selectOption({ label: 'Open' });
    await expect(aliceChat).toHaveCount(0);

    // The customer writes again: open again, back in Mine, said in the conversation.
    await alice.sendText(shopJid, 'It still has not arrived');
    await expect(aliceChat).toBeVisible();
    await expect(bar.getByRole('status')).toHaveText('Open');
    await expect(inbox.feed()).toContainText('Reopened: the customer wrote');
    await expect(bar.getByRole('button', { name: 'Reopen' })).toHaveCount(0);

    // The shortcuts are listed under "?".
    await inbox.chatList().focus();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toContainText('Conversation: resolve or reopen');
    await page.keyboard.press('Escape');

    // Away: the person menu's switch.
    await shell.nav().getByRole('button', { name: OWNER.name, exact: true }).click();
    const availability = page.getByRole('menuitemcheckbox', { name: 'Available for new chats' });
    await expect(availability).toHaveAttribute('aria-checked', 'true');
    await availability.click();
    await expect(page.getByRole('menuitemcheckbox', { name: 'Away (no new chats)' })).toHaveAttribute(
      'aria-checked',
      'false',
    );
    expect(
      (await rpc(app, 'assignment.candidates', { session: 'shop', chat: '15550001601' })).people,
    ).toContainEqual({ id: owner!.id, name: OWNER.name, available: false });
  } finally {
    await Promise.all(customers.map((customer) => customer.close()));
    await app.stop();
  }
});
