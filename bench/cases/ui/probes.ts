/**
 * What the UI rows read inside the page, as expressions evaluated there (the bench's tsconfig
 * has no DOM types). Times are the page's own `performance.now()` clock, so the DevTools
 * round trips of the driver are not in them: an input's `event.timeStamp` to the animation frame
 * in which the result is first in the DOM (that frame paints it).
 */
import type { Page } from '@playwright/test';

/** Records the time of every click (capture phase, before the app sees it) in `__clickAt`. */
export const CLICK_CLOCK = `(() => {
  window.__clickAt = 0;
  if (window.__clockInstalled) return;
  window.__clockInstalled = true;
  document.addEventListener('click', (event) => { window.__clickAt = event.timeStamp; }, true);
})()`;

/**
 * Resolves with the page's clock at the first animation frame in which `condition` holds.
 * A promise evaluated through the DevTools protocol, not `waitForFunction`: the app's
 * Content-Security-Policy forbids the `new Function` that one compiles its predicate with.
 */
export async function frameWhen(page: Page, condition: string, timeout = 120_000): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the page never showed: ${condition}`)), timeout);
  });
  const seen = page.evaluate(`new Promise((resolve) => {
    const check = () => ((${condition}) ? resolve(performance.now()) : requestAnimationFrame(check));
    requestAnimationFrame(check);
  })`);
  try {
    return Number(await Promise.race([seen, gaveUp]));
  } finally {
    clearTimeout(timer);
  }
}

/** Milliseconds from the last click to the frame in which `condition` first holds. */
export async function clickToFrame(
  page: Page,
  click: () => Promise<void>,
  condition: string,
): Promise<number> {
  await page.evaluate(CLICK_CLOCK);
  await click();
  const paintedAt = await frameWhen(page, condition);
  const clickedAt = Number(await page.evaluate('window.__clickAt'));
  if (!clickedAt) throw new Error('the click was not seen by the page');
  return paintedAt - clickedAt;
}

/** The conversation shows a message containing `text`. */
export function feedHas(text: string): string {
  return `(document.querySelector('[role=feed]')?.textContent ?? '').includes(${JSON.stringify(text)})`;
}

export const INBOX_PAINTED = `document.querySelector('[role=listbox] [role=option]') !== null`;

/**
 * Starts collecting long tasks (> 50 ms of main thread) into `__longTasks` (durations) and
 * `__longTaskSpans` ([start in epoch ms, duration]). Watching again stops the previous watch: two
 * observers (the typing's, then the scroll's) counted every long task of the scroll twice
 * (session 25).
 */
export const WATCH_LONG_TASKS = `(() => {
  window.__longTaskObserver?.disconnect();
  window.__longTasks = [];
  window.__longTaskSpans = [];
  window.__longTaskObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__longTasks.push(entry.duration);
      window.__longTaskSpans.push([performance.timeOrigin + entry.startTime, entry.duration]);
    }
  });
  window.__longTaskObserver.observe({ type: 'longtask' });
})()`;

/**
 * Starts collecting Event Timing entries (every event of 16 ms or more, the API's floor, and the
 * first input) into `__events`: input delay is processingStart − startTime.
 */
export const WATCH_EVENTS = `(() => {
  window.__events = [];
  const keep = (list) => {
    for (const entry of list.getEntries())
      window.__events.push({ name: entry.name, delay: entry.processingStart - entry.startTime, duration: entry.duration });
  };
  new PerformanceObserver(keep).observe({ type: 'event', durationThreshold: 16 });
  new PerformanceObserver(keep).observe({ type: 'first-input' });
})()`;

/** Two animation frames: whatever an input caused has been rendered. */
export const TWO_FRAMES = `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))`;
