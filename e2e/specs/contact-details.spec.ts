/** Issue #26 point 8: the inbox contact panel's linked devices and the full-size profile photo. */
import { Customer } from '../../testkit/wa-emulator/customer.js';
import { JPEG_48PX } from '../../testkit/support/media-fixtures.js';
import { signInToInbox } from '../pages/sign-in.js';
import { accessibilityProblems } from '../support/a11y-check.js';
import { startApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { gradientPng } from '../support/png.js';
import { linkSession } from '../support/rpc.js';
import { shootLaptopAndPhone } from '../support/screens.js';
import { customersClosedAfterEach, useWaServer } from '../support/wa-server.js';

const wa = useWaServer();
const customers = customersClosedAfterEach();

test("the contact panel lists the customer's devices and opens their full-size photo", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const app = await startApp({ env: wa.env });
  try {
    const shopJid = await linkSession(app, wa.emulator, {
      id: 'bakery',
      name: 'Bakery',
      phone: '972520000180',
    });
    // WhatsApp keeps a small preview and the full-size photo: a 48 px JPEG and a 320 px PNG here.
    wa.emulator.setProfilePicture('15550000081', JPEG_48PX, gradientPng(320, 320));
    const inbox = await signInToInbox(page, app);
    const rina = await Customer.create(wa.emulator, { phone: '15550000081', name: 'Rina Levi' });
    customers.push(rina);
    await rina.sendText(shopJid, 'Is the sourdough ready?');
    await inbox.chat('Is the sourdough ready?').click();
    await inbox.openContactPanel();
    const panel = inbox.contactPanel();

    // The local WhatsApp server's customer is a phone with one linked device.
    const devices = panel.getByRole('region', { name: 'Linked devices' });
    await expect(devices.getByRole('listitem')).toHaveText(['Phone', 'Linked device 1'], { timeout: 60_000 });

    const openPhoto = panel.getByRole('button', { name: "Show Rina Levi's profile photo" });
    await openPhoto.click();
    const viewer = page.getByRole('dialog', { name: 'Profile photo of Rina Levi' });
    const photo = viewer.getByRole('img', { name: 'Profile photo of Rina Levi' });
    await expect(photo).toBeVisible({ timeout: 60_000 });
    // The full-size photo, not the 48 px preview the avatar shows.
    await expect.poll(() => inbox.loadedWidth(photo)).toBe(320);
    expect(await accessibilityProblems(page)).toEqual([]);
    await shootLaptopAndPhone(page, testInfo, 'contact-photo');

    // Esc closes the viewer only; focus is back on the avatar and the panel stays open.
    await page.keyboard.press('Escape');
    await expect(viewer).toHaveCount(0);
    await expect(openPhoto).toBeFocused();
    await expect(panel).toBeVisible();
    expect(await accessibilityProblems(page)).toEqual([]);
    await shootLaptopAndPhone(page, testInfo, 'contact-devices', async () => {
      if (!(await panel.isVisible())) await inbox.openContactPanel();
    });

    // Someone without a photo: the viewer says so instead of showing a broken image.
    const omri = await Customer.create(wa.emulator, { phone: '15550000082', name: 'Omri Sela' });
    customers.push(omri);
    await omri.sendText(shopJid, 'Do you deliver?');
    await inbox.chat('Do you deliver?').click();
    if (!(await panel.isVisible())) await inbox.openContactPanel();
    await panel.getByRole('button', { name: "Show Omri Sela's profile photo" }).click();
    const empty = page.getByRole('dialog', { name: 'Profile photo of Omri Sela' });
    await expect(empty).toContainText('No photo: none is set, or their privacy settings hide it.', {
      timeout: 60_000,
    });
    await empty.getByRole('button', { name: 'Close' }).click();
    await expect(empty).toHaveCount(0);
  } finally {
    await app.stop();
  }
});
