/**
 * Crash safety of the webhook outbox, with the real server process: deliveries pending while
 * the receiver is down survive a SIGKILL and all arrive after the restart, in order per key.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CreatedWebhook, WebhookDeliveryList } from '../../../src-shared/contract/webhooks.js';
import { startReceiver, uniqueIds, type WebhookReceiver } from '../../../testkit/support/webhook-receiver.js';
import { listeningUrl } from '../../../testkit/support/listening-url.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const KEY = 'restart-test-admin-key-0123456789';

interface App {
  url: string;
  child: ChildProcess;
}

let dataDir: string;
let receiver: WebhookReceiver;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'chatdock-restart-'));
  receiver = await startReceiver();
});

afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await receiver.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** `node --import tsx src-main/server.ts` on a free port with the test's data dir. */
async function startApp(): Promise<App> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      CHATDOCK_DATA_DIR: dataDir,
      CHATDOCK_PORT: '0',
      CHATDOCK_API_KEY: KEY,
      CHATDOCK_LOG_LEVEL: 'warn',
      CHATDOCK_LOG_FORMAT: 'json',
      CHATDOCK_WEBHOOK_RETRY_BASE_MS: '50',
      CHATDOCK_WEBHOOK_RETRY_MAX_MS: '250',
      CHATDOCK_WEBHOOK_MAX_ATTEMPTS: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const url = await listeningUrl(child, 'the app');
  return { url, child };
}

function api(app: App, pathname: string, init: { method?: string; json?: unknown } = {}) {
  return fetch(app.url + pathname, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  });
}

it(
  'delivers every listed event after a SIGKILL between attempts, in order per key',
  { timeout: 90_000 },
  async () => {
    const first = await startApp();
    const created = await api(first, '/api/v1/webhooks', { method: 'POST', json: { url: receiver.url } });
    expect(created.status).toBe(201);
    const { webhook, secret } = (await created.json()) as CreatedWebhook;

    receiver.answerWith('down');
    for (const id of ['alpha', 'beta']) {
      expect((await api(first, '/api/v1/sessions', { method: 'POST', json: { id } })).status).toBe(201);
    }
    for (let round = 1; round <= 5; round += 1) {
      for (const id of ['alpha', 'beta']) {
        await api(first, `/api/v1/sessions/${id}`, { method: 'PATCH', json: { name: `${id} ${round}` } });
      }
      await api(first, '/rpc/settings.update', { method: 'POST', json: { lanAccess: round % 2 === 0 } });
    }
    // The receiver has been refusing for a while: every key has failed attempts behind it.
    await receiver.untilDropped(15, 30_000);

    const listed = (await (
      await api(first, `/api/v1/webhooks/${webhook.id}/deliveries?limit=200`)
    ).json()) as WebhookDeliveryList;
    expect(listed.items.length).toBe(2 + 10 + 5);
    expect(listed.items.every((item) => item.status === 'pending')).toBe(true);

    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await exited;

    receiver.answerWith({ status: 200, body: '' });
    const second = await startApp();
    await receiver.until((received) => uniqueIds(received).length >= listed.items.length, 30_000);

    const oldestFirst = [...listed.items].reverse();
    expect(new Set(uniqueIds(receiver.received))).toEqual(new Set(oldestFirst.map((item) => item.eventId)));
    for (const session of ['alpha', 'beta', null]) {
      const expected = oldestFirst.filter((item) => item.session === session).map((item) => item.eventId);
      const arrived = uniqueIds(receiver.received.filter((delivery) => delivery.json.session === session));
      expect(arrived).toEqual(expected);
    }
    const verifier = new Webhook(secret);
    for (const delivery of receiver.received) {
      expect(verifier.verify(delivery.body, delivery.headers as Record<string, string>)).toEqual(
        delivery.json,
      );
    }

    await expect
      .poll(async () => {
        const after = (await (
          await api(second, `/api/v1/webhooks/${webhook.id}/deliveries?limit=200`)
        ).json()) as WebhookDeliveryList;
        return after.items.map((item) => item.status);
      })
      .toEqual(listed.items.map(() => 'succeeded'));

    const stopped = new Promise((resolve) => second.child.once('exit', resolve));
    second.child.kill('SIGTERM');
    await stopped;
  },
);
