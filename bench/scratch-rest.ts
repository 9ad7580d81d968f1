import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src-main/core/config.js';
import { createCore } from '../src-main/core/container.js';
import { History, historySpec } from './generate.js';
const dir = mkdtempSync(path.join(os.tmpdir(), 'chatdock-rest-'));
const core = createCore(loadConfig({ CHATDOCK_DATA_DIR: dir, CHATDOCK_PORT: '0', CHATDOCK_API_KEY: 'bench-key-0123456789', CHATDOCK_LOG_LEVEL: 'warn' }));
await core.start();
const h = new History(historySpec(0.01));
for (const id of h.spec.sessions) core.services.sessions.create({ id, name: id });
for (const b of h.batches(0, 10000)) core.services.messaging.store.ingest(h.spec.sessions[b.session]!, b.records, 'history');
const url = `http://127.0.0.1:${core.runtime().port}`;
for (const p of ['/api/v1/health', '/api/v1/sessions', '/api/v1/sessions/shop/chats?limit=50', '/api/v1/sessions/shop/chats?limit=1']) {
  const t = performance.now();
  for (let i = 0; i < 300; i++) { const r = await fetch(url + p, { headers: { authorization: 'Bearer bench-key-0123456789' } }); await r.arrayBuffer(); if (!r.ok) throw new Error(p + r.status); }
  console.log(p, ((performance.now() - t) / 300).toFixed(2), 'ms');
}
let t = performance.now();
for (let i = 0; i < 300; i++) core.services.messaging.chats.list({ sessionId: 'shop', limit: 50 });
console.log('service', ((performance.now() - t) / 300).toFixed(2));
await core.stop();
