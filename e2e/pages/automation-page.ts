import type { Locator, Page } from '@playwright/test';

/** The Automation page of one number: the settings form and the test panel. */
export class AutomationPage {
  constructor(private readonly page: Page) {}

  form(): Locator {
    return this.page.getByRole('form', { name: 'Automation settings' });
  }

  rule(index: number): Locator {
    return this.form().getByRole('listitem', { name: new RegExp(`^Rule ${index}:`) });
  }

  async addRule(rule: { name: string; match: string; keywords: string; reply: string }): Promise<Locator> {
    await this.form().getByRole('button', { name: 'Add rule' }).click();
    const card = this.form().locator('.automation-rule').last();
    await card.getByLabel('Rule name').fill(rule.name);
    await card.getByLabel('Match').selectOption({ label: rule.match });
    await card.getByLabel(/^Keywords/).fill(rule.keywords);
    await card.getByLabel('Reply', { exact: true }).fill(rule.reply);
    return card;
  }

  async save(): Promise<void> {
    await this.form().getByRole('button', { name: 'Save' }).click();
  }

  testPanel(): Locator {
    return this.page.getByRole('form', { name: 'Test automation' });
  }

  async test(text: string, at: string): Promise<Locator> {
    const panel = this.testPanel();
    await panel.getByLabel('Customer writes').fill(text);
    await panel.getByLabel('At (your local time)').fill(at);
    await panel.getByRole('button', { name: 'Test' }).click();
    return this.page.getByRole('status', { name: 'Test result' });
  }
}
