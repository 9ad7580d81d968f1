import { test as base } from '@playwright/test';
import { startApp, type RunningApp } from './app-server.js';

/** `app`: a fresh headless Chatdock with its own data dir for each test. */
export const test = base.extend<{ app: RunningApp }>({
  app: async ({}, use) => {
    const app = await startApp();
    await use(app);
    await app.stop();
  },
});

export { expect } from '@playwright/test';
