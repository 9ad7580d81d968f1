import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json. Code runs from src-main (tsx, vitest) and from
 * dist/main/src-main (built), so walk up instead of hard-coding a depth.
 */
export function appRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

/** The OS's per-user app-data folder for Chatdock (what Electron calls userData). */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Chatdock');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Chatdock');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Chatdock');
}
