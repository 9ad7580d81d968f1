import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ELECTRON_PACKAGE = path.join(ROOT, 'node_modules', 'electron');

/**
 * The Electron binary path, or null when the npm package never downloaded it. Read from
 * path.txt instead of `require('electron')`, which would try to download it right now.
 */
function electronBinary(): string | null {
  const pathFile = path.join(ELECTRON_PACKAGE, 'path.txt');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
    return existsSync(binary) ? binary : null;
  }
  if (!existsSync(pathFile)) return null;
  const binary = path.join(ELECTRON_PACKAGE, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

test.skip(
  binary === null,
  'Electron binary not present: the electron npm package downloads it on first launch, and this machine has no ' +
    'internet access. The desktop window is NOT tested here; this spec runs where the binary exists.',
);

test('the desktop window boots the core and shows the inbox over IPC', async () => {
  const app = await electron.launch({
    executablePath: binary ?? undefined,
    args: [path.join(ROOT, 'dist', 'main', 'src-main', 'electron', 'main.js')],
    env: {
      ...process.env,
      CHATDOCK_PORT: '0',
      CHATDOCK_DATA_DIR: path.join(ROOT, 'test-results', 'electron-data'),
    },
  });
  const window = await app.firstWindow();
  await expect(window.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(window.getByRole('heading', { level: 1 })).toHaveText('Inbox');
  // The renderer is sandboxed: no Node in the page.
  expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  await app.close();
});
