import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoot } from './core/paths.js';

/**
 * Every file the shipped bundle (scripts/build-main.mjs, esbuild) is made of, relative to the
 * repository root: built in memory, dist/ is left alone.
 */
function bundledInputs(): string[] {
  const output = execFileSync(
    process.execPath,
    [path.join(appRoot(), 'scripts', 'build-main.mjs'), '--list-inputs'],
    { cwd: appRoot(), encoding: 'utf8' },
  );
  return JSON.parse(output) as string[];
}

describe('the shipped build', () => {
  it('bundles the app and none of the test-only code (the test kit: local WhatsApp server, test support, fuzzer)', () => {
    const files = bundledInputs();
    expect(files).toContain('src-main/server.ts');
    expect(files).toContain('src-main/electron/main.ts');
    expect(files).toContain('src-main/electron/preload.cts');
    expect(files.filter((file) => file.startsWith('e2e/') || file.startsWith('testkit/'))).toEqual([]);
    expect(files.filter((file) => /\.test\.[cm]?ts$/.test(file))).toEqual([]);
    // Native addons and Electron are loaded from node_modules at run time, never inlined.
    expect(files.filter((file) => /node_modules\/(better-sqlite3|electron)\//.test(file))).toEqual([]);
  }, 120_000);
});
