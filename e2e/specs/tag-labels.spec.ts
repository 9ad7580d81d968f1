/**
 * The tag editor's "Sync with WhatsApp labels" (issue #19) on a number linked on the local
 * WhatsApp server: refused beside the switch while the number is a personal account, turned on
 * once it is a business account (the phone then has the label), and a label made on the phone
 * appears in the list with the synced mark. Screenshots at 1366 and 400 px, both themes.
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
const SHOP_PHONE = '972505550419';

test('a tag synced with WhatsApp labels from the tag editor', async ({ page }, testInfo) => {
  // Linking a number on the local WhatsApp server and eight screenshots take a while on a busy machine.
  test.setTimeout(240_000);
  const app = await startApp({ env: wa.env });
  try {
    await linkSession(app, wa.emulator, { id: 'shop', name: 'Shop', phone: SHOP_PHONE });
    const created = await restCall(app, 'POST', '/tags', { name: 'Paid', color: '#55ccb3' });
    expect(created.status).toBe(201);

    const login = new LoginPage(page);
    await login.open(app.url);
    await login.signIn(app.apiKey);
    await new Shell(page).goTo('Tags');
    const tags = new TagsPage(page);

    await tags.tag('Paid').getByRole('button', { name: 'Edit' }).click();
    const sync = tags.tag('Paid').getByRole('group', { name: 'Sync with WhatsApp labels' });
    const toggle = sync.getByRole('checkbox', { name: 'Shop (shop)' });

    // A personal number has no labels: refused, the reason beside the switch.
    await toggle.click();
    await expect(sync.getByRole('alert')).toContainText('not a WhatsApp Business account');
    await expect(toggle).not.toBeChecked();
    await shootLaptopAndPhone(page, testInfo, 'tag-labels-refused', async () => {}, { of: tags.tag('Paid') });

    wa.emulator.setBusinessProfile(SHOP_PHONE, { description: 'Falafel', websites: [] });
    await toggle.click();
    await expect(toggle).toBeChecked();
    await expect(sync.getByRole('alert')).toHaveCount(0);
    await expect
      .poll(async () => (await wa.emulator.labels(SHOP_PHONE)).map((label) => label.name))
      .toContain('Paid');

    await tags.tag('Paid').getByRole('button', { name: 'Cancel' }).click();
    await expect(tags.tag('Paid').locator('.tag-sync-mark')).toHaveText('WhatsApp');

    // A label made on the phone appears as a synced tag.
    await wa.emulator.phoneEditLabel(SHOP_PHONE, { id: '9', name: 'New customer', color: 1 });
    await expect(tags.tag('New customer').locator('.tag-sync-mark')).toBeVisible();
    await shootLaptopAndPhone(page, testInfo, 'tag-labels-list', async () => {}, { of: tags.tagList() });

    await tags.tag('Paid').getByRole('button', { name: 'Edit' }).click();
    await expect(toggle).toBeChecked();
    await shootLaptopAndPhone(page, testInfo, 'tag-labels-editor');
  } finally {
    await app.stop();
  }
});
