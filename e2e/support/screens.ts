import path from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';

const SCREENSHOTS = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

/**
 * Screenshots at a laptop's (1366×768) and a phone's (400px) width, light and dark, attached to
 * the report; `prepare` runs after each resize (a phone layout may need the panel opened again).
 * With `of`, only that part of the page is taken (scrolled into view).
 */
export async function shootLaptopAndPhone(
  page: Page,
  testInfo: TestInfo,
  name: string,
  prepare: () => Promise<void> = async () => {},
  options: { of?: Locator } = {},
): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const [width, height] of [
      [1366, 768],
      [400, 800],
    ] as const) {
      await page.setViewportSize({ width, height });
      await prepare();
      const file = path.join(SCREENSHOTS, `${name}-${width}-${colorScheme}.png`);
      await (options.of ?? page).screenshot({ path: file });
      await testInfo.attach(`${name} ${width}px ${colorScheme}`, { path: file, contentType: 'image/png' });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1366, height: 768 });
}
