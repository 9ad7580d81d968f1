import { defineConfig } from '@playwright/test';

/**
 * e2e suites. The web suite drives the UI served by the headless core (`dist/`, built by
 * `npm run build`) in Debian's Chromium; browsers cannot be downloaded here.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Test "customers" download media from the local WhatsApp server over TLS signed by a test-only CA.
// Node reads NODE_EXTRA_CA_CERTS only at start, so set it here for the worker processes.
process.env.NODE_EXTRA_CA_CERTS = new URL('./testkit/wa-emulator/certs/ca.pem', import.meta.url).pathname;

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // On CI (`.ci/run` sets CI=true) a committed `test.only` fails the run instead of skipping the rest.
  forbidOnly: !!process.env.CI,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]]
    : 'list',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'web',
      testDir: './e2e/specs',
      use: {
        browserName: 'chromium',
        // The specs read English labels; the language specs choose their own locale.
        locale: 'en-US',
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    // Where the Electron binary exists: better-sqlite3 is built for Electron beside Node's build
    // first, so both projects run in one `npm test`; elsewhere both print why they are skipped.
    { name: 'electron-setup', testDir: './e2e/electron', testMatch: /electron-sqlite\.setup\.ts$/ },
    {
      name: 'electron',
      testDir: './e2e/electron',
      testMatch: /\.spec\.ts$/,
      dependencies: ['electron-setup'],
    },
  ],
});
