import type { APIRequestContext, Page } from '@playwright/test';
import { LoginPage } from '../pages/login-page.js';
import { SessionsPage } from '../pages/sessions-page.js';
import { Shell } from '../pages/shell.js';
import { startApp, type RunningApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';

/** The status of `GET /api/v1/sessions/{id}` with `key`. */
async function statusWith(request: APIRequestContext, app: RunningApp, key: string, id: string) {
  const response = await request.get(`${app.url}/api/v1/sessions/${id}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  return response.status();
}

async function signIn(page: Page, app: RunningApp, key: string): Promise<Shell> {
  const login = new LoginPage(page);
  await login.open(app.url);
  await login.signIn(key);
  const shell = new Shell(page);
  await expect(shell.nav()).toBeVisible();
  return shell;
}

test("rotating a session's key from its card shows the new key once; the old one stops working", async ({
  page,
  app,
  request,
}) => {
  const created = await request.post(`${app.url}/api/v1/sessions`, {
    headers: { authorization: `Bearer ${app.apiKey}` },
    data: { id: 'front', name: 'Front desk' },
  });
  expect(created.status()).toBe(201);
  const oldKey = ((await created.json()) as { apiKey: string }).apiKey;
  expect(await statusWith(request, app, oldKey, 'front')).toBe(200);

  const shell = await signIn(page, app, app.apiKey);
  await shell.goTo('Sessions');
  const card = new SessionsPage(page).card('Front desk');
  // The key is for developers: folded away below what the owner needs.
  await card.getByText('For developers').click();
  await card.getByRole('button', { name: 'Rotate API key…' }).click();
  const question = card.getByRole('alertdialog', { name: 'Rotate API key…' });
  await expect(question).toContainText('Scripts using the current key stop working at once.');
  // Cancelling changes nothing.
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toHaveCount(0);
  expect(await statusWith(request, app, oldKey, 'front')).toBe(200);

  await card.getByRole('button', { name: 'Rotate API key…' }).click();
  await question.getByRole('button', { name: 'Rotate key' }).click();
  const reveal = card.getByRole('region', { name: 'New API key for Front desk' });
  await expect(reveal).toContainText('It will not be shown again.');
  await expect(reveal.getByRole('button', { name: 'Copy' })).toBeVisible();
  const newKey = (await reveal.getByTestId('revealed-secret').textContent()) ?? '';
  expect(newKey).toMatch(/^cd_/);
  expect(newKey).not.toBe(oldKey);

  expect(await statusWith(request, app, oldKey, 'front')).toBe(401);
  expect(await statusWith(request, app, newKey, 'front')).toBe(200);

  await reveal.getByRole('button', { name: 'I have saved it' }).click();
  await expect(reveal).toHaveCount(0);
});

test('rotating the admin key in Settings shows it once, and this browser goes on with it', async ({
  page,
  request,
}) => {
  // Without CHATDOCK_API_KEY the app makes its own admin key, which the app may rotate.
  const app = await startApp({ env: { CHATDOCK_API_KEY: '' } });
  try {
    let firstKey = '';
    await expect
      .poll(
        () => (firstKey = /Admin API key \(shown once, stored hashed\): (\S+)/.exec(app.output())?.[1] ?? ''),
      )
      .not.toBe('');
    const shell = await signIn(page, app, firstKey);
    await shell.goTo('Settings');
    const section = page.getByRole('region', { name: 'Admin API key' });
    // The key made on first run is still revealed once; acknowledge it.
    await section
      .getByRole('region', { name: 'New admin key' })
      .getByRole('button', { name: 'I have saved it' })
      .click();
    await expect(section.getByRole('region', { name: 'New admin key' })).toHaveCount(0);

    await section.getByRole('button', { name: 'Rotate key…' }).click();
    await section
      .getByRole('alertdialog', { name: 'Rotate key…' })
      .getByRole('button', { name: 'Rotate key' })
      .click();
    const reveal = section.getByRole('region', { name: 'New admin key' });
    await expect(reveal).toContainText('This browser already uses it');
    const newKey = (await reveal.getByTestId('revealed-secret').textContent()) ?? '';
    expect(newKey).toMatch(/^cd_/);
    expect(newKey).not.toBe(firstKey);
    await expect(section).toContainText(`${newKey.slice(0, 8)}…`);

    // Still signed in, with live updates: a session made by a script appears without a reload.
    await shell.goTo('Sessions');
    const created = await request.post(`${app.url}/api/v1/sessions`, {
      headers: { authorization: `Bearer ${newKey}` },
      data: { id: 'kiosk', name: 'Kiosk' },
    });
    expect(created.status()).toBe(201);
    const sessions = new SessionsPage(page);
    await expect(sessions.card('Kiosk')).toBeVisible();
    await expect(page.getByText('Live updates are paused')).toHaveCount(0);

    // A reload signs in with the new key (it replaced the remembered one).
    await page.reload();
    await expect(sessions.card('Kiosk')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Sign in to Chatdock' })).toHaveCount(0);
    await shell.goTo('Settings');
    await expect(page.getByRole('region', { name: 'Admin API key' })).toContainText(`${newKey.slice(0, 8)}…`);

    expect(await statusWith(request, app, firstKey, 'kiosk')).toBe(401);
    expect(await statusWith(request, app, newKey, 'kiosk')).toBe(200);
  } finally {
    await app.stop();
  }
});
