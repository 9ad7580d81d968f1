import type { Page } from '@playwright/test';

/** Settings → Retention. */
export class RetentionSection {
  constructor(private readonly page: Page) {}

  root() {
    return this.page.getByRole('region', { name: 'Retention' });
  }

  async keepMediaDays(days: string): Promise<void> {
    const form = this.root().getByRole('form', { name: 'Retention settings' });
    await form.getByLabel(/Remove media older than/).fill(days);
    await form.getByRole('button', { name: 'Save retention' }).click();
  }

  lastPass() {
    return this.root().getByLabel('Last retention pass');
  }

  runNow() {
    return this.root().getByRole('button', { name: 'Run now' });
  }
}
