import { expect, type Page } from '@playwright/test';
import { InboxPage } from './inbox-page.js';
import { LoginPage } from './login-page.js';
import { Shell } from './shell.js';

/** Signs in with the app's admin key and waits for the inbox, where the app opens. */
export async function signInToInbox(page: Page, app: { url: string; apiKey: string }): Promise<InboxPage> {
  const login = new LoginPage(page);
  await login.open(app.url);
  await login.signIn(app.apiKey);
  await expect(new Shell(page).pageHeading()).toHaveText('Inbox');
  return new InboxPage(page);
}

/** Signs in with the app's admin key and opens Settings (the owner's screens for keys, webhooks, …). */
export async function signInToSettings(page: Page, app: { url: string; apiKey: string }): Promise<Shell> {
  await signInToInbox(page, app);
  const shell = new Shell(page);
  await shell.goTo('Settings');
  await expect(shell.pageHeading()).toHaveText('Settings');
  return shell;
}
