import { expect, test } from '../support/fixtures.js';
import { signInToSettings } from '../pages/sign-in.js';

test('Settings → Import contacts: a CSV is mapped, checked and imported into a number', async ({
  page,
  app,
}) => {
  const created = await fetch(`${app.url}/api/v1/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${app.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'shop', name: 'Shop' }),
  });
  expect(created.status).toBe(201);
  await signInToSettings(page, app);
  const section = page.getByRole('region', { name: 'Import contacts' });
  await section.getByLabel('CSV file').setInputFiles({
    name: 'customers.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Name;Phone;Tags\nDana;+972501110001;vip\nAvi;+972501110002;\nNobody;12;\n'),
  });
  const mapping = section.getByRole('region', { name: 'Contacts column mapping' });
  await expect(mapping).toContainText('customers.csv: 3 rows');
  // The phone and name columns are guessed; the tags column is chosen by hand.
  await expect(mapping.getByLabel('Phone column')).toHaveValue('Phone');
  await expect(mapping.getByLabel('Name column')).toHaveValue('Name');
  await mapping.getByLabel('Tags column').selectOption('Tags');

  await mapping.getByRole('button', { name: 'Check (dry run)' }).click();
  const result = section.getByRole('status', { name: 'Import result' });
  await expect(result).toContainText(
    'Would import: new contacts 2, known contacts 0, tags 1, notes 0; rows skipped 1.',
  );
  await expect(result).toContainText('Line 4 (12): not a phone number in international format');

  await mapping.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(result).toContainText('Imported: new contacts 2, known contacts 0, tags 1');
  const tags = await fetch(`${app.url}/api/v1/tags`, { headers: { authorization: `Bearer ${app.apiKey}` } });
  expect(((await tags.json()) as { items: { name: string }[] }).items.map((t) => t.name)).toEqual(['vip']);
});
