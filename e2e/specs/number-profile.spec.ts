import { JPEG_48PX } from '../../testkit/support/media-fixtures.js';
import { LoginPage } from '../pages/login-page.js';
import { SessionsPage } from '../pages/sessions-page.js';
import { Shell } from '../pages/shell.js';
import { startApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { linkSession, rpc } from '../support/rpc.js';
import { shootLaptopAndPhone } from '../support/screens.js';
import { useWaServer } from '../support/wa-server.js';

const wa = useWaServer();
const PHONE = '972507780000';
test("a number's profile: name and about, a cropped photo and the business profile reach WhatsApp", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const app = await startApp({ env: wa.env });
  try {
    await linkSession(app, wa.emulator, { id: 'shop', name: 'Shop', phone: PHONE });
    wa.emulator.setBusinessProfile(PHONE, {
      description: 'Falafel since 1998',
      address: '12 Herzl St',
      websites: [],
      category: 'Restaurant',
    });

    const login = new LoginPage(page);
    await login.open(app.url);
    await login.signIn(app.apiKey);
    await new Shell(page).goTo('Sessions');
    const card = new SessionsPage(page).card('Shop');
    await card.getByRole('button', { name: 'Profile' }).click();
    const profile = card.getByRole('region', { name: 'WhatsApp profile of Shop' });

    // Name and about: saved to WhatsApp, shown on the card, and the phone has the new name.
    const names = profile.getByRole('form', { name: 'Name and about' });
    await expect(names.getByLabel('Name')).toHaveValue('Shop');
    await expect(names.getByLabel('About')).toHaveValue('Hey there! I am using WhatsApp.');
    await names.getByLabel('Name').fill('Shop TLV');
    await names.getByLabel('About').fill('Open Sun–Thu 9–22');
    await names.getByRole('button', { name: 'Save name and about' }).click();
    await expect(names.getByRole('status')).toHaveText('Saved.');
    await expect(card.locator('header')).toContainText('Shop TLV');
    await expect
      .poll(() => wa.emulator.accounts().find((account) => account.phone === PHONE)?.name)
      .toBe('Shop TLV');

    // The photo: chosen, cropped by keyboard, saved; customers get a picture.
    await profile.getByLabel('Choose a photo').setInputFiles({
      name: 'logo.jpg',
      mimeType: 'image/jpeg',
      buffer: JPEG_48PX,
    });
    const cropper = page.getByRole('dialog', { name: 'Crop the photo' });
    const area = cropper.getByRole('img', { name: 'Photo to crop' });
    await area.focus();
    await area.press('+');
    await area.press('ArrowLeft');
    await shootLaptopAndPhone(page, testInfo, 'number-profile-crop');
    await cropper.getByRole('button', { name: 'Use photo' }).click();
    await expect(cropper).toBeHidden();
    await expect(profile.getByRole('button', { name: 'Remove photo' })).toBeVisible();
    await expect
      .poll(() => wa.emulator.accounts().find((account) => account.phone === PHONE)?.pictureId)
      .toBeTruthy();

    // The business profile: the category is shown, the description and a website change.
    const business = profile.getByRole('form', { name: 'Business profile' });
    await expect(business.getByText('Category: Restaurant')).toBeVisible();
    await business.getByLabel('Description').fill('Falafel and fresh salads');
    await business.getByLabel('Website 1').fill('notaurl');
    await business.getByRole('button', { name: 'Save business profile' }).click();
    // The core's reason, beside the websites.
    await expect(business.getByRole('alert')).toHaveText('must be a URL');
    await business.getByLabel('Website 1').fill('https://falafel.example');
    await business.getByRole('button', { name: 'Save business profile' }).click();
    await expect(business.getByRole('status')).toHaveText('Saved.');
    expect(wa.emulator.businessProfile(PHONE)).toMatchObject({
      description: 'Falafel and fresh salads',
      websites: ['https://falafel.example'],
    });
    await shootLaptopAndPhone(page, testInfo, 'number-profile-section');

    // REST and the UI read the same profile.
    expect(await rpc(app, 'numberProfile.get', { session: 'shop' })).toMatchObject({
      name: 'Shop TLV',
      about: 'Open Sun–Thu 9–22',
      hasPicture: true,
      business: { description: 'Falafel and fresh salads' },
    });
  } finally {
    await app.stop();
  }
});
