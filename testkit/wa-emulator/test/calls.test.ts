/** Call signalling: an offer reaches the callee, whose rejection reaches the caller. */
import { afterAll, beforeAll, expect, it } from 'vitest';

import type { Customer } from '../customer.js';
import type { Fixture } from './emulator-fixture.js';
import { createFixture } from './emulator-fixture.js';

let fx: Fixture;
let caller: Customer;
let callee: Customer;

beforeAll(async () => {
  fx = await createFixture();
  [caller, callee] = await Promise.all([
    fx.customer({ phone: '15550501', name: 'Caller' }),
    fx.customer({ phone: '15550502', name: 'Callee' }),
  ]);
});

afterAll(async () => {
  await fx.cleanup();
});

it('delivers an incoming call offer and routes the rejection back to the caller', async () => {
  const call = fx.emulator.placeCall(caller.phone, callee.phone);
  const offer = await callee.waitFor(() =>
    callee.calls.find((c) => c.id === call.callId && c.status === 'offer'),
  );
  expect(offer.from).toBe(caller.jid);
  expect(offer.isVideo).toBe(false);

  await callee.sock.rejectCall(offer.id, offer.from);
  const rejected = await caller.waitFor(() =>
    caller.calls.find((c) => c.id === call.callId && c.status === 'reject'),
  );
  // Baileys reports `from` = the call's creator; the chat is the callee who rejected.
  expect(rejected.chatId).toBe(callee.jid);
  expect(rejected.from).toBe(caller.jid);
  expect(fx.emulator.calls().find((c) => c.callId === call.callId)?.status).toBe('reject');
});

it('records the rejection for a caller that is only an emulated phone', async () => {
  fx.emulator.createAccount('15550503', 'Phone Only');
  const call = fx.emulator.placeCall('15550503', callee.phone, { video: true });
  const offer = await callee.waitFor(() => callee.calls.find((c) => c.id === call.callId));
  expect(offer.isVideo).toBe(true);
  await callee.sock.rejectCall(offer.id, offer.from);
  const logged = await fx.emulator.waitForStanza(
    '15550503',
    (e) =>
      e.stanza.tag === 'call' &&
      e.direction === 'out' &&
      Array.isArray(e.stanza.content) &&
      e.stanza.content[0]?.tag === 'reject',
  );
  expect(logged.stanza.attrs.from).toBe(callee.jid);
});
