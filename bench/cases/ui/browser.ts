/**
 * Headless Chromium for the UI rows, as the e2e suite runs it (Debian's /usr/bin/chromium,
 * driven by Playwright, which gives it a fresh temp profile), with the CPU slowed 4× through the DevTools protocol: a modest shop PC.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';

export const CPU_THROTTLE = 4;
/** The laptop size every screen must suit (README). */
export const VIEWPORT = { width: 1366, height: 768 };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Each page is measured while the other waits: neither may be slowed as a background tab.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
  });
}

export interface ThrottledPage {
  context: BrowserContext;
  page: Page;
  /**
   * Turns the page's throttling off while it only waits, and on again before it is measured.
   * Chromium's CPU throttling keeps ~0.8 of a core busy while it is on, even on an idle page
   * (its renderer's CPU time, `SystemInfo.getProcessInfo`, session 24): with the app's and the raw
   * page both open, the one waiting took most of the second core from the one measured.
   */
  throttle(on: boolean): Promise<void>;
}

/** A fresh context (no cookies, storage or cache) with one page whose CPU is throttled. */
export async function throttledPage(browser: Browser): Promise<ThrottledPage> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const throttle = async (on: boolean) => {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: on ? CPU_THROTTLE : 1 });
  };
  await throttle(true);
  return { context, page, throttle };
}
