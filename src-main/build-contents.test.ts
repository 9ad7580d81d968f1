import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoot } from './core/paths.js';

/** Every source file the shipped build compiles, relative to the repository root. */
function builtSources(): string[] {
  const tsc = path.join(appRoot(), 'node_modules', 'typescript', 'bin', 'tsc');
  const output = execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--listFilesOnly'], {
    cwd: appRoot(),
    encoding: 'utf8',
  });
  return output
    .split('\n')
    .filter((line) => line.trim() && !line.includes('node_modules'))
    .map((file) => path.relative(appRoot(), file).split(path.sep).join('/'));
}

describe('the shipped build', () => {
  it('contains the app and none of the test-only code (the test kit: local WhatsApp server, test support, fuzzer)', () => {
    const files = builtSources();
    expect(files).toContain('src-main/server.ts');
    expect(files).toContain('src-main/electron/main.ts');
    expect(files.filter((file) => file.startsWith('e2e/') || file.startsWith('testkit/'))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.test.ts'))).toEqual([]);
  }, 60_000);
});
