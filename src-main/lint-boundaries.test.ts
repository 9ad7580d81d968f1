import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { appRoot } from './core/paths.js';

const eslint = new ESLint({ cwd: appRoot() });

/** The restricted-import messages ESLint reports for `code` placed at `file`. */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(appRoot(), file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries are enforced by lint', () => {
  it("refuses 'electron' outside src-main/electron/", async () => {
    const code = "import { app } from 'electron';\nexport const name = app.name;\n";
    expect(await boundaryErrors('src-main/core/example.ts', code)).toEqual([
      expect.stringContaining("'electron' may only be imported in src-main/electron/"),
    ]);
    expect(await boundaryErrors('src-main/electron/example.ts', code)).toEqual([]);
  });

  it('refuses Baileys outside src-main/wa/', async () => {
    const code = "import { proto } from '@whiskeysockets/baileys';\nexport const p = proto;\n";
    expect(await boundaryErrors('src-main/services/example.ts', code)).toHaveLength(1);
    expect(await boundaryErrors('src-main/wa/example.ts', code)).toEqual([]);
  });

  it('refuses Node built-ins in shared and renderer code', async () => {
    const code =
      "import { readFileSync } from 'node:fs';\nimport path from 'path';\nexport const x = [readFileSync, path];\n";
    expect(await boundaryErrors('src-shared/example.ts', code)).toHaveLength(2);
    expect(await boundaryErrors('src-renderer/example.ts', code)).toHaveLength(2);
    expect(await boundaryErrors('src-main/core/example.ts', code)).toEqual([]);
  });

  it('refuses focused tests (.only) anywhere, Vitest or Playwright', async () => {
    const focused = async (file: string, code: string) => {
      const [result] = await eslint.lintText(code, { filePath: path.join(appRoot(), file) });
      return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').length;
    };
    const vitest =
      "import { describe, it } from 'vitest';\ndescribe.only('a', () => { it.only('b', () => {}); });\n";
    expect(await focused('src-main/core/example.test.ts', vitest)).toBe(2);
    const playwright =
      "import { test } from '@playwright/test';\ntest.only('a', () => {});\ntest.describe.only('b', () => {});\n";
    expect(await focused('e2e/specs/example.spec.ts', playwright)).toBe(2);
    expect(
      await focused(
        'src-renderer/example.test.tsx',
        "import { it } from 'vitest';\nit.only('a', () => {});\n",
      ),
    ).toBe(1);
    const unfocused =
      "import { test } from '@playwright/test';\ntest.skip('a', () => {});\ntest('b', () => {});\n";
    expect(await focused('e2e/specs/example.spec.ts', unfocused)).toBe(0);
  });
});
