/**
 * A tag's rename that WhatsApp refuses, shown in the tag editor (issue #19, label-pusher.ts): a
 * tag synced with a business number's labels is renamed in the editor while the local WhatsApp
 * server refuses the number's app-state uploads with 403 forbidden — a refusal no retry can
 * change, so the app gives it up at once (a 5xx would be retried for ~45 min first). The editor
 * then shows beside the number that WhatsApp refused the rename; the phone keeps the old name and
 * the tag keeps the new one, with no retry afterwards. Screenshots at 1366 and 400 px, both themes.
 */
import { startApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { linkSession, restCall } from '../support/rpc.js';
import { shootLaptopAndPhone } from '../support/screens.js';
import { useWaServer } from '../support/wa-server.js';
import { LoginPage } from '../pages/login-page.js';
import { Shell } from '../pages/shell.js';
import { TagsPage } from '../pages/tags-page.js';

const wa = useWaServer();
const SHOP_PHONE = '972505550421';

test('a rename WhatsApp refuses is shown in the tag editor', async ({ page }, testInfo) => {
  // Linking a number on the local WhatsApp server and four screenshots take a while on a busy machine.
  test.setTimeout(240_000);
  const app = await startApp({ env: wa.env });
  try {
    await linkSession(app, wa.emulator, { id: 'shop', name: 'Shop', phone: SHOP_PHONE });
    wa.emulator.setBusinessProfile(SHOP_PHONE, { description: 'Falafel', websites: [] });
    const created = await restCall(app, 'POST', '/tags', { name: 'Paid', color: '#55ccb3' });
    expect(created.status).toBe(201);
    const tagId = String(created.body.id);
    const synced = await restCall(app, 'PUT', `/tags/${tagId}/labels/shop`, { enabled: true });
    expect(synced.status).toBe(200);
    const labelId = (synced.body as { labels: { labelId: string }[] }).labels[0]?.labelId;
    const labelOnPhone = async () =>
      (await wa.emulator.labels(SHOP_PHONE)).find((label) => label.id === labelId);
    await expect.poll(async () => (await labelOnPhone())?.name).toBe('Paid');

    // From now on WhatsApp refuses the number's label changes for good.
    wa.emulator.refuseAppStateUploads(SHOP_PHONE, { code: 403, text: 'forbidden' });

    const login = new LoginPage(page);
    await login.open(app.url);
    await login.signIn(app.apiKey);
    await new Shell(page).goTo('Tags');
    const tags = new TagsPage(page);
    await tags.editTag('Paid', { name: 'Paid in full' });

    await tags.tag('Paid in full').getByRole('button', { name: 'Edit' }).click();
    const sync = tags.tag('Paid in full').getByRole('group', { name: 'Sync with WhatsApp labels' });
    const note = sync.getByText(/WhatsApp refused renaming the label to “Paid in full” once; given up/);
    await expect(note).toBeVisible();
    await expect(note).toContainText('forbidden');
    await expect(sync.getByRole('checkbox', { name: 'Shop (shop)' })).toBeChecked();
    await shootLaptopAndPhone(page, testInfo, 'tag-labels-rename-refused', async () => {}, {
      of: tags.tag('Paid in full'),
    });

    // Given up once: the phone keeps its name, the history has one failure and nothing is pending.
    expect((await labelOnPhone())?.name).toBe('Paid');
    const { body } = await restCall(app, 'GET', `/tags/${tagId}/labels`);
    const { history } = body as { history: { change: string; after: Record<string, unknown> }[] };
    expect(history.filter((entry) => entry.change === 'failed')).toEqual([
      expect.objectContaining({ after: expect.objectContaining({ action: 'rename', attempts: 1 }) }),
    ]);
  } finally {
    wa.emulator.refuseAppStateUploads(SHOP_PHONE, null);
    await app.stop();
  }
});
