/**
 * What happens right after the Noise handshake, based on the ClientPayload:
 * - registration (no `creds.me` on the client): start linking (pairing.ts);
 * - login (`username` + `device`): accept only a known device with the same static Noise key,
 *   answer `<success t lid/>`, replay the device's outbox with `offline="1"`, then
 *   `<ib><offline count=N/></ib>` (Baileys buffers events until it sees that).
 *   Unknown device or another key → `<failure reason="401"/>`, which Baileys reports as loggedOut.
 */
import type { proto } from '@whiskeysockets/baileys';

import { node } from '../binary.js';
import type { ClientConnection } from '../connection.js';
import type { EmulatorContext } from '../context.js';
import { warn } from '../debug.js';
import { deviceJid, unixNow } from '../jids.js';

export function handleClientPayload(
  ctx: EmulatorContext,
  conn: ClientConnection,
  payload: proto.ClientPayload,
): void {
  const username = payload.username;
  if (username === null || username === undefined || Number(username.toString()) === 0) {
    ctx.pairing.begin(conn, payload);
    return;
  }
  login(ctx, conn, username.toString(), payload.device ?? 0);
}

function login(ctx: EmulatorContext, conn: ClientConnection, phone: string, deviceId: number): void {
  const account = ctx.store.account(phone);
  const device = account && ctx.store.device(account, deviceId);
  if (!account || !device || !conn.clientStatic || !device.noiseKey.equals(conn.clientStatic)) {
    conn.failure(401);
    return;
  }
  if (!ctx.hub.isPhoneOnline(account.phone)) {
    // Simulated network trouble for this phone: drop the connection without a word.
    conn.terminate();
    return;
  }
  const firstLogin = device.lastLoginAt === undefined;
  device.lastLoginAt = Date.now();
  ctx.store.changed();
  ctx.hub.attach(conn, account.phone, deviceId);
  conn.send(
    node('success', {
      t: String(unixNow()),
      lid: deviceJid(account.lid, deviceId, 'lid'),
      location: 'emulator',
      creation: String(Math.floor(account.createdAt / 1000)),
    }),
  );
  const replayed = ctx.hub.replayOutbox(conn, account, deviceId);
  conn.send(node('ib', {}, [node('offline', { count: String(replayed) })]));
  const session = { conn, account, device };
  for (const hook of ctx.afterLogin) {
    Promise.resolve(hook(session, firstLogin)).catch((error: unknown) =>
      warn('after-login hook failed', error),
    );
  }
}
