/**
 * The Status view (issue #19) with real Baileys through the local WhatsApp server: a customer's
 * Status updates appear (who posted, unseen first), one is opened, the next one shown, marked
 * seen (the read receipt reaches the customer) and answered privately; the shop posts its own.
 */
import { Customer } from '../../testkit/wa-emulator/customer.js';
import { LoginPage } from '../pages/login-page.js';
import { startApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { linkSession } from '../support/rpc.js';
import { shootLaptopAndPhone } from '../support/screens.js';
import { useWaServer } from '../support/wa-server.js';

const wa = useWaServer();
const SHOP = '972507790000';

test('the Status view shows, opens, marks seen, answers and posts Status updates', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const app = await startApp({ env: wa.env });
  let dana: Customer | null = null;
  try {
    await linkSession(app, wa.emulator, { id: 'shop', name: 'Shop', phone: SHOP });
    dana = await Customer.create(wa.emulator, { phone: '972507790001', name: 'Dana' });
    const shopJid = `${SHOP}@s.whatsapp.net`;
    await dana.sendText(shopJid, 'Hi!');
    const first = await dana.postStatus({ text: 'Fresh bread today' }, [shopJid], {
      backgroundColor: '#FF6B6B',
    });
    const second = await dana.postStatus({ text: 'Open until 22:00' }, [shopJid], {
      backgroundColor: '#128C7E',
    });

    const login = new LoginPage(page);
    await login.open(app.url);
    await login.signIn(app.apiKey);
    await page.getByRole('link', { name: 'Status updates' }).click();
    const pane = page.getByRole('region', { name: 'Status' });
    const posters = pane.getByRole('list', { name: 'Who posted' });
    const danaRow = posters.getByRole('button', { name: /Dana/ });
    await expect(danaRow).toContainText('2 updates, 2 new');
    await danaRow.click();

    const viewer = pane.getByRole('region', { name: 'Status update' });
    // Newest first.
    await expect(viewer.getByTestId('status-text')).toHaveText('Open until 22:00');
    await expect(viewer.getByTestId('status-position')).toHaveText('1 of 2');
    await shootLaptopAndPhone(page, testInfo, 'status-view', async () => {
      await expect(viewer.getByTestId('status-text')).toBeVisible();
    });
    await viewer.getByRole('button', { name: 'Next update' }).click();
    await expect(viewer.getByTestId('status-text')).toHaveText('Fresh bread today');
    await viewer.getByRole('button', { name: 'Previous update' }).click();

    await viewer.getByRole('button', { name: 'Mark seen' }).click();
    await expect(viewer.getByText('Seen', { exact: true })).toBeVisible();
    await dana.waitFor(
      () => dana?.receipts.find((r) => r.key.id === second.key.id && r.receipt.readTimestamp),
      undefined,
      'the read receipt of the Status',
    );
    await expect(danaRow).toContainText('2 updates, 1 new');
    // A new post appears while the view is open, without a refresh.
    await dana.postStatus({ text: 'Rye is back' }, [shopJid]);
    await expect(danaRow).toContainText('3 updates, 2 new');
    // …and the update being read stays on screen.
    await expect(viewer.getByTestId('status-text')).toHaveText('Open until 22:00');
    await expect(viewer.getByTestId('status-position')).toHaveText('2 of 3');

    await viewer.getByRole('textbox', { name: 'Reply privately' }).fill('Do you have rye?');
    await viewer.getByRole('button', { name: 'Send reply' }).click();
    await expect(viewer.getByRole('status')).toHaveText('Reply sent to their chat.');
    const reply = await dana.waitForText('Do you have rye?');
    expect(reply.message?.extendedTextMessage?.contextInfo?.stanzaId).toBe(second.key.id);
    expect(first.key.id).toBeTruthy();

    // The shop posts its own Status to all contacts: Dana gets it.
    await pane.getByRole('button', { name: 'Post a Status' }).click();
    const form = pane.getByRole('form', { name: 'Post a Status' });
    await form.getByRole('textbox', { name: 'Text' }).fill('Sale on Sunday');
    await form.getByRole('button', { name: 'Colour #A259FF' }).click();
    await shootLaptopAndPhone(page, testInfo, 'status-post', async () => {
      await expect(form).toBeVisible();
    });
    // The first answer is lost on the way back (WhatsApp got the post): posting the same draft
    // again sends the same Idempotency-Key, so the retry answers the first post, not a second.
    const keys: string[] = [];
    await page.route('**/rpc/status.post', async (route) => {
      keys.push((route.request().postDataJSON() as { idempotencyKey: string }).idempotencyKey);
      if (keys.length > 1) return route.continue();
      await route.fetch();
      return route.abort('connectionreset');
    });
    await form.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(form.getByRole('alert')).toBeVisible();
    await form.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(form.getByRole('status')).toHaveText('Status posted.');
    await page.unroute('**/rpc/status.post');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    const mine = await page.request.get(`${app.url}/api/v1/sessions/shop/status`, {
      headers: { Authorization: `Bearer ${app.apiKey}` },
    });
    const posted = ((await mine.json()) as { items: { fromMe: boolean; text: string | null }[] }).items;
    expect(posted.filter((item) => item.fromMe && item.text === 'Sale on Sunday')).toHaveLength(1);
    const got = await dana.waitForMessage(
      (m) =>
        m.key.remoteJid === 'status@broadcast' && m.message?.extendedTextMessage?.text === 'Sale on Sunday',
    );
    expect(got.message?.extendedTextMessage?.backgroundArgb).toBe(0xffa259ff);
    await expect(posters.getByRole('button', { name: /My Status/ })).toBeVisible();
  } finally {
    await dana?.close();
    await app.stop();
  }
});
