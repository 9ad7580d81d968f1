/**
 * `npx tsx bench/profile-webhooks.ts [events] [out.cpuprofile]`
 *
 * A small driver for profiling the webhook outbox's drain (case 7): a core with one webhook to a
 * local receiver (a worker thread), `events` message events recorded in one transaction, and a
 * CPU profile (open it in Chrome DevTools) of the drain alone, until every delivery is stored as
 * succeeded.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src-main/app/container.js';
import { loadConfig } from '../src-main/core/config.js';
import type { BenchContext } from './context.js';
import { History, historySpec } from './generate.js';
import { benchMessage, startWebhook, stopWebhook, waitForDrain } from './cases/webhooks.js';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 10_000);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'chatdock-profile-'));
  const core = createCore(
    loadConfig({
      CHATDOCK_DATA_DIR: path.join(workDir, 'data'),
      CHATDOCK_PORT: '0',
      CHATDOCK_API_KEY: 'bench-admin-key-0123456789',
      CHATDOCK_LOG_LEVEL: 'warn',
    }),
  );
  await core.start();
  const history = new History(historySpec(0.01));
  const sessionId = core.services.sessions.create({ id: 'bench', name: 'bench' }).session.id;
  const ctx = { core } as BenchContext;
  const webhook = await startWebhook(ctx);
  const messages = Array.from({ length: count }, (_, i) => benchMessage(history, sessionId, i));
  const inspector = new Session();
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.start');
  const { events } = core.services;
  events.transaction(() => {
    for (const message of messages) events.record('message.received', sessionId, message);
  });
  const committed = performance.now();
  await waitForDrain(ctx, 600_000);
  const drainMs = performance.now() - committed;
  const { profile } = await inspector.post('Profiler.stop');
  const out = process.argv[3] ?? path.join(os.tmpdir(), 'chatdock-webhooks.cpuprofile');
  writeFileSync(out, JSON.stringify(profile));
  inspector.disconnect();
  process.stdout.write(
    `${Math.round((count / drainMs) * 1000)} deliveries/s (${count} in ${Math.round(drainMs)} ms); profile in ${out}\n`,
  );
  await stopWebhook(webhook);
  await core.stop();
  rmSync(workDir, { recursive: true, force: true });
}

void main();
