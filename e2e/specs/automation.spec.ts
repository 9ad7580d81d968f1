import type { Page } from '@playwright/test';
import { Customer } from '../../testkit/wa-emulator/customer.js';
import { AutomationPage } from '../pages/automation-page.js';
import { InboxPage } from '../pages/inbox-page.js';
import { LoginPage } from '../pages/login-page.js';
import { Shell } from '../pages/shell.js';
import { startApp, type RunningApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { useWaServer } from '../support/wa-server.js';

const wa = useWaServer();

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
  return (await response.json()) as T;
}

async function signIn(page: Page, app: RunningApp): Promise<void> {
  const login = new LoginPage(page);
  await login.open(app.url);
  await login.signIn(app.apiKey);
}

test('edit greeting and keyword rules on the Automation page, with errors beside the field, and try them in the test panel', async ({
  page,
  app,
}) => {
  await api(app, '/sessions', { method: 'POST', json: { id: 'shop', name: 'Falafel House' } });
  await signIn(page, app);
  await new Shell(page).goTo('Automation');
  await expect(page).toHaveURL(/\/automation\/shop$/);
  const automation = new AutomationPage(page);
  const form = automation.form();
  await form.getByLabel('Automation on for this number').check();
  await form.getByLabel('Greet a customer’s first message').check();
  await form.getByLabel('Greeting text').fill('{Hi|Hello [first_name]! Welcome.');
  // Unbalanced spintax is shown beside the field as it is typed.
  await expect(form.locator('#wf-greeting-text-error')).toHaveText('Has a "{" without its "}".');
  await form.getByLabel('Greeting text').fill('Welcome, [first_name]! [order_id]');
  await expect(page.getByText('[order_id] is not a known placeholder')).toBeVisible();

  const prices = await automation.addRule({
    name: 'Prices',
    match: 'Matches the regular expression',
    keywords: 'pre(cio',
    reply: 'Our prices: https://falafel.example/menu',
  });
  await expect(prices.getByText(/Line 1 is not a valid regular expression/)).toBeVisible();
  await prices.getByLabel(/^Keywords/).fill('pre[cç]io|price');
  const hours = await automation.addRule({
    name: 'Hours',
    match: 'Starts with',
    keywords: 'when',
    reply: '',
  });
  await automation.save();
  // The server refuses the empty reply and the editor shows it beside the field.
  await expect(page.getByRole('alert')).toContainText('Not saved');
  await expect(hours.getByText(/must not be empty/)).toBeVisible();
  await hours.getByLabel('Reply', { exact: true }).fill('Every day 9–18');
  // Hours first: move it up.
  await hours.getByRole('button', { name: 'Move Hours up' }).click();
  await expect(automation.rule(1)).toContainText('Hours');
  await automation.save();
  await expect(form.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  const result = await automation.test('¿Qué PRÉCIO tiene?', '2026-12-07T10:00');
  await expect(result.getByText('Automation: Greeting')).toBeVisible();
  await expect(result.getByText('Welcome, Dana! [order_id]')).toBeVisible();
  await expect(result.getByText('Automation: Prices')).toBeVisible();
  await expect(result.getByText('Our prices: https://falafel.example/menu')).toBeVisible();

  await automation.testPanel().getByLabel('Their first message ever').uncheck();
  const noMatch = await automation.test('Thanks!', '2026-12-07T10:00');
  await expect(noMatch.getByText('No rule fires: nothing would be sent.')).toBeVisible();

  // Saved for real: a reload shows the rules in their order.
  await page.reload();
  await expect(automation.rule(1)).toContainText('Hours');
  await expect(automation.rule(2)).toContainText('Prices');
  const saved = await api<{ settings: { rules: { name: string }[] } }>(app, '/sessions/shop/automation');
  expect(saved.settings.rules.map((r) => r.name)).toEqual(['Hours', 'Prices']);
});

test('a staff reply pauses automation in the conversation until Resume', async ({ page }) => {
  const app = await startApp({ env: wa.env });
  const shopPhone = '972506190000';
  let dana: Customer | null = null;
  try {
    await api(app, '/sessions', { method: 'POST', json: { id: 'shop', name: 'Shop' } });
    await api(app, '/sessions/shop/automation', {
      method: 'PUT',
      json: { enabled: true, typingDelay: false, defaultReply: { enabled: true, text: 'Thanks, noted.' } },
    });
    await api(app, '/sessions/shop/connect', { method: 'POST' });
    let qr = '';
    await expect
      .poll(async () => {
        qr =
          (await api<{ qr: string | null }>(app, '/sessions/shop/qr').catch(() => ({ qr: null }))).qr ?? '';
        return qr;
      })
      .not.toBe('');
    await wa.emulator.scanQr(qr, shopPhone, 'Falafel House');
    await expect
      .poll(async () => (await api<{ status: string }>(app, '/sessions/shop')).status)
      .toBe('connected');
    dana = await Customer.create(wa.emulator, { phone: '972506190001', name: 'Dana' });
    await dana.sendText(`${shopPhone}@s.whatsapp.net`, 'Do you deliver?');
    await dana.waitForText('Thanks, noted.');

    await signIn(page, app);
    const inbox = new InboxPage(page);
    await inbox.chat('Thanks, noted.').click();
    const conversation = inbox.conversation();
    await expect(conversation.getByText(/Automation paused/)).toHaveCount(0);
    // What automation sent says so.
    await expect(
      conversation
        .locator('.msg-bubble', { hasText: 'Thanks, noted.' })
        .getByText('Automation: Default reply'),
    ).toBeVisible();
    await api(app, '/sessions/shop/messages', {
      method: 'POST',
      json: { to: dana.phone, type: 'text', text: 'Hi, Anna here' },
    });
    await expect(conversation.getByText(/^Automation paused until/)).toBeVisible();
    await conversation.getByRole('button', { name: 'Resume' }).click();
    await expect(conversation.getByText(/Automation paused/)).toHaveCount(0);
    const state = await api<{ pausedUntil: string | null }>(
      app,
      `/sessions/shop/automation/chats/${dana.phone}`,
    );
    expect(state.pausedUntil).toBeNull();
  } finally {
    await dana?.close();
    await app.stop();
  }
});
