/**
 * The crash trial: the real server process (`src-main/server.ts`) linked to the local WhatsApp
 * server, a real Baileys customer writing to it steadily, an API client sending through it with
 * Idempotency-Keys (retrying until answered) and a signed webhook receiver — while the process
 * is killed with SIGKILL at random (seeded) moments and started again. At the end it counts what
 * was lost or duplicated. Used by `wa/crash-trial.test.ts` (a few kills) and `npm run trial`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Webhook } from 'standardwebhooks';
import type { BinaryNode } from '@whiskeysockets/baileys';
import { Customer, messageText } from '../wa-emulator/customer.js';
import { start } from '../wa-emulator/index.js';
import { startReceiver } from './webhook-receiver.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The checkout whose server is put on trial (another one, e.g. to measure before a change). */
const APP_DIR = process.env.CHATDOCK_TRIAL_APP_DIR ?? ROOT;
const CA_FILE = path.join(ROOT, 'testkit', 'wa-emulator', 'certs', 'ca.pem');
const KEY = 'crash-trial-admin-key-0123456789abcdef';
const SHOP_PHONE = '972501230000';
const CUSTOMER_PHONE = '972502340000';
const SESSION = 'shop';

export interface TrialOptions {
  kills: number;
  seed: number;
  /** How often the customer writes (default 40 ms). */
  customerEveryMs?: number;
  /** Pause between two API sends (default 150 ms). */
  apiEveryMs?: number;
  /** A kill lands this long after the app is back online: uniform in [min, max] ms. */
  killAfterMs?: [number, number];
  /** Scheduled messages created at the start, due a few seconds apart (default: 2 per kill, 3–40). */
  schedules?: number;
  /** The longest wait for the backlog to drain after the last kill (default 15 min). */
  drainTimeoutMs?: number;
  /** Progress lines (one per kill). */
  log?: (line: string) => void;
}

export interface TrialResult {
  kills: number;
  seed: number;
  customer: { sent: number; stored: number; lost: string[]; duplicated: string[]; notAnnounced: string[] };
  api: { sent: number; delivered: number; lost: string[]; duplicated: string[] };
  schedules: { due: number; sent: number; lost: string[]; duplicated: string[] };
  /** Messages still shown as "waiting for this message" at the end. */
  waiting: number;
  /** Webhook deliveries whose signature did not verify. */
  badSignatures: number;
  /** Decryption failures the app logged (each one was asked again). */
  decryptFailures: number;
  durationMs: number;
}

/** mulberry32: a small seeded PRNG, so a failing run can be repeated exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One line per stanza for a post-mortem: time, phone:device, direction, tag, attrs, children. */
function stanzaLine(at: number, where: string, direction: string, stanza: BinaryNode): string {
  const attrs = Object.entries(stanza.attrs)
    .filter(([name]) => name !== 't')
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
  const children = Array.isArray(stanza.content)
    ? stanza.content
        .map((child) => {
          const inner = Array.isArray(child.content) ? child.content.map((c) => c.tag).join(',') : '';
          const type = child.attrs.type ? `:${child.attrs.type}` : '';
          const count = child.attrs.count ? `#${child.attrs.count}` : '';
          return `${child.tag}${type}${count}${inner ? `(${inner})` : ''}`;
        })
        .join(' ')
    : '';
  return `${new Date(at).toISOString()} ${where} ${direction} <${stanza.tag} ${attrs}> ${children}\n`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`crash trial: timed out waiting for ${what}`);
    await sleep(100);
  }
}

interface RunningApp {
  url: string;
  child: ChildProcess;
  exited: Promise<void>;
}

export async function runCrashTrial(options: TrialOptions): Promise<TrialResult> {
  const began = Date.now();
  const random = seededRandom(options.seed);
  const log = options.log ?? (() => {});
  const [killMin, killMax] = options.killAfterMs ?? [300, 4000];
  const emulator = await start();
  // CHATDOCK_TRIAL_STANZA_LOG=file keeps every stanza of the shop and the customer (post-mortem).
  const stanzaLog = process.env.CHATDOCK_TRIAL_STANZA_LOG;
  const stopStanzaLog = stanzaLog
    ? emulator.onStanza((entry) => {
        if (entry.phone !== SHOP_PHONE && entry.phone !== CUSTOMER_PHONE) return;
        const where = `${entry.phone === SHOP_PHONE ? 'shop' : 'customer'}:${entry.device ?? '-'}`;
        appendFileSync(stanzaLog, stanzaLine(entry.at, where, entry.direction, entry.stanza));
      })
    : () => {};
  const appLog = process.env.CHATDOCK_TRIAL_APP_LOG;
  const mark = (line: string) => {
    const text = `${new Date().toISOString()} ===== ${line}\n`;
    if (appLog) appendFileSync(appLog, text);
    if (stanzaLog) appendFileSync(stanzaLog, text);
  };
  const receiver = await startReceiver();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chatdock-trial-'));
  let app: RunningApp | null = null;
  let customer: Customer | null = null;
  let decryptFailures = 0;
  let badSignatures = 0;
  let stopping = false;

  const startApp = async (): Promise<RunningApp> => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/server.ts'], {
      cwd: APP_DIR,
      env: {
        ...process.env,
        CHATDOCK_DATA_DIR: dataDir,
        CHATDOCK_PORT: '0',
        CHATDOCK_API_KEY: KEY,
        CHATDOCK_LOG_LEVEL: process.env.CHATDOCK_TRIAL_APP_LOG_LEVEL ?? 'warn',
        CHATDOCK_LOG_FORMAT: 'json',
        CHATDOCK_DURABLE_RECEIVE: process.env.CHATDOCK_DURABLE_RECEIVE ?? '1',
        CHATDOCK_WA_SERVER_URL: emulator.wsUrl,
        CHATDOCK_WA_SERVER_ROOT_KEY: emulator.rootKeyHex,
        NODE_EXTRA_CA_CERTS: CA_FILE,
        CHATDOCK_WEBHOOK_RETRY_BASE_MS: '50',
        CHATDOCK_WEBHOOK_RETRY_MAX_MS: '500',
        CHATDOCK_WEBHOOK_MAX_ATTEMPTS: '100000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // CHATDOCK_TRIAL_APP_LOG=file keeps every run's log (warn and up, or
    // CHATDOCK_TRIAL_APP_LOG_LEVEL) for a post-mortem.
    if (appLog) {
      const sink = (chunk: Buffer) => appendFileSync(appLog, chunk);
      child.stdout?.on('data', sink);
      child.stderr?.on('data', sink);
    }
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        const text = chunk.toString();
        decryptFailures += text.match(/failed to decrypt message/g)?.length ?? 0;
        if (output.length < 200_000) output += text;
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) =>
        reject(new Error(`the app exited (${code}) before listening:\n${output}`)),
      );
    });
    return { url, child, exited };
  };

  const api = async (pathname: string, init: { method?: string; json?: unknown; key?: string } = {}) => {
    if (!app) throw new Error('the app is down');
    return fetch(app.url + pathname, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${KEY}`,
        'content-type': 'application/json',
        ...(init.key ? { 'idempotency-key': init.key } : {}),
      },
      ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
    });
  };

  const sessionConnected = async () => {
    try {
      const response = await api(`/api/v1/sessions/${SESSION}`);
      return response.ok && ((await response.json()) as { status: string }).status === 'connected';
    } catch {
      return false;
    }
  };

  const customerSent: string[] = [];
  const scheduled: { text: string; due: number }[] = [];
  const apiAnswered: string[] = [];
  const loops: Promise<void>[] = [];
  try {
    app = await startApp();
    const hook = await api('/api/v1/webhooks', { method: 'POST', json: { url: receiver.url } });
    if (hook.status !== 201) throw new Error(`creating the webhook answered ${hook.status}`);
    const { secret } = (await hook.json()) as { secret: string };
    // Verified on arrival: a signature is valid for 5 minutes, and a trial runs longer.
    const verifier = new Webhook(secret);
    receiver.answerWith((delivery) => {
      try {
        verifier.verify(delivery.body, delivery.headers as Record<string, string>);
      } catch {
        badSignatures += 1;
      }
      return { status: 200, body: '{}' };
    });
    await api('/api/v1/sessions', { method: 'POST', json: { id: SESSION, name: 'Shop' } });
    await api(`/api/v1/sessions/${SESSION}/connect`, { method: 'POST' });
    let qr = '';
    await until(
      'the QR code',
      async () => {
        const response = await api(`/api/v1/sessions/${SESSION}/qr`);
        if (response.ok) qr = ((await response.json()) as { qr: string }).qr;
        return Boolean(qr);
      },
      60_000,
    );
    await emulator.scanQr(qr, SHOP_PHONE, 'Trial Shop');
    await until('the session to connect', sessionConnected, 60_000);
    // A generous limit: on a loaded machine the customer's first login took over 15 s (the default).
    customer = await Customer.create(emulator, {
      phone: CUSTOMER_PHONE,
      name: 'Steady Customer',
      timeoutMs: 90_000,
    });
    const shopJid = `${SHOP_PHONE}@s.whatsapp.net`;

    // Scheduled messages falling due during the kills (one every few seconds).
    const scheduleCount = options.schedules ?? Math.max(3, Math.min(options.kills * 2, 40));
    for (let n = 1; n <= scheduleCount; n += 1) {
      const text = `schedule ${n}`;
      const sendAt = new Date(Date.now() + 5_000 + n * 4_000).toISOString();
      const response = await api(`/api/v1/sessions/${SESSION}/messages`, {
        method: 'POST',
        json: { to: CUSTOMER_PHONE, type: 'text', text, sendAt },
        key: `schedule-${n}`,
      });
      if (response.status !== 201)
        throw new Error(`scheduling answered ${response.status}: ${await response.text()}`);
      scheduled.push({ text, due: Date.parse(sendAt) });
    }

    // The customer writes whether the app is up or not: WhatsApp keeps it until delivered.
    const writer = customer;
    loops.push(
      (async () => {
        for (let n = 1; !stopping; n += 1) {
          const text = `customer ${n}`;
          await writer.sendText(shopJid, text);
          customerSent.push(text);
          await sleep(options.customerEveryMs ?? 40);
        }
      })(),
    );
    // The API client retries each send with the same Idempotency-Key until it is answered.
    loops.push(
      (async () => {
        for (let n = 1; !stopping; n += 1) {
          const text = `api ${n}`;
          let answered = false;
          while (!answered && !stopping) {
            try {
              const response = await api(`/api/v1/sessions/${SESSION}/messages`, {
                method: 'POST',
                json: { to: CUSTOMER_PHONE, type: 'text', text },
                key: `trial-${n}`,
              });
              answered = response.status === 201;
              // 409: not connected yet after a restart; 5xx: the send failed, retried. A 4xx
              // other than 409 is a mistake of the trial itself.
              if (response.status >= 400 && response.status < 500 && response.status !== 409)
                throw new Error(`send ${n} answered ${response.status}: ${await response.text()}`);
            } catch (error) {
              // The app is down (killed): try again in a moment.
              if (error instanceof Error && error.message.startsWith('send ')) throw error;
            }
            if (!answered) await sleep(100);
          }
          // A send still unanswered when the trial stops was never confirmed to the client.
          if (answered) apiAnswered.push(text);
          await sleep(options.apiEveryMs ?? 150);
        }
      })(),
    );

    for (let kill = 1; kill <= options.kills; kill += 1) {
      await until('the session to reconnect', sessionConnected, 120_000);
      await sleep(killMin + random() * (killMax - killMin));
      const dying = app;
      mark(`kill ${kill}`);
      dying.child.kill('SIGKILL');
      await dying.exited;
      app = null;
      log(
        `kill ${kill}/${options.kills}: customer sent ${customerSent.length}, API answered ${apiAnswered.length}`,
      );
      app = await startApp();
      mark(`started after kill ${kill}`);
    }

    await until('the session to reconnect', sessionConnected, 120_000);
    stopping = true;
    await Promise.all(loops);

    // Everything the customer sent reaches the database; everything stored reaches the webhook.
    const dbFile = path.join(dataDir, 'chatdock.db');
    const readStored = () => {
      const db = new Database(dbFile, { readonly: true, fileMustExist: true });
      try {
        return db
          .prepare<[string], { id: string; text: string | null; status: string; type: string }>(
            'SELECT id, text, status, type FROM messages WHERE session_id = ? AND from_me = 0',
          )
          .all(SESSION);
      } finally {
        db.close();
      }
    };
    const storedTexts = () => new Set(readStored().map((row) => row.text));
    // A backlog after the last restart drains at its own pace (each message that fails to decrypt
    // costs a retry round trip): wait while it makes progress, and stop after a minute without any.
    let storedSoFar = -1;
    let lastProgress = Date.now();
    await until(
      'every customer message to be stored',
      () => {
        const texts = storedTexts();
        if (texts.size !== storedSoFar) {
          storedSoFar = texts.size;
          lastProgress = Date.now();
        }
        return customerSent.every((text) => texts.has(text)) || Date.now() - lastProgress > 60_000;
      },
      options.drainTimeoutMs ?? 15 * 60_000,
    ).catch(() => {});
    const delivered = () => customer!.received.map(messageText);
    // The last schedules may fall due after the kills: wait for their time (plus a minute).
    const lastDue = Math.max(0, ...scheduled.map((item) => item.due));
    await until(
      'every API send and scheduled message to arrive',
      () => {
        const got = new Set(delivered());
        return apiAnswered.every((text) => got.has(text)) && scheduled.every((item) => got.has(item.text));
      },
      Math.max(60_000, lastDue - Date.now() + 60_000),
    ).catch(() => {});
    const stored = readStored();
    const announcedIds = () =>
      new Set(
        receiver.received
          .filter((delivery) => delivery.json.type === 'message.received')
          .map((delivery) => (delivery.json.data as { id: string }).id),
      );
    // Webhooks go out one at a time per chat, so a backlog stored in seconds is announced at the
    // receiver's pace: wait while announcements make progress, and stop after a minute without any.
    let announcedSoFar = -1;
    let lastAnnounced = Date.now();
    await until(
      'every stored message to be announced',
      () => {
        const announced = announcedIds();
        if (announced.size !== announcedSoFar) {
          announcedSoFar = announced.size;
          lastAnnounced = Date.now();
        }
        const done = stored.every((row) => row.type === 'waiting' || announced.has(row.id));
        return done || Date.now() - lastAnnounced > 60_000;
      },
      options.drainTimeoutMs ?? 15 * 60_000,
    ).catch(() => {});

    const storedCount = new Map<string, number>();
    for (const row of stored) storedCount.set(row.text ?? '', (storedCount.get(row.text ?? '') ?? 0) + 1);
    // A phone shows a message id once, so a resend with the same id (a retried send reuses the
    // id it chose before the crash) is one message; two ids with the same text are two.
    const deliveredIds = new Map<string, Set<string>>();
    for (const message of customer.received) {
      const text = messageText(message) ?? '';
      const ids = deliveredIds.get(text) ?? new Set<string>();
      ids.add(message.key.id ?? '');
      deliveredIds.set(text, ids);
    }
    const deliveredCount = new Map([...deliveredIds].map(([text, ids]) => [text, ids.size]));
    const announced = announcedIds();
    return {
      kills: options.kills,
      seed: options.seed,
      customer: {
        sent: customerSent.length,
        stored: customerSent.filter((text) => storedCount.has(text)).length,
        lost: customerSent.filter((text) => !storedCount.has(text)),
        duplicated: customerSent.filter((text) => (storedCount.get(text) ?? 0) > 1),
        // A waiting row is announced when its content arrives (counted in `waiting` until then).
        notAnnounced: stored
          .filter((row) => row.type !== 'waiting' && !announced.has(row.id))
          .map((row) => row.text ?? row.id),
      },
      api: {
        sent: apiAnswered.length,
        delivered: apiAnswered.filter((text) => deliveredCount.has(text)).length,
        lost: apiAnswered.filter((text) => !deliveredCount.has(text)),
        duplicated: apiAnswered.filter((text) => (deliveredCount.get(text) ?? 0) > 1),
      },
      schedules: {
        due: scheduled.length,
        sent: scheduled.filter((item) => deliveredCount.has(item.text)).length,
        lost: scheduled.filter((item) => !deliveredCount.has(item.text)).map((item) => item.text),
        duplicated: scheduled
          .filter((item) => (deliveredCount.get(item.text) ?? 0) > 1)
          .map((item) => item.text),
      },
      waiting: stored.filter((row) => row.type === 'waiting').length,
      badSignatures,
      decryptFailures,
      durationMs: Date.now() - began,
    };
  } finally {
    stopping = true;
    await Promise.race([Promise.allSettled(loops), sleep(5_000)]);
    if (app) {
      app.child.kill('SIGTERM');
      await Promise.race([app.exited, sleep(10_000)]);
      if (app.child.exitCode === null) app.child.kill('SIGKILL');
    }
    await customer?.close();
    await receiver.close();
    stopStanzaLog();
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
