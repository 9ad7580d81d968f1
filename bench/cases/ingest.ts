/**
 * Case 1: history ingest through `MessageStore.ingest(…, 'history')` in the app's slices of
 * 500, against raw better-sqlite3 inserting the same rows in transactions of the same size.
 * Generating the whole history is this case: every message goes through the app's path.
 */
import path from 'node:path';
import type { Core } from '../../src-main/core/container.js';
import { RawIngest } from '../baseline.js';
import type { History } from '../generate.js';
import { fmtRate, stats, yieldToLoop } from '../measure.js';
import { rateRatio, ms, type Row } from '../report.js';

export interface IngestResult {
  /** ms per batch and messages per batch, in order. */
  batches: { ms: number; count: number; endIndex: number }[];
  totalMs: number;
  setupMs: number;
}

/** Contacts and group names (history sync delivers them first), then every message. */
export async function generateThroughApp(
  core: Core,
  history: History,
  sessionIds: readonly string[],
  log: (line: string) => void,
): Promise<IngestResult> {
  const { messaging } = core.services;
  const setupStarted = performance.now();
  for (let session = 0; session < sessionIds.length; session += 1) {
    const sessionId = sessionIds[session] as string;
    messaging.contacts.upsert(sessionId, history.contacts(session));
    messaging.chats.applyMeta(
      sessionId,
      history.groupNames(session).map((group) => ({
        jid: group.jid,
        name: group.name,
        archived: null,
        pinnedAt: null,
        mutedUntil: null,
        unreadCount: null,
      })),
    );
  }
  const setupMs = performance.now() - setupStarted;
  const batches: IngestResult['batches'] = [];
  let done = 0;
  let nextReport = 100_000;
  const total = history.spec.messages;
  const started = performance.now();
  let lastYield = started;
  // Generated in chunks so the generator's own time stays outside the timings.
  const CHUNK = 20_000;
  for (let from = 0; from < total; from += CHUNK) {
    const to = Math.min(total, from + CHUNK);
    for (const batch of history.batches(from, to)) {
      const before = performance.now();
      messaging.store.ingest(sessionIds[batch.session] as string, batch.records, 'history');
      const after = performance.now();
      done += batch.records.length;
      batches.push({ ms: after - before, count: batch.records.length, endIndex: from + done });
      // The app yields between slices; so do we (now and then, to keep the bench honest but quick).
      if (after - lastYield > 50) {
        await yieldToLoop();
        lastYield = performance.now();
      }
    }
    if (to >= nextReport || to === total) {
      const spent = batches.reduce((sum, b) => sum + b.ms, 0);
      log(
        `  generated ${to.toLocaleString('en')} messages (${fmtRate((to / spent) * 1000, 'msg')} in ingest)`,
      );
      nextReport += 100_000 * Math.max(1, Math.round(total / 1_000_000));
    }
  }
  return { batches, totalMs: batches.reduce((sum, b) => sum + b.ms, 0), setupMs };
}

/** The same rows, same batches, into a plain better-sqlite3 database. */
export function rawIngest(history: History, sessionIds: readonly string[], dir: string, upTo: number) {
  const raw = new RawIngest(path.join(dir, 'raw-ingest.db'));
  const batches: { ms: number; count: number }[] = [];
  const CHUNK = 20_000;
  for (let from = 0; from < upTo; from += CHUNK) {
    for (const batch of history.batches(from, Math.min(upTo, from + CHUNK))) {
      const before = performance.now();
      raw.ingest(sessionIds[batch.session] as string, batch.records);
      batches.push({ ms: performance.now() - before, count: batch.records.length });
    }
  }
  raw.close();
  return batches;
}

export function ingestRows(app: IngestResult, raw: { ms: number; count: number }[], slice: number): Row[] {
  // Compare on the same slice of the history (the first `slice` messages).
  const appSlice = app.batches.filter((b) => b.endIndex <= slice);
  const rate = (list: { ms: number; count: number }[]) =>
    (list.reduce((sum, b) => sum + b.count, 0) / list.reduce((sum, b) => sum + b.ms, 0)) * 1000;
  const appRate = rate(appSlice);
  const rawRate = rate(raw);
  const appBatch = stats(appSlice.map((b) => b.ms));
  const rawBatch = stats(raw.map((b) => b.ms));
  const fullRate = rate(app.batches);
  return [
    {
      case: '1 ingest (history, batches of 500)',
      what: `first ${slice.toLocaleString('en')} msgs`,
      median: fmtRate(appRate, 'msg'),
      p95: `${ms(appBatch.p95)}/batch`,
      raw: `${fmtRate(rawRate, 'msg')}; ${ms(rawBatch.median)} / ${ms(rawBatch.p95)}/batch`,
      ratio: rateRatio(appRate, rawRate),
      target: '≥ 0.5× raw',
      met: appRate / rawRate >= 0.5,
      note: `whole history: ${app.batches.reduce((s, b) => s + b.count, 0).toLocaleString('en')} messages in ${(app.totalMs / 1000).toFixed(1)} s of ingest (${fmtRate(fullRate, 'msg')}), median batch ${ms(stats(app.batches.map((b) => b.ms)).median)}`,
    },
  ];
}
