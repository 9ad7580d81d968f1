import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../testkit/wa-emulator/index.js';
import type { Session } from '../../../src-shared/model.js';
import { sessionReaches } from '../../../testkit/support/events.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';
import { startWaServer } from '../../../testkit/support/wa-server.js';

let emulator: Emulator;
let waEnv: Record<string, string>;
const cores: TestCore[] = [];
let phoneCounter = 0;

beforeAll(async () => {
  ({ emulator, env: waEnv } = await startWaServer());
});

afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.stop()));
});

afterAll(async () => {
  await emulator.close();
});

async function core(): Promise<TestCore> {
  const app = await startTestCore(waEnv);
  cores.push(app);
  return app;
}

function newPhone(): string {
  phoneCounter += 1;
  return `97250${String(1_000_000 + phoneCounter).slice(1)}`;
}

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** Creates a session through the REST API and links it by scanning its QR, like a user would. */
async function linkByQr(app: TestCore, id: string, phone: string): Promise<Session> {
  const created = await app.request('/api/v1/sessions', { method: 'POST', json: { id, name: 'Shop' } });
  expect(created.status).toBe(201);
  const qrShown = sessionReaches(app.core.bus, id, 'qr');
  const connect = await app.request(`/api/v1/sessions/${id}/connect`, { method: 'POST' });
  expect(connect.status).toBe(202);
  await qrShown;
  const qr = await json<{ qr: string; dataUrl: string }>(await app.request(`/api/v1/sessions/${id}/qr`));
  expect(qr.dataUrl).toMatch(/^data:image\/png;base64,/);
  const connected = sessionReaches(app.core.bus, id, 'connected');
  await emulator.scanQr(qr.qr, phone, 'Falafel House');
  return (await connected).session;
}

describe('pairing', () => {
  it('the first connect of a start answers connecting: it waits for the WhatsApp layer to load', async () => {
    // Each core has its own loader (wa/lazy-layer.ts) with nothing loaded: this connect makes
    // the first runner, after the layer loaded, and answers the status it started.
    const app = await core();
    await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'first', name: 'First' } });
    const qrShown = sessionReaches(app.core.bus, 'first', 'qr');
    const connect = await app.request('/api/v1/sessions/first/connect', { method: 'POST' });
    expect(connect.status).toBe(202);
    expect(await json<Session>(connect)).toMatchObject({
      status: 'connecting',
      statusReason: 'user_connect',
    });
    await qrShown;
  });

  it('links by QR through the REST API, and the QR is also served as PNG', async () => {
    const app = await core();
    const phone = newPhone();
    await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'qr-png', name: 'PNG' } });
    const qrShown = sessionReaches(app.core.bus, 'qr-png', 'qr');
    await app.request('/api/v1/sessions/qr-png/connect', { method: 'POST' });
    const event = await qrShown;
    expect(event.qr).toEqual(expect.any(String));
    const png = await app.request('/api/v1/sessions/qr-png/qr', { headers: { accept: 'image/png' } });
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');

    const session = await linkByQr(app, 'shop', phone);
    expect(session).toMatchObject({ status: 'connected', phone, statusReason: 'opened' });
    const stored = await json<Session>(await app.request('/api/v1/sessions/shop'));
    expect(stored).toMatchObject({ status: 'connected', phone, pushName: 'Falafel House' });
    const health = await json<{ sessions: { connected: number } }>(await app.request('/api/v1/health'));
    expect(health.sessions.connected).toBe(1);
    const noQr = await app.request('/api/v1/sessions/shop/qr');
    expect(noQr.status).toBe(409);
  });

  it('links by pairing code', async () => {
    const app = await core();
    const phone = newPhone();
    await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'bycode' } });
    const response = await app.request('/api/v1/sessions/bycode/pairing-code', {
      method: 'POST',
      json: { phone: `+${phone.slice(0, 3)} ${phone.slice(3)}` },
    });
    expect(response.status).toBe(200);
    const { code, session } = await json<{ code: string; session: Session }>(response);
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    expect(session.status).toBe('pairing');
    const connected = sessionReaches(app.core.bus, 'bycode', 'connected');
    await emulator.confirmPairingCode(phone, code);
    expect((await connected).session.phone).toBe(phone);
  });

  it('gives a new pairing code when asked again while one is shown, and the new one links', async () => {
    const app = await core();
    const phone = newPhone();
    await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'again' } });
    const ask = () =>
      app.request('/api/v1/sessions/again/pairing-code', { method: 'POST', json: { phone: `+${phone}` } });
    expect((await ask()).status).toBe(200);
    const second = await ask();
    expect(second.status).toBe(200);
    const { code } = await json<{ code: string }>(second);
    const connected = sessionReaches(app.core.bus, 'again', 'connected');
    await emulator.confirmPairingCode(phone, code);
    expect((await connected).session.phone).toBe(phone);
  });

  it('rejects a bad phone for a pairing code naming the field', async () => {
    const app = await core();
    await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'badphone' } });
    const response = await app.request('/api/v1/sessions/badphone/pairing-code', {
      method: 'POST',
      json: { phone: 'call me' },
    });
    expect(response.status).toBe(400);
    expect(await json<{ error: { field: string } }>(response)).toMatchObject({ error: { field: 'phone' } });
  });
});

describe('staying linked', () => {
  it('disconnect keeps the login; connect comes back without a QR', async () => {
    const app = await core();
    await linkByQr(app, 'keep', newPhone());
    const down = await app.request('/api/v1/sessions/keep/disconnect', { method: 'POST' });
    expect(await json<Session>(down)).toMatchObject({
      status: 'disconnected',
      statusReason: 'user_disconnect',
    });
    const back = sessionReaches(app.core.bus, 'keep', 'connected');
    await app.request('/api/v1/sessions/keep/connect', { method: 'POST' });
    await back;
  });

  it('a restart of the app reconnects a linked session by itself, without a QR', async () => {
    const first = await core();
    const phone = newPhone();
    await linkByQr(first, 'restart', phone);
    await first.core.stop();
    const { dataDir } = first;
    const second = await startTestCore({ ...waEnv, CHATDOCK_DATA_DIR: dataDir });
    cores.push(second);
    const status = await json<Session>(await second.request('/api/v1/sessions/restart'));
    if (status.status !== 'connected') await sessionReaches(second.core.bus, 'restart', 'connected');
    const session = await json<Session>(await second.request('/api/v1/sessions/restart'));
    expect(session).toMatchObject({ status: 'connected', phone });
  });

  it('when nobody scans, shows each QR in turn, then stops with qr_expired until asked again', async () => {
    // Each QR lives 150 ms instead of WhatsApp Web's 60 s / 20 s; the server sends six refs.
    const app = await startTestCore({ ...waEnv, CHATDOCK_QR_TIMEOUT_MS: '150' });
    cores.push(app);
    await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'unscanned', name: 'Till' } });
    const shown = new Set<string>();
    app.core.bus.subscribe((event) => {
      if (event.type === 'session.status' && event.session === 'unscanned' && event.data.qr) {
        shown.add(event.data.qr);
      }
    });
    const expired = sessionReaches(app.core.bus, 'unscanned', 'disconnected');
    await app.request('/api/v1/sessions/unscanned/connect', { method: 'POST' });
    expect((await expired).session.statusReason).toBe('qr_expired');
    expect(shown.size).toBe(6);

    // It waits for the user: no retry is scheduled (a retry sets reconnectAt before its timer
    // runs, so there is nothing to wait for), and the old QR is no longer served.
    expect(app.core.services.sessions.get('unscanned')).toMatchObject({
      status: 'disconnected',
      statusReason: 'qr_expired',
      reconnectAt: null,
    });
    expect((await app.request('/api/v1/sessions/unscanned/qr')).status).toBe(409);

    const expiredCodes = new Set(shown);
    const again = sessionReaches(app.core.bus, 'unscanned', 'qr');
    await app.request('/api/v1/sessions/unscanned/connect', { method: 'POST' });
    const fresh = (await again).qr ?? '';
    expect(fresh).not.toBe('');
    expect(expiredCodes.has(fresh)).toBe(false);
  });

  it('says so when another WhatsApp Web replaces it, and does not fight back', async () => {
    const app = await core();
    const phone = newPhone();
    await linkByQr(app, 'replaced', phone);
    const replaced = sessionReaches(app.core.bus, 'replaced', 'disconnected');
    emulator.kick(phone, 'replaced');
    expect((await replaced).session.statusReason).toBe('replaced');
  });

  it('when logged out from the phone, forgets the login and asks for a QR only when told', async () => {
    const app = await core();
    const phone = newPhone();
    await linkByQr(app, 'loggedout', phone);
    const loggedOut = sessionReaches(app.core.bus, 'loggedout', 'logged_out');
    emulator.kick(phone, 'logged_out');
    const event = await loggedOut;
    expect(event.session).toMatchObject({ statusReason: 'logged_out', phone: null });
    expect(app.core.services.sessions.get('loggedout').status).toBe('logged_out');
    const creds = app.core.db.$client
      .prepare(`SELECT count(*) AS n FROM wa_auth_creds WHERE session_id = ?`)
      .get('loggedout');
    expect(creds).toEqual({ n: 0 });
    // Only an explicit connect starts a new pairing.
    const qr = sessionReaches(app.core.bus, 'loggedout', 'qr');
    await app.request('/api/v1/sessions/loggedout/connect', { method: 'POST' });
    await qr;
  });

  it('reconnects by itself with backoff after a network loss', async () => {
    const app = await core();
    await linkByQr(app, 'network', newPhone());
    const lost = sessionReaches(app.core.bus, 'network', 'connecting');
    await emulator.suspend();
    const event = await lost;
    expect(event.session.statusReason).toBe('network');
    expect(event.session.reconnectAt).not.toBeNull();
    const back = sessionReaches(app.core.bus, 'network', 'connected', 30_000);
    await emulator.resume();
    await back;
  });

  it('logout unlinks and removes the stored login', async () => {
    const app = await core();
    await linkByQr(app, 'logout', newPhone());
    const response = await app.request('/api/v1/sessions/logout/logout', {
      method: 'POST',
      json: { confirm: true },
    });
    expect(await json<Session>(response)).toMatchObject({ status: 'logged_out', phone: null });
    const keys = app.core.db.$client
      .prepare(`SELECT count(*) AS n FROM wa_auth_keys WHERE session_id = ?`)
      .get('logout');
    expect(keys).toEqual({ n: 0 });
  });

  it('deleting a linked session logs it out and removes its login and its chats', async () => {
    const app = await core();
    await linkByQr(app, 'gone', newPhone());
    app.core.services.messaging.store.ingest(
      'gone',
      [
        {
          chatJid: '972501234567@s.whatsapp.net',
          id: 'M1',
          fromMe: false,
          senderJid: '972501234567@s.whatsapp.net',
          senderName: null,
          type: 'text',
          text: 'is the shop open?',
          media: null,
          content: null,
          quotedId: null,
          mentions: [],
          status: 'delivered',
          timestamp: Date.now(),
          forwarded: false,
          raw: Buffer.from('x'),
        },
      ],
      'live',
    );
    const deleted = await app.request('/api/v1/sessions/gone', { method: 'DELETE', json: { confirm: true } });
    expect(deleted.status).toBe(204);
    expect((await app.request('/api/v1/sessions/gone')).status).toBe(404);
    const left = app.core.db.$client
      .prepare(
        `SELECT (SELECT count(*) FROM wa_auth_creds WHERE session_id = 'gone') AS creds,
                (SELECT count(*) FROM wa_auth_keys WHERE session_id = 'gone') AS keys,
                (SELECT count(*) FROM messages WHERE session_id = 'gone') AS messages,
                (SELECT count(*) FROM chats WHERE session_id = 'gone') AS chats`,
      )
      .get();
    expect(left).toEqual({ creds: 0, keys: 0, messages: 0, chats: 0 });
  });
});

describe('session keys', () => {
  it('reach only their own session', async () => {
    const app = await core();
    const a = await json<{ apiKey: string }>(
      await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'a' } }),
    );
    await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'b' } });
    expect((await app.request('/api/v1/sessions/a', { key: a.apiKey })).status).toBe(200);
    const other = await app.request('/api/v1/sessions/b', { key: a.apiKey });
    expect(other.status).toBe(403);
    expect(await json<{ error: { code: string } }>(other)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const list = await json<{ items: Session[] }>(await app.request('/api/v1/sessions', { key: a.apiKey }));
    expect(list.items.map((s) => s.id)).toEqual(['a']);
    expect((await app.request('/api/v1/sessions', { key: a.apiKey, method: 'POST', json: {} })).status).toBe(
      403,
    );
    // A rotated key replaces the old one at once.
    const rotated = await json<{ key: string }>(
      await app.request('/api/v1/sessions/a/key', { method: 'POST' }),
    );
    expect((await app.request('/api/v1/sessions/a', { key: a.apiKey })).status).toBe(401);
    expect((await app.request('/api/v1/sessions/a', { key: rotated.key })).status).toBe(200);
  });

  it('names bad input and stores nothing', async () => {
    const app = await core();
    const bad = await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'Has Spaces' } });
    expect(bad.status).toBe(400);
    expect(await json<{ error: { field: string } }>(bad)).toMatchObject({ error: { field: 'id' } });
    const unknown = await app.request('/api/v1/sessions', { method: 'POST', json: { nmae: 'typo' } });
    expect(await json<{ error: { field: string; message: string } }>(unknown)).toMatchObject({
      error: { field: 'nmae', message: 'nmae: is not a known field' },
    });
    expect((await app.request('/api/v1/sessions/nope')).status).toBe(404);
    const list = await json<{ items: Session[] }>(await app.request('/api/v1/sessions'));
    expect(list.items).toEqual([]);
    await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'dup' } });
    expect((await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'dup' } })).status).toBe(409);
  });
});

describe('connect and wait', () => {
  it('answers with the QR code once it is shown, then with the connection once the phone scanned it', async () => {
    const app = await core();
    const phone = newPhone();
    await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'waiting', name: 'Wait' } });
    const shown = await app.request('/api/v1/sessions/waiting/connect?wait=qr&timeout=20', {
      method: 'POST',
    });
    const withQr = await json<Session & { reached: boolean; qr: { qr: string; dataUrl: string } | null }>(
      shown,
    );
    expect(withQr).toMatchObject({ id: 'waiting', status: 'qr', reached: true });
    expect(withQr.qr?.dataUrl).toMatch(/^data:image\/png;base64,/);

    const linked = app.request('/api/v1/sessions/waiting/connect?wait=connected&timeout=30', {
      method: 'POST',
    });
    await emulator.scanQr(withQr.qr?.qr ?? '', phone, 'Falafel House');
    expect(await json<Session & { reached: boolean }>(await linked)).toMatchObject({
      status: 'connected',
      reached: true,
      phone,
    });
    // Already connected: answered at once.
    const again = await app.request('/api/v1/sessions/waiting/connect?wait=connected', { method: 'POST' });
    expect(await json<{ reached: boolean }>(again)).toMatchObject({ reached: true });
  });

  it('gives up after the timeout, saying the wait was not met', async () => {
    const app = await core();
    await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'slow', name: 'Slow' } });
    const answer = await app.request('/api/v1/sessions/slow/connect?wait=connected&timeout=1', {
      method: 'POST',
    });
    expect(answer.status).toBe(202);
    expect(await json<{ reached: boolean }>(answer)).toMatchObject({ reached: false });
    const bad = await app.request('/api/v1/sessions/slow/connect?wait=soon', { method: 'POST' });
    expect(bad.status).toBe(400);
    expect(await json<{ error: { field: string } }>(bad)).toMatchObject({ error: { field: 'wait' } });
  });
});
