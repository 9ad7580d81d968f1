// better-sqlite3 is a native module built for one runtime at a time: `npm start` rebuilds it for
// Electron, while `npm run serve` and `npm test` run under Node. Rebuild for Node when the
// installed build does not load here, so switching between the two needs no manual step.
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
