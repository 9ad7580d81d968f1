/**
 * The four things a person does on a modest PC, each driven in the built UI and, where a page of
 * plain DOM can do the same (sign-in, opening a chat), on the raw page in turns with it.
 */
import type { Browser, Page } from '@playwright/test';
import { throttledPage } from './browser.js';
import {
  TWO_FRAMES,
  WATCH_EVENTS,
  WATCH_LONG_TASKS,
  clickToFrame,
  feedHas,
  frameWhen,
  INBOX_PAINTED,
} from './probes.js';
import { RAW_PATH, rawPageHtml } from './raw-page.js';

const ROW_HEIGHT = 76;

export interface Target {
  url: string;
  apiKey: string;
}

/** A fresh throttled page with the raw page served from the app's origin. */
async function rawPage(browser: Browser, target: Target) {
  const opened = await throttledPage(browser);
  await opened.context.route(`${target.url}${RAW_PATH}`, (route) =>
    route.fulfill({ contentType: 'text/html', body: rawPageHtml() }),
  );
  return opened;
}

/**
 * One sign-in in a fresh browser profile: the app loads (timed to its form, `loadMs`), the key is
 * typed, and "Sign in" is clicked; `signInMs` runs from that click to the frame that paints the
 * first chat of the inbox.
 */
export async function appSignIn(browser: Browser, target: Target) {
  const { context, page } = await throttledPage(browser);
  try {
    await page.goto(target.url);
    const loadMs = await frameWhen(page, `document.querySelector('form button') !== null`);
    await page.getByRole('button', { name: 'Use an API key instead' }).click();
    await page.getByLabel('API key').fill(target.apiKey);
    const signInMs = await clickToFrame(
      page,
      () => page.getByRole('button', { name: 'Sign in', exact: true }).click(),
      INBOX_PAINTED,
    );
    return { loadMs, signInMs };
  } finally {
    await context.close();
  }
}

export async function rawSignIn(browser: Browser, target: Target): Promise<number> {
  const { context, page } = await rawPage(browser, target);
  try {
    await page.goto(`${target.url}${RAW_PATH}`);
    await page.fill('#key', target.apiKey);
    return await clickToFrame(page, () => page.click('button[type=submit]'), INBOX_PAINTED);
  } finally {
    await context.close();
  }
}

/** The app signed in, on the inbox (kept open for the other rows). */
export async function signedInApp(browser: Browser, target: Target) {
  const opened = await throttledPage(browser);
  await opened.page.goto(target.url);
  await opened.page.getByRole('button', { name: 'Use an API key instead' }).click();
  await opened.page.getByLabel('API key').fill(target.apiKey);
  await opened.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await frameWhen(opened.page, INBOX_PAINTED);
  return opened;
}

export async function signedInRaw(browser: Browser, target: Target) {
  const opened = await rawPage(browser, target);
  await opened.page.goto(`${target.url}${RAW_PATH}`);
  await opened.page.fill('#key', target.apiKey);
  await opened.page.click('button[type=submit]');
  await frameWhen(opened.page, INBOX_PAINTED);
  return opened;
}

/**
 * Opens the chat at `index` of the app's list (scrolled into the virtualised list first, untimed):
 * from the click to the frame that paints its newest message (`name: …`).
 */
export async function appOpenChat(page: Page, name: string, index: number): Promise<number> {
  const row = page.getByRole('listbox', { name: 'Chats' }).getByRole('option').filter({ hasText: name });
  if ((await row.count()) === 0) {
    await page.evaluate(
      `document.querySelector('[role=listbox]').scrollTop = ${Math.max(0, (index - 3) * ROW_HEIGHT)}`,
    );
    await row.waitFor();
  }
  await row.scrollIntoViewIfNeeded();
  return clickToFrame(page, () => row.click(), feedHas(`${name}:`));
}

export async function rawOpenChat(page: Page, name: string): Promise<number> {
  const row = page.locator('[role=option]').filter({ hasText: `${name}:` });
  await row.scrollIntoViewIfNeeded();
  return clickToFrame(page, () => row.click(), feedHas(`${name}:`));
}

/**
 * Opens the chat `name`, puts the mouse where the wheel scrolls its conversation and starts
 * watching long tasks. The wheel goes to the scrolling box's middle: the feed inside it is as tall
 * as the whole loaded history and scrolled to its end, so its middle lies far above the window
 * (sessions 11–12 wheeled there, off screen, and nothing scrolled: the row measured no older page).
 */
export async function openForWheel(page: Page, name: string): Promise<void> {
  const row = page.getByRole('listbox', { name: 'Chats' }).getByRole('option').filter({ hasText: name });
  await page.evaluate(`document.querySelector('[role=listbox]').scrollTop = 0`);
  await row.click();
  await frameWhen(page, feedHas(`${name}:`));
  const box = await page.locator('[role=feed]').locator('xpath=..').boundingBox();
  if (!box) throw new Error('the conversation is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(WATCH_LONG_TASKS);
}

/**
 * Scrolls the 5,000-message chat from its newest message to its first with the mouse wheel
 * (older pages load on the way) and returns every long task seen meanwhile.
 */
export async function scrollLongChat(page: Page, name: string, firstId: string, budgetMs: number) {
  await openForWheel(page, name);
  const started = performance.now();
  let steps = 0;
  let reachedFirst = false;
  while (performance.now() - started < budgetMs) {
    await page.mouse.wheel(0, -1200);
    await page.evaluate(TWO_FRAMES);
    steps += 1;
    if (steps % 10 === 0 && (await page.locator(`[data-message-id="${firstId}"]`).count()) > 0) {
      reachedFirst = true;
      break;
    }
  }
  const longTasks = (await page.evaluate('window.__longTasks')) as number[];
  const spans = (await page.evaluate('window.__longTaskSpans')) as [start: number, duration: number][];
  return { longTasks, spans, steps, reachedFirst, seconds: (performance.now() - started) / 1000 };
}

/**
 * Types `text` into the open chat's message box at a brisk typist's pace and returns the Event
 * Timing entries (input delay and duration of every event of 16 ms or more) and long tasks.
 */
export async function typeInComposer(page: Page, text: string) {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.click();
  await page.evaluate(WATCH_EVENTS);
  await page.evaluate(WATCH_LONG_TASKS);
  await page.keyboard.type(text, { delay: 60 });
  // Observers report after the frame: let the last keystrokes' entries arrive.
  await page.evaluate(TWO_FRAMES);
  await page.evaluate(`new Promise((resolve) => setTimeout(resolve, 300))`);
  const events = (await page.evaluate('window.__events')) as {
    name: string;
    delay: number;
    duration: number;
  }[];
  const longTasks = (await page.evaluate('window.__longTasks')) as number[];
  const typed = String(await box.inputValue());
  await box.fill('');
  return { events, longTasks, typedAll: typed === text };
}
