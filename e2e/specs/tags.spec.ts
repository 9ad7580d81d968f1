import type { Page } from '@playwright/test';
import { startReceiver } from '../../testkit/support/webhook-receiver.js';
import { Customer } from '../../testkit/wa-emulator/customer.js';
import { InboxPage } from '../pages/inbox-page.js';
import { LoginPage } from '../pages/login-page.js';
import { Shell } from '../pages/shell.js';
import { TagsPage } from '../pages/tags-page.js';
import type { RunningApp } from '../support/app-server.js';
import { startApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { gradientPng } from '../support/png.js';
import { useWaServer } from '../support/wa-server.js';

const wa = useWaServer();

/** The app's REST API with its admin key. */
async function api<T>(
  app: RunningApp,
  path: string,
  init: { method?: string; json?: unknown } = {},
): Promise<T> {
  const response = await fetch(`${app.url}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${app.apiKey}`, 'content-type': 'application/json' },
    ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
  });
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Session `shop` linked on the local WhatsApp server, and a customer (Dana) who wrote to it. */
async function shopWithCustomer(app: RunningApp, shopPhone: string, customerPhone: string) {
  await api(app, '/sessions', { method: 'POST', json: { id: 'shop', name: 'Shop' } });
  await api(app, '/sessions/shop/connect', { method: 'POST' });
  let qr = '';
  await expect
    .poll(async () => {
      qr = (await api<{ qr: string | null }>(app, '/sessions/shop/qr').catch(() => ({ qr: null }))).qr ?? '';
      return qr;
    })
    .not.toBe('');
  await wa.emulator.scanQr(qr, shopPhone, 'Falafel House');
  await expect
    .poll(async () => (await api<{ status: string }>(app, '/sessions/shop')).status)
    .toBe('connected');
  const customer = await Customer.create(wa.emulator, { phone: customerPhone, name: 'Dana' });
  await customer.sendText(`${shopPhone}@s.whatsapp.net`, 'Hi, do you deliver?');
  await expect
    .poll(async () =>
      (await api<{ items: { jid: string }[] }>(app, '/sessions/shop/chats')).items.map((c) => c.jid),
    )
    .toContain(customer.jid);
  return customer;
}

async function openTags(page: Page, app: RunningApp): Promise<TagsPage> {
  const login = new LoginPage(page);
  await login.open(app.url);
  await login.signIn(app.apiKey);
  await new Shell(page).goTo('Tags');
  return new TagsPage(page);
}

test('create, rename and recolour a tag, and add a saved reply, on the Tags page', async ({ page, app }) => {
  const tags = await openTags(page, app);
  await expect(page.getByText('No tags yet.')).toBeVisible();

  await tags.createTag('New lead', '#2563eb');
  await expect(tags.tag('New lead')).toContainText('Not used');
  await expect(tags.tag('New lead').locator('.tag-chip')).toHaveCSS('background-color', 'rgb(37, 99, 235)');

  await tags.createTag('new LEAD');
  await expect(page.getByRole('alert')).toContainText('already exists');

  await tags.editTag('New lead', { name: 'Hot lead', colour: '#dc2626' });
  await expect(tags.tag('Hot lead').locator('.tag-chip')).toHaveCSS('background-color', 'rgb(220, 38, 38)');
  await expect(tags.tag('New lead')).toHaveCount(0);

  await tags.addSavedReply({ shortcut: 'hours', title: 'Opening hours', text: 'Hi [name], we open at 9.' });
  await expect(tags.savedReply('hours')).toContainText('Opening hours');
  await expect(tags.savedReply('hours')).toContainText('Hi [name], we open at 9.');

  // What the page shows is what the API has.
  const listed = await api<{ items: { name: string; color: string }[] }>(app, '/tags');
  expect(listed.items).toEqual([expect.objectContaining({ name: 'Hot lead', color: '#dc2626' })]);
});

test('deleting a tag in use asks for confirmation stating the count, then removes its taggings', async ({
  page,
}) => {
  const app = await startApp({ env: wa.env });
  let customer: Customer | null = null;
  try {
    customer = await shopWithCustomer(app, '972503330000', '972503330001');
    const tag = await api<{ id: string }>(app, '/tags', {
      method: 'POST',
      json: { name: 'Paid', color: '#1a7f5a' },
    });
    await api(app, `/sessions/shop/chats/${customer.jid}/tags/${tag.id}`, { method: 'PUT' });

    const tags = await openTags(page, app);
    await expect(tags.tag('Paid')).toContainText('Used by 1 chat');
    await tags.tag('Paid').getByRole('button', { name: 'Delete' }).click();
    const question = tags.tag('Paid').getByRole('alertdialog', { name: 'Delete' });
    await expect(question).toContainText('It is used by 1 chat; it will be removed from them.');
    await question.getByRole('button', { name: 'Cancel' }).click();
    await expect(tags.tag('Paid')).toBeVisible();

    await tags.tag('Paid').getByRole('button', { name: 'Delete' }).click();
    await question.getByRole('button', { name: 'Delete tag' }).click();
    await expect(tags.tag('Paid')).toHaveCount(0);
    await expect(page.getByText('No tags yet.')).toBeVisible();
    expect((await api<{ items: unknown[] }>(app, `/sessions/shop/chats/${customer.jid}/tags`)).items).toEqual(
      [],
    );
    const history = await api<{ items: { action: string; tagName: string }[] }>(
      app,
      `/sessions/shop/chats/${customer.jid}/tags/history`,
    );
    expect(history.items[0]).toMatchObject({ action: 'removed', tagName: 'Paid' });
  } finally {
    await customer?.close();
    await app.stop();
  }
});

test('in the inbox: tag a message, see its chat under the tag filter, webhooks hear it; / inserts a saved reply', async ({
  page,
}) => {
  const app = await startApp({ env: wa.env });
  const receiver = await startReceiver();
  const customers: Customer[] = [];
  try {
    const dana = await shopWithCustomer(app, '972504440000', '972504440001');
    customers.push(dana);
    const yossi = await Customer.create(wa.emulator, { phone: '972504440002', name: 'Yossi' });
    customers.push(yossi);
    await yossi.sendText('972504440000@s.whatsapp.net', 'Just browsing');
    await api(app, '/webhooks', {
      method: 'POST',
      json: { name: 'CRM', url: receiver.url, events: ['chat.tagged', 'message.tagged'] },
    });
    await api(app, '/tags', { method: 'POST', json: { name: 'VIP', color: '#7c3aed' } });
    await api(app, '/saved-replies', {
      method: 'POST',
      json: { shortcut: 'thanks', title: 'Thank you', text: 'Thanks [name], your order is on its way!' },
    });
    await api(app, '/saved-replies', {
      method: 'POST',
      json: { shortcut: 'hours', title: 'Opening hours', text: 'We open at 9.' },
    });

    const login = new LoginPage(page);
    await login.open(app.url);
    await login.signIn(app.apiKey);
    const inbox = new InboxPage(page);
    await expect(inbox.chat('Yossi')).toBeVisible();
    await inbox.chat('Dana').click();

    // Tag the customer's message from its action menu.
    const bubble = inbox.bubble('Hi, do you deliver?');
    await bubble.hover();
    await bubble.getByRole('button', { name: 'Message actions' }).click();
    await bubble.getByRole('menuitem', { name: 'Tag…' }).click();
    await bubble.getByRole('menuitemcheckbox', { name: /VIP/ }).click();

    // Its chat carries the tag: in the contact panel and in the chat list.
    await inbox.conversation().getByRole('button', { name: 'Contact info' }).click();
    const chatTags = page
      .getByRole('complementary', { name: 'Contact info' })
      .getByRole('region', { name: 'Chat tags' });
    await expect(chatTags.locator('.tag-chip', { hasText: 'VIP' })).toBeVisible();
    await expect(inbox.chat('Dana').locator('.tag-chip', { hasText: 'VIP' })).toBeVisible();

    // The tag filter is in the filter row's "More" menu.
    await page.getByRole('group', { name: 'Filters' }).getByText(/^More/).click();
    await page.getByRole('combobox', { name: 'Filter by tag' }).selectOption({ label: 'VIP (1)' });
    await expect(inbox.chat('Dana')).toBeVisible();
    await expect(inbox.chat('Yossi')).toHaveCount(0);

    const tagged = (type: string, action: string) =>
      receiver.received.some(
        (d) =>
          d.json.type === type &&
          (d.json.data as { action: string; tag: { name: string } }).action === action,
      );
    await receiver.until(() => tagged('message.tagged', 'added') && tagged('chat.tagged', 'added'));
    expect(receiver.received.find((d) => d.json.type === 'chat.tagged')?.json.data).toMatchObject({
      chat: dana.jid,
      tag: { name: 'VIP', color: '#7c3aed' },
      action: 'added',
      actor: 'admin',
    });

    // Remove it in the contact panel: the events say removed, the filter empties.
    await chatTags.getByRole('button', { name: 'Remove tag VIP' }).click();
    await expect(chatTags.locator('.tag-chip')).toHaveCount(0);
    await receiver.until(() => tagged('message.tagged', 'removed') && tagged('chat.tagged', 'removed'));
    await expect(inbox.chat('Dana')).toHaveCount(0);
    await page.getByRole('combobox', { name: 'Filter by tag' }).selectOption({ label: 'All tags' });
    await expect(inbox.chat('Yossi')).toBeVisible();

    // Tag the chat again from the panel, and leave a private note.
    await chatTags.getByRole('button', { name: 'Add tag' }).click();
    await chatTags.getByRole('option').getByRole('button', { name: 'VIP' }).click();
    await expect(chatTags.locator('.tag-chip', { hasText: 'VIP' })).toBeVisible();
    const notes = page.getByRole('region', { name: 'Notes' });
    await notes.getByLabel('New note').fill('Prefers delivery after 6pm');
    await notes.getByRole('button', { name: 'Add note' }).click();
    await expect(notes.getByRole('listitem', { name: 'Note by admin' })).toContainText(
      'Prefers delivery after 6pm',
    );

    // Below ~1500px the panel covers the conversation; close it to reach the composer.
    await page.getByRole('button', { name: 'Close contact info' }).click();
    await expect(page.getByRole('complementary', { name: 'Contact info' })).toHaveCount(0);

    // Typing / offers the saved replies; choosing one inserts it with [name] filled.
    const composer = inbox.composer();
    await composer.click();
    await composer.pressSequentially('Hello! /');
    const picker = page.getByRole('listbox', { name: 'Saved replies' });
    await expect(picker.getByRole('option')).toHaveCount(2);
    await composer.pressSequentially('th');
    await expect(picker.getByRole('option')).toHaveCount(1);
    await expect(picker.getByRole('option', { selected: true })).toContainText('/thanks');
    await composer.press('Enter');
    await expect(composer).toHaveValue('Hello! Thanks Dana, your order is on its way!');
    await expect(picker).toHaveCount(0);
    // Nothing was sent by choosing: the note and the reply stay in the app until Enter.
    await expect(inbox.bubble('your order is on its way')).toHaveCount(0);
  } finally {
    await Promise.all(customers.map((customer) => customer.close()));
    await receiver.close();
    await app.stop();
  }
});

test('a saved reply with an image, chosen with /, is attached with its text as the caption and sent', async ({
  page,
}) => {
  const app = await startApp({ env: wa.env });
  let dana: Customer | null = null;
  try {
    dana = await shopWithCustomer(app, '972504450000', '972504450001');
    const menu = gradientPng(200, 120);
    await api(app, '/saved-replies', {
      method: 'POST',
      json: {
        shortcut: 'menu',
        title: 'Our menu',
        text: 'Here is our menu, [first_name]!',
        media: {
          type: 'image',
          data: `data:image/png;base64,${menu.toString('base64')}`,
          fileName: 'menu.png',
        },
      },
    });

    const login = new LoginPage(page);
    await login.open(app.url);
    await login.signIn(app.apiKey);
    const inbox = new InboxPage(page);
    await inbox.chat('Dana').click();

    const composer = inbox.composer();
    await composer.click();
    await composer.pressSequentially('/men');
    const picker = page.getByRole('listbox', { name: 'Saved replies' });
    await expect(picker.getByRole('option', { selected: true })).toContainText('[image]');
    await composer.press('Enter');

    // The image waits in the preview with the reply's text as its caption; nothing is sent yet.
    const preview = page.getByRole('dialog', { name: 'Send files' });
    await expect(preview.getByRole('img', { name: 'Preview of menu.png' })).toBeVisible();
    await expect(preview.getByLabel('Caption')).toHaveValue('Here is our menu, Dana!');
    await expect(preview.getByLabel('Caption')).toBeFocused();
    await preview.getByLabel('Caption').press('Enter');

    await expect(preview).toHaveCount(0);
    await expect(
      inbox.bubble('Here is our menu, Dana!').getByRole('img', { name: 'Here is our menu, Dana!' }),
    ).toBeVisible();
    const received = await dana.waitForMessage((message) => Boolean(message.message?.imageMessage));
    expect(received.message?.imageMessage?.caption).toBe('Here is our menu, Dana!');
    expect(Buffer.compare(await dana.download(received), menu)).toBe(0);
  } finally {
    await dana?.close();
    await app.stop();
  }
});
