import type { Page } from '@playwright/test';

export const AREAS = [
  'Inbox',
  'Sessions',
  'Schedule',
  'Tags',
  'Automation',
  'Widget',
  'Reports',
  'Logs',
  'Settings',
] as const;
export type Area = (typeof AREAS)[number];

/** The logged-in app frame: sidebar navigation and the current page. */
export class Shell {
  constructor(private readonly page: Page) {}

  nav() {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  async goTo(area: Area): Promise<void> {
    await this.nav().getByRole('link', { name: area }).click();
  }

  pageHeading() {
    return this.page.getByRole('heading', { level: 1 });
  }
}
