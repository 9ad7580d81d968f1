/**
 * Issue #19 (groups): a group's disappearing-messages timer chosen in its info panel (WhatsApp's
 * group follows, the header says it), changed by another admin on their phone (the header and
 * panel follow live); at 400 px the header keeps the name and the timer note in view; the invite
 * link shows a QR code and follows a reset made on an admin's phone. Real Baileys on the local
 * WhatsApp server on every side.
 */
import type { Customer } from '../../testkit/wa-emulator/customer.js';
import { accessibilityProblems } from '../support/a11y-check.js';
import { expect, test } from '../support/fixtures.js';
import { openGroupChat } from '../support/group-chat.js';
import { restCall } from '../support/rpc.js';
import { shootLaptopAndPhone } from '../support/screens.js';
import { useWaServer } from '../support/wa-server.js';

const wa = useWaServer();

test('group disappearing messages, the header at 400 px, and the invite link with its QR code', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const { app, members, groupJid, inbox, emulated, close } = await openGroupChat(page, wa, {
    shopPhone: '972520000641',
    subject: 'Supper club with a rather long name for a phone',
    members: [{ phone: '447700900641', name: 'Dana' }],
    firstMessage: 'Who is cooking on Sunday?',
  });
  const [dana] = members as [Customer];
  try {
    const panel = inbox.contactPanel();
    const header = inbox.conversation().locator('header');

    // Chosen in the panel: WhatsApp's group follows and the header says it.
    const timer = panel.getByRole('region', { name: 'Disappearing messages' });
    await expect(timer.getByRole('radio', { name: 'Off' })).toBeChecked({ timeout: 30_000 });
    await timer.getByRole('radio', { name: '7 days' }).click();
    await expect(header.getByTestId('disappearing-note')).toHaveText('⏱ Messages disappear after 7 days');
    await expect(timer.getByRole('radio', { name: '7 days' })).toBeChecked();
    expect(emulated()?.ephemeral).toBe(604_800);

    // Another admin changes it on their phone: header and panel follow without a reload.
    await restCall(app, 'POST', `/sessions/shop/groups/${groupJid}/participants`, {
      action: 'promote',
      participants: [dana.phone],
    });
    await dana.sock.groupToggleEphemeral(groupJid, 86_400);
    await expect(header.getByTestId('disappearing-note')).toHaveText('⏱ Messages disappear after 24 hours', {
      timeout: 30_000,
    });
    await expect(timer.getByRole('radio', { name: '24 hours' })).toBeChecked();

    // The invite link with its QR code; reset on Dana's phone, the open panel shows the new one.
    const invite = panel.getByRole('region', { name: 'Invite link' });
    await invite.getByRole('button', { name: 'Show invite link' }).click();
    const url = invite.getByTestId('group-invite-url');
    await expect(url).toHaveText(/^https:\/\/chat\.whatsapp\.com\//, { timeout: 30_000 });
    const oldLink = await url.textContent();
    const qr = invite.getByRole('img', { name: /QR code of the invite link/ });
    await expect(qr).toBeVisible();
    await expect(qr).toHaveAttribute('data-link', oldLink ?? '');
    expect(await accessibilityProblems(page)).toEqual([]);
    await shootLaptopAndPhone(page, testInfo, 'group-disappearing-panel', async () => {
      if (!(await panel.isVisible())) await inbox.openContactPanel();
    });
    const newCode = await dana.sock.groupRevokeInvite(groupJid);
    const newLink = `https://chat.whatsapp.com/${newCode}`;
    await expect(url).toHaveText(newLink, { timeout: 30_000 });
    await expect(qr).toHaveAttribute('data-link', newLink);

    // With the panel closed, the header's clock menu offers the same choice.
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await header.getByRole('button', { name: 'Disappearing messages' }).click();
    await expect(header.getByRole('radio', { name: '24 hours' })).toBeChecked();
    await page.keyboard.press('Escape');

    // At 400 px the header keeps the name and the timer note in view (the tools take a second line).
    await page.setViewportSize({ width: 400, height: 800 });
    const name = header.getByRole('heading', { level: 2 });
    await expect(name).toBeVisible();
    expect((await name.boundingBox())?.width ?? 0).toBeGreaterThan(150);
    expect((await header.getByTestId('disappearing-note').boundingBox())?.width ?? 0).toBeGreaterThan(150);
    const headerBox = await header.boundingBox();
    expect(headerBox?.width ?? 0).toBeLessThanOrEqual(400);
    await shootLaptopAndPhone(page, testInfo, 'group-chat-header', async () => {}, { of: header });
  } finally {
    await close();
  }
});
