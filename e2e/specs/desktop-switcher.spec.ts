/**
 * The desktop window's "Ask who is using this PC" (issue #15). Electron cannot run here, so the
 * window's renderer runs in Chromium with `window.chatdock` forwarding to the app's test-only
 * loopback bridge, which dispatches as the IPC handler does (e2e/support/desktop-window.ts). Two
 * numbers linked to the local WhatsApp server with real Baileys customers: the owner turns the
 * switcher on and the window locks; the switcher lists people; a wrong PIN is refused beside the
 * field; the right one opens the inbox as that agent, who sees only her number's chat; Lock
 * (Ctrl+Shift+L) returns to the switcher, and the owner switches in with her password.
 */
import type { Page } from '@playwright/test';
import { Customer } from '../../testkit/wa-emulator/customer.js';
import { personGrant } from '../../testkit/support/grants.js';
import { InboxPage } from '../pages/inbox-page.js';
import { Shell } from '../pages/shell.js';
import { TeamPage } from '../pages/team-page.js';
import { startApp, type RunningApp } from '../support/app-server.js';
import { DESKTOP_BRIDGE_ENV, openDesktopWindow } from '../support/desktop-window.js';
import { expect, test } from '../support/fixtures.js';
import { linkSession, rpc } from '../support/rpc.js';
import { shootLaptopAndPhone } from '../support/screens.js';
import { customersClosedAfterEach, useWaServer } from '../support/wa-server.js';

const OWNER = { name: 'Olive Owner', login: 'olive', password: 'olive-secret-1' };
const AGENT = { name: 'Walt Agent', login: 'walt', password: 'walt-secret-22', pin: '4821' };
// The web UI's CSP allows calls to its own origin only; the bridge stands in for Electron's IPC on
// a port of its own (the desktop window has its own CSP, src-main/electron/protocol.ts).
test.use({ bypassCSP: true });
const wa = useWaServer();
const customers = customersClosedAfterEach();
// A loaded machine: PIN and password checks (scrypt) and live events may take longer than 10 s.
const slow = expect.configure({ timeout: 45_000 });

/** Walt sets his own PIN (only a person may, with their password), as his profile page does. */
async function setOwnPin(app: RunningApp, person: typeof AGENT): Promise<void> {
  const signIn = await fetch(`${app.url}/api/v1/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: person.login, password: person.password }),
  });
  expect(signIn.status).toBe(200);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const set = await fetch(`${app.url}/rpc/users.setPin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ currentPassword: person.password, pin: person.pin }),
  });
  expect(set.status).toBe(200);
}

const switcher = (page: Page) => page.getByRole('heading', { level: 1, name: 'Who is using this PC?' });
const people = (page: Page) => page.getByRole('list', { name: 'People who may use this PC' });
const allChats = (page: Page) =>
  page.getByRole('group', { name: 'Inbox view' }).getByRole('button', { name: 'All', exact: true });

test('shared PC: the switcher locks the window, refuses a wrong PIN, seats an agent with her rights, Lock, the owner', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const app = await startApp({ env: { ...wa.env, ...DESKTOP_BRIDGE_ENV } });
  try {
    const shopJid = await linkSession(app, wa.emulator, { id: 'shop', name: 'Shop', phone: '972520000181' });
    const deskJid = await linkSession(app, wa.emulator, { id: 'desk', name: 'Desk', phone: '972520000182' });
    await rpc(app, 'users.create', { ...OWNER, role: 'owner' });
    const walt = (
      await rpc(app, 'users.create', {
        name: AGENT.name,
        login: AGENT.login,
        role: 'agent',
        password: AGENT.password,
      })
    ).user;
    await rpc(app, 'permissions.set', { session: 'shop', grants: [personGrant(walt.id)] });
    await setOwnPin(app, AGENT);

    const alice = await Customer.create(wa.emulator, { phone: '15550001811', name: 'Alice Shop' });
    customers.push(alice);
    const bob = await Customer.create(wa.emulator, { phone: '15550001812', name: 'Bob Desk' });
    customers.push(bob);
    await alice.sendText(shopJid, 'Is the blue cake still available?');
    await bob.sendText(deskJid, 'I need help with my order');

    // The window opens as the PC's owner, with no password, and sees both numbers' chats.
    await openDesktopWindow(page, app);
    const inbox = new InboxPage(page);
    await slow(new Shell(page).nav()).toBeVisible();
    await allChats(page).click();
    const aliceChat = inbox.chat(/Alice Shop|\+1 555 000 1811/);
    const bobChat = inbox.chat(/Bob Desk|\+1 555 000 1812/);
    await slow(aliceChat).toBeVisible({ timeout: 60_000 });
    await slow(bobChat).toBeVisible({ timeout: 60_000 });

    // Settings → Team → "Ask who is using this PC": the window locks at once.
    await new TeamPage(page).open();
    // A click, not check(): the window reloads at once, locked, so the box is gone before it is read.
    await page.getByRole('checkbox', { name: 'Ask who is using this PC' }).click();
    await slow(switcher(page)).toBeVisible();
    await expect(people(page).getByRole('button')).toHaveText([/Olive Owner/, /Walt Agent/]);
    await shootLaptopAndPhone(page, test.info(), 'desktop-switcher-people');

    // Walt, a wrong PIN: refused beside the field, and the field is emptied for another try.
    await people(page).getByRole('button', { name: AGENT.name }).click();
    const pin = page.getByLabel('PIN');
    await pin.fill('0000');
    await pin.press('Enter');
    const refusal = page.getByRole('alert').filter({ hasText: 'Wrong PIN or password.' });
    await slow(refusal).toBeVisible();
    await expect(pin).toHaveAttribute('aria-invalid', 'true');
    await expect(pin).toHaveAccessibleDescription('Wrong PIN or password.');
    await expect(pin).toHaveValue('');
    await shootLaptopAndPhone(page, test.info(), 'desktop-switcher-wrong-pin');

    // The right PIN: the inbox as Walt, who reads the shop only.
    await pin.fill(AGENT.pin);
    await page.getByRole('button', { name: 'Continue' }).click();
    const nav = new Shell(page).nav();
    await slow(nav.getByRole('button', { name: AGENT.name, exact: true })).toBeVisible();
    // At the inbox, not on the Team page the owner left open (which an agent may not see).
    await expect(page).toHaveURL(/\/inbox$/);
    await allChats(page).click();
    await slow(aliceChat).toBeVisible({ timeout: 60_000 });
    await expect(bobChat).toHaveCount(0);
    // His own rights: no Settings for an agent.
    await expect(nav.getByRole('link', { name: 'Settings' })).toHaveCount(0);
    // A message arriving now reaches him live, and only his number's.
    await bob.sendText(deskJid, 'Anyone there?');
    await alice.sendText(shopJid, 'Hello?');
    await slow(inbox.chat('Hello?')).toBeVisible({ timeout: 60_000 });
    await expect(bobChat).toHaveCount(0);

    // Lock (Ctrl+Shift+L): back to the switcher; then the owner with her password.
    await page.keyboard.press('Control+Shift+L');
    await slow(switcher(page)).toBeVisible();
    await people(page).getByRole('button', { name: OWNER.name }).click();
    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Continue' }).click();
    await slow(nav.getByRole('button', { name: OWNER.name, exact: true })).toBeVisible();
    await allChats(page).click();
    await slow(aliceChat).toBeVisible({ timeout: 60_000 });
    await slow(bobChat).toBeVisible({ timeout: 60_000 });
    await shootLaptopAndPhone(page, test.info(), 'desktop-switcher-owner-inbox');
  } finally {
    await app.stop();
  }
});
