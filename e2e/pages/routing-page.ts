import type { Locator, Page } from '@playwright/test';

/** Settings → Routing: the rules list, the rule editor and its test preview. */
export class RoutingPage {
  constructor(private readonly page: Page) {}

  rules(): Locator {
    return this.page.getByRole('list', { name: 'Routing rules, in order' });
  }

  rule(name: string): Locator {
    return this.rules()
      .getByRole('listitem')
      .filter({ has: this.page.getByText(name, { exact: true }) });
  }

  editor(): Locator {
    return this.page.getByRole('form', { name: /^(New rule|Edit rule)$/ });
  }

  preview(): Locator {
    return this.editor().getByRole('region', { name: 'Test against a message' });
  }

  async addCondition(kind: string): Promise<void> {
    await this.editor().getByLabel('Add a condition').selectOption({ label: kind });
  }

  async addAction(kind: string): Promise<void> {
    await this.editor().getByLabel('Add an action').selectOption({ label: kind });
  }

  async save(): Promise<void> {
    await this.editor().getByRole('button', { name: 'Save', exact: true }).click();
  }
}
