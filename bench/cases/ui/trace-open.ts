/**
 * Where an opening's time goes in the browser, not only in script (issue #23 target 7, session 19):
 * a DevTools trace of chats opened one after another in the built UI, throttled 4× like the bench,
 * and per opening, from the click to the animation frame whose DOM first holds the chat's newest
 * message, the renderer main thread's self time by kind — script, style recalculation, layout,
 * paint (pre-paint, paint, layerize, commit), garbage collection, other task time — and the time
 * it was idle (waiting for the page's answer or for the next frame), with the number of style
 * recalculations and layouts, how many of the layouts script forced (read a size mid-task), and
 * the documents loaded meanwhile (an SVG image is one).
 * `profile.ts --step open` says which functions the script part is.
 *
 *   npx tsx bench/cases/ui/trace-open.ts --data …/ui-data [--chats 12] [--out /tmp/open.json]
 *
 * `--out` keeps the trace (open it in DevTools' Performance panel).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CPU_THROTTLE, launchBrowser } from './browser.js';
import { uiFixtureNames } from './fixture.js';
import { feedHas, TWO_FRAMES } from './probes.js';
import { signedInApp } from './screens.js';
import { startUiServer } from './server.js';

const API_KEY = 'bench-ui-admin-key-0123456789';
const { values } = parseArgs({
  options: { data: { type: 'string' }, chats: { type: 'string', default: '12' }, out: { type: 'string' } },
});
if (!values.data) throw new Error('--data <ui-data> is needed');
const fixture = uiFixtureNames(values.data);

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    beginData?: { stackTrace?: unknown[] };
    data?: { stackTrace?: unknown[]; type?: string };
  };
}

/** The kind an event's self time counts as; events not listed count as their parent's kind. */
const KINDS: Record<string, string> = {
  RunTask: 'other task',
  ThreadControllerImpl_RunTask: 'other task',
  FunctionCall: 'script',
  EvaluateScript: 'script',
  'v8.compile': 'script',
  'v8.callFunction': 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script',
  V8Execute: 'script',
  XHRReadyStateChange: 'script',
  FireIdleCallback: 'script',
  ResizeObserverController: 'script',
  UpdateLayoutTree: 'style',
  ScheduleStyleRecalculation: 'style',
  Layout: 'layout',
  UpdateLayerTree: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
  UpdateLayer: 'paint',
  CompositeLayers: 'paint',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  'BlinkGC.AtomicPhase': 'gc',
  ParseHTML: 'parse',
};

/** Self time by kind of the main thread's complete events between `from` and `to` (µs, clipped). */
function breakdown(events: TraceEvent[], from: number, to: number) {
  const self = new Map<string, number>();
  let busy = 0;
  let styles = 0;
  let layouts = 0;
  let forced = 0;
  // Documents loaded meanwhile: an SVG image (the tab's icon was one, fetched again on each chat's
  // navigation) is decoded as a document of its own on the main thread (session 21).
  let documents = 0;
  const add = (kind: string, micros: number) => self.set(kind, (self.get(kind) ?? 0) + micros);
  // Complete events nest by time on one thread: walk them sorted, with a stack of open ones.
  const stack: { end: number; kind: string; childEnd: number }[] = [];
  const clip = (start: number, end: number) => Math.max(0, Math.min(end, to) - Math.max(start, from));
  const close = (until: number) => {
    while (stack.length > 0 && stack.at(-1)!.end <= until) {
      const top = stack.pop()!;
      add(top.kind, clip(top.childEnd, top.end));
      if (stack.length > 0) stack.at(-1)!.childEnd = top.end;
    }
  };
  for (const event of events) {
    const end = event.ts + (event.dur ?? 0);
    close(event.ts);
    const parent = stack.at(-1);
    if (parent) add(parent.kind, clip(parent.childEnd, event.ts));
    else busy += clip(event.ts, end);
    if (event.ts >= from && event.ts < to) {
      if (event.name === 'UpdateLayoutTree') styles += 1;
      if (event.name === 'EventDispatch' && event.args?.data?.type === 'pageshow') documents += 1;
      if (event.name === 'Layout') {
        layouts += 1;
        // A layout inside a script event was forced by it (a size read after a DOM change).
        if (stack.some((open) => open.kind === 'script')) forced += 1;
      }
    }
    stack.push({ end, kind: KINDS[event.name] ?? parent?.kind ?? 'other task', childEnd: event.ts });
  }
  close(Number.POSITIVE_INFINITY);
  return { self, busy, idle: to - from - busy, styles, layouts, forced, documents };
}

const server = await startUiServer(values.data, API_KEY);
const browser = await launchBrowser();
try {
  const { context, page } = await signedInApp(browser, { url: server.url, apiKey: API_KEY });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
  // Marks on the page's clock, which the trace shows on its own: where each opening starts and ends.
  await page.evaluate(`document.addEventListener('click', () => performance.mark('open:click'), true)`);
  const chunks: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => chunks.push(...(value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'disabled-by-default-devtools.timeline.frame',
        'disabled-by-default-devtools.timeline.stack',
        'blink.user_timing',
        'toplevel',
        'v8.execute',
        'v8',
      ],
    },
  });
  const names = fixture.openable.slice(0, Number(values.chats));
  for (const name of names) {
    const row = page.getByRole('listbox', { name: 'Chats' }).getByRole('option').filter({ hasText: name });
    await row.scrollIntoViewIfNeeded();
    await page.evaluate(TWO_FRAMES);
    await row.click();
    await page.evaluate(`new Promise((resolve) => {
      const check = () => ((${feedHas(`${name}:`)}) ? (performance.mark('open:painted'), resolve()) : requestAnimationFrame(check));
      requestAnimationFrame(check);
    })`);
    // Let the chat's other calls (after its first page) land before the next click, as ab.ts does.
    await page.waitForTimeout(1500);
  }
  await cdp.send('Tracing.end');
  await done;
  if (values.out) writeFileSync(values.out, JSON.stringify({ traceEvents: chunks }));

  const marks = chunks.filter((event) => event.name.startsWith('open:')).sort((a, b) => a.ts - b.ts);
  const main = chunks.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  const mark = marks[0];
  const pid = mark?.pid ?? main?.pid;
  const tid = chunks.find(
    (event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain' && event.pid === pid,
  )?.tid;
  const thread = chunks
    .filter((event) => event.pid === pid && event.tid === tid && event.ph === 'X')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const frames = chunks
    .filter((event) => event.pid === pid && event.name === 'Commit' && event.ph === 'X')
    .map((event) => event.ts + (event.dur ?? 0))
    .sort((a, b) => a - b);
  const totals = new Map<string, number>();
  const rows: string[] = [];
  for (let i = 0; i + 1 < marks.length; i += 1) {
    if (marks[i]!.name !== 'open:click' || marks[i + 1]!.name !== 'open:painted') continue;
    const from = marks[i]!.ts;
    // The frame whose rAF saw the message: its paint's commit is the first after the mark.
    const to = frames.find((at) => at > marks[i + 1]!.ts) ?? marks[i + 1]!.ts;
    const cut = breakdown(thread, from, to);
    const parts = [...cut.self, ['idle', cut.idle] as [string, number]].sort((a, b) => b[1] - a[1]);
    for (const [kind, micros] of parts) totals.set(kind, (totals.get(kind) ?? 0) + micros);
    totals.set('wall', (totals.get('wall') ?? 0) + to - from);
    rows.push(
      `${((to - from) / 1000).toFixed(0).padStart(5)} ms: ` +
        parts.map(([kind, micros]) => `${kind} ${(micros / 1000).toFixed(0)}`).join(', ') +
        `; style recalcs ${cut.styles}, layouts ${cut.layouts} (forced ${cut.forced}), documents loaded ${cut.documents}`,
    );
  }
  const count = rows.length;
  console.log(
    `${count} openings, click → the frame that paints the newest message (ms, throttled ${CPU_THROTTLE}×):`,
  );
  console.log(rows.join('\n'));
  console.log(
    'mean: ' +
      [...totals]
        .sort((a, b) => b[1] - a[1])
        .map(([kind, micros]) => `${kind} ${(micros / 1000 / count).toFixed(0)}`)
        .join(', '),
  );
} finally {
  await browser.close();
  await server.stop();
}
