/**
 * Builds the embeddable click-to-chat widget: src-renderer/widget/main.ts → dist/widget/widget.js,
 * one minified IIFE file (global `ChatdockWidget`). Run: `npx vite build --config vite.widget.config.ts`.
 * Fails the build when the gzipped file exceeds the 15 kB budget websites are promised.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const OUT_DIR = 'dist/widget';
const FILE_NAME = 'widget.js';
const GZIP_BUDGET_BYTES = 15 * 1024;

function gzipBudget(): Plugin {
  return {
    name: 'chatdock-widget-gzip-budget',
    apply: 'build',
    closeBundle() {
      const file = resolve(OUT_DIR, FILE_NAME);
      const source = readFileSync(file);
      const gzipped = gzipSync(source, { level: 9 }).length;
      const summary = `${FILE_NAME}: ${source.length} B minified, ${gzipped} B gzipped (budget ${GZIP_BUDGET_BYTES} B)`;
      if (gzipped > GZIP_BUDGET_BYTES) throw new Error(`Widget too large: ${summary}`);
      console.log(`\n${summary}`);
    },
  };
}

export default defineConfig({
  publicDir: false,
  plugins: [gzipBudget()],
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    // Websites' visitors use all sorts of browsers; es2019 still has everything the widget needs.
    target: 'es2019',
    minify: true,
    sourcemap: false,
    lib: {
      entry: resolve('src-renderer/widget/main.ts'),
      name: 'ChatdockWidget',
      formats: ['iife'],
      fileName: () => FILE_NAME,
    },
  },
});
