/**
 * Issue #19 (channels): the inbox's Channels filter, following a customer's channel by link
 * (previewed first; its posts then arrive live, read-only, no composer), and the number's own
 * channel: a post from the composer reaches a follower, whose reaction shows in the counts.
 * Real Baileys on the local WhatsApp server on every side.
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

test('channels: follow by link, live posts read-only, post to an owned channel and see reactions', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const app = await startApp({ env: wa.env });
  const dana = await Customer.create(wa.emulator, { phone: '447700900641', name: 'Dana' });
  const eli = await Customer.create(wa.emulator, { phone: '447700900642', name: 'Eli' });
  try {
    await linkSession(app, wa.emulator, { id: 'shop', name: 'Shop', phone: '972520000641' });
    const market = await dana.sock.newsletterCreate('Market news', 'Prices and opening hours');
    await dana.sock.sendMessage(market.id, { text: 'We open at 8' });

    const login = new LoginPage(page);
    await login.open(app.url);
    await login.signIn(app.apiKey);
    await expect(new Shell(page).pageHeading()).toHaveText('Inbox');
    const inbox = new InboxPage(page);
    await page.getByRole('button', { name: 'Channels', exact: true }).click();
    await page.getByRole('button', { name: 'Follow a channel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Follow a channel' });
    await dialog.getByRole('button', { name: 'Show channel' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Paste the channel’s link.');
    await dialog.getByLabel('Channel link').fill('https://whatsapp.com/channel/NoSuchChannel42');
    await dialog.getByRole('button', { name: 'Show channel' }).click();
    await expect(dialog.getByRole('alert')).not.toBeEmpty({ timeout: 30_000 });
    await dialog.getByLabel('Channel link').fill(`https://whatsapp.com/channel/${market.invite}`);
    await dialog.getByRole('button', { name: 'Show channel' }).click();
    const preview = dialog.getByRole('region', { name: 'The channel' });
    await expect(preview).toContainText('Market news', { timeout: 30_000 });
    await expect(preview).toContainText('0 followers');
    expect(await accessibilityProblems(page)).toEqual([]);
    await shootLaptopAndPhone(page, testInfo, 'channel-follow-preview');
    await page.setViewportSize({ width: 1366, height: 768 });
    await dialog.getByRole('button', { name: 'Follow', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/chats/shop/${market.id}`), { timeout: 30_000 });
    expect(wa.emulator.newsletters().find((c) => c.jid === market.id)?.followers).toEqual(['972520000641']);

    // The recent post came with it; a new one arrives live. Read-only: no composer.
    await expect(inbox.bubble('We open at 8')).toBeVisible({ timeout: 30_000 });
    await dana.sock.sendMessage(market.id, { text: 'Fresh bread at noon' });
    await expect(inbox.bubble('Fresh bread at noon')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('You follow this channel. Only its owner posts here.')).toBeVisible();
    await expect(inbox.composer()).toHaveCount(0);
    await expect(inbox.chat('Market news')).toBeVisible();
    await shootLaptopAndPhone(page, testInfo, 'channel-followed');
    await page.setViewportSize({ width: 1366, height: 768 });

    // The number's own channel: a post from the composer reaches Eli; Eli's reaction is counted.
    const own = await restCall(app, 'POST', '/sessions/shop/channels', { name: 'Falafel House' });
    const ownJid = String(own.body.jid);
    const code = String(own.body.inviteLink).split('/').at(-1) ?? '';
    const found = await eli.sock.newsletterMetadata('invite', code);
    await eli.sock.newsletterFollow(found!.id);
    await inbox.chat('Falafel House').click();
    await inbox.send('Shakshuka today');
    const got = await eli.waitForMessage((m) => m.key.remoteJid === ownJid, 60_000);
    await eli.sock.newsletterReactMessage(ownJid, (got.key as { server_id?: string }).server_id!, '❤️');
    await page.getByRole('button', { name: 'Show reactions per post' }).click();
    const counts = page.getByRole('list', { name: 'Reactions per post' });
    await expect(counts.getByRole('listitem')).toContainText(['Shakshuka today'], { timeout: 30_000 });
    await expect(counts.getByRole('listitem')).toContainText(['❤️ 1']);
    expect(await accessibilityProblems(page)).toEqual([]);
    await shootLaptopAndPhone(page, testInfo, 'channel-owned-reactions');
  } finally {
    await Promise.all([dana.close(), eli.close()]);
    await app.stop();
  }
});
