import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { History, historySpec } from './generate.js';
import { RawIngest } from './baseline.js';
const [base, sync, n] = [process.argv[2]!, process.argv[3]!, Number(process.argv[4] ?? 100000)];
const dir = mkdtempSync(path.join(base, 'raw-'));
const h = new History(historySpec(n / 1e6));
const raw = new RawIngest(path.join(dir, 'r.db'));
raw.db.pragma(`synchronous = NORMAL`); for (const p of sync.split(",")) if (p) raw.db.pragma(p);
let ms = 0;
const t0 = performance.now();
for (const b of h.batches(0, n)) { const t = performance.now(); raw.ingest('shop', b.records); ms += performance.now() - t; }
console.log(base, sync, 'ingest ms', ms.toFixed(0), 'wall', (performance.now() - t0).toFixed(0), 'rate', (n / ms * 1000).toFixed(0));
