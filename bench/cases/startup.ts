/**
 * Cases 8 and 9: the headless server (`npm run serve`'s built JavaScript) started on the
 * generated database, timed from spawn to the first 200 of /api/v1/health; then a few queries
 * and its resident memory (VmRSS). Raw: a node process that opens the same file with
 * better-sqlite3 and runs the same queries.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BenchContext } from '../context.js';
import { stats } from '../measure.js';
import { ms, timeRatio, type Row } from '../report.js';
import { ROOT, serverEntry, startBuiltServer } from './built-server.js';
import { closeConnections, restGet } from './rest.js';

async function rssKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

const RAW_PROCESS = `
const Database = require(process.argv[1]);
const db = new Database(process.argv[2], { readonly: true });
for (const session of ['shop', 'support', 'sales'])
  db.prepare('SELECT * FROM chats WHERE session_id = ? ORDER BY coalesce(last_message_at, 0) DESC, jid DESC LIMIT 50').all(session);
db.prepare("SELECT m.* FROM (SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'order' ORDER BY rowid DESC LIMIT 50) h JOIN messages m ON m.row_id = h.rowid").all();
const rss = require('node:fs').readFileSync('/proc/self/status', 'utf8').match(/VmRSS:\\s+(\\d+)/)[1];
process.stdout.write('ready ' + rss + '\\n');
`;

function rawProcess(dbFile: string): Promise<{ readyMs: number; rssKb: number }> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['-e', RAW_PROCESS, path.join(ROOT, 'node_modules', 'better-sqlite3'), dbFile],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready (\d+)/.exec(output);
      if (match) resolve({ readyMs: performance.now() - started, rssKb: Number(match[1]) });
    });
    child.once('exit', (code) => (code ? reject(new Error(`raw process failed (${code})`)) : undefined));
  });
}

export async function startupCase(ctx: BenchContext, apiKey: string): Promise<Row[]> {
  const entry = serverEntry(ctx.workDir, ctx.log);
  const dbFile = path.join(ctx.dataDir, 'chatdock.db');
  const dbMb = statSync(dbFile).size / 1024 / 1024;
  const runs = ctx.quick ? 2 : 4;
  const ready: number[] = [];
  const rawRuns: { readyMs: number; rssKb: number }[] = [];
  let rss = NaN;
  // App and raw starts interleaved, so a change in the machine's load hits both alike.
  for (let run = 0; run < runs; run += 1) {
    rawRuns.push(await rawProcess(dbFile));
    const server = await startBuiltServer({ entry, dataDir: ctx.dataDir, apiKey });
    ready.push(server.readyMs);
    if (run === runs - 1) {
      // A few queries, as the UI makes on opening: chat lists, a conversation, searches.
      for (const session of ctx.sessionIds)
        await restGet(server.url, apiKey, `/api/v1/sessions/${session}/chats?limit=50`);
      await restGet(server.url, apiKey, `/api/v1/chats?limit=50`);
      const { record, session } = ctx.history.message(12345);
      await restGet(
        server.url,
        apiKey,
        `/api/v1/sessions/${ctx.sessionIds[session]}/chats/${encodeURIComponent(record.chatJid)}/messages?limit=50`,
      );
      for (const q of ['order', 'deliv*', '"opening hours"', 'משלוח'])
        await restGet(server.url, apiKey, `/api/v1/search?q=${encodeURIComponent(q)}&limit=50`);
      await sleep(200);
      rss = (await rssKb(server.child.pid as number)) / 1024;
    }
    closeConnections();
    await server.stop();
  }
  const app = stats(ready);
  const base = stats(rawRuns.map((run) => run.readyMs));
  const rawRss = (rawRuns[rawRuns.length - 1]?.rssKb ?? NaN) / 1024;
  return [
    {
      case: '8 headless start-up',
      what: `spawn → /health 200 (${Math.round(dbMb)} MB db)`,
      median: ms(app.median),
      p95: `max ${ms(Math.max(...ready))}`,
      raw: `${ms(base.median)} (node + open db + 4 queries)`,
      ratio: timeRatio(app.median, base.median),
      target: '< 1.5 s',
      met: app.median < 1500,
      note: `${runs} starts of ${path.relative(ROOT, entry).startsWith('..') ? 'a fresh build of the current sources' : path.relative(ROOT, entry)}`,
    },
    {
      case: '9 memory (RSS)',
      what: 'headless core after queries',
      median: `${rss.toFixed(0)} MB`,
      p95: '',
      raw: `${rawRss.toFixed(0)} MB (node + better-sqlite3)`,
      ratio: timeRatio(rss, rawRss),
      target: '< 250 MB',
      met: rss < 250,
    },
  ];
}
