// Builds the app before `npm run serve` when the build is missing or older than the sources,
// so a fresh clone needs no separate build step and a built tree starts immediately.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outputs = ['dist/main/src-main/server.js', 'dist/web/index.html', 'dist/widget/widget.js'].map((file) =>
  path.join(root, file),
);
const sources = ['src-main', 'src-shared', 'src-renderer', 'package.json', 'vite.config.ts'];

function newestMtime(entry) {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

const built = outputs.every((file) => existsSync(file));
const oldestOutput = built ? Math.min(...outputs.map((file) => statSync(file).mtimeMs)) : 0;
const newestSource = Math.max(...sources.map((entry) => newestMtime(path.join(root, entry))));

if (!built || newestSource > oldestOutput) {
  process.stdout.write('Building Chatdock (sources changed since the last build)…\n');
  execSync('npm run build --silent', { cwd: root, stdio: 'inherit' });
}
