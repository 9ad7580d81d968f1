/**
 * Where the main thread's time goes in one UI step (issue #23 target 7): Chromium's sampling
 * profiler over the built UI (`dist/web`, served by the built server on a kept UI data dir),
 * throttled 4× like the bench, mapped through the build's source maps to source files and
 * functions. Self time per function and per file, largest first. `scroll`: 40 wheel steps up the
 * long chat (after 20 untimed ones); `open`: eight chats opened one after another, each from its
 * click to the frame that paints it.
 *
 *   npx tsx bench/cases/ui/profile.ts --data …/ui-data [--step scroll|open]
 *
 * A forced layout (reading a size after the DOM changed) counts as the self time of the function
 * that read it: that is how session 14 found the scroll effect that read `scrollHeight`.
 * (`source-map-js` is not a dependency of ours: it comes with Vite, through postcss.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SourceMapConsumer } from 'source-map-js';
import { CPU_THROTTLE, launchBrowser } from './browser.js';
import { uiFixtureNames } from './fixture.js';
import { feedHas, frameWhen, TWO_FRAMES } from './probes.js';
import { signedInApp } from './screens.js';
import { ROOT, startUiServer } from './server.js';

const API_KEY = 'bench-ui-admin-key-0123456789';
const { values } = parseArgs({
  options: { data: { type: 'string' }, step: { type: 'string', default: 'scroll' } },
});
if (!values.data) throw new Error('--data <ui-data> is needed');
const fixture = uiFixtureNames(values.data);

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

const maps = new Map<string, SourceMapConsumer | null>();
/** "function source:line" for a frame of the built app, through its source map when there is one. */
function place({ functionName, url, lineNumber, columnNumber }: ProfileNode['callFrame']): string {
  const asset = /\/assets\/([^?#]+\.js)/.exec(url)?.[1];
  if (!asset) return `${functionName || '(native)'}${url ? ` ${url.slice(-40)}` : ''}`;
  if (!maps.has(asset)) {
    try {
      const raw = readFileSync(path.join(ROOT, 'dist', 'web', 'assets', `${asset}.map`), 'utf8');
      maps.set(
        asset,
        new SourceMapConsumer(JSON.parse(raw) as ConstructorParameters<typeof SourceMapConsumer>[0]),
      );
    } catch {
      maps.set(asset, null);
    }
  }
  const map = maps.get(asset);
  if (!map) return `${functionName || '(anonymous)'} ${asset}`;
  const original = map.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
  const source = (original.source ?? asset)
    .replace(/.*node_modules\//, 'node_modules/')
    .replace(/.*src-renderer\//, 'src-renderer/');
  return `${original.name ?? functionName} ${source}:${original.line ?? 0}`;
}

const server = await startUiServer(values.data, API_KEY);
const browser = await launchBrowser();
try {
  const { context, page } = await signedInApp(browser, { url: server.url, apiKey: API_KEY });
  const cdp = await context.newCDPSession(page);
  const profiles: Awaited<ReturnType<typeof cdp.send<'Profiler.stop'>>>['profile'][] = [];
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const chat = (name: string) =>
    page.getByRole('listbox', { name: 'Chats' }).getByRole('option').filter({ hasText: name });
  if (values.step === 'scroll') {
    await chat(fixture.longChat).click();
    await frameWhen(page, feedHas(`${fixture.longChat}:`));
    const box = await page.locator('[role=feed]').locator('xpath=..').boundingBox();
    if (!box) throw new Error('the conversation is not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const wheel = async (steps: number) => {
      for (let i = 0; i < steps; i += 1) {
        await page.mouse.wheel(0, -1200);
        await page.evaluate(TWO_FRAMES);
      }
    };
    await wheel(20);
    await cdp.send('Profiler.start');
    await wheel(40);
  } else if (values.step === 'open-before' || values.step === 'open-after') {
    // One part of each open: from the click until its first page leaves (`open-before`), or from
    // the page's answer to the painted frame (`open-after`). The page is held by a route meanwhile.
    // Since session 16 a chat list click asks the page at once (stores/conversation/prefetch.ts):
    // `open-before` is then the click handler alone and `open-after` nearly the whole opening.
    let release: (() => void) | null = null;
    let asked: (() => void) | null = null;
    await page.route('**/rpc/messages.page', (route) => {
      const go = () => void route.continue();
      if (!asked) return go();
      release = go;
      asked();
    });
    const before = values.step === 'open-before';
    for (const name of fixture.openable.slice(0, 8)) {
      const left = new Promise<void>((resolve) => (asked = resolve));
      if (before) await cdp.send('Profiler.start');
      await chat(name).click();
      await left;
      asked = null;
      if (before) {
        profiles.push((await cdp.send('Profiler.stop')).profile);
      } else await cdp.send('Profiler.start');
      (release as (() => void) | null)?.();
      await frameWhen(page, feedHas(`${name}:`));
      if (!before) profiles.push((await cdp.send('Profiler.stop')).profile);
      await page.evaluate(TWO_FRAMES);
    }
  } else {
    // Each opening alone, from its click to the frame that paints its newest message: the chat's
    // other calls (after its first page) are left out, and settle before the next click.
    for (const name of fixture.openable.slice(0, 8)) {
      await cdp.send('Profiler.start');
      await chat(name).click();
      await frameWhen(page, feedHas(`${name}:`));
      profiles.push((await cdp.send('Profiler.stop')).profile);
      await page.waitForTimeout(1500);
    }
  }
  if (profiles.length === 0) profiles.push((await cdp.send('Profiler.stop')).profile);
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  // The app's own functions with what they called (a component's render, its hooks and React's
  // work for it): which part of the UI a step's script is in (session 20).
  const inclusive = new Map<string, number>();
  let sampled = 0;
  for (const profile of profiles) {
    const nodes = new Map((profile.nodes as ProfileNode[]).map((node) => [node.id, node]));
    const parents = new Map<number, number>();
    for (const node of nodes.values()) for (const child of node.children ?? []) parents.set(child, node.id);
    (profile.samples ?? []).forEach((id, index) => {
      const micros = profile.timeDeltas?.[index] ?? 0;
      const node = nodes.get(id);
      if (!node) return;
      const where = place(node.callFrame);
      const file = where.split(' ')[1]?.split(':')[0] ?? where;
      byFunction.set(where, (byFunction.get(where) ?? 0) + micros);
      byFile.set(file, (byFile.get(file) ?? 0) + micros);
      sampled += micros;
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
        const frame = nodes.get(at);
        const own = frame ? place(frame.callFrame) : '';
        if (!own.includes(' src-renderer/') || seen.has(own)) continue;
        seen.add(own);
        inclusive.set(own, (inclusive.get(own) ?? 0) + micros);
      }
    });
  }
  const top = (table: Map<string, number>, count: number) =>
    [...table]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, micros]) => `${(micros / 1000).toFixed(0).padStart(7)} ms  ${name}`)
      .join('\n');
  console.log(`${values.step}: ${(sampled / 1000).toFixed(0)} ms sampled (idle and native included)`);
  console.log(`by file:\n${top(byFile, 15)}\nby function:\n${top(byFunction, 30)}`);
  console.log(`the app's functions with what they called:\n${top(inclusive, 30)}`);
} finally {
  await browser.close();
  await server.stop();
}
