import type { Page } from '@playwright/test';

/** The Schedule page: the Scheduled and Campaigns tabs. */
export class SchedulePage {
  constructor(private readonly page: Page) {}

  async openTab(name: 'Scheduled' | 'Campaigns'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  scheduleForm() {
    return this.page.getByRole('form', { name: 'New scheduled message' });
  }

  async scheduleText(options: { to: string; text: string; date: string; time: string; zone: string }) {
    await this.page.getByRole('button', { name: 'New scheduled message' }).click();
    const form = this.scheduleForm();
    await form.getByRole('combobox', { name: 'To', exact: true }).fill(options.to);
    await form.getByRole('textbox', { name: 'Message', exact: true }).fill(options.text);
    await form.getByLabel('Date', { exact: true }).fill(options.date);
    await form.getByLabel('Time', { exact: true }).fill(options.time);
    await form.getByRole('combobox', { name: /^Time zone/ }).selectOption(options.zone);
  }

  scheduledTable() {
    return this.page.getByRole('table', { name: 'Scheduled messages' });
  }

  campaignWizard() {
    return this.page.getByRole('form', { name: 'New campaign' });
  }

  dryRun() {
    return this.page.getByRole('region', { name: 'Dry run' });
  }
}
