import type { Locator, Page } from '@playwright/test';

export class SessionsPage {
  constructor(private readonly page: Page) {}

  async addNumber(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add number' }).click();
    await this.page.getByLabel('Name').fill(name);
    await this.page.getByRole('button', { name: 'Create and show QR code' }).click();
  }

  card(name: string): Locator {
    return this.page.getByRole('article', { name: `Session ${name}` });
  }

  status(name: string): Locator {
    return this.card(name).getByRole('status', { name: /^Status:/ });
  }

  qrImage(name: string): Locator {
    return this.card(name).getByRole('img', { name: 'QR code to link WhatsApp' });
  }

  /** The QR text behind the image, as the phone's camera would read it. */
  async qrText(name: string): Promise<string> {
    const text = await this.qrImage(name).getAttribute('data-qr');
    if (!text) throw new Error('no QR shown');
    return text;
  }
}
