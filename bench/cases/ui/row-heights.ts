/**
 * The conversation rows' real heights in the built UI at the bench's window (1366×768), beside
 * what `model/inbox/row-estimate.ts` guessed for them (issue #23 target 7, session 16): the
 * estimates decide how many rows the first frame of an opened chat renders, so a guess far off
 * means a second layout once the rows are measured. Opens the first eight chats of the kept
 * fixture and prints, per row kind, the median measured height and the median and worst error.
 *
 *   npx tsx bench/cases/ui/row-heights.ts --data …/ui-data
 */
import { parseArgs } from 'node:util';
import { estimateRowHeight } from '../../../src-renderer/model/inbox/row-estimate.js';
import { launchBrowser } from './browser.js';
import { uiFixtureNames } from './fixture.js';
import { feedHas, frameWhen, TWO_FRAMES } from './probes.js';
import { signedInApp } from './screens.js';
import { startUiServer } from './server.js';

const API_KEY = 'bench-ui-admin-key-0123456789';
const { values } = parseArgs({ options: { data: { type: 'string' } } });
if (!values.data) throw new Error('--data <ui-data> is needed');
const fixture = uiFixtureNames(values.data);

/** Each mounted row's kind, text, whether it names its sender, its measured height, and the list's width. */
const ROWS = `[...document.querySelectorAll('[role=feed] > [data-index]')].map((row) => ({
  kind: row.classList.contains('message-row--day') ? 'day' : 'message',
  text: row.querySelector('.msg-bubble__text')?.textContent ?? null,
  rich: row.querySelector('.msg-bubble__quote, .msg-bubble__forwarded, img, video, audio') !== null,
  showSender: row.querySelector('.msg-bubble__sender') !== null,
  height: row.getBoundingClientRect().height,
  width: row.closest('.message-list').getBoundingClientRect().width,
}))`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const server = await startUiServer(values.data, API_KEY);
const browser = await launchBrowser();
try {
  const { page } = await signedInApp(browser, { url: server.url, apiKey: API_KEY });
  const rows: {
    kind: 'message' | 'day';
    text: string | null;
    rich: boolean;
    showSender: boolean;
    height: number;
    width: number;
    estimate: number;
  }[] = [];
  for (const name of fixture.openable.slice(0, 8)) {
    await page.getByRole('listbox', { name: 'Chats' }).getByRole('option').filter({ hasText: name }).click();
    await frameWhen(page, feedHas(`${name}:`));
    await page.evaluate(TWO_FRAMES);
    for (const row of (await page.evaluate(ROWS)) as typeof rows) {
      rows.push({ ...row, estimate: estimateRowHeight(row, row.width) });
    }
  }
  for (const kind of ['message', 'day']) {
    const mine = rows.filter((row) => row.kind === kind);
    const errors = mine.map((row) => row.height - row.estimate);
    console.log(
      `${kind}: ${mine.length} rows, height median ${median(mine.map((row) => row.height)).toFixed(1)} px; ` +
        `measured − estimated median ${median(errors).toFixed(1)} px, worst ${Math.max(...errors.map(Math.abs)).toFixed(1)} px`,
    );
  }
  for (const row of rows.filter((row) => row.kind === 'message').slice(0, 40)) {
    console.log(
      `  ${String(row.text?.length ?? 0).padStart(4)} chars: ${row.height.toFixed(1)} px (estimated ${row.estimate})`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}
