import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What Node must read and compile before the server answers /health (issue #23 targets 2 and
 * 6, docs/PERFORMANCE.md "Session 14: start-up"). Baileys, WAProto and whatsapp-rust-bridge
 * are a 6 MB chunk of the build that no start should parse before it listens: the WhatsApp
 * layer loads with `import()` (src-main/wa/lazy-layer.ts). One static import of a value from
 * src-main/wa/ (other than the seam's Baileys-free modules) pulls it back in; import types, or
 * go through `lazyPort` / the session manager's layer. Walked in esbuild's metafile of the
 * shipped build (scripts/build-main.mjs), built in memory: dist/ is left alone.
 */
const root = path.resolve(__dirname, '..', '..');
const LAZY_ONLY = /node_modules\/(@whiskeysockets\/baileys|whatsapp-rust-bridge)\//;

interface EntryGraph {
  outputs: string[];
  inputs: string[];
}

const built = JSON.parse(
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-main.mjs'), '--static-inputs'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  }),
) as { entries: Record<'server' | 'electron/main', EntryGraph>; all: string[] };

describe("the server's start reads no WhatsApp library", () => {
  it('walks the entry through the app (the walk itself works)', () => {
    const { inputs } = built.entries.server;
    expect(inputs).toContain('src-main/server.ts');
    expect(inputs).toContain('src-main/app/container.ts');
    expect(inputs).toContain('src-main/wa/session-manager.ts');
    expect(inputs.some((input) => input.includes('node_modules/koa/'))).toBe(true);
  });

  it('still bundles Baileys, in a chunk loaded with import()', () => {
    expect(built.all.filter((input) => LAZY_ONLY.test(input)).length).toBeGreaterThan(10);
    expect(built.all).toContain('src-main/wa/layer.ts');
  });

  for (const entry of ['server', 'electron/main'] as const) {
    it(`${entry}: no static import reaches Baileys or whatsapp-rust-bridge`, () => {
      expect(built.entries[entry].inputs.filter((input) => LAZY_ONLY.test(input))).toEqual([]);
      // The lazily loaded side of wa/ stays out too (its modules import Baileys).
      expect(built.entries[entry].inputs).not.toContain('src-main/wa/layer.ts');
      expect(built.entries[entry].inputs).not.toContain('src-main/wa/session-runner.ts');
    });
  }
}, 120_000);
