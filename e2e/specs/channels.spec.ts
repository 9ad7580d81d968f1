/**
 * Issue #19 (channels): the inbox's Channels filter, following a customer's channel by link
 * (previewed first; its posts then arrive live, read-only, no composer), and the number's own
 * channel, created from the inbox: a post from the composer reaches followers, whose reactions
 * show in the counts live (no reload, no click). Channels show no assignment bar. Real Baileys
 * on the local WhatsApp server on every side.
 */
import { Customer } from '../../testkit/wa-emulator/customer.js';
import { InboxPage } from '../pages/inbox-page.js';
import { LoginPage } from '../pages/login-page.js';
import { Shell } from '../pages/shell.js';
import { accessibilityProblems } from '../support/a11y-check.js';
import { startApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { linkSession } from '../support/rpc.js';
import { shootLaptopAndPhone } from '../support/screens.js';
import { expectTranslated } from '../support/untranslated.js';
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
    // Not a conversation to assign: no status or assignee bar.
    await expect(page.getByRole('toolbar', { name: 'Status and assignee' })).toHaveCount(0);
    await shootLaptopAndPhone(page, testInfo, 'channel-followed');
    await page.setViewportSize({ width: 1366, height: 768 });

    // The number's own channel, created here: the name is required (said beside it).
    await page.getByRole('button', { name: 'Create a channel' }).click();
    const create = page.getByRole('dialog', { name: 'Create a channel' });
    await create.getByRole('button', { name: 'Create channel' }).click();
    await expect(create.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
    await expect(create.getByRole('alert')).toHaveText('Give the channel a name.');
    await create.getByLabel('Name').fill('Falafel House');
    await create.getByLabel('Description (optional)').fill('Daily specials');
    expect(await accessibilityProblems(page)).toEqual([]);
    await shootLaptopAndPhone(page, testInfo, 'channel-create');
    await page.setViewportSize({ width: 1366, height: 768 });
    await create.getByRole('button', { name: 'Create channel' }).click();
    await expect(create).toHaveCount(0, { timeout: 30_000 });
    const own = wa.emulator.newsletters().find((c) => c.name === 'Falafel House');
    expect(own).toMatchObject({ owner: '972520000641', description: 'Daily specials' });
    const ownJid = own!.jid;
    await expect(page).toHaveURL(new RegExp(`/chats/shop/${ownJid}`), { timeout: 30_000 });
    await expect(inbox.chat('Falafel House')).toBeVisible();
    await expect(page.getByText('Your channel. Followers join with this link:')).toBeVisible();
    await expect(page.getByRole('toolbar', { name: 'Status and assignee' })).toHaveCount(0);

    // A post from the composer reaches Eli and Dana; their reactions are counted live.
    for (const follower of [eli, dana]) await follower.sock.newsletterFollow(ownJid);
    await inbox.send('Shakshuka today');
    const got = await eli.waitForMessage((m) => m.key.remoteJid === ownJid, 60_000);
    const serverId = (got.key as { server_id?: string }).server_id!;
    const counts = page.getByRole('list', { name: 'Reactions per post' });
    await expect(counts.getByRole('listitem')).toContainText(['Shakshuka today'], { timeout: 30_000 });
    await expect(counts.getByRole('listitem')).toContainText(['No reactions']);
    await eli.sock.newsletterReactMessage(ownJid, serverId, '❤️');
    await expect(counts.getByRole('listitem')).toContainText(['❤️ 1'], { timeout: 30_000 });
    await dana.sock.newsletterReactMessage(ownJid, serverId, '❤️');
    await expect(counts.getByRole('listitem')).toContainText(['❤️ 2'], { timeout: 30_000 });
    expect(await accessibilityProblems(page)).toEqual([]);
    await shootLaptopAndPhone(page, testInfo, 'channel-owned-reactions');
    await page.setViewportSize({ width: 1366, height: 768 });

    // Renamed from the note; the list follows.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('dialog', { name: 'Edit the channel' });
    await edit.getByLabel('Name').fill('Falafel House Jaffa');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toHaveCount(0, { timeout: 30_000 });
    await expect(inbox.chat('Falafel House Jaffa')).toBeVisible({ timeout: 30_000 });
    expect(wa.emulator.newsletters().find((c) => c.jid === ownJid)?.name).toBe('Falafel House Jaffa');

    // Channels have no views: no Mine / Unassigned / All chips (nor their conversation counts).
    await expect(page.getByRole('group', { name: 'Inbox view' })).toHaveCount(0);

    // Select mode under Channels: a channel has no assignee or status, so Assign and Resolve are
    // not offered (a per-chat 400 otherwise), and the bar says why.
    const filters = page.getByRole('group', { name: 'Filters' });
    await filters.getByRole('button', { name: 'Select' }).click();
    await inbox.chat('Falafel House Jaffa').click();
    const bar = page.getByRole('region', { name: 'Selected chats' });
    await expect(bar).toContainText('1 selected');
    await expect(bar).toContainText('1 channel left out: channels have no assignee or status.');
    await expect(bar.getByRole('button', { name: 'Resolve' })).toHaveCount(0);
    await expect(bar.getByRole('button', { name: 'Assign…' })).toHaveCount(0);
    await expect(bar.getByRole('button', { name: 'Mark read' })).toBeEnabled();
    await filters.getByRole('button', { name: 'Select' }).click();

    // All is the conversations, as its count: channels are listed only under Channels.
    await page.getByRole('button', { name: 'Channels', exact: true }).click();
    const all = page
      .getByRole('group', { name: 'Inbox view' })
      .getByRole('button', { name: 'All', exact: true });
    await expect(all).toHaveAttribute('aria-pressed', 'true');
    await expect(all).toHaveAttribute('title', 'All: 0 chats');
    await expect(inbox.chatList()).toBeVisible();
    await expect(inbox.chat('Market news')).toHaveCount(0);
    await expect(inbox.chat('Falafel House Jaffa')).toHaveCount(0);
    await page.getByRole('button', { name: 'Channels', exact: true }).click();
    await expect(inbox.chat('Falafel House Jaffa')).toBeVisible();
    await expect(inbox.chat('Market news')).toBeVisible();
  } finally {
    await Promise.all([dana.close(), eli.close()]);
    await app.stop();
  }
});

test('channels in the pseudo-locale: the bar, the create dialog and an owned channel come from the catalogue', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    (
      globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }
    ).localStorage.setItem('chatdock.language', 'en-XA');
  });
  await page.setViewportSize({ width: 1366, height: 768 });
  const app = await startApp({ env: wa.env });
  const name = 'Ƒåļåƒéļ Ñéŵš';
  try {
    await linkSession(app, wa.emulator, { id: 'shop', name: 'Ŝĥöþ', phone: '972520000643' });
    // Signed in by the form's parts (their names are pseudo-locale text here).
    await page.goto(app.url);
    await page.locator('main form').waitFor();
    const key = page.locator('input[name="key"]');
    if (!(await key.isVisible())) await page.locator('main form button.button--secondary').click();
    await key.fill(app.apiKey);
    await page.locator('button[type="submit"]').click();
    await expect(page.getByRole('navigation')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
    const options = { englishFormats: true, userContent: [name, 'Ŝĥöþ', 'Ďåîļý'] };
    // The Channels filter (unread, groups, channels, archived).
    await page.locator('.chat-filters .filter-chip').nth(2).click();
    await expect(page.locator('.channels-bar')).toBeVisible();
    await page.locator('.channels-bar__actions button').nth(1).click();
    const create = page.locator('dialog.channel-dialog');
    await create.locator('button[type="submit"]').click();
    await expect(create.getByRole('alert')).toBeVisible();
    await expectTranslated(page, testInfo, 'pseudo-channel-create', options);
    await create.locator('input').first().fill(name);
    await create.locator('textarea').fill('Ďåîļý');
    await create.locator('button[type="submit"]').click();
    await expect(create).toHaveCount(0, { timeout: 30_000 });
    await expect(page.locator('.channel-note')).toBeVisible({ timeout: 30_000 });
    await expectTranslated(page, testInfo, 'pseudo-channel-owned', options);
  } finally {
    await app.stop();
  }
});
