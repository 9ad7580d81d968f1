/**
 * Two agents at once (issues #15 and #16), each in her own browser context, on two numbers linked
 * to the local WhatsApp server with real Baileys customers: Dana reads both numbers, Eli only the
 * desk. Each sees only the chats of the numbers she may read, live; an outgoing bubble names who
 * sent it; Mine / Unassigned follow a reply and a reassignment live in both windows; the collision
 * guard tells Eli that Dana is typing. Screenshots at 1366 and 400 px.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { Customer } from '../../testkit/wa-emulator/customer.js';
import { personGrant } from '../../testkit/support/grants.js';
import { InboxPage } from '../pages/inbox-page.js';
import { LoginPage } from '../pages/login-page.js';
import { Shell } from '../pages/shell.js';
import { startApp, type RunningApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { linkSession, rpc } from '../support/rpc.js';
import { useWaServer } from '../support/wa-server.js';

const OWNER = { name: 'Olivia Owner', login: 'olivia', password: 'olivia-secret-1' };
const PASSWORD = 'agent-secret-22';
const wa = useWaServer();
// A loaded machine: sign-ins (scrypt) and live events may take longer than the default 10 s.
const slow = expect.configure({ timeout: 45_000 });

const views = (page: Page) => page.getByRole('group', { name: 'Inbox view' });
const view = (page: Page, name: string) => views(page).getByRole('button', { name, exact: true });

async function agentWindow(browser: Browser, app: RunningApp, login: string, contexts: BrowserContext[]) {
  // Her own cookies, like her own PC.
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 768 } });
  contexts.push(context);
  const page = await context.newPage();
  const signIn = new LoginPage(page);
  await signIn.open(app.url);
  await signIn.signInAs(login, PASSWORD);
  await slow(new Shell(page).nav()).toBeVisible();
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  const file = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  await test.info().attach(name, { path: file, contentType: 'image/png' });
}

test('two agents on two numbers: each sees her own chats live, Mine/Unassigned, reassignment, collision', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const app = await startApp({ env: wa.env });
  const customers: Customer[] = [];
  const contexts: BrowserContext[] = [];
  try {
    const shopJid = await linkSession(app, wa.emulator, { id: 'shop', name: 'Shop', phone: '972520000171' });
    const deskJid = await linkSession(app, wa.emulator, { id: 'desk', name: 'Desk', phone: '972520000172' });
    const login = new LoginPage(page);
    await login.open(app.url);
    await login.setUpOwner(app.apiKey, OWNER);
    await slow(new Shell(page).nav().getByRole('button', { name: OWNER.name, exact: true })).toBeVisible();

    // The owner creates the two agents and gives them different numbers.
    const person = async (name: string, loginName: string) =>
      (await rpc(app, 'users.create', { name, login: loginName, role: 'agent', password: PASSWORD })).user;
    const dana = await person('Dana Levi', 'dana');
    const eli = await person('Eli Cohen', 'eli');
    const grant = (id: string) => personGrant(id);
    await rpc(app, 'permissions.set', { session: 'shop', grants: [grant(dana.id)] });
    await rpc(app, 'permissions.set', { session: 'desk', grants: [grant(dana.id), grant(eli.id)] });

    const danaPage = await agentWindow(browser, app, 'dana', contexts);
    const eliPage = await agentWindow(browser, app, 'eli', contexts);
    const danaInbox = new InboxPage(danaPage);
    const eliInbox = new InboxPage(eliPage);
    for (const agent of [danaPage, eliPage]) await view(agent, 'Unassigned').click();

    // New customers write, one to each number, while both windows are open.
    const alice = await Customer.create(wa.emulator, { phone: '15550001711', name: 'Alice Shop' });
    customers.push(alice);
    const bob = await Customer.create(wa.emulator, { phone: '15550001712', name: 'Bob Desk' });
    customers.push(bob);
    await alice.sendText(shopJid, 'Is the blue cake still available?');
    await bob.sendText(deskJid, 'I need help with my order');
    const aliceIn = (inbox: InboxPage) => inbox.chat(/Alice Shop|\+1 555 000 1711/);
    const bobIn = (inbox: InboxPage) => inbox.chat(/Bob Desk|\+1 555 000 1712/);
    await slow(aliceIn(danaInbox)).toBeVisible({ timeout: 60_000 });
    await slow(bobIn(danaInbox)).toBeVisible({ timeout: 60_000 });
    // Eli's list has updated (Bob is there), and the shop's chat never reached her.
    await slow(bobIn(eliInbox)).toBeVisible({ timeout: 60_000 });
    await slow(aliceIn(eliInbox)).toHaveCount(0);
    await alice.sendText(shopJid, 'Hello?');
    await slow(danaInbox.chat('Hello?')).toBeVisible({ timeout: 60_000 });
    await slow(aliceIn(eliInbox)).toHaveCount(0);

    // Dana answers Alice: the bubble names her, and the reply makes the chat hers (Mine).
    await aliceIn(danaInbox).click();
    await danaInbox.send('Yes, it is. Shall I keep it for you?');
    const bubble = danaInbox.bubble('Shall I keep it for you?');
    await slow(bubble).toContainText('Dana Levi');
    await slow(aliceIn(danaInbox)).toHaveCount(0);
    await view(danaPage, 'Mine').click();
    await slow(aliceIn(danaInbox)).toBeVisible();

    // The owner gives Bob's chat to Dana, then to Eli: it moves between their Mine lists live.
    await view(eliPage, 'Mine').click();
    await rpc(app, 'assignment.assign', { session: 'desk', chat: '15550001712', user: dana.id });
    await slow(bobIn(danaInbox)).toBeVisible();
    await slow(bobIn(eliInbox)).toHaveCount(0);
    await rpc(app, 'assignment.assign', { session: 'desk', chat: '15550001712', user: eli.id });
    await slow(bobIn(eliInbox)).toBeVisible();
    await slow(bobIn(danaInbox)).toHaveCount(0);
    await slow(aliceIn(danaInbox)).toBeVisible();

    // Both open Bob's chat; Dana starts typing: Eli is told.
    await bobIn(eliInbox).click();
    await view(danaPage, 'All').click();
    await bobIn(danaInbox).click();
    await danaInbox.composer().pressSequentially('Let me look at your order');
    const warning = eliInbox.conversation().getByText('Dana Levi is typing a reply');
    await slow(warning).toBeVisible();

    // "Typing" runs out 7 s after Dana's last keystroke and the notice says "viewing" again: on a
    // slow machine the screenshots below may come after that, so either notice will do there.
    const notice = eliInbox.conversation().getByText(/Dana Levi is (typing a reply|viewing)/);
    for (const width of [1366, 400]) {
      await eliPage.setViewportSize({ width, height: width === 400 ? 800 : 768 });
      await danaPage.setViewportSize({ width, height: width === 400 ? 800 : 768 });
      await slow(notice).toBeVisible();
      await shoot(eliPage, `two-agents-eli-collision-${width}`);
      await shoot(danaPage, `two-agents-dana-${width}`);
    }
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
    await Promise.all(customers.map((customer) => customer.close()));
    await app.stop();
  }
});
