/**
 * Issue #18 point 9: a group chat's info panel shows the group made on the local WhatsApp
 * server with its members by name and their badges, and its admin actions reach WhatsApp.
 */
import { Customer } from '../../testkit/wa-emulator/customer.js';
import { InboxPage } from '../pages/inbox-page.js';
import { LoginPage } from '../pages/login-page.js';
import { Shell } from '../pages/shell.js';
import { accessibilityProblems } from '../support/a11y-check.js';
import { startApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { linkSession, restCall } from '../support/rpc.js';
import { shootLaptopAndPhone } from '../support/screens.js';
import { useWaServer } from '../support/wa-server.js';

const wa = useWaServer();

test('group info: members by name with badges, add / promote / remove, the invite link', async ({
  page,
  context,
}, testInfo) => {
  test.setTimeout(180_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = await startApp({ env: wa.env });
  const dana = await Customer.create(wa.emulator, { phone: '447700900621', name: 'Dana' });
  const eli = await Customer.create(wa.emulator, { phone: '447700900622', name: 'Eli' });
  const fay = await Customer.create(wa.emulator, { phone: '447700900623', name: 'Fay' });
  try {
    const shopJid = await linkSession(app, wa.emulator, { id: 'shop', name: 'Shop', phone: '972520000621' });
    // Dana has written to the shop, so her profile name is known; Eli is only a number.
    await dana.sendText(shopJid, 'Hi, Dana here');
    const group = await restCall(app, 'POST', '/sessions/shop/groups', {
      subject: 'Bakery orders',
      participants: [dana.phone, eli.phone],
    });
    const groupJid = String(group.body.jid);
    await dana.sendText(groupJid, 'Cakes for Friday?');

    const login = new LoginPage(page);
    await login.open(app.url);
    await login.signIn(app.apiKey);
    await expect(new Shell(page).pageHeading()).toHaveText('Inbox');
    const inbox = new InboxPage(page);
    await inbox.chat('Bakery orders').click();
    await inbox.openContactPanel();
    const panel = inbox.contactPanel();
    const members = panel.getByRole('region', { name: 'Members' });
    await expect(members.getByRole('heading')).toHaveText('3 members', { timeout: 30_000 });
    // Names, never ids: us first with the owner badge, Dana by name, Eli by formatted number.
    const rows = members.getByRole('listitem');
    await expect(rows.nth(0)).toContainText('You');
    await expect(rows.nth(0)).toContainText('Group owner');
    await expect(rows.nth(1)).toContainText('Dana');
    await expect(rows.nth(2)).toContainText('+44 7700 900622');
    await expect(panel).not.toContainText('@g.us');
    await expect(panel).not.toContainText('@s.whatsapp.net');

    // Add Fay by the number as people type it; the list follows WhatsApp's event.
    await members.getByLabel('Add a member by number').fill('+44 7700 900623');
    await members.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(members.getByRole('status')).toHaveText('+44 7700 900623 was added.');
    await expect(members.getByRole('heading')).toHaveText('4 members', { timeout: 30_000 });
    expect(
      wa.emulator
        .groups()
        .find((g) => g.jid === groupJid)
        ?.participants.map((p) => p.phone),
    ).toContain(fay.phone);

    // Promote Dana: the badge appears and WhatsApp's group has her as an admin.
    await members.getByRole('button', { name: 'Manage Dana' }).click();
    await members.getByRole('button', { name: 'Make group admin' }).click();
    await expect(members.getByRole('status')).toHaveText('Dana is now a group admin.');
    await expect(rows.filter({ hasText: 'Dana' })).toContainText('Group admin', { timeout: 30_000 });
    const roleOf = (phone: string) =>
      wa.emulator
        .groups()
        .find((g) => g.jid === groupJid)
        ?.participants.find((p) => p.phone === phone)?.role;
    expect(roleOf(dana.phone)).toBe('admin');

    // Remove Eli.
    await members.getByRole('button', { name: 'Manage +44 7700 900622' }).click();
    await members.getByRole('button', { name: 'Remove from group' }).click();
    await expect(members.getByRole('heading')).toHaveText('3 members', { timeout: 30_000 });
    await expect(members.getByRole('list')).not.toContainText('+44 7700 900622');
    expect(roleOf(eli.phone)).toBeUndefined();

    // A change made on a member's phone shows live: Dana (now admin) renames the group.
    await dana.sock.groupUpdateDescription(groupJid, 'Orders until Thursday 18:00');
    await expect(panel.getByText('Orders until Thursday 18:00')).toBeVisible({ timeout: 30_000 });

    // The invite link: shown, copied, revoked for a new one.
    const invite = panel.getByRole('region', { name: 'Invite link' });
    await invite.getByRole('button', { name: 'Show invite link' }).click();
    const link = invite.getByRole('link');
    await expect(link).toHaveText(/^https:\/\/chat\.whatsapp\.com\/[\w-]+$/);
    const firstLink = await link.textContent();
    await invite.getByRole('button', { name: 'Copy link' }).click();
    await expect(invite.getByRole('status')).toHaveText('Link copied.');
    await invite.getByRole('button', { name: 'Reset link' }).click();
    await invite.getByRole('button', { name: 'Reset link' }).last().click();
    await expect(invite.getByRole('status')).toHaveText('The old link no longer works. This is the new one.');
    await expect(link).not.toHaveText(firstLink ?? '');
    const code = wa.emulator.groups().find((g) => g.jid === groupJid)?.inviteCode;
    await expect(link).toHaveText(`https://chat.whatsapp.com/${code}`);

    expect(await accessibilityProblems(page)).toEqual([]);
    await shootLaptopAndPhone(page, testInfo, 'group-info', async () => {
      // Below 1500px the panel is an overlay; at 400px it fills the screen.
      if (!(await panel.isVisible())) await inbox.openContactPanel();
    });

    // Clicking a member opens the chat with them.
    await members.getByRole('button', { name: /Dana/ }).first().click();
    await expect(page).toHaveURL(new RegExp(`/chats/shop/${dana.phone}@s.whatsapp.net`));
  } finally {
    await Promise.all([dana.close(), eli.close(), fay.close()]);
    await app.stop();
  }
});
