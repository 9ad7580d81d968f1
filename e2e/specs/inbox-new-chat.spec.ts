/**
 * Issue #18 points 1 and 3: starting a conversation with a number typed in any format, and a
 * message to a customer whose phone is off showing one tick (sent), not a clock.
 */
import { Customer, messageText } from '../../testkit/wa-emulator/customer.js';
import { signInToInbox } from '../pages/sign-in.js';
import { startApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { linkSession } from '../support/rpc.js';
import { customersClosedAfterEach, useWaServer } from '../support/wa-server.js';

const wa = useWaServer();
const customers = customersClosedAfterEach();

test('New chat opens a conversation with a number typed in any format; wrong numbers are refused beside the field', async ({
  page,
}) => {
  const app = await startApp({ env: wa.env });
  try {
    await linkSession(app, wa.emulator, { id: 'shop', name: 'Bakery front desk', phone: '972520000301' });
    const noa = await Customer.create(wa.emulator, { phone: '447700900999', name: 'Noa' });
    customers.push(noa);
    const inbox = await signInToInbox(page, app);

    // Typed in search: offered at once.
    await inbox.search().fill('0044 7700 900999');
    await page.getByRole('button', { name: 'Message +44 7700 900999' }).click();
    const dialog = page.getByRole('dialog', { name: 'New chat' });
    const number = dialog.getByRole('textbox', { name: 'Phone number or contact' });
    await expect(number).toHaveValue('+44 7700 900999');

    // Not a number, then a number without WhatsApp: said beside the field, the dialog stays.
    await number.fill('cake');
    await dialog.getByRole('button', { name: 'Open chat' }).click();
    await expect(dialog.getByText('This is not a phone number.', { exact: false })).toBeVisible();
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    await number.fill('+44 7700 900111');
    await dialog.getByRole('button', { name: 'Open chat' }).click();
    await expect(dialog.getByText('+44 7700 900111 is not on WhatsApp.')).toBeVisible();

    await number.fill('(0044) 7700-900999');
    await dialog.getByRole('button', { name: 'Open chat' }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/\/chats\/shop\/447700900999@s\.whatsapp\.net$/);
    await expect(inbox.conversation()).toHaveAccessibleName('Conversation with +44 7700 900999');
    await expect(inbox.conversation().getByText('No messages yet')).toBeVisible();

    await inbox.send('Hello Noa, your order is ready');
    const got = await noa.waitForMessage((m) => messageText(m) === 'Hello Noa, your order is ready');
    expect(got.key.fromMe).toBeFalsy();
    await expect(inbox.chat(/\+44 7700 900999|Noa/)).toBeVisible();

    // A hand-made link to a number without WhatsApp: a plain sentence, no composer.
    await page.goto(`${app.url}/chats/shop/447700900222@s.whatsapp.net`);
    await expect(inbox.conversation().getByText('+44 7700 900222 is not on WhatsApp.')).toBeVisible();
    await expect(inbox.composer()).toHaveCount(0);
  } finally {
    await app.stop();
  }
});

test('a message to a customer whose phone is off shows one tick (sent), not a clock', async ({ page }) => {
  const app = await startApp({ env: wa.env });
  try {
    await linkSession(app, wa.emulator, { id: 'shop', name: 'Shop', phone: '972520000302' });
    const away = await Customer.create(wa.emulator, { phone: '447700900998', name: 'Away' });
    await away.close();
    const inbox = await signInToInbox(page, app);
    await page.goto(`${app.url}/chats/shop/447700900998@s.whatsapp.net`);
    await inbox.send('We open at 8 tomorrow');
    const bubble = inbox.bubble('We open at 8 tomorrow');
    await expect(bubble.getByRole('img', { name: 'Sent' })).toBeVisible();
    await page.reload();
    await expect(inbox.bubble('We open at 8 tomorrow').getByRole('img', { name: 'Sent' })).toBeVisible();
  } finally {
    await app.stop();
  }
});
