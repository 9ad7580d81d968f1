import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Baileys downloads and uploads media over https; the local WhatsApp server uses a test-only CA.
// Node reads NODE_EXTRA_CA_CERTS at process start, so it is set here, before the test workers fork.
process.env.NODE_EXTRA_CA_CERTS ??= path.resolve(import.meta.dirname, 'e2e/wa-emulator/certs/ca.pem');

export default defineConfig({
  test: {
    include: [
      'src-main/**/*.test.ts',
      'src-shared/**/*.test.ts',
      'src-renderer/**/*.test.{ts,tsx}',
      'e2e/wa-emulator/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
