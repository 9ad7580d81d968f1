/**
 * Two builds of the UI, before → after, in turns in one sitting (issue #23 target 7, session 14):
 * one built server on a kept UI data dir (`npm run bench -- --only ui --keep`), and each turn's
 * browser context served its JavaScript from one build's `dist/web` (a Playwright route; the
 * API is the same server's). Per turn, in a fresh profile throttled 4×: three sign-ins, eight
 * chats opened, the bench's typing, and the long chat scrolled up a fixed number of older pages.
 * Besides wall times it prints figures the machine's load moves much less: the renderer main
 * thread's busy time (script, layout + style, all tasks; DevTools `Performance.getMetrics`) per
 * older page and per keystroke, localStorage writes while typing, and when each call of the
 * sign-in starts after the click.
 *
 *   npx tsx bench/cases/ui/ab.ts --before /tmp/x/dist/web --after dist/web --data …/ui-data [--turns 4] [--pages 30] [--only open|scroll]
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execSync } from 'node:child_process';
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { CPU_THROTTLE, launchBrowser, VIEWPORT } from './browser.js';
import { uiFixtureNames } from './fixture.js';
import { clickToFrame, frameWhen, INBOX_PAINTED, TWO_FRAMES } from './probes.js';
import { appOpenChat, openForWheel, typeInComposer } from './screens.js';
import { startUiServer } from './server.js';

const API_KEY = 'bench-ui-admin-key-0123456789';
const TYPED =
  'Hello! Your order is ready, we are open until seven tonight. Would you like it delivered tomorrow morning instead? 🙂';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    after: { type: 'string', default: 'dist/web' },
    data: { type: 'string' },
    turns: { type: 'string', default: '4' },
    pages: { type: 'string', default: '30' },
    // `open`: only the chat openings, each broken down (session 15): quicker turns while working on them.
    // `scroll`: only the long chat wheeled up `--pages` older pages (long tasks, busy time per page).
    only: { type: 'string' },
  },
});
if (!values.before || !values.data) throw new Error('--before <dist/web> and --data <ui-data> are needed');
const builds = { before: path.resolve(values.before), after: path.resolve(values.after) };
const PAGES = Number(values.pages);

/** A fresh throttled context whose app files come from `root` (the API stays the server's). */
async function contextFor(browser: Browser, url: string, root: string) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', serviceWorkers: 'block' });
  // A pattern, not a function: with a function Playwright intercepts every request (its router
  // decides in Node), /rpc and /api included, which adds a round trip to each call it measures.
  const appFiles = new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/(?!rpc|api)`);
  await context.route(appFiles, async (route) => {
    const pathname = new URL(route.request().url()).pathname;
    const file = path.join(root, pathname === '/' ? 'index.html' : pathname);
    const body = await readFile(file).catch(() => readFile(path.join(root, 'index.html')));
    const type =
      TYPES[path.extname(file)] ??
      (body.subarray(0, 15).toString().includes('<!') ? 'text/html' : 'application/octet-stream');
    await route.fulfill({ body, contentType: type });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
  await cdp.send('Performance.enable');
  return { context, page, cdp };
}

/** The renderer main thread's busy time so far (ms at the throttled CPU): script, layout, all tasks. */
async function busyMs(
  cdp: CDPSession,
): Promise<{ script: number; layout: number; task: number; layouts: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => (metrics.find((metric) => metric.name === name)?.value ?? 0) * 1000;
  return {
    script: value('ScriptDuration'),
    // A layout forced from script (reading scrollHeight after a change) is counted here, not as script.
    layout: value('LayoutDuration') + value('RecalcStyleDuration'),
    task: value('TaskDuration'),
    // Counts, which the machine's load does not move: each forced layout is one more.
    layouts: value('LayoutCount') / 1000,
  };
}

const minus = (
  a: Awaited<ReturnType<typeof busyMs>>,
  b: Awaited<ReturnType<typeof busyMs>>,
  per: number,
) => ({
  script: (a.script - b.script) / per,
  layout: (a.layout - b.layout) / per,
  task: (a.task - b.task) / per,
  layouts: (a.layouts - b.layouts) / per,
});

async function signIn(page: Page, url: string): Promise<{ ms: number; calls: string[] }> {
  const calls: { at: number; name: string }[] = [];
  const started = Date.now();
  const onRequest = (request: { url(): string }) => {
    const match = /\/rpc\/([\w.]+)/.exec(request.url());
    if (match) calls.push({ at: Date.now() - started, name: match[1]! });
  };
  await page.goto(url);
  await frameWhen(page, `document.querySelector('form button') !== null`);
  await page.getByRole('button', { name: 'Use an API key instead' }).click();
  await page.getByLabel('API key').fill(API_KEY);
  page.on('request', onRequest);
  const clicked = Date.now();
  const ms = await clickToFrame(
    page,
    () => page.getByRole('button', { name: 'Sign in', exact: true }).click(),
    INBOX_PAINTED,
  );
  page.off('request', onRequest);
  return { ms, calls: calls.map((call) => `${call.name}@${call.at - (clicked - started)}`) };
}

/**
 * CPU seconds used so far by each of the browser's processes, by pid (`SystemInfo.getProcessInfo`).
 * Unlike the page's busy times, a process's CPU time is not stretched by waiting for a core, nor
 * by the 4× throttle (which pauses the thread): the work itself, what a change to the UI moves.
 */
async function processCpu(browser: Browser): Promise<Map<number, { type: string; cpu: number }>> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number; cpuTime: number }[];
    };
    return new Map(processInfo.map((info) => [info.id, { type: info.type, cpu: info.cpuTime }]));
  } finally {
    await session.detach();
  }
}

/** CPU seconds per process type between two readings (processes present in both). */
function cpuSpent(before: Awaited<ReturnType<typeof processCpu>>, after: typeof before): string {
  const byType = new Map<string, number>();
  for (const [pid, { type, cpu }] of after) {
    const start = before.get(pid);
    if (start) byType.set(type, (byType.get(type) ?? 0) + cpu - start.cpu);
  }
  return [...byType]
    .filter(([, cpu]) => cpu > 0.01)
    .map(([type, cpu]) => `${type} ${cpu.toFixed(2)} s`)
    .join(', ');
}

/** Wheel up the long chat until `pages` older pages have come in; script time per page. */
async function scroll(page: Page, cdp: CDPSession, name: string, pages: number) {
  await openForWheel(page, name);
  const browser = page.context().browser()!;
  const cpuAtStart = await processCpu(browser);
  let loaded = 0;
  const onResponse = (response: { url(): string }) => {
    if (response.url().includes('/rpc/messages.page')) loaded += 1;
  };
  page.on('response', onResponse);
  const perPage: ReturnType<typeof minus>[] = [];
  let mark = await busyMs(cdp);
  const start = mark;
  let counted = 0;
  let steps = 0;
  while (loaded < pages && steps < 1500) {
    await page.mouse.wheel(0, -1200);
    await page.evaluate(TWO_FRAMES);
    steps += 1;
    if (loaded > counted) {
      const now = await busyMs(cdp);
      perPage.push(minus(now, mark, loaded - counted));
      mark = now;
      counted = loaded;
    }
  }
  page.off('response', onResponse);
  const layoutsTotal = (await busyMs(cdp)).layouts - start.layouts;
  const cpu = cpuSpent(cpuAtStart, await processCpu(browser));
  const longTasks = (await page.evaluate('window.__longTasks')) as number[];
  return { perPage, steps, longTasks, layoutsTotal, cpu };
}

/**
 * Opens chats one after another; per open: the wall time (click → painted frame, as the bench),
 * when the conversation's first page left and arrived on the page's clock (Resource Timing), the
 * main thread's busy time (script, layout + style, all tasks) and layouts / style recalcs counted.
 * Each opening starts once the previous one's other calls have answered (a user does not click the
 * next chat within a frame of the last one painting).
 */
async function openings(page: Page, cdp: CDPSession, names: string[]) {
  const rows: string[] = [];
  const walls: number[] = [];
  const after: number[] = [];
  const browser = page.context().browser()!;
  const cpuAtStart = await processCpu(browser);
  for (const [index, name] of names.entries()) {
    await page.evaluate('performance.clearResourceTimings()');
    const { metrics: m0 } = await cdp.send('Performance.getMetrics');
    const busy0 = await busyMs(cdp);
    const wall = await appOpenChat(page, name, index + 1);
    await page.evaluate(TWO_FRAMES);
    const busy = minus(await busyMs(cdp), busy0, 1);
    const { metrics: m1 } = await cdp.send('Performance.getMetrics');
    const count = (key: string) =>
      (m1.find((metric) => metric.name === key)?.value ?? 0) -
      (m0.find((metric) => metric.name === key)?.value ?? 0);
    const timing = (await page.evaluate(`(() => {
      const page = performance.getEntriesByType('resource').filter((e) => e.name.includes('/rpc/messages.page'))[0];
      const calls = performance.getEntriesByType('resource').filter((e) => e.name.includes('/rpc/'))
        .map((e) => e.name.split('/rpc/')[1] + '@' + Math.round(e.startTime - window.__clickAt) + '-' + Math.round(e.responseEnd - window.__clickAt));
      return page ? [page.startTime - window.__clickAt, page.responseEnd - window.__clickAt, calls.join(' ')] : [NaN, NaN, calls.join(' ')];
    })()`)) as [number, number, string];
    // Settle before the next click: the chat's other calls (presence, assignment, automation…)
    // answered and rendered. Since round 2 of session 15 they start only after the first page has
    // painted, so without this they landed in the next opening and were counted there.
    await page.waitForFunction(
      `performance.getEntriesByType('resource').some((e) => e.name.includes('/rpc/automation.senders'))`,
    );
    await page.evaluate(TWO_FRAMES);
    walls.push(wall);
    after.push(wall - timing[1]);
    rows.push(
      `    ${wall.toFixed(0).padStart(5)} ms: page asked at ${timing[0].toFixed(0)}, in at ${timing[1].toFixed(0)} ` +
        `(${(wall - timing[1]).toFixed(0)} after); script ${f(busy.script)}, layout+style ${f(busy.layout)}, ` +
        `task ${f(busy.task)}; layouts ${count('LayoutCount')}, style recalcs ${count('RecalcStyleCount')}\n      calls ${timing[2]}`,
    );
  }
  // The whole of the openings, the other calls each chat makes after its first page included.
  const cpu = cpuSpent(cpuAtStart, await processCpu(browser));
  return { rows, walls, after, cpu };
}

/** The scroll's figures: per older page (first ten → last ten), per wheel step, and its long tasks. */
function scrollLine(scrolled: Awaited<ReturnType<typeof scroll>>): string {
  const pagesMedian = (
    from: number,
    to: number | undefined,
    field: 'script' | 'layout' | 'task' | 'layouts',
  ) => f(median(scrolled.perPage.slice(from, to).map((cost) => cost[field])));
  const sorted = [...scrolled.longTasks].sort((a, b) => a - b);
  return (
    `  scroll: ${scrolled.perPage.length} older pages in ${scrolled.steps} wheel steps; per page (median) ` +
    `script ${pagesMedian(0, 10, 'script')} → ${pagesMedian(-10, undefined, 'script')}, ` +
    `layout ${pagesMedian(0, 10, 'layout')} → ${pagesMedian(-10, undefined, 'layout')}, ` +
    `task ${pagesMedian(0, 10, 'task')} → ${pagesMedian(-10, undefined, 'task')} ms, ` +
    `layouts ${pagesMedian(0, 10, 'layouts')} → ${pagesMedian(-10, undefined, 'layouts')} (pages 1-10 → last 10); ` +
    `layouts per wheel step ${f(scrolled.layoutsTotal / scrolled.steps)}; ` +
    `long tasks ${scrolled.longTasks.length} (median ${f(median(sorted))} ms), longest ${f(Math.max(0, ...sorted))} ms; ` +
    `CPU ${scrolled.cpu}`
  );
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : NaN;
};
const f = (value: number) => value.toFixed(1);

async function turn(
  browser: Browser,
  url: string,
  which: 'before' | 'after',
  fixture: ReturnType<typeof uiFixtureNames>,
) {
  if (values.only === 'open') {
    const { context, page, cdp } = await contextFor(browser, url, builds[which]);
    try {
      await signIn(page, url);
      const { rows, walls, after, cpu } = await openings(page, cdp, fixture.openable.slice(0, 12));
      const load = execSync('cat /proc/loadavg').toString().split(' ').slice(0, 3).join(' ');
      const sorted = [...walls].sort((a, b) => a - b);
      console.log(
        `${which.padEnd(6)} load ${load}: open median ${f(median(walls))}, p95 ${f(sorted[Math.ceil(sorted.length * 0.95) - 1] ?? NaN)}, ` +
          `after the page median ${f(median(after))}; CPU over the ${walls.length} openings ${cpu}\n${rows.join('\n')}`,
      );
    } finally {
      await context.close();
    }
    return;
  }
  if (values.only === 'scroll') {
    const { context, page, cdp } = await contextFor(browser, url, builds[which]);
    try {
      await signIn(page, url);
      const scrolled = await scroll(page, cdp, fixture.longChat, PAGES);
      const load = execSync('cat /proc/loadavg').toString().split(' ').slice(0, 3).join(' ');
      console.log(`${which.padEnd(6)} load ${load}\n${scrollLine(scrolled)}`);
    } finally {
      await context.close();
    }
    return;
  }
  const signIns: number[] = [];
  let calls: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    const { context, page } = await contextFor(browser, url, builds[which]);
    const result = await signIn(page, url);
    signIns.push(result.ms);
    calls = result.calls;
    await context.close();
  }
  const { context, page, cdp } = await contextFor(browser, url, builds[which]);
  let opened: BrowserContext | null = context;
  try {
    await signIn(page, url);
    const opens: number[] = [];
    for (const [index, name] of fixture.openable.slice(0, 8).entries()) {
      opens.push(await appOpenChat(page, name, index + 1));
    }
    await page.evaluate(`(() => {
      window.__storageWrites = 0;
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (...args) { window.__storageWrites += 1; return set.apply(this, args); };
    })()`);
    const busyBefore = await busyMs(cdp);
    const typing = await typeInComposer(page, TYPED);
    const perKey = minus(await busyMs(cdp), busyBefore, TYPED.length);
    const writes = Number(await page.evaluate('window.__storageWrites'));
    const delays = typing.events.map((entry) => entry.delay);
    const scrolled = await scroll(page, cdp, fixture.longChat, PAGES);
    const load = execSync('cat /proc/loadavg').toString().split(' ').slice(0, 3).join(' ');
    console.log(
      [
        `${which.padEnd(6)} load ${load}`,
        `  sign-in ms ${signIns.map((v) => v.toFixed(0)).join(', ')}; calls after the click: ${calls.join(' ')}`,
        `  open ms median ${f(median(opens))}, max ${f(Math.max(...opens))} (${opens.map((v) => v.toFixed(0)).join(', ')})`,
        `  typing: ${TYPED.length} keys, per key script ${f(perKey.script)} / layout ${f(perKey.layout)} / task ${f(perKey.task)} ms, ` +
          `localStorage writes ${writes}, delays > 50 ms ${delays.filter((d) => d > 50).length}, ` +
          `worst ${f(Math.max(0, ...delays))} ms, typed all ${typing.typedAll}`,
        scrollLine(scrolled),
      ].join('\n'),
    );
    await context.close();
    opened = null;
  } finally {
    if (opened) await opened.close();
  }
}

const fixture = uiFixtureNames(values.data);
const server = await startUiServer(values.data, API_KEY);
const browser = await launchBrowser();
try {
  const turns = Number(values.turns);
  for (let i = 0; i < turns; i += 1) {
    // before, after, after, before, …: neither build always runs first.
    const order: ('before' | 'after')[] = i % 2 === 0 ? ['before', 'after'] : ['after', 'before'];
    for (const which of order) await turn(browser, server.url, which, fixture);
  }
} finally {
  await browser.close();
  await server.stop();
}
