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

/** What the layer-boundaries rule reports for `code` placed at `file`. */
async function layerMessages(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(appRoot(), file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'chatdock/layer-boundaries');
}
const importing = (spec: string) => `import { x } from '${spec}';\nexport const y = x;\n`;

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

  describe('the layer table of docs/ARCHITECTURE.md, on resolved paths', () => {
    const layerErrors = async (file: string, code: string) => (await layerMessages(file, code)).length;
    const probes: [file: string, spec: string, refused: boolean][] = [
      // The probes of the architecture review, each of which passed lint before.
      ['src-main/services/messages/example.ts', '../../api/server.js', true],
      ['src-main/wa/example.ts', '../services/messages/send-service.js', true],
      ['src-renderer/stores/example.ts', '../../src-main/services/sessions/sessions.js', true],
      ['src-shared/example.ts', '../src-main/core/ids.js', true],
      ['src-main/services/example/example.ts', '../../../testkit/wa-emulator/index.js', true],
      // The ground floor imports nothing above it; the composition root is only imported by shells.
      ['src-main/core/example.ts', '../services/settings/settings.js', true],
      ['src-main/core/example.ts', '../db/connection.js', true],
      ['src-main/db/example.ts', '../services/messages/message-store.js', true],
      ['src-main/rpc/example.ts', '../api/server.js', true],
      ['src-main/services/example/example.ts', '../../app/container.js', true],
      ['src-main/electron/example.ts', '../services/access/principal.js', true],
      ['src-main/api/example.ts', '../../testkit/support/test-core.js', true],
      // Odd spellings land in the same place and are judged the same.
      ['src-main/services/messages/example.ts', './../../api/./server.js', true],
      // What the table allows.
      ['src-main/api/example.ts', '../services/sessions/sessions.js', false],
      ['src-main/rpc/example.ts', '../services/index.js', false],
      ['src-main/app/example.ts', '../api/server.js', false],
      ['src-main/electron/example.ts', '../app/container.js', false],
      ['src-main/db/example.ts', '../core/paths.js', false],
      ['src-renderer/stores/example.ts', '../../src-shared/contract.js', false],
      // Tests are not product code: an integration test boots the app and uses the test kit.
      ['src-main/services/example/example.test.ts', '../../../testkit/support/test-core.js', false],
      ['src-main/db/example.test.ts', '../services/messages/history-queries.js', false],
    ];
    it.each(probes)('%s importing %s: refused %s', async (file, spec, refused) => {
      expect(await layerErrors(file, importing(spec))).toBe(refused ? 1 : 0);
    });

    it('keeps wa free of services, types included (the services name wa’s domain types, not back)', async () => {
      const file = 'src-main/wa/example.ts';
      const spec = '../services/messages/media-input.js';
      expect(await layerErrors(file, `import type { X } from '${spec}';\nexport type Y = X;\n`)).toBe(1);
      expect(await layerErrors(file, `export * from '${spec}';\n`)).toBe(1);
      expect(
        await layerErrors('src-main/services/messages/example.ts', importing('../../wa/outgoing.js')),
      ).toBe(0);
    });

    it('judges dynamic imports too', async () => {
      const code = "export const load = () => import('../../api/server.js');\n";
      expect(await layerErrors('src-main/services/messages/example.ts', code)).toBe(1);
    });
  });

  describe('a route file is an adapter: it imports no service but the Services type', () => {
    const routeErrors = layerMessages;
    const probes: [file: string, spec: string, refused: boolean][] = [
      // Policy and services belong to the operation, not the route.
      ['src-main/api/routes/example.ts', '../../services/access/authorizer.js', true],
      ['src-main/api/routes/example.ts', '../../services/schedule/opt-outs.js', true],
      ['src-main/api/routes/example.ts', './../../services/./people/users.js', true],
      ['src-main/api/routes/__nested__/example.ts', '../../../services/access/authorizer.js', true],
      // The Services type the adapters receive, the operations and the adapter itself.
      ['src-main/api/routes/example.ts', '../../services/index.js', false],
      ['src-main/api/routes/example.ts', '../../rpc/schedule-handlers.js', false],
      ['src-main/api/routes/example.ts', '../operation-route.js', false],
      // Files on the allow-lists of scripts/lint/route-adapters.js, tests, and the rest of api/.
      ['src-main/api/routes/auth.ts', '../../services/people/tokens.js', false],
      ['src-main/api/routes/message-tags.ts', '../../services/access/authorizer.js', false],
      // Converted (issue #19): no longer an exception.
      ['src-main/api/routes/groups.ts', '../../services/access/authorizer.js', true],
      ['src-main/api/routes/example.test.ts', '../../services/access/authorizer.js', false],
      ['src-main/api/example.ts', '../services/access/authorizer.js', false],
    ];
    it.each(probes)('%s importing %s: refused %s', async (file, spec, refused) => {
      const errors = await routeErrors(file, importing(spec));
      expect(errors.map((error) => error.messageId)).toEqual(refused ? ['routeToService'] : []);
    });

    it('holds for type-only imports and re-exports too', async () => {
      const file = 'src-main/api/routes/example.ts';
      const spec = '../../services/access/principal.js';
      expect(await routeErrors(file, `import type { X } from '${spec}';\nexport type Y = X;\n`)).toHaveLength(
        1,
      );
      expect(await routeErrors(file, `export * from '${spec}';\n`)).toHaveLength(1);
    });
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
