// better-sqlite3 is a native module built for one runtime at a time. Its default build is
// Node's (`npm start` keeps Electron's beside it, see scripts/build-electron-sqlite.mjs), but
// `npm run dist` (electron-builder) rebuilds it in place for Electron. Rebuild for Node when the
// installed build does not load here, so `npm run serve` and `npm test` need no manual step.
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

try {
  const Database = require('better-sqlite3');
  new Database(':memory:').close();
} catch (error) {
  if (!/NODE_MODULE_VERSION|was compiled against a different Node/.test(String(error?.message))) throw error;
  process.stdout.write('Rebuilding better-sqlite3 for Node (it was last built for Electron)…\n');
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
}
