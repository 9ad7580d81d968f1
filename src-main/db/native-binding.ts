import { existsSync } from 'node:fs';
import path from 'node:path';
import { appRoot } from '../core/paths.js';

/**
 * better-sqlite3 is a native addon, built for one runtime's ABI: Node 20's (115) for
 * `npm run serve` and the tests, Electron 45's (its own) for the desktop app. One checkout runs
 * both in a single `npm test` where Electron exists, so the Electron build is kept beside
 * Node's instead of replacing it (`scripts/build-electron-sqlite.mjs` makes it), and the core
 * picks the one for the runtime it is in. A packaged app has only Electron's build, in the
 * package's default place (electron-builder rebuilds it), and no such file: the default is used.
 */
export function electronAddonFile(abi: string, root = appRoot()): string {
  return path.join(root, 'node_modules', '.chatdock', `better_sqlite3-electron-abi${abi}.node`);
}

/** The addon file to load in this runtime, or undefined for better-sqlite3's default. */
export function sqliteNativeBinding(
  versions: NodeJS.ProcessVersions = process.versions,
  exists: (file: string) => boolean = existsSync,
  root?: string,
): string | undefined {
  if (!versions.electron) return undefined;
  const file = electronAddonFile(versions.modules, root);
  return exists(file) ? file : undefined;
}
