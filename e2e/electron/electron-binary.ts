import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ELECTRON_PACKAGE = path.join(ROOT, 'node_modules', 'electron');

/**
 * The Electron binary path, or null when the npm package never downloaded it. Read from
 * path.txt instead of `require('electron')`, which would try to download it right now.
 */
export function electronBinary(): string | null {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
    return existsSync(binary) ? binary : null;
  }
  const pathFile = path.join(ELECTRON_PACKAGE, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(ELECTRON_PACKAGE, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export const SKIP_REASON =
  'Electron binary not present: the electron npm package downloads it on first launch, and this machine has no ' +
  'internet access. The desktop window is NOT tested here; the electron project runs where the binary exists.';
