/**
 * The simulated primary phone (device 0): others encrypt for it, it keeps what it decrypts, and
 * it answers a linked device's placeholder-resend request with the content, which that device's
 * Baileys emits as the message (what WhatsApp Web relies on when it cannot decrypt a message).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { proto } from '@whiskeysockets/baileys';

import type { Customer } from '../customer.js';
import { messageText } from '../customer.js';
import type { Fixture } from './emulator-fixture.js';
import { createFixture } from './emulator-fixture.js';

const text = (message: proto.IMessage | undefined) =>
  message?.conversation ?? message?.extendedTextMessage?.text ?? undefined;

let fx: Fixture;
let alice: Customer;
let bob: Customer;

beforeAll(async () => {
  fx = await createFixture();
  [alice, bob] = await Promise.all([
    fx.customer({ phone: '15550301', name: 'Alice' }),
    fx.customer({ phone: '15550302', name: 'Bob' }),
  ]);
});

afterAll(async () => {
  await fx.cleanup();
});

describe('the primary phone', () => {
  it('decrypts and keeps the messages its account receives and sends', async () => {
    const sent = await alice.sendText(bob.jid, 'for bob and his phone');
    await bob.waitForText('for bob and his phone');
    await expect
      .poll(() => text(fx.emulator.phoneContent(bob.phone, sent.key.id!)))
      .toBe('for bob and his phone');
    // Alice's own phone gets her linked device's copy of what she sent.
    await expect
      .poll(() => text(fx.emulator.phoneContent(alice.phone, sent.key.id!)))
      .toBe('for bob and his phone');
  });

  it('answers a placeholder-resend request with the content, emitted by Baileys as the message', async () => {
    const sent = await alice.sendText(bob.jid, 'resend me');
    const got = await bob.waitForText('resend me');
    await expect.poll(() => fx.emulator.phoneContent(bob.phone, sent.key.id!)).toBeDefined();
    const before = bob.upserts.length;
    const requestId = await bob.sock.requestPlaceholderResend(got.key);
    expect(requestId).toBeTruthy();
    await expect
      .poll(() => bob.upserts.slice(before).find((m) => m.key.id === sent.key.id), { timeout: 15_000 })
      .toBeDefined();
    const resent = bob.upserts.slice(before).find((m) => m.key.id === sent.key.id)!;
    expect(messageText(resent)).toBe('resend me');
  });

  it('answers nothing for a message it never saw', async () => {
    const before = bob.upserts.length;
    await bob.sock.requestPlaceholderResend({
      remoteJid: alice.jid,
      fromMe: false,
      id: '3EB0NEVERSEEN000000',
    });
    // The request itself is answered by nothing: only our own devices' traffic, no upsert for it.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(bob.upserts.slice(before).filter((m) => m.key.id === '3EB0NEVERSEEN000000')).toEqual([]);
  });
});
