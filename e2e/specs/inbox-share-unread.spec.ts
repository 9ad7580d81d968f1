/**
 * Issue #18 point 20: sharing a place, a contact card and a poll from the composer (the real
 * Baileys customer receives each), drafts kept per chat across a reload (text and reply), the
 * unread divider, and Mark as unread from the chat header.
 */
import type { Page } from '@playwright/test';
import { Customer } from '../../testkit/wa-emulator/customer.js';
import { type InboxPage } from '../pages/inbox-page.js';
import { signInToInbox } from '../pages/sign-in.js';
import { startApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { linkSession } from '../support/rpc.js';
import { customersClosedAfterEach, useWaServer } from '../support/wa-server.js';

const wa = useWaServer();
const customers = customersClosedAfterEach();

async function openShare(page: Page, inbox: InboxPage, entry: 'Location' | 'Contact' | 'Poll') {
  await inbox.conversation().getByRole('button', { name: 'Attach files' }).click();
  await page.getByRole('menuitem', { name: entry }).click();
}

test('a location, a contact card and a poll are sent from the composer and reach the customer', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const app = await startApp({ env: wa.env });
  try {
    await linkSession(app, wa.emulator, { id: 'shop', name: 'Bakery', phone: '972520000401' });
    const noa = await Customer.create(wa.emulator, { phone: '447700900401', name: 'Noa' });
    customers.push(noa);
    await noa.sendText('972520000401@s.whatsapp.net', 'Where are you?');
    const inbox = await signInToInbox(page, app);
    await inbox.chat('Noa').click();
    await expect(inbox.bubble('Where are you?')).toBeVisible();

    // A place: a wrong latitude is said beside the field, the dialog stays.
    await openShare(page, inbox, 'Location');
    const place = page.getByRole('dialog', { name: 'Send a location' });
    await place.getByRole('textbox', { name: 'Latitude' }).fill('132.5');
    await place.getByRole('textbox', { name: 'Longitude' }).fill('34,7818');
    await place.getByRole('button', { name: 'Send' }).click();
    await expect(place.getByText('A latitude is a number from -90 to 90')).toBeVisible();
    await expect(place.getByRole('textbox', { name: 'Latitude' })).toBeFocused();
    await testInfo.attach('share-location-error', {
      body: await page.screenshot(),
      contentType: 'image/png',
    });
    await place.getByRole('textbox', { name: 'Latitude' }).fill('32.0853');
    await place.getByRole('textbox', { name: 'Place name (optional)' }).fill('Bakery on Dizengoff');
    await place.getByRole('textbox', { name: 'Address (optional)' }).fill('Dizengoff 100, Tel Aviv');
    await place.getByRole('button', { name: 'Send' }).click();
    await expect(place).toBeHidden();
    const pin = await noa.waitForMessage((m) => Boolean(m.message?.locationMessage), 60_000);
    expect(pin.message?.locationMessage).toMatchObject({
      degreesLatitude: 32.0853,
      degreesLongitude: 34.7818,
      name: 'Bakery on Dizengoff',
      address: 'Dizengoff 100, Tel Aviv',
    });
    await expect(
      inbox.bubble('Bakery on Dizengoff').getByRole('link', { name: '32.08530, 34.78180' }),
    ).toBeVisible();

    // A contact card typed by hand (keyboard only: the form is reachable and sent with Enter).
    await openShare(page, inbox, 'Contact');
    const card = page.getByRole('dialog', { name: 'Send a contact' });
    await card.getByRole('textbox', { name: 'Name' }).fill('Dana the baker');
    await card.getByRole('textbox', { name: 'Phone number' }).fill('cake');
    await card.getByRole('textbox', { name: 'Phone number' }).press('Enter');
    await expect(card.getByText('This is not a phone number.', { exact: false })).toBeVisible();
    await card.getByRole('textbox', { name: 'Phone number' }).fill('+972 50-123-4567');
    await card.getByRole('textbox', { name: 'Phone number' }).press('Enter');
    await expect(card).toBeHidden();
    const vcard = await noa.waitForMessage((m) => Boolean(m.message?.contactMessage), 60_000);
    expect(vcard.message?.contactMessage?.displayName).toBe('Dana the baker');
    expect(vcard.message?.contactMessage?.vcard).toContain('972501234567');
    await expect(inbox.bubble('Dana the baker').getByText('+972501234567')).toBeVisible();

    // A poll: one option is not enough; the third box appears as the second is filled.
    await openShare(page, inbox, 'Poll');
    const poll = page.getByRole('dialog', { name: 'Create a poll' });
    await poll.getByRole('textbox', { name: 'Question' }).fill('Pickup time?');
    await poll.getByRole('textbox', { name: 'Option 1' }).fill('Morning');
    await poll.getByRole('button', { name: 'Send' }).click();
    await expect(poll.getByText('Give at least 2 options.')).toBeVisible();
    await poll.getByRole('textbox', { name: 'Option 2' }).fill('Evening');
    await expect(poll.getByRole('textbox', { name: 'Option 3' })).toBeVisible();
    await poll.getByRole('checkbox', { name: 'Allow more than one answer' }).check();
    await testInfo.attach('share-poll', { body: await page.screenshot(), contentType: 'image/png' });
    await poll.getByRole('button', { name: 'Send' }).click();
    await expect(poll).toBeHidden();
    const asked = await noa.waitForMessage(
      (m) =>
        Boolean(
          m.message?.pollCreationMessage ??
          m.message?.pollCreationMessageV2 ??
          m.message?.pollCreationMessageV3,
        ),
      60_000,
    );
    const question =
      asked.message?.pollCreationMessage ??
      asked.message?.pollCreationMessageV2 ??
      asked.message?.pollCreationMessageV3;
    expect(question?.name).toBe('Pickup time?');
    expect(question?.options?.map((option) => option.optionName)).toEqual(['Morning', 'Evening']);
    expect(question?.selectableOptionsCount ?? 0).toBe(0);
    await expect(inbox.bubble('Pickup time?').getByText('Evening')).toBeVisible();
    await testInfo.attach('share-bubbles', { body: await page.screenshot(), contentType: 'image/png' });
  } finally {
    await app.stop();
  }
});

test('unread divider, drafts across a reload with their reply, and Mark as unread from the header', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const app = await startApp({ env: wa.env });
  try {
    await linkSession(app, wa.emulator, { id: 'shop', name: 'Bakery', phone: '972520000402' });
    const noa = await Customer.create(wa.emulator, { phone: '447700900402', name: 'Noa' });
    const eli = await Customer.create(wa.emulator, { phone: '447700900403', name: 'Eli' });
    customers.push(noa, eli);
    const shop = '972520000402@s.whatsapp.net';
    const inbox = await signInToInbox(page, app);
    await noa.sendText(shop, 'Hi there');
    await expect(inbox.chat('Noa')).toBeVisible({ timeout: 60_000 });
    await inbox.chat('Noa').click();
    await expect(inbox.bubble('Hi there')).toBeVisible();
    await inbox.send('Hello Noa, how can we help?');
    await expect(inbox.bubble('Hello Noa, how can we help?')).toBeVisible();
    await eli.sendText(shop, 'Are you open?');
    await inbox.chat('Eli').click();

    // Three new messages while Noa's chat is closed: the divider sits above the first of them.
    await noa.sendText(shop, 'One cake please');
    const chocolate = await noa.sendText(shop, 'Chocolate');
    await noa.sendText(shop, 'For 5 pm');
    await expect(inbox.chat('Noa').getByLabel('3 unread', { exact: true })).toBeVisible({ timeout: 60_000 });
    await inbox.chat('Noa').click();
    const divider = inbox.feed().getByRole('separator', { name: '3 unread messages' });
    await expect(divider).toBeVisible();
    const order = await inbox
      .feed()
      .evaluate((feed) =>
        [...feed.querySelectorAll('[data-index]')]
          .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
          .map((row) => row.textContent ?? ''),
      );
    const at = order.findIndex((text) => text.includes('3 unread messages'));
    expect(order[at - 1]).toContain('Hello Noa, how can we help?');
    expect(order[at + 1]).toContain('One cake please');
    await testInfo.attach('unread-divider', { body: await page.screenshot(), contentType: 'image/png' });

    // A draft with a reply: still there after a reload, and "Draft:" in the list elsewhere.
    await inbox.messageAction(inbox.bubble('Chocolate'), 'Reply');
    await inbox.composer().fill('Chocolate is sold out, vanilla?');
    await page.reload();
    await inbox.chat('Eli').click();
    await expect(inbox.chat('Noa')).toContainText('Draft: Chocolate is sold out, vanilla?');
    await inbox.chat('Noa').click();
    await expect(inbox.composer()).toHaveValue('Chocolate is sold out, vanilla?');
    // The reply banner above the box quotes the message again.
    await expect(inbox.conversation().locator('.composer__banner')).toContainText('Chocolate');
    await inbox.composer().press('Enter');
    const answer = await noa.waitForMessage(
      (m) => m.message?.extendedTextMessage?.text === 'Chocolate is sold out, vanilla?',
      60_000,
    );
    expect(answer.message?.extendedTextMessage?.contextInfo?.stanzaId).toBe(chocolate.key.id);
    await inbox.chat('Eli').click();
    await expect(inbox.chat('Noa')).not.toContainText('Draft:');

    // Mark as unread from the header: the chat closes and counts as unread in the list.
    await inbox.chat('Noa').click();
    await inbox.conversation().getByRole('button', { name: 'Mark as unread' }).click();
    await expect(page).toHaveURL(/\/inbox$/);
    await expect(inbox.chat('Noa').getByLabel('1 unread', { exact: true })).toBeVisible();
  } finally {
    await app.stop();
  }
});
