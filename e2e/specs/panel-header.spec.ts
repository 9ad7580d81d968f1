/**
 * Between the phone layout and ~1500 px the contact panel lies over the conversation instead of
 * squeezing it; it used to lie over the conversation header's right-hand buttons too (pin, mute,
 * archive, …, the panel's own toggle), which could then be neither seen nor clicked. With the
 * panel open at 1366×768 and 1280×720, light and dark, left-to-right and mirrored (Hebrew), every
 * header button is shown clear of the panel and takes a click; each state is screenshotted and
 * attached. Real Baileys on the local WhatsApp server.
 */
import path from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { openGroupChat } from '../support/group-chat.js';
import { useWaServer } from '../support/wa-server.js';

const wa = useWaServer();
const SCREENSHOTS = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
const SIZES = [
  [1366, 768],
  [1280, 720],
] as const;

const header = (page: Page) => page.locator('.conversation .conversation__header');
const panel = (page: Page) => page.locator('#contact-panel');
/** The header's tools, by class: the same in every language. */
const tools = (page: Page) => header(page).locator('.conversation__tools button:visible');

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Every header button visible, outside the panel, and the one element a click there reaches. */
async function expectToolsInReach(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await expect(panel(page)).toBeVisible();
      const file = path.join(SCREENSHOTS, `${name}-${width}x${height}-${colorScheme}.png`);
      await page.screenshot({ path: file });
      await testInfo.attach(`${name} ${width}×${height} ${colorScheme}`, {
        path: file,
        contentType: 'image/png',
      });
      const panelBox = await panel(page).boundingBox();
      expect(panelBox).not.toBeNull();
      // The group's timer button shows once the group's info has loaded (who may change it).
      await expect(header(page).locator('.disappearing > button')).toBeVisible();
      const buttons = await tools(page).all();
      // Pin, mute, archive, mark unread, disappearing messages, export, more, contact info.
      expect(buttons.length).toBeGreaterThanOrEqual(8);
      for (const button of buttons)
        await expectInReach(button, panelBox!, `${width}×${height} ${colorScheme}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function expectInReach(
  button: Locator,
  panelBox: { x: number; y: number; width: number; height: number },
  where: string,
): Promise<void> {
  const label = (await button.getAttribute('aria-label')) ?? '';
  await expect(button, `${label} at ${where}`).toBeInViewport({ ratio: 1 });
  const box = await button.boundingBox();
  expect(box && overlaps(box, panelBox), `${label} under the panel at ${where}`).toBe(false);
  // A trial click fails when another element (the panel) would receive it.
  await button.click({ trial: true, timeout: 10_000 });
}

async function pinAndUnpinFromTheHeader(page: Page): Promise<void> {
  const pin = tools(page).first();
  await expect(pin).toHaveAttribute('aria-pressed', 'false');
  await pin.click();
  await expect(pin).toHaveAttribute('aria-pressed', 'true');
  await pin.click();
  await expect(pin).toHaveAttribute('aria-pressed', 'false');
  await expect(panel(page)).toBeVisible();
}

test("with the contact panel open, the conversation header's buttons stay visible and clickable", async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const { close } = await openGroupChat(page, wa, {
    shopPhone: '972520000651',
    subject: 'Weekend market stall holders',
    members: [{ phone: '447700900651', name: 'Dana' }],
    firstMessage: 'Tables at 7?',
  });
  try {
    await expectToolsInReach(page, testInfo, 'panel-header-ltr');
    await page.setViewportSize({ width: 1280, height: 720 });
    await pinAndUnpinFromTheHeader(page);

    // Mirrored: the panel is on the left, the header's buttons still clear of it.
    await page.evaluate(() =>
      (
        globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }
      ).localStorage.setItem('chatdock.language', 'he'),
    );
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await header(page).locator('.conversation__who').click();
    await expect(panel(page)).toBeVisible();
    const panelBox = await panel(page).boundingBox();
    const headerBox = await header(page).boundingBox();
    expect(panelBox && headerBox && panelBox.x < headerBox.x + headerBox.width / 2).toBe(true);
    await expectToolsInReach(page, testInfo, 'panel-header-rtl');
    await page.setViewportSize({ width: 1280, height: 720 });
    await pinAndUnpinFromTheHeader(page);

    // The panel's own toggle in the header closes it.
    await tools(page).last().click();
    await expect(panel(page)).toBeHidden();
  } finally {
    await close();
  }
});
