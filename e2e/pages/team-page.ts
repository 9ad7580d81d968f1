import type { Locator, Page } from '@playwright/test';

/** Settings → Team: people, teams and the numbers' permissions. */
export class TeamPage {
  constructor(private readonly page: Page) {}

  /** Opens it the way an owner does: Settings, then "Manage the team". */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await this.page.getByRole('link', { name: 'Manage the team' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
  }

  people(): Locator {
    return this.page.getByRole('table', { name: 'People' });
  }

  person(name: string): Locator {
    return this.people().getByRole('row', { name });
  }

  /** Adds a person with a one-time invite code and returns the code shown once. */
  async invite(person: { name: string; login: string; role: 'Owner' | 'Admin' | 'Agent' }): Promise<string> {
    await this.page.getByRole('button', { name: 'Add a person' }).click();
    const form = this.page.getByRole('form', { name: 'Add a person' });
    await form.getByLabel('Name', { exact: true }).fill(person.name);
    await form.getByLabel('Sign-in name').fill(person.login);
    await form.getByLabel('Role').selectOption({ label: person.role });
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    const reveal = this.page.getByRole('region', { name: `One-time code for ${person.name}` });
    const code = (await reveal.getByTestId('revealed-secret').textContent())?.trim() ?? '';
    await reveal.getByRole('button', { name: 'I have saved it' }).click();
    return code;
  }

  addForm(): Locator {
    return this.page.getByRole('form', { name: 'Add a person' });
  }

  /** Opens the permissions editor of a number from the Numbers list. */
  async openNumber(name: string): Promise<void> {
    await this.page.getByRole('link', { name: `Who can use ${name}` }).click();
    await this.page.getByRole('heading', { level: 1, name: `Who can use ${name}` }).waitFor();
  }
}

/** One number's permissions editor. */
export class PermissionsEditor {
  constructor(private readonly page: Page) {}

  async add(option: string): Promise<void> {
    await this.page.getByLabel('Add a person or team').selectOption({ label: option });
    await this.page.getByRole('button', { name: 'Add', exact: true }).click();
  }

  row(name: string): Locator {
    return this.page.getByRole('row', { name });
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save' }).click();
    await this.page.getByText('Saved. Open windows follow at once.').waitFor();
  }
}
