/**
 * Issue #19 (groups): in a group's info panel an admin switches the group's settings (WhatsApp's
 * group follows), approves a join request that arrives live from a customer who opened the
 * link; a member sees the settings read-only; and "Join a group" in the inbox previews a pasted
 * invite link, then joins. Real Baileys on the local WhatsApp server on every side.
 */
import type { Customer } from '../../testkit/wa-emulator/customer.js';
import { accessibilityProblems } from '../support/a11y-check.js';
import { expect, test } from '../support/fixtures.js';
import { openGroupChat } from '../support/group-chat.js';
import { shootLaptopAndPhone } from '../support/screens.js';
import { useWaServer } from '../support/wa-server.js';

const wa = useWaServer();

test('group admin: settings, a join request approved, and joining a group by link', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const { members, outsiders, inbox, emulated, close } = await openGroupChat(page, wa, {
    shopPhone: '972520000631',
    subject: 'Tasting club',
    members: [{ phone: '447700900631', name: 'Dana' }],
    outsiders: [{ phone: '447700900632', name: 'Eli' }],
    firstMessage: 'Which wines on Friday?',
  });
  const [dana] = members as [Customer];
  const [eli] = outsiders as [Customer];
  try {
    const panel = inbox.contactPanel();

    // Settings: the boxes say what WhatsApp says; the change reaches WhatsApp's group.
    const settings = panel.getByRole('region', { name: 'Group settings' });
    const approve = settings.getByRole('checkbox', { name: /Approve new members/ });
    await expect(approve).not.toBeChecked({ timeout: 30_000 });
    await approve.check();
    await expect(settings.getByRole('status')).toHaveText('Saved. Every member’s phone shows the change.');
    await expect(approve).toBeChecked();
    expect(emulated()?.joinApproval).toBe(true);
    await settings.getByRole('checkbox', { name: /Only admins can send messages/ }).check();
    await expect(settings.getByRole('checkbox', { name: /Only admins can send messages/ })).toBeChecked();

    // A customer opens the invite link: the request shows live and is approved here.
    const requests = panel.getByRole('region', { name: 'Join requests' });
    await expect(requests.getByText('Nobody is waiting to join.')).toBeVisible({ timeout: 30_000 });
    const code = emulated()?.inviteCode ?? '';
    await eli.sock.groupAcceptInvite(code);
    await expect(requests.getByRole('listitem')).toContainText('+44 7700 900632', { timeout: 30_000 });
    expect(await accessibilityProblems(page)).toEqual([]);
    await shootLaptopAndPhone(page, testInfo, 'group-admin-panel', async () => {
      if (!(await panel.isVisible())) await inbox.openContactPanel();
    });
    await requests.getByRole('button', { name: 'Approve +44 7700 900632' }).click();
    await expect(requests.getByRole('status')).toHaveText('+44 7700 900632 joined the group.');
    await expect(requests.getByText('Nobody is waiting to join.')).toBeVisible();
    await expect(panel.getByRole('region', { name: 'Members' }).getByRole('heading')).toHaveText(
      '3 members',
      {
        timeout: 30_000,
      },
    );
    expect(emulated()?.participants.map((p) => p.phone)).toContain(eli.phone);

    // Join a group by link: Dana's group, previewed first, then joined; its chat opens.
    const neighbours = await dana.groupCreate('Neighbours', [eli.jid]);
    const link = `https://chat.whatsapp.com/${await dana.sock.groupInviteCode(neighbours.id)}`;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'New chat' }).click();
    await page.getByRole('button', { name: 'Join a group by invite link' }).click();
    const dialog = page.getByRole('dialog', { name: 'Join a group' });
    await dialog.getByRole('button', { name: 'Show the group' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Paste the group’s invite link.');
    await dialog.getByLabel('Invite link').fill(link);
    await dialog.getByRole('button', { name: 'Show the group' }).click();
    const preview = dialog.getByRole('region', { name: 'The group' });
    await expect(preview).toContainText('Neighbours', { timeout: 30_000 });
    await expect(preview).toContainText('2 members');
    await shootLaptopAndPhone(page, testInfo, 'group-join-preview');
    await page.setViewportSize({ width: 1366, height: 768 });
    await dialog.getByRole('button', { name: 'Join group' }).click();
    await expect(page).toHaveURL(new RegExp(`/chats/shop/${neighbours.id}`), { timeout: 30_000 });
    expect(wa.emulator.groups().find((g) => g.jid === neighbours.id)?.participants.length).toBe(3);

    // A member, not an admin: the settings are shown, read-only.
    await inbox.openContactPanel();
    const memberSettings = inbox.contactPanel().getByRole('region', { name: 'Group settings' });
    await expect(memberSettings.getByText('Only group admins can change these settings.')).toBeVisible({
      timeout: 30_000,
    });
    await expect(memberSettings.getByRole('checkbox', { name: /Approve new members/ })).toBeDisabled();
  } finally {
    await close();
  }
});
