/**
 * Issue #18 point 2: a lost WhatsApp connection shows in the inbox, Reconnect now reconnects,
 * and messages written meanwhile wait with a clock, go once on reconnect, or can be cancelled.
 */
import { Customer, messageText } from '../../testkit/wa-emulator/customer.js';
import { signInToInbox } from '../pages/sign-in.js';
import { startApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { linkSession } from '../support/rpc.js';
import { useWaServer } from '../support/wa-server.js';

const wa = useWaServer();

test('offline: a banner with Reconnect now; messages written meanwhile go once on reconnect or are cancelled', async ({
  page,
}) => {
  const app = await startApp({ env: wa.env });
  const dana = await Customer.create(wa.emulator, { phone: '447700900501', name: 'Dana' });
  try {
    const shopPhone = '972520000401';
    const shopJid = await linkSession(app, wa.emulator, {
      id: 'front',
      name: 'Bakery front desk',
      phone: shopPhone,
    });
    await dana.sendText(shopJid, 'Do you have rye bread today?');
    const inbox = await signInToInbox(page, app);
    await inbox.chat('Dana').click();
    await expect(inbox.bubble('Do you have rye bread today?')).toBeVisible();

    wa.emulator.setOnline(shopPhone, false);
    const listBanner = page
      .getByRole('complementary', { name: 'Chat list' })
      .getByRole('status')
      .filter({ hasText: 'Bakery front desk is offline' });
    await expect(listBanner).toBeVisible();
    const chatBanner = inbox
      .conversation()
      .getByRole('status')
      .filter({ hasText: 'Bakery front desk is offline' });
    await expect(chatBanner).toBeVisible();
    await expect(chatBanner).toContainText(/reconnecting/);

    await inbox.send('Yes, until 6 pm');
    const queued = inbox
      .feed()
      .getByRole('article', { name: 'Waiting to be sent' })
      .filter({ hasText: 'Yes, until 6 pm' });
    await expect(queued).toContainText('sent as soon as it reconnects');
    await expect(queued.getByRole('img', { name: 'Pending' })).toBeVisible();
    await inbox.send('Never mind this one');
    const cancelled = inbox.feed().getByRole('article').filter({ hasText: 'Never mind this one' });
    await cancelled.getByRole('button', { name: 'Cancel' }).click();
    await expect(cancelled).toHaveCount(0);

    wa.emulator.setOnline(shopPhone, true);
    await chatBanner.getByRole('button', { name: 'Reconnect now' }).click();
    await expect(chatBanner).toHaveCount(0);
    await expect(listBanner).toHaveCount(0);
    await dana.waitForText('Yes, until 6 pm');
    await expect(
      inbox.bubble('Yes, until 6 pm').getByRole('img', { name: /Sent|Delivered|Read/ }),
    ).toBeVisible();

    // Sent once; the cancelled one never.
    await inbox.send('See you soon');
    await dana.waitForText('See you soon');
    const texts = dana.received.map(messageText);
    expect(texts.filter((text) => text === 'Yes, until 6 pm')).toHaveLength(1);
    expect(texts).not.toContain('Never mind this one');
  } finally {
    await dana.close();
    await app.stop();
  }
});
