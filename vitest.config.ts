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
    // No retries: a failing test fails the run. (Session 6's live-test hang, a deadlock in the
    // Baileys patch's key-transaction mutex, is fixed: docs/RELIABILITY.md, "Session 7".)
    hookTimeout: 60_000,
    // `expect.poll` waits for something the app does in the background (a delivery stored, a
    // campaign sent); Vitest's default of 1 s failed at CI-machine load. A poll that succeeds
    // returns at once, so the bound only matters when a test is failing.
    expect: { poll: { timeout: 15_000 } },
    pool: 'forks',
    // Vitest's default is one worker per core minus one: a single worker on a 2-core CI machine.
    // Most integration tests wait on sockets and timers (real Baileys against the local WhatsApp
    // server), so two workers overlap those waits; the whole suite passed this way at load ~20.
    maxWorkers: 2,
    // On CI (`.ci/run` sets CI=true) a committed `it.only` fails the run instead of skipping the rest.
    allowOnly: !process.env.CI,
  },
});
