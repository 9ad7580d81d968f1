import { expect, test } from '../support/fixtures.js';
import { signInToSettings } from '../pages/sign-in.js';
import { shootLaptopAndPhone } from '../support/screens.js';

const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Issue #26 point 6 in Settings: the media library lists what the API uploaded, uploads a file
 * from the page (a file WhatsApp would refuse is named beside the button), copies an id and
 * deletes a file.
 */
test('the media library lists, uploads, refuses a bad file, and deletes', async ({ page, app }, testInfo) => {
  const uploaded = await fetch(`${app.url}/api/v1/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${app.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      data: `data:image/png;base64,${PNG_1PX.toString('base64')}`,
      fileName: 'menu.png',
    }),
  });
  expect(uploaded.status).toBe(201);

  await signInToSettings(page, app);

  const library = page.getByRole('region', { name: 'Media library' });
  const table = library.getByRole('table', { name: 'Media library' });
  await expect(table.getByRole('row', { name: /menu\.png/ })).toContainText('image/png');

  // A file from the page: stored, listed.
  await library.locator('input[type=file]').setInputFiles({
    name: 'prices.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 the price list'),
  });
  await expect(table.getByRole('row', { name: /prices\.pdf/ })).toContainText('application/pdf');
  // An empty file: refused by the server, said beside the button, nothing stored.
  await library.locator('input[type=file]').setInputFiles({
    name: 'empty.png',
    mimeType: 'image/png',
    buffer: Buffer.alloc(0),
  });
  await expect(library.getByRole('alert')).toContainText('empty');
  await expect(table.getByRole('row', { name: /empty\.png/ })).toHaveCount(0);

  await shootLaptopAndPhone(page, testInfo, 'library', undefined, { of: library });

  await page.setViewportSize({ width: 1366, height: 768 });
  await library.getByRole('button', { name: 'Delete prices.pdf' }).click();
  await expect(table.getByRole('row', { name: /prices\.pdf/ })).toHaveCount(0);
  const list = (await (
    await fetch(`${app.url}/api/v1/media`, { headers: { authorization: `Bearer ${app.apiKey}` } })
  ).json()) as { items: { fileName: string }[] };
  expect(list.items.map((item) => item.fileName)).toEqual(['menu.png']);
});
