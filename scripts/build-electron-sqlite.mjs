// Builds better-sqlite3 for the installed Electron, beside Node's build instead of over it, so
// one checkout can run the Node tests and the Electron spec in the same `npm test`. The core
// loads this file when it runs inside Electron (src-main/db/native-binding.ts).
//
// Needs what any native rebuild for Electron needs: the Electron headers (or a prebuilt addon)
// from the internet, once. Usage: node scripts/build-electron-sqlite.mjs (prints the file).
import { execSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const electronVersion = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
// The ABI the Electron package ships with (the same number process.versions.modules has in it).
const abi = readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim();
const cacheDir = path.join(root, 'node_modules', '.chatdock');
// Keep in step with electronAddonFile() in src-main/db/native-binding.ts.
const target = path.join(cacheDir, `better_sqlite3-electron-abi${abi}.node`);
const sqliteDir = path.join(root, 'node_modules', 'better-sqlite3');

const upToDate =
  existsSync(target) && statSync(target).mtimeMs >= statSync(path.join(sqliteDir, 'package.json')).mtimeMs;
if (!upToDate) {
  // A copy of the package inside node_modules (so its build tools resolve), built for Electron.
  const work = path.join(cacheDir, 'build', 'better-sqlite3');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(path.dirname(work), { recursive: true });
  cpSync(sqliteDir, work, {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}build${path.sep}`),
  });
  process.stdout.write(`Building better-sqlite3 for Electron ${electronVersion} (ABI ${abi})…\n`);
  execSync('npm run install', {
    cwd: work,
    stdio: 'inherit',
    env: {
      ...process.env,
      npm_config_runtime: 'electron',
      npm_config_target: electronVersion,
      npm_config_disturl: 'https://electronjs.org/headers',
    },
  });
  copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  rmSync(work, { recursive: true, force: true });
}
process.stdout.write(`${target}\n`);
