/**
 * Issue #19 "incoming kinds": a business's list and buttons messages read as text with their
 * options, a view-once photo shows as a marker, and the disappearing-messages timer is changed
 * from the chat header (and the customer's phone gets it), with real Baileys on both sides.
 */
import { BUSINESS_MESSAGES } from '../../testkit/wa-emulator/business-messages.js';
import { Customer } from '../../testkit/wa-emulator/customer.js';
import { InboxPage } from '../pages/inbox-page.js';
import { LoginPage } from '../pages/login-page.js';
import { Shell } from '../pages/shell.js';
import { accessibilityProblems } from '../support/a11y-check.js';
import { startApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { gradientPng } from '../support/png.js';
import { linkSession } from '../support/rpc.js';
import { shootLaptopAndPhone } from '../support/screens.js';
import { useWaServer } from '../support/wa-server.js';

const wa = useWaServer();

test('a list, buttons and a view-once photo read properly; the disappearing timer changes from the header', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const app = await startApp({ env: wa.env });
  const bakery = await Customer.create(wa.emulator, { phone: '447700900619', name: 'Bakery' });
  try {
    const shopJid = await linkSession(app, wa.emulator, { id: 'shop', name: 'Shop', phone: '972520000619' });
    await bakery.relay(shopJid, BUSINESS_MESSAGES.list);
    await bakery.relay(shopJid, BUSINESS_MESSAGES.buttons);
    await bakery.sendViewOnce(shopJid, { image: gradientPng(80, 80), mimetype: 'image/png' });

    const login = new LoginPage(page);
    await login.open(app.url);
    await login.signIn(app.apiKey);
    await expect(new Shell(page).pageHeading()).toHaveText('Inbox');
    const inbox = new InboxPage(page);
    await inbox.chat('Bakery').click();

    const list = inbox.bubble('Which branch should we deliver from?');
    await expect(list).toContainText('Our branches');
    await expect(list).toContainText('☰ Choose a branch');
    await expect(list.getByRole('listitem').filter({ hasText: 'Haifa' })).toContainText('Port market');
    await expect(list.getByRole('listitem').filter({ hasText: 'Tel Aviv' })).toBeVisible();

    const buttons = inbox.bubble('Confirm your table for 8pm?');
    const options = buttons.getByRole('list', { name: /Options/ });
    await expect(options.getByRole('listitem')).toHaveText(['Confirm', 'Cancel']);
    await expect(buttons.getByRole('button', { name: 'Confirm' })).toHaveCount(0);

    const viewOnce = inbox.bubble('View once');
    await expect(viewOnce).toContainText('View once message');
    await expect(viewOnce).toContainText('only on the phone');
    await expect(viewOnce.getByRole('img')).toHaveCount(0);

    const timer = page.getByRole('button', { name: 'Disappearing messages' });
    await timer.click();
    await page.getByRole('radio', { name: '7 days' }).click();
    await expect(page.getByTestId('disappearing-note')).toHaveText('⏱ Messages disappear after 7 days');
    await expect(timer).toHaveAttribute('aria-pressed', 'true');
    await expect(timer).toBeFocused();
    // WhatsApp's "disappearing messages" protocol message (wrapped as an ephemeral message).
    await bakery.waitForMessage((m) => {
      const protocol = (m.message?.ephemeralMessage?.message ?? m.message)?.protocolMessage;
      return protocol?.ephemeralExpiration === 604_800;
    }, 60_000);

    // The customer turns it off on their phone: the header follows.
    await bakery.send(shopJid, { disappearingMessagesInChat: 0 });
    await expect(page.getByTestId('disappearing-note')).toHaveCount(0, { timeout: 60_000 });

    await timer.click();
    await expect(page.getByRole('group', { name: 'Disappearing messages' })).toBeVisible();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('group', { name: 'Disappearing messages' })).toHaveCount(0);

    await shootLaptopAndPhone(page, testInfo, 'incoming-kinds', async () => {
      if (!(await list.isVisible())) await inbox.chat('Bakery').click();
    });
  } finally {
    await bakery.close();
    await app.stop();
  }
});
