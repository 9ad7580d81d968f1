import { rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { LoginPage } from '../pages/login-page.js';
import { SessionsPage } from '../pages/sessions-page.js';
import { Shell } from '../pages/shell.js';
import { startApp, type RunningApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { useWaServer } from '../support/wa-server.js';

const wa = useWaServer();

async function openSessions(page: Page, app: RunningApp): Promise<SessionsPage> {
  const login = new LoginPage(page);
  await login.open(app.url);
  await login.signIn(app.apiKey);
  await new Shell(page).goTo('Sessions');
  return new SessionsPage(page);
}

test('add a number: the QR appears, the phone scans it, the screen turns to connected', async ({ page }) => {
  const app = await startApp({ env: wa.env });
  try {
    const sessions = await openSessions(page, app);
    await expect(page.getByText('No WhatsApp numbers linked')).toBeVisible();
    await sessions.addNumber('Front desk');
    const key = page.getByRole('region', { name: 'New API key for Front desk' });
    await expect(key).toContainText('cd_');
    await expect(sessions.qrImage('Front desk')).toBeVisible();
    // The owner needs the QR code; the key is for developers, below it.
    const qrTop = (await sessions.qrImage('Front desk').boundingBox())?.y ?? Infinity;
    expect(qrTop).toBeLessThan((await key.boundingBox())?.y ?? -Infinity);
    await expect(sessions.status('Front desk')).toHaveText('Waiting for QR scan');

    await wa.emulator.scanQr(await sessions.qrText('Front desk'), '972520000001', 'Front Desk Phone');

    await expect(sessions.status('Front desk')).toHaveText('Connected');
    await expect(sessions.card('Front desk')).toContainText('+972 52 000 0001');
    await expect(sessions.card('Front desk')).toContainText('Front Desk Phone');
    await expect(sessions.qrImage('Front desk')).toHaveCount(0);
    const card = sessions.card('Front desk');
    await expect(card.getByRole('button', { name: 'Unlink from phone' })).toBeVisible();
    await card.getByRole('link', { name: 'Go to the inbox' }).click();
    await expect(new Shell(page).pageHeading()).toHaveText('Inbox');
  } finally {
    await app.stop();
  }
});

test('link with a phone number instead: the card shows the code, the phone enters it, connected', async ({
  page,
}) => {
  const app = await startApp({ env: wa.env });
  try {
    const sessions = await openSessions(page, app);
    await sessions.addNumber('Delivery');
    await expect(sessions.qrImage('Delivery')).toBeVisible();
    const card = sessions.card('Delivery');
    await card.getByRole('button', { name: 'Link with a phone number instead' }).click();
    // A number WhatsApp cannot take is refused, naming the field, before any code is asked for.
    await card.getByLabel('Phone number to link').fill('12');
    await card.getByRole('button', { name: 'Get pairing code' }).click();
    await expect(card.getByRole('alert')).toBeVisible();
    await expect(card.getByLabel('Phone number to link')).toHaveAttribute('aria-invalid', 'true');

    await card.getByLabel('Phone number to link').fill('+972 52-000-0002');
    await card.getByRole('button', { name: 'Get pairing code' }).click();
    const shown = card.getByLabel('Pairing code');
    await expect(shown).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expect(sessions.status('Delivery')).toHaveText('Waiting for code');

    // The user types the code into the phone.
    const code = ((await shown.textContent()) ?? '').replace('-', '');
    await wa.emulator.confirmPairingCode('972520000002', code, 'Delivery Phone');
    await expect(sessions.status('Delivery')).toHaveText('Connected');
    await expect(card).toContainText('+972 52 000 0002');
    await expect(shown).toHaveCount(0);
  } finally {
    await app.stop();
  }
});

test('after the app is killed (SIGKILL) and started again, the session comes back without a new QR', async ({
  page,
}) => {
  const app = await startApp({ env: wa.env });
  const dataDir = app.dataDir;
  let restarted: RunningApp | null = null;
  try {
    const sessions = await openSessions(page, app);
    await sessions.addNumber('Shop');
    await wa.emulator.scanQr(await sessions.qrText('Shop'), '972520000002');
    await expect(sessions.status('Shop')).toHaveText('Connected');

    await app.stop({ signal: 'SIGKILL', keepData: true });
    restarted = await startApp({ env: wa.env, dataDir });
    // A new port is a new origin for the browser, so sign in again.
    await openSessions(page, restarted);
    await expect(sessions.status('Shop')).toHaveText('Connected');
    await expect(sessions.qrImage('Shop')).toHaveCount(0);
  } finally {
    await restarted?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a number removed on the phone shows why, and asks for a QR only when told', async ({ page }) => {
  const app = await startApp({ env: wa.env });
  try {
    const sessions = await openSessions(page, app);
    await sessions.addNumber('Kiosk');
    await wa.emulator.scanQr(await sessions.qrText('Kiosk'), '972520000003');
    await expect(sessions.status('Kiosk')).toHaveText('Connected');

    wa.emulator.kick('972520000003', 'logged_out');
    await expect(sessions.status('Kiosk')).toHaveText('Logged out');
    await expect(sessions.card('Kiosk')).toContainText('removed from the phone');
    await expect(sessions.qrImage('Kiosk')).toHaveCount(0);

    await sessions.card('Kiosk').getByRole('button', { name: 'Link again' }).click();
    await expect(sessions.qrImage('Kiosk')).toBeVisible();
  } finally {
    await app.stop();
  }
});

test('a QR nobody scans runs out: the card says so, and Connect shows a new one', async ({ page }) => {
  // Each QR code lives 1 s here instead of WhatsApp Web's 60 s / 20 s (six codes in all).
  const app = await startApp({ env: { ...wa.env, CHATDOCK_QR_TIMEOUT_MS: '1000' } });
  try {
    const sessions = await openSessions(page, app);
    await sessions.addNumber('Till');
    await expect(sessions.qrImage('Till')).toBeVisible();
    const firstCode = await sessions.qrText('Till');

    await expect(sessions.status('Till')).toHaveText('Disconnected', { timeout: 20_000 });
    await expect(sessions.card('Till')).toContainText('Nobody scanned the QR code in time.');
    await expect(sessions.qrImage('Till')).toHaveCount(0);

    await sessions.card('Till').getByRole('button', { name: 'Connect' }).click();
    await expect(sessions.qrImage('Till')).toBeVisible();
    expect(await sessions.qrText('Till')).not.toBe(firstCode);
  } finally {
    await app.stop();
  }
});

test('delete says what goes, offers to keep the chat history, and removes the number', async ({ page }) => {
  const app = await startApp({ env: wa.env });
  try {
    const sessions = await openSessions(page, app);
    await sessions.addNumber('Old phone');
    await page.getByRole('button', { name: 'I have saved it' }).click();
    const card = sessions.card('Old phone');
    await card.getByRole('button', { name: 'Delete' }).click();
    const question = card.getByRole('alertdialog', { name: 'Delete' });
    await expect(question).toContainText('chats, messages, contacts');
    await expect(question.getByRole('checkbox', { name: /Keep chat history/ })).not.toBeChecked();

    await question.getByRole('button', { name: 'Delete session' }).click();
    await expect(card).toHaveCount(0);
    await expect(page.getByText('No WhatsApp numbers linked')).toBeVisible();
  } finally {
    await app.stop();
  }
});
