/**
 * Surviving restarts and network loss: state in `stateDir` (accounts, devices, key bundles,
 * LIDs, offline queues, groups) carries over to a new emulator on the same ports, and
 * suspend()/resume() drops every connection and accepts again on the same port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, expect, it } from 'vitest';

import { Customer } from '../customer.js';
import type { Emulator } from '../emulator.js';
import { start } from '../server.js';

const stateDir = mkdtempSync(join(tmpdir(), 'wa-emu-state-'));
const aliceDir = mkdtempSync(join(tmpdir(), 'wa-alice-'));
const bobDir = mkdtempSync(join(tmpdir(), 'wa-bob-'));
const open: Array<Customer | Emulator> = [];

afterAll(async () => {
  for (const item of open.reverse()) {
    await item.close();
  }
  for (const dir of [stateDir, aliceDir, bobDir]) {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('keeps working across suspend/resume and an emulator restart with the same state dir', async () => {
  const first = await start({ stateDir });
  open.push(first);
  const alice = await Customer.create(first, { phone: '15550601', name: 'Alice', authDir: aliceDir });
  let bob = await Customer.create(first, { phone: '15550602', name: 'Bob', authDir: bobDir });
  open.push(alice, bob);
  const group = await alice.groupCreate('Persistent', [bob.jid]);
  await alice.sendText(bob.jid, 'before anything');
  await bob.waitForText('before anything');

  // Network loss: both clients drop, then reconnect by themselves on the same port.
  const wsUrl = first.wsUrl;
  const dropped = Promise.all([alice.waitForDisconnect(), bob.waitForDisconnect()]);
  await first.suspend();
  await dropped;
  await first.resume();
  expect(first.wsUrl).toBe(wsUrl);
  await Promise.all([alice.waitForOpen(), bob.waitForOpen()]);
  await bob.sendText(alice.jid, 'after network loss');
  await alice.waitForText('after network loss');

  // Bob goes away; a message for him waits in the (persisted) queue across the restart.
  await bob.close();
  const queued = await alice.sendText(bob.jid, 'queued across restart');
  await first.close();

  const second = await start({ stateDir });
  open.push(second);
  expect(second.wsUrl).toBe(wsUrl);
  expect(
    second
      .accounts()
      .map((a) => a.phone)
      .sort(),
  ).toEqual(['15550601', '15550602']);
  await alice.waitForOpen(20_000);

  bob = await Customer.create(second, { phone: '15550602', authDir: bobDir });
  open.push(bob);
  const got = await bob.waitForText('queued across restart');
  expect(got.key.id).toBe(queued.key.id);
  await bob.sendText(alice.jid, 'back again');
  await alice.waitForText('back again');

  const meta = await bob.sock.groupMetadata(group.id);
  expect(meta.subject).toBe('Persistent');
  await alice.sendText(group.id, 'group after restart');
  await bob.waitForText('group after restart');
  // Two restarts and Baileys' reconnect backoff take ~30 s on a quiet machine: more than the default.
}, 120_000);
