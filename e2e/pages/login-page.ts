import type { Page } from '@playwright/test';

export class LoginPage {
  constructor(private readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  /** Signs in with the admin key: the page opens on name + password, the key is one click away. */
  async signIn(key: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Use an API key instead' }).click();
    await this.page.getByLabel('API key').fill(key);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  /** Signs a person in with their sign-in name and password. */
  async signInAs(login: string, password: string): Promise<void> {
    await this.page.getByLabel('Sign-in name').fill(login);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  error() {
    return this.page.getByRole('alert');
  }

  heading() {
    return this.page.getByRole('heading', { name: 'Sign in to Chatdock' });
  }
}
