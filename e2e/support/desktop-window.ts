import { expect, type Page } from '@playwright/test';
import type { RunningApp } from './app-server.js';

/** The env that makes an app process open its test-only desktop bridge (core/config.ts). */
export const DESKTOP_BRIDGE_ENV = { CHATDOCK_TEST_DESKTOP_BRIDGE_PORT: '0' };

/** The bridge's address, from the line the app logs when it opens it. */
async function bridgeUrl(app: RunningApp): Promise<string> {
  const pattern = /test-only desktop bridge on (http:\/\/127\.0\.0\.1:\d+)/;
  await expect.poll(() => pattern.test(app.output()), { timeout: 30_000 }).toBe(true);
  return pattern.exec(app.output())![1]!;
}

/**
 * Opens the desktop window's renderer in this page, the way Electron would: Electron cannot run
 * here, so `window.chatdock` — the preload's bridge (src-main/electron/preload.cts) — is stood in
 * for by a script that forwards each call to the app's test-only loopback endpoint
 * (src-main/api/desktop-test-bridge.ts), which dispatches it as the IPC handler does: as the
 * desktop seat's principal, through the one authorizer. Events come as server-sent events.
 */
export async function openDesktopWindow(page: Page, app: RunningApp): Promise<void> {
  const base = await bridgeUrl(app);
  await page.addInitScript({ content: bridgeScript(base) });
  await page.goto(app.url);
}

/**
 * The stand-in for the preload's `window.chatdock` (src-shared/desktop-bridge.ts), as page code.
 * A `text/plain` call is a "simple" request: no CORS preflight before each one.
 */
function bridgeScript(base: string): string {
  return `(() => {
    const bridge = ${JSON.stringify(base)};
    window.chatdock = {
      invoke: (operation, input) =>
        fetch(bridge + '/invoke', {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify({ operation, input }),
        }).then((response) => response.json()),
      subscribe(listener) {
        const source = new EventSource(bridge + '/events');
        source.onmessage = (message) => listener(JSON.parse(message.data));
        return () => source.close();
      },
    };
  })();`;
}
