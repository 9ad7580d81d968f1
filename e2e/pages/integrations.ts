import type { Locator, Page } from '@playwright/test';

/** Settings → Webhooks and API keys. */
export class IntegrationsSettings {
  constructor(private readonly page: Page) {}

  webhooks(): Locator {
    return this.page.getByRole('region', { name: 'Webhooks' });
  }

  async addWebhook(url: string, name: string): Promise<void> {
    await this.webhooks().getByRole('button', { name: 'Add webhook' }).click();
    const form = this.page.getByRole('form', { name: 'New webhook' });
    await form.getByLabel('URL').fill(url);
    await form.getByLabel('Webhook name').fill(name);
    await form.getByRole('button', { name: 'Create webhook' }).click();
  }

  /** The secret shown once after creating a webhook. */
  async revealedWebhookSecret(): Promise<string> {
    const region = this.page.getByRole('region', { name: 'New webhook secret' });
    return (await region.getByTestId('revealed-secret').textContent()) ?? '';
  }

  webhook(name: string): Locator {
    return this.page.getByRole('article', { name: `Webhook ${name}` });
  }

  deliveryRows(name: string): Locator {
    return this.webhook(name)
      .getByRole('table', { name: 'Deliveries' })
      .getByRole('row', { name: /^Delivery / });
  }

  apiKeys(): Locator {
    return this.page.getByRole('region', { name: 'API keys' });
  }

  async createKey(name: string): Promise<string> {
    const form = this.page.getByRole('form', { name: 'Create an API key' });
    await form.getByLabel('Key name').fill(name);
    await form.getByRole('button', { name: 'Create key' }).click();
    const region = this.page.getByRole('region', { name: 'New API key' });
    return (await region.getByTestId('revealed-secret').textContent()) ?? '';
  }

  keyRow(name: string): Locator {
    return this.page.getByRole('row', { name: `API key ${name}` });
  }
}
