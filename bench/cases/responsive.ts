/**
 * Case 11 (issue #23, target 5): a responsive core while it works. While a history sync of
 * 100,000 messages is stored, the event loop's delay is sampled (`monitorEventLoopDelay`: its
 * max is the longest stretch the loop was held, which freezes IPC and the window in Electron)
 * and REST chat-list requests run from a worker thread (their p99). The history goes through
 * `storeInChunks`, exactly as `MessagingSink.messages(…, 'history')` stores a slice; the same
 * history stored the way it was before (fixed transactions of 500 rows, a yield between them)
 * is measured beside it, on messages of its own.
 *
 * The second half: a campaign of 5,000 recipients prepared (`CampaignService.create`: the list
 * parsed and normalised, known names looked up, the campaign and its recipients stored) under
 * the same measurement. It is created as a draft and cancelled after, so nothing is sent.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CHUNK_BUDGET_MS, storeInChunks } from '../../src-main/services/messaging/history-store-chunks.js';
import type { MessageRecord } from '../../src-main/wa/message-mapping.js';
import type { BenchContext } from '../context.js';
import { stats, yieldToLoop } from '../measure.js';
import { ms, type Row } from '../report.js';
import { loadTest } from './rest.js';
import { LoopTurns, type TurnStats } from '../loop-turns.js';

/**
 * Appended to this run's message ids: a data dir kept by an earlier run (`--only responsive --data`)
 * already holds that run's, and ingesting them again measured the path of messages already stored
 * (a status update each), not a sync's inserts (session 25).
 */
const RUN_TAG = Date.now().toString(36);

/** WhatsApp hands history over in slices of a few thousand messages. */
const SLICE = 5000;
const BUDGET_MS = 50;

type Store = (sessionId: string, slice: MessageRecord[]) => Promise<void>;

export async function responsiveCase(ctx: BenchContext, apiUrl: string, apiKey: string): Promise<Row[]> {
  const count = Math.min(ctx.history.spec.messages, ctx.quick ? 20_000 : 100_000);
  const { store } = ctx.core.services.messaging;
  const chunked: Store = (sessionId, slice) =>
    storeInChunks(slice, (chunk) => store.ingest(sessionId, chunk, 'history'), {
      room: () => ctx.core.walRoom(),
    });
  const fixed: Store = async (sessionId, slice) => {
    for (let start = 0; start < slice.length; start += 500) {
      store.ingest(sessionId, slice.slice(start, start + 500), 'history');
      await yieldToLoop();
    }
  };
  const rows: Row[] = [];
  for (const [what, storeSlice, salt] of [
    [`chunks sized to ${CHUNK_BUDGET_MS} ms (now)`, chunked, 'N'],
    ['fixed 500-row transactions (before)', fixed, 'B'],
  ] as const) {
    // Generated before the measurement: making a 5,000-message slice is the bench's work (50–95
    // ms of the main thread's CPU at a time, profiled in session 17), not the app's, and made
    // inside the window it was the longest block the case measured.
    const history = [...slices(ctx, count, salt)];
    const measured = await underLoad(ctx, apiUrl, apiKey, async () => {
      for (const { sessionId, records } of history) await storeSlice(sessionId, records);
    });
    const variant: Row[] = [
      {
        case: '11 responsive core, history sync',
        what: `${count.toLocaleString('en')} msgs, ${what}: event-loop block`,
        median: `p99 ${ms(measured.loopP99)}`,
        p95: `max ${ms(measured.loopMax)}`,
        raw: '–',
        ratio: '–',
        target: `max ≤ ${BUDGET_MS} ms`,
        ...wallVerdict(measured.loopMax, [measured.cpu]),
        note: `${Math.round((count / measured.ms) * 1000)} msg/s stored meanwhile`,
      },
      ...cpuRows('11 responsive core, history sync', `${count.toLocaleString('en')} msgs, ${what}`, [
        measured.cpu,
      ]),
      {
        case: '11 responsive core, history sync',
        what: `${count.toLocaleString('en')} msgs, ${what}: REST chat list meanwhile`,
        median: ms(measured.rest.median),
        p95: ms(measured.rest.p95),
        p99: ms(measured.rest.p99),
        raw: '–',
        ratio: '–',
        target: `p99 ≤ ${BUDGET_MS} ms`,
        met: measured.rest.p99 <= BUDGET_MS,
        note: `${measured.rest.n} requests, 2 clients`,
      },
    ];
    // The way it was stored before is shown beside for comparison, not judged: the target is
    // the app's, and the app stores history the first way.
    rows.push(
      ...(salt === 'B'
        ? variant.map(({ machineBound: _, ...row }) => ({ ...row, target: '–', met: null }))
        : variant),
    );
  }
  rows.push(...(await campaignRows(ctx, apiUrl, apiKey)));
  return rows;
}

const CAMPAIGN_RECIPIENTS = 5000;

/** A 5,000-line pasted list (number, name), the largest source a shop would paste or upload. */
function recipientList(salt: number): string {
  const lines: string[] = [];
  for (let i = 0; i < CAMPAIGN_RECIPIENTS; i += 1)
    lines.push(`+97252${String(salt % 10)}${String(i).padStart(6, '0')}, Customer ${i}`);
  return lines.join('\n');
}

export async function campaignRows(ctx: BenchContext, apiUrl: string, apiKey: string): Promise<Row[]> {
  const { campaigns } = ctx.core.services.scheduling;
  const session = ctx.sessionIds[0] as string;
  const runs = ctx.quick ? 2 : 4;
  const loop: number[] = [];
  const loopP99: number[] = [];
  const prepare: number[] = [];
  const turns: (TurnStats | null)[] = [];
  const rest: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const text = recipientList(run);
    let id = '';
    const measured = await underLoad(ctx, apiUrl, apiKey, async () => {
      const campaign = await campaigns.create({
        session,
        name: `bench ${run}`,
        template: '{Hi|Hello} [name], our spring menu is here',
        recipients: { source: 'list', text },
        delayMinMs: 2000,
        delayMaxMs: 5000,
        start: false,
      });
      id = campaign.id;
    });
    campaigns.cancel(id);
    loop.push(measured.loopMax);
    turns.push(measured.cpu);
    loopP99.push(measured.loopP99);
    prepare.push(measured.ms);
    rest.push(...measured.latencies);
  }
  const restStats = stats(rest);
  const worstLoop = Math.max(...loop);
  return [
    {
      case: '11 responsive core, campaign',
      what: `${CAMPAIGN_RECIPIENTS.toLocaleString('en')} recipients prepared: event-loop block`,
      median: `p99 ${ms(Math.max(...loopP99))}`,
      p95: `max ${ms(worstLoop)}`,
      raw: '–',
      ratio: '–',
      target: `max ≤ ${BUDGET_MS} ms`,
      ...wallVerdict(worstLoop, turns),
      note: `${runs} campaigns, prepared in ${ms(stats(prepare).median)} (median)`,
    },
    ...cpuRows(
      '11 responsive core, campaign',
      `${CAMPAIGN_RECIPIENTS.toLocaleString('en')} recipients prepared`,
      turns,
    ),
    {
      case: '11 responsive core, campaign',
      what: `${CAMPAIGN_RECIPIENTS.toLocaleString('en')} recipients prepared: REST chat list meanwhile`,
      median: ms(restStats.median),
      p95: ms(restStats.p95),
      p99: ms(restStats.p99),
      raw: '–',
      ratio: '–',
      target: `p99 ≤ ${BUDGET_MS} ms`,
      met: restStats.p99 <= BUDGET_MS,
      note: `${restStats.n} requests, 2 clients`,
    },
  ];
}

/**
 * The same blocks read as the main thread's CPU (bench/loop-turns.ts): what the app held the loop
 * for, without the time the thread waited for a core. On a quiet machine it is close to the wall
 * reading above it; on a busy one it is the row to judge by (docs/PERFORMANCE.md, "Reading a run
 * on a busy PC").
 */
function cpuRows(kase: string, what: string, runs: readonly (TurnStats | null)[]): Row[] {
  const measured = runs.filter((run): run is TurnStats => run !== null);
  if (measured.length === 0) return [];
  const worst = measured.reduce((a, b) => (b.maxCpuMs > a.maxCpuMs ? b : a));
  return [
    {
      case: kase,
      what: `${what}: event-loop block, main thread's CPU`,
      median: `p99 ${ms(Math.max(...measured.map((run) => run.p99CpuMs)))}`,
      p95: `max ${ms(worst.maxCpuMs)}`,
      raw: '–',
      ratio: '–',
      target: `max ≤ ${BUDGET_MS} ms`,
      met: worst.maxCpuMs <= BUDGET_MS,
      note:
        `the costliest turn held ${ms(worst.maxCpuMs)} of CPU in ${ms(worst.wallOfMaxMs)} of wall time, ` +
        `${ms(worst.gcOfMaxMs)} of it the garbage collector's pauses (${longestPause(measured)})`,
    },
  ];
}

/** The longest collector pause of the runs, its kind, and the heap in use when that run started. */
function longestPause(runs: readonly TurnStats[]): string {
  const run = runs.reduce((a, b) => (b.maxGcMs > a.maxGcMs ? b : a));
  return `longest pause ${ms(run.maxGcMs)}, ${run.maxGcKind}; ${Math.round(run.heapAtStartMb)} MB of heap in use at the start`;
}

/**
 * A wall-time block row's verdict: met within the budget; past it, "met (machine-bound)" when no
 * turn would have passed it on an idle PC (each gap's wall time less the thread's wait for a
 * core: loop-turns.ts `maxOwnMs`), so a busy PC's waits do not flip the row (issue #23 target 1).
 */
function wallVerdict(maxMs: number, turns: readonly (TurnStats | null)[]): Pick<Row, 'met' | 'machineBound'> {
  if (maxMs <= BUDGET_MS) return { met: true };
  const own = turns.map((turn) => turn?.maxOwnMs ?? Infinity);
  return own.every((ms) => ms <= BUDGET_MS) ? { met: true, machineBound: true } : { met: false };
}

/** Fresh messages (ids of their own) in WhatsApp-sized slices, per session. */
function* slices(ctx: BenchContext, count: number, salt: string) {
  for (let from = 0; from < count; from += SLICE) {
    const bySession = new Map<string, MessageRecord[]>();
    for (let i = from; i < Math.min(count, from + SLICE); i += 1) {
      const { session, record } = ctx.history.message(i);
      const sessionId = ctx.sessionIds[session] as string;
      const list = bySession.get(sessionId) ?? [];
      list.push({ ...record, id: `${record.id}${salt}${RUN_TAG}` });
      bySession.set(sessionId, list);
    }
    for (const [sessionId, records] of bySession) yield { sessionId, records };
  }
}

/**
 * A full collection before each measured window. The whole bench reached this case with 357 MB
 * of heap in use, 153 MB of it live (a collection's figure; standalone ~90 MB): the garbage the
 * cases before left in this process made the mark-compact come due inside the window, and under
 * `--noise`, its helper threads waiting for a core, it held the loop 50–80 ms (session 25). Each
 * window now starts from a collected heap, as a freshly linked app's first sync does; the pauses
 * the app's own garbage causes stay in it, and the note says the heap in use at the start.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Runs `work` while REST requests come in and the loop's delay is sampled. */
async function underLoad(ctx: BenchContext, apiUrl: string, apiKey: string, work: () => Promise<void>) {
  collectGarbage();
  const urls = ctx.sessionIds.map((id) => `${apiUrl}/api/v1/sessions/${id}/chats?limit=50`);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const latencies: number[] = [];
  let working = true;
  const load = (async () => {
    while (working) latencies.push(...(await loadTest(urls, apiKey, 2, 1000)).latencies);
  })();
  const turns = new LoopTurns();
  delay.enable();
  turns.start();
  const started = performance.now();
  await work();
  const elapsed = performance.now() - started;
  // The histogram records a block when its next timer fires late: let it fire before reading,
  // or work that never yields (one long synchronous stretch) would show no delay at all.
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.disable();
  const cpu = turns.stop();
  working = false;
  await load;
  return {
    ms: elapsed,
    loopMax: delay.max / 1e6,
    loopP99: delay.percentile(99) / 1e6,
    rest: stats(latencies),
    latencies,
    cpu,
  };
}
