import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { twemojiImages } from './scripts/vite-twemoji.mjs';

export default defineConfig({
  // Renderer modules import the list of emoji images (`virtual:twemoji-codes`).
  plugins: [twemojiImages()],
  test: {
    include: [
      'src-main/**/*.test.ts',
      'src-shared/**/*.test.ts',
      'src-renderer/**/*.test.{ts,tsx}',
      'testkit/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    // Baileys uploads and downloads media over https; the local WhatsApp server uses a test-only
    // CA. Node reads NODE_EXTRA_CA_CERTS only at process start, so it goes into the workers' env.
    env: { NODE_EXTRA_CA_CERTS: path.resolve(process.cwd(), 'testkit/wa-emulator/certs/ca.pem') },
    testTimeout: 30_000,
    // A test with live customers on the local WhatsApp server now and then waits its whole limit for
    // a message that never comes (seen since session 6 in automation, organize and receive tests,
    // a different one each run; under investigation with issue #27). On CI such a test gets one more
    // try, so that flake does not hide the rest; a test that fails twice still fails the run.
    retry: process.env.CI ? 1 : 0,
    hookTimeout: 60_000,
    pool: 'forks',
    // On CI (`.ci/run` sets CI=true) a committed `it.only` fails the run instead of skipping the rest.
    allowOnly: !process.env.CI,
  },
});
