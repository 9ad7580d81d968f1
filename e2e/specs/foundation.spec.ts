import { AREAS, Shell } from '../pages/shell.js';
import { LoginPage } from '../pages/login-page.js';
import { expect, test } from '../support/fixtures.js';

test('a wrong key is refused with a clear message', async ({ page, app }) => {
  const login = new LoginPage(page);
  await login.open(app.url);
  await login.signIn('not-the-key');
  await expect(login.error()).toContainText('not accepted');
  await expect(login.heading()).toBeVisible();
});

test('logs in with the admin key and navigates every area', async ({ page, app }) => {
  const login = new LoginPage(page);
  await login.open(app.url);
  await login.signIn(app.apiKey);

  const shell = new Shell(page);
  await expect(shell.nav()).toBeVisible();
  await expect(page).toHaveURL(/\/inbox$/);
  for (const area of AREAS) {
    await shell.goTo(area);
    await expect(shell.pageHeading()).toHaveText(area);
    await expect(page).toHaveURL(new RegExp(`/${area.toLowerCase()}$`));
  }

  // A deep link survives a reload, and the remembered key keeps the user signed in.
  await page.goto(`${app.url}/settings`);
  await expect(shell.pageHeading()).toHaveText('Settings');
  await expect(page.getByText('set by the CHATDOCK_API_KEY environment variable')).toBeVisible();
  await expect(page.getByText(app.url.replace('http://', ''), { exact: false }).first()).toBeVisible();
});

test('logging out returns to the sign-in screen and forgets the key', async ({ page, app }) => {
  const login = new LoginPage(page);
  await login.open(app.url);
  await login.signIn(app.apiKey);
  await new Shell(page).nav().getByRole('button', { name: 'Log out' }).click();
  await expect(login.heading()).toBeVisible();
  await page.reload();
  await expect(login.heading()).toBeVisible();
});
