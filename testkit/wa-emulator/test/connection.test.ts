/**
 * Transport, linking and session lifecycle with real Baileys clients: Noise handshake with the
 * emulator's certificate chain, QR (rotating refs, 408 expiry) and pairing-code linking,
 * 515 restart, login with saved creds, 401, 440 and keepalive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DisconnectReason } from '@whiskeysockets/baileys';

import { Customer } from '../customer.js';
import type { Fixture } from './emulator-fixture.js';
import { createFixture } from './emulator-fixture.js';

let fx: Fixture;

beforeAll(async () => {
  fx = await createFixture();
});

afterAll(async () => {
  await fx.cleanup();
});

describe('linking', () => {
  it('links by QR after a Noise handshake with the emulator chain, restarts (515) and opens', async () => {
    const alice = await fx.customer({ phone: '+1 555 0101', name: 'Alice' });
    expect(alice.connection).toBe('open');
    expect(alice.disconnects.map((d) => d.statusCode)).toEqual([DisconnectReason.restartRequired]);
    const me = alice.sock.authState.creds.me;
    const account = fx.emulator.accounts().find((a) => a.phone === '15550101');
    expect(me?.id).toBe(`15550101:1@s.whatsapp.net`);
    expect(me?.lid).toBe(account?.devices[0]?.lid);
    expect(me?.name).toBe('Alice');
    expect(account?.devices[0]?.connected).toBe(true);
  });

  it('rotates QR refs and accepts a scan of a later one', async () => {
    const carol = await fx.customer({
      phone: '15550103',
      pairing: 'manual',
      socketConfig: { qrTimeout: 300 },
    });
    await carol.waitFor(() => carol.qrs.length >= 2, 10_000, 'a second QR');
    const [first, second] = carol.qrs;
    expect(second).not.toBe(first);
    expect(second!.split('#')[1]!.split(',').slice(1)).toEqual(first!.split('#')[1]!.split(',').slice(1));
    await fx.emulator.scanQr(carol.qrs.at(-1)!, carol.phone, 'Carol');
    await carol.waitForOpen();
  });

  it('ends with 408 when every QR ref expired unscanned', async () => {
    const dave = await fx.customer({ phone: '15550104', pairing: 'manual', socketConfig: { qrTimeout: 60 } });
    const closed = await dave.waitForDisconnect(DisconnectReason.timedOut, 10_000);
    expect(closed.statusCode).toBe(408);
    expect(new Set(dave.qrs).size).toBe(6);
    await expect(fx.emulator.scanQr(dave.qrs[0]!, dave.phone)).rejects.toThrow(/expired/);
  });

  it('links with a pairing code confirmed on the phone', async () => {
    const bob = await fx.customer({ phone: '15550102', name: 'Bob', pairing: 'code' });
    expect(bob.connection).toBe('open');
    expect(bob.sock.authState.creds.me?.id).toBe('15550102:1@s.whatsapp.net');
    expect(bob.sock.authState.creds.registered).toBe(true);
  });

  it('rejects a wrong pairing code', async () => {
    const erin = await fx.customer({ phone: '15550105', pairing: 'manual' });
    await erin.waitFor(() => erin.qrs[0], 10_000, 'the first QR');
    const code = await erin.sock.requestPairingCode(erin.phone);
    const wrong = code === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA';
    await expect(fx.emulator.confirmPairingCode(erin.phone, wrong)).rejects.toThrow(/does not match/);
  });
});

describe('sessions', () => {
  it('logs in again with saved creds and stays healthy (keepalive answered, no reconnects)', async () => {
    const authDir = fx.tempDir('wa-frank-');
    const first = await Customer.create(fx.emulator, { phone: '15550106', name: 'Frank', authDir });
    await first.close();
    const frank = await fx.customer({
      phone: '15550106',
      authDir,
      socketConfig: { keepAliveIntervalMs: 150 },
    });
    expect(frank.disconnects).toEqual([]);
    let pings = 0;
    await fx.emulator.waitForStanza(
      frank.phone,
      (entry) => entry.direction === 'in' && entry.stanza.attrs.xmlns === 'w:p' && ++pings >= 4,
      10_000,
    );
    expect(frank.connection).toBe('open');
    expect(frank.disconnects).toEqual([]);
  });

  it('reports 440 when another client logs in with the same device', async () => {
    const authDir = fx.tempDir('wa-gina-');
    const gina = await fx.customer({ phone: '15550107', authDir });
    const twin = await fx.customer({ phone: '15550107', authDir, autoReconnect: false });
    expect(twin.connection).toBe('open');
    const replaced = await gina.waitForDisconnect(DisconnectReason.connectionReplaced);
    expect(replaced.statusCode).toBe(440);
  });

  it('forgets a device that logs out itself', async () => {
    const ivy = await fx.customer({ phone: '15550109', name: 'Ivy' });
    await ivy.sock.logout();
    await ivy.waitForDisconnect(DisconnectReason.loggedOut);
    await fx.emulator.waitForStanza(
      ivy.phone,
      (e) => e.direction === 'in' && e.stanza.attrs.xmlns === 'md' && e.stanza.attrs.type === 'set',
    );
    expect(fx.emulator.accounts().find((a) => a.phone === ivy.phone)?.devices).toEqual([]);
  });

  it('kick(replaced) gives 440, kick(logged_out) gives 401 and later logins fail with 401', async () => {
    const authDir = fx.tempDir('wa-hank-');
    const hank = await fx.customer({ phone: '15550108', authDir });
    fx.emulator.kick(hank.phone, 'replaced');
    await hank.waitForDisconnect(DisconnectReason.connectionReplaced);

    const again = await fx.customer({ phone: '15550108', authDir });
    fx.emulator.kick(again.phone, 'logged_out');
    await again.waitForDisconnect(DisconnectReason.loggedOut);
    expect(again.loggedOut).toBe(true);
    expect(fx.emulator.accounts().find((a) => a.phone === '15550108')?.devices).toEqual([]);

    const refused = await fx.customer({
      phone: '15550108',
      authDir,
      waitForOpen: false,
      autoReconnect: false,
    });
    await refused.waitForDisconnect(DisconnectReason.loggedOut);
    expect(refused.connection).toBe('close');
  });
});
