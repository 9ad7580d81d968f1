import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { Emulator } from '../../testkit/wa-emulator/index.js';
import { Customer } from '../../testkit/wa-emulator/customer.js';
import { InboxPage } from '../pages/inbox-page.js';
import { startWaServer } from '../support/wa-server.js';
import { electronBinary, ROOT, SKIP_REASON } from './electron-binary.js';

// better-sqlite3 for Electron is built by electron-sqlite.setup.ts (this project depends on it).
const binary = electronBinary();
test.skip(binary === null, SKIP_REASON);

const MAIN = path.join(ROOT, 'dist', 'main', 'src-main', 'electron', 'main.js');
const SHOP_PHONE = '972520000301';

let emulator: Emulator;
let env: Record<string, string>;
let app: ElectronApplication;
let page: Page;
let dataDir: string;
const customers: Customer[] = [];

test.beforeAll(async () => {
  ({ emulator, env } = await startWaServer());
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'chatdock-desktop-'));
  app = await electron.launch({ executablePath: binary ?? undefined, args: [MAIN], env: desktopEnv() });
  page = await app.firstWindow();
});

test.afterAll(async () => {
  await Promise.all(customers.map((customer) => customer.close()));
  await app?.close();
  await emulator?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function desktopEnv(): Record<string, string> {
  return {
    ...(process.env as Record<string, string>),
    ...env,
    CHATDOCK_PORT: '0',
    CHATDOCK_DATA_DIR: dataDir,
  };
}

/** One contract call from the page through the preload bridge: renderer → IPC → core → back. */
async function invoke<T>(operation: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([op, body]) => {
      type Answer = { ok: true; result: unknown } | { ok: false; error: unknown };
      const bridge = (
        globalThis as unknown as { chatdock: { invoke(o: string, i: unknown): Promise<Answer> } }
      ).chatdock;
      const answer = await bridge.invoke(op, body);
      if (!answer.ok) throw new Error(`${op}: ${JSON.stringify(answer.error)}`);
      return answer.result as T;
    },
    [operation, input] as const,
  );
}

test('the window links a number and answers a WhatsApp customer, all over IPC', async () => {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inbox');

  // Linking: calls over the bridge, the QR scanned by the "phone" on the local WhatsApp server.
  await invoke('sessions.create', { id: 'shop', name: 'Shop' });
  await invoke('sessions.connect', { id: 'shop' });
  let qr = '';
  await expect
    .poll(
      async () =>
        (qr =
          (await invoke<{ qr: string } | null>('sessions.qr', { id: 'shop' }).catch(() => null))?.qr ?? ''),
    )
    .not.toBe('');
  await emulator.scanQr(qr, SHOP_PHONE, 'Shop');
  await expect
    .poll(async () => (await invoke<{ id: string; status: string }[]>('sessions.list', {}))[0]?.status, {
      timeout: 30_000,
    })
    .toBe('connected');

  // The customer writes: the event reaches the window over IPC; the reply goes back through it.
  const dana = await Customer.create(emulator, { phone: '15550000009', name: 'Dana' });
  customers.push(dana);
  await dana.sendText(`${SHOP_PHONE}@s.whatsapp.net`, 'Is the shop open today?');
  const inbox = new InboxPage(page);
  const chat = inbox.chat(/Dana|\+15550000009/);
  await expect(chat.getByLabel('1 unread')).toBeVisible();
  await chat.click();
  await expect(inbox.bubble('Is the shop open today?')).toBeVisible();
  await inbox.send('Yes, until 8pm 🕗');
  await dana.waitForText('Yes, until 8pm 🕗');
});

test('the window is sandboxed, served from app:// under the CSP, and opens nothing else', async () => {
  // What the live window runs with. `getLastWebPreferences` is on every WebContents at run time,
  // though Electron's type definitions no longer list it.
  const preferences = await app.evaluate(({ BrowserWindow }) => {
    type Prefs = {
      sandbox?: boolean;
      contextIsolation?: boolean;
      nodeIntegration?: boolean;
      webSecurity?: boolean;
    };
    const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as
      { getLastWebPreferences?: () => Prefs | null } | undefined;
    const prefs = contents?.getLastWebPreferences?.() ?? null;
    return (
      prefs && {
        sandbox: prefs.sandbox,
        contextIsolation: prefs.contextIsolation,
        nodeIntegration: prefs.nodeIntegration,
        webSecurity: prefs.webSecurity,
      }
    );
  });
  expect(preferences).toEqual({
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webSecurity: true,
  });

  expect(page.url()).toMatch(/^app:\/\/chatdock\//);
  // No Node in the page: only the bridge.
  expect(
    await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((globalThis as unknown as { chatdock: object }).chatdock).sort(),
    })),
  ).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'subscribe'] });

  // The UI's CSP comes with the page, and it is enforced (no eval).
  const csp = await page.evaluate(
    async (url) => (await fetch(url)).headers.get('content-security-policy'),
    page.url(),
  );
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(
    await page.evaluate(() => {
      try {
        return String(globalThis.eval('1 + 1'));
      } catch (error) {
        return (error as Error).name;
      }
    }),
  ).toBe('EvalError');

  // No new windows (links open in the system browser instead).
  expect(
    await page.evaluate(
      () => (globalThis as unknown as { open(url: string): unknown }).open('http://127.0.0.1:9/') === null,
    ),
  ).toBe(true);
  expect(app.windows()).toHaveLength(1);
});

test('a second start hands over to the running app and exits', async () => {
  const second = spawn(binary as string, [MAIN], { env: desktopEnv(), stdio: 'ignore' });
  const [code] = (await once(second, 'exit')) as [number | null];
  expect(code).toBe(0);
  // The first one still runs, with its one window.
  expect(await invoke<unknown[]>('sessions.list', {})).toHaveLength(1);
  expect(app.windows()).toHaveLength(1);
});
