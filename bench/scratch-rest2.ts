import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src-main/core/config.js';
import { createCore } from '../src-main/core/container.js';
import { History, historySpec } from './generate.js';
import { loadTest } from './cases/rest.js';
const dir = mkdtempSync(path.join(os.tmpdir(), 'chatdock-rest-'));
const core = createCore(loadConfig({ CHATDOCK_DATA_DIR: dir, CHATDOCK_PORT: '0', CHATDOCK_API_KEY: 'bench-key-0123456789', CHATDOCK_LOG_LEVEL: 'warn' }));
await core.start();
const h = new History(historySpec(0.02));
for (const id of h.spec.sessions) core.services.sessions.create({ id, name: id });
for (const b of h.batches(0, 20000)) core.services.messaging.store.ingest(h.spec.sessions[b.session]!, b.records, 'history');
const url = `http://127.0.0.1:${core.runtime().port}`;
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
const session = new Session(); session.connect();
await session.post('Profiler.enable'); await session.post('Profiler.start');
for (const p of ['/api/v1/health', '/api/v1/sessions/shop/chats?limit=50']) {
  const r = await loadTest([url + p], 'bench-key-0123456789', 8, 3000);
  console.log(p, (r.done / r.elapsedMs * 1000).toFixed(0), 'req/s');
}
const { profile } = await session.post('Profiler.stop');
writeFileSync('/tmp/prof/load.cpuprofile', JSON.stringify(profile));
await core.stop();
