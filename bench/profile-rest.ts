/**
 * `npx tsx bench/profile-rest.ts [seconds] [out.cpuprofile | -]`
 *
 * A small driver for profiling one REST request type: a core on a small generated history
 * (10k messages, 1,000 chats, tagged as the bench's are), then the chat-list load of case 6 for
 * a few seconds. The load comes from a worker thread, and the CPU profile (open it in Chrome
 * DevTools) covers only the load, so it is the server's work per request. It also prints the
 * server's CPU per request (its main thread's, `thread-time.ts`): the figure to compare two builds
 * by on a busy machine. `-` instead of a file: no profiler (which costs CPU of its own), the CPU figure only.
 */
import type { Database } from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src-main/app/container.js';
import { loadConfig } from '../src-main/core/config.js';
import { loadTest } from './cases/rest.js';
import { threadCpuMs } from './thread-time.js';
import { History, historySpec } from './generate.js';
import { openRateLimits } from './open-limits.js';

const API_KEY = 'bench-admin-key-0123456789';

/**
 * The tags case 6 finds on its pages (about 40 % of a page's chats): case 10 puts one on every
 * tenth chat and the filter case a common one on 30 % of them, before case 6 in a whole run and
 * kept in a `--data` dir. Written directly, as those cases do for their bulk tags.
 */
function tagAsTheBench(sqlite: Database): void {
  sqlite
    .prepare(
      `INSERT INTO tags (id, name, color, created_at)
       VALUES ('tag_bench', 'Bench', '#f00', 0), ('tag_common', 'Bench common', '#00aa00', 0)`,
    )
    .run();
  sqlite
    .prepare(
      `INSERT INTO chat_tags (session_id, chat_jid, tag_id, added_by, added_at)
       SELECT session_id, jid, 'tag_bench', '{}', 0 FROM chats WHERE kind = 'user' AND rowid % 10 = 0`,
    )
    .run();
  sqlite
    .prepare(
      `INSERT INTO chat_tags (session_id, chat_jid, tag_id, added_by, added_at)
       SELECT session_id, jid, 'tag_common', 'admin', 1 FROM chats WHERE rowid % 10 IN (0, 1, 4, 7)`,
    )
    .run();
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 8);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'chatdock-profile-'));
  const core = createCore(
    loadConfig({
      CHATDOCK_DATA_DIR: path.join(workDir, 'data'),
      CHATDOCK_PORT: '0',
      CHATDOCK_API_KEY: API_KEY,
      CHATDOCK_LOG_LEVEL: 'warn',
    }),
  );
  await core.start();
  openRateLimits(core);
  const history = new History(historySpec(0.01));
  const sessionIds = history.spec.sessions.map(
    (id) => core.services.sessions.create({ id, name: id }).session.id,
  );
  for (const batch of history.batches(0, history.spec.messages)) {
    core.services.messaging.store.ingest(sessionIds[batch.session] as string, batch.records, 'history');
  }
  // The background fold of the new history into the reports, done before the profile (as in the
  // bench, where case 10 has done it before case 6).
  while (core.services.reports.folding.tick() > 0) await new Promise((resolve) => setImmediate(resolve));
  tagAsTheBench(core.db.$client);
  const apiUrl = `http://127.0.0.1:${core.runtime().port}`;
  const urls = sessionIds.map((id) => `${apiUrl}/api/v1/sessions/${id}/chats?limit=50`);
  await loadTest(urls, API_KEY, 8, 1000); // warm up
  const out = process.argv[3] ?? path.join(os.tmpdir(), 'chatdock-rest.cpuprofile');
  const inspector = out === '-' ? null : new Session();
  if (inspector) {
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
  }
  // What the main thread spends with no request (the core's timers, the sessions' reconnects):
  // taken out of the per-request figure, or a build that serves more requests a second would
  // look cheaper per request by spreading the same background over more of them.
  const idleMs = 3000;
  const idleStart = threadCpuMs();
  const idleWall = performance.now();
  await new Promise((resolve) => setTimeout(resolve, idleMs));
  const idleRate = (threadCpuMs() - idleStart) / (performance.now() - idleWall);
  const cpu = threadCpuMs();
  const result = await loadTest(urls, API_KEY, 8, seconds * 1000);
  const loadCpu = threadCpuMs() - cpu;
  const cpuPerRequest = (loadCpu - idleRate * result.elapsedMs) / Math.max(1, result.done);
  if (inspector) {
    const { profile } = await inspector.post('Profiler.stop');
    writeFileSync(out, JSON.stringify(profile));
    inspector.disconnect();
  }
  process.stdout.write(
    `${Math.round((result.done / result.elapsedMs) * 1000)} req/s, ${result.errors} errors over ${seconds} s; ` +
      `server CPU ${Math.round(cpuPerRequest * 1000)} µs per request ` +
      `(${Math.round((loadCpu / Math.max(1, result.done)) * 1000)} µs before taking out ` +
      `${(idleRate * 1000).toFixed(0)} ms/s of idle CPU)` +
      `${inspector ? ` (profiler on); profile in ${out}` : ''}\n`,
  );
  await core.stop();
  rmSync(workDir, { recursive: true, force: true });
}

void main();
