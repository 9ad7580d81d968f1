import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestCore } from '../../testkit/support/test-core.js';

const mode = (file: string) => statSync(file).mode & 0o777;

describe('a private data dir', () => {
  it.skipIf(process.platform === 'win32')(
    'is 0700 with its database and key secret 0600, also when an earlier version left them open',
    async () => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chatdock-private-'));
      chmodSync(dataDir, 0o755);
      mkdirSync(path.join(dataDir, 'media'), { mode: 0o755 });
      writeFileSync(path.join(dataDir, 'chatdock.db'), '');
      chmodSync(path.join(dataDir, 'chatdock.db'), 0o644);
      const app = await startTestCore({}, { dataDir });
      try {
        expect(mode(dataDir)).toBe(0o700);
        expect(mode(path.join(dataDir, 'media'))).toBe(0o700);
        expect(mode(path.join(dataDir, 'chatdock.db'))).toBe(0o600);
        expect(mode(path.join(dataDir, 'key-secret'))).toBe(0o600);
        // Files made later (the WAL, media) are owner-only too.
        await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop' } });
        expect(mode(path.join(dataDir, 'chatdock.db-wal'))).toBe(0o600);
      } finally {
        await app.stop();
      }
    },
  );
});
