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

  /** Opens an area from the sidebar, or from the phone bar's "More" menu when it lives there. */
  async goTo(area: Area): Promise<void> {
    const link = this.nav().getByRole('link', { name: area });
    const more = this.nav().getByRole('button', { name: 'More' });
    // The sidebar fills in once the app knows who is signed in: wait for it before choosing.
    await link.or(more).first().waitFor();
    if (await link.isVisible()) {
      await link.click();
      return;
    }
    await more.click();
    await this.nav().getByRole('menuitem', { name: area }).click();
  }

  pageHeading() {
    return this.page.getByRole('heading', { level: 1 });
  }
}
