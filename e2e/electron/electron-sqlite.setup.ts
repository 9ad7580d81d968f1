import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from '@playwright/test';
import { electronBinary, ROOT, SKIP_REASON } from './electron-binary.js';

// Runs before the desktop spec (the electron project depends on this one). The Node tests keep
// better-sqlite3's Node build; Electron gets its own beside it (src-main/db/native-binding.ts).
test('better-sqlite3 is built for Electron', () => {
  if (electronBinary() === null) {
    // In the console, not only in the HTML report: a green run must say what it did not test.
    process.stdout.write(`\n[electron] SKIPPED: ${SKIP_REASON}\n\n`);
    test.skip(true, SKIP_REASON);
    return;
  }
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-electron-sqlite.mjs')], {
    stdio: 'inherit',
    timeout: 10 * 60_000,
  });
});
