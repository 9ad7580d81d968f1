import type { Page } from '@playwright/test';

/** Settings → Backups. */
export class BackupsSection {
  constructor(private readonly page: Page) {}

  root() {
    return this.page.getByRole('region', { name: 'Backups' });
  }

  async configure(folder: string, passphrase: string): Promise<void> {
    const form = this.root().getByRole('form', { name: 'Backup settings' });
    await form.getByLabel('Backup folder').fill(folder);
    await form.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await form.getByLabel('Passphrase again').fill(passphrase);
    await form.getByRole('button', { name: 'Save backup settings' }).click();
  }

  lastGood() {
    return this.root().getByLabel('Last good backup');
  }

  backUpNow() {
    return this.root().getByRole('button', { name: 'Back up now' });
  }
}
