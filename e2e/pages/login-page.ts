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

  /** First run: creates the owner's account with the setup code (or the admin key) and signs in. */
  async setUpOwner(
    setupCode: string,
    owner: { name: string; login: string; password: string },
  ): Promise<void> {
    await this.page.getByRole('heading', { name: "Create the owner's account" }).waitFor();
    await this.page.getByLabel('Setup code').fill(setupCode);
    await this.page.getByLabel('Your name').fill(owner.name);
    await this.page.getByLabel('Sign-in name').fill(owner.login);
    await this.page.getByLabel('Password').fill(owner.password);
    await this.page.getByRole('button', { name: 'Create and sign in' }).click();
  }

  /** An invited person chooses their password with the one-time code ("I have a code"). */
  async signInWithCode(login: string, code: string, newPassword: string): Promise<void> {
    await this.page.getByRole('button', { name: 'I have a code' }).click();
    await this.page.getByLabel('Sign-in name').fill(login);
    await this.page.getByLabel('One-time code').fill(code);
    await this.page.getByLabel('New password').fill(newPassword);
    await this.page.getByRole('button', { name: 'Set password and sign in' }).click();
  }

  error() {
    return this.page.getByRole('alert');
  }

  heading() {
    return this.page.getByRole('heading', { name: 'Sign in to Chatdock' });
  }
}
