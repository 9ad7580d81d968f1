/** Issue #18 point 13: photos open in a viewer with zoom, previous/next, download, forward and keys. */
import { Customer } from '../../testkit/wa-emulator/customer.js';
import { InboxPage } from '../pages/inbox-page.js';
import { LoginPage } from '../pages/login-page.js';
import { Shell } from '../pages/shell.js';
import { startApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { gradientPng } from '../support/png.js';
import { linkSession } from '../support/rpc.js';
import { useWaServer } from '../support/wa-server.js';

const wa = useWaServer();

test('a photo opens in the viewer: ← → page through the chat’s photos, zoom, download, forward, Esc closes', async ({
  page,
}) => {
  const app = await startApp({ env: wa.env });
  const dana = await Customer.create(wa.emulator, { phone: '447700900601', name: 'Dana' });
  try {
    const shopJid = await linkSession(app, wa.emulator, { id: 'shop', name: 'Shop', phone: '972520000601' });
    await dana.send(shopJid, { image: gradientPng(200, 120), mimetype: 'image/png', caption: 'The cake' });
    await dana.send(shopJid, { image: gradientPng(120, 200), mimetype: 'image/png', caption: 'The box' });
    await dana.sendText(shopJid, 'Which one?');

    const login = new LoginPage(page);
    await login.open(app.url);
    await login.signIn(app.apiKey);
    await expect(new Shell(page).pageHeading()).toHaveText('Inbox');
    const inbox = new InboxPage(page);
    await inbox.chat('Dana').click();
    await inbox.bubble('The cake').getByRole('button', { name: 'Open photo full size' }).click();

    const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
    await expect(viewer).toContainText('1 of 2');
    await expect(viewer.getByRole('img', { name: 'The cake' })).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(viewer).toContainText('2 of 2');
    await expect(viewer.getByRole('img', { name: 'The box' })).toBeVisible();
    await expect(viewer.getByRole('button', { name: 'Next photo' })).toBeDisabled();
    await page.keyboard.press('ArrowLeft');
    await expect(viewer).toContainText('1 of 2');

    await viewer.getByRole('button', { name: 'Zoom in' }).click();
    await expect(viewer.getByRole('button', { name: 'Zoom out' })).toHaveAttribute('aria-pressed', 'true');
    await expect(viewer.getByRole('link', { name: 'Download' })).toHaveAttribute('download', /.+/);

    await page.keyboard.press('Escape');
    await expect(viewer).toHaveCount(0);

    await inbox.bubble('The box').getByRole('button', { name: 'Open photo full size' }).click();
    await viewer.getByRole('button', { name: 'Forward' }).click();
    await expect(page.getByRole('dialog', { name: 'Forward message to' })).toBeVisible();
  } finally {
    await dana.close();
    await app.stop();
  }
});
