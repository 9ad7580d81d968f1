/**
 * Issue #24: Reports after real traffic. Two real Baileys customers (on the local WhatsApp server)
 * write; the owner answers one from the inbox and resolves it; the other waits. Reports shows the
 * numbers a person would check (opened, resolved, received, sent by people, unanswered, waiting,
 * the owner's row, the busiest hour), the table under the chart, the CSV download, the live board;
 * then the page at 1366×768 and 400 px, light and dark, and in Hebrew (mirrored), with named
 * controls and AA contrast.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Customer } from '../../testkit/wa-emulator/customer.js';
import { InboxPage } from '../pages/inbox-page.js';
import { LoginPage } from '../pages/login-page.js';
import { Shell } from '../pages/shell.js';
import { accessibilityProblems } from '../support/a11y-check.js';
import { startApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { linkSession, rpc } from '../support/rpc.js';
import { useWaServer } from '../support/wa-server.js';

const OWNER = { name: 'Olivia Owner', login: 'olivia', password: 'olivia-secret-1' };
const wa = useWaServer();
// Kept as artifacts beside every-page.spec.ts's (not compared), to look at after a run.
const SCREENSHOTS = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

test('reports count what happened: answered and resolved, waiting, who answered', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const app = await startApp({ env: wa.env });
  const customers: Customer[] = [];
  try {
    const shopJid = await linkSession(app, wa.emulator, { id: 'shop', name: 'Shop', phone: '972520000241' });
    const login = new LoginPage(page);
    await login.open(app.url);
    await login.setUpOwner(app.apiKey, OWNER);
    const shell = new Shell(page);
    await expect(shell.nav().getByRole('button', { name: OWNER.name, exact: true })).toBeVisible();

    const alice = await Customer.create(wa.emulator, { phone: '15550002401', name: 'Alice Cohen' });
    const ben = await Customer.create(wa.emulator, { phone: '15550002402', name: 'Ben Adler' });
    customers.push(alice, ben);
    await alice.sendText(shopJid, 'Hi, is my order ready?');
    await ben.sendText(shopJid, 'Do you open on Sunday?');

    // The owner answers Alice from the inbox (a person's reply), and resolves her chat.
    const inbox = new InboxPage(page);
    await inbox.chat(/Alice Cohen|\+1 555 000 2401/).click();
    await inbox.send('Yes, ready for pickup!');
    await alice.waitForText('Yes, ready for pickup!');
    await expect(inbox.chat(/Ben Adler|\+1 555 000 2402/)).toBeVisible();
    await rpc(app, 'assignment.setStatus', { session: 'shop', chat: '15550002401', status: 'resolved' });

    await shell.goTo('Reports');
    await expect(shell.pageHeading()).toHaveText('Reports');
    const today = page.getByRole('radio', { name: 'Today' });
    await page.locator('label').filter({ has: today }).click();
    await expect(today).toBeChecked();
    const figure = (label: string) =>
      page.locator('.reports__figure').filter({ has: page.getByRole('term').filter({ hasText: label }) });
    await expect(figure('Conversations opened').locator('.reports__value')).toHaveText('2');
    await expect(figure('Conversations resolved').locator('.reports__value')).toHaveText('1');
    await expect(figure('Messages received').locator('.reports__value')).toHaveText('2');
    await expect(figure('Messages sent').locator('.reports__value')).toHaveText('1');
    await expect(figure('Messages sent')).toContainText('People 1 ·');
    await expect(figure('Unanswered').locator('.reports__value')).toHaveText('1');
    await expect(figure('Waiting now').locator('.reports__value')).toHaveText('1');
    await expect(figure('First response (median)')).toContainText('1 conversation');

    // The trend's table has today's row; the person table has the owner with their reply.
    const perDay = page.getByRole('table', { name: 'Per day' });
    await expect(perDay.getByRole('row')).toHaveCount(2);
    const people = page.getByRole('table', { name: 'Per person' });
    const row = people.getByRole('row', { name: OWNER.name });
    await expect(row.getByRole('cell').nth(4)).toHaveText('1'); // replies
    // Busiest hours: both messages in one cell of the heat map.
    await expect(page.locator('.reports__heat td[data-count="2"]')).toHaveCount(1);

    // CSV of the person table: the same figures, for a spreadsheet.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-table="people"]').getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain(`,${OWNER.name},`);

    // The live board: one chat with nobody assigned waits.
    await expect(page.getByRole('status').filter({ hasText: 'Unassigned:' })).toContainText(
      'Unassigned: 1 open, 1 waiting',
    );

    // Screens: 1366×768 and 400 px, light and dark; named controls and AA contrast.
    const problems: string[] = [];
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      for (const size of [
        { width: 1366, height: 768 },
        { width: 400, height: 800 },
      ]) {
        await page.setViewportSize(size);
        await expect(figure('Waiting now')).toBeVisible();
        const file = path.join(SCREENSHOTS, `reports-${size.width}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        await testInfo.attach(`reports-${size.width}-${theme}.png`, { path: file, contentType: 'image/png' });
        for (const problem of await accessibilityProblems(page))
          problems.push(`${size.width} ${theme}: ${problem}`);
      }
    }
    expect([...new Set(problems)]).toEqual([]);

    // In Hebrew the page is mirrored and the numbers stay.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.evaluate(() =>
      (
        globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }
      ).localStorage.setItem('chatdock.language', 'he'),
    );
    await page.reload();
    await expect(shell.pageHeading()).toHaveText('דוחות');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await testInfo.attach('reports-he.png', {
      body: await page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    });
  } finally {
    await Promise.all(customers.map((customer) => customer.close()));
    await app.stop();
  }
});
