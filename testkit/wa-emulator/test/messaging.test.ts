/**
 * 1:1 end-to-end messaging between two real Baileys clients through the emulator: pkmsg then
 * msg, LID mapping, receipts, retry receipts, offline queue, reactions/edits/revokes,
 * onWhatsApp and push names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { proto } from '@whiskeysockets/baileys';

import type { Customer } from '../customer.js';
import { contentText, messageText } from '../customer.js';
import type { Fixture } from './emulator-fixture.js';
import { createFixture, deliveredEncTypes } from './emulator-fixture.js';

const { Status } = proto.WebMessageInfo;
const { Type: ProtocolType } = proto.Message.ProtocolMessage;

let fx: Fixture;
let alice: Customer;
let bob: Customer;

beforeAll(async () => {
  fx = await createFixture();
  [alice, bob] = await Promise.all([
    fx.customer({ phone: '15550201', name: 'Alice' }),
    fx.customer({ phone: '15550202', name: 'Bob', pairing: 'code' }),
  ]);
});

afterAll(async () => {
  await fx.cleanup();
});

describe('1:1 text', () => {
  it('relays text both ways: first a pkmsg, then msg; ids, push names and LIDs preserved', async () => {
    const first = await alice.sendText(bob.jid, 'hello bob');
    const got = await bob.waitForText('hello bob');
    expect(got.key.id).toBe(first.key.id);
    expect(got.key.remoteJid).toBe(alice.jid);
    expect(got.pushName).toBe('Alice');
    const aliceLid = fx.emulator.accounts().find((a) => a.phone === alice.phone)?.lid;
    expect(got.key.remoteJidAlt).toBe(aliceLid);
    expect(deliveredEncTypes(fx.emulator, bob.phone, first.key.id!)).toEqual(['pkmsg']);

    // The responder's first message already is a plain msg; the initiator's after that too.
    const reply = await bob.sendText(alice.jid, 'hi alice');
    const back = await alice.waitForText('hi alice');
    expect(back.key.id).toBe(reply.key.id);
    expect(back.pushName).toBe('Bob');
    expect(deliveredEncTypes(fx.emulator, alice.phone, reply.key.id!)).toEqual(['msg']);

    const second = await alice.sendText(bob.jid, 'second');
    await bob.waitForText('second');
    expect(deliveredEncTypes(fx.emulator, bob.phone, second.key.id!)).toEqual(['msg']);
  });

  it('routes delivery and read receipts back to the sender', async () => {
    const sent = await alice.sendText(bob.jid, 'please read');
    const got = await bob.waitForText('please read');
    await alice.waitForStatus(sent.key.id!, Status.DELIVERY_ACK);
    await bob.read([got]);
    await alice.waitForStatus(sent.key.id!, Status.READ);
    const routed = fx.emulator
      .messagesFor(alice.phone)
      .filter(
        (e) => e.direction === 'out' && e.stanza.tag === 'receipt' && e.stanza.attrs.id === sent.key.id,
      );
    expect(routed.map((e) => [e.stanza.attrs.from, e.stanza.attrs.type])).toEqual([
      [bob.jid, undefined],
      [bob.jid, 'read'],
    ]);
  });

  it('relays messages addressed to a LID with LID addressing and the PN as alternate', async () => {
    const bobLid = fx.emulator.accounts().find((a) => a.phone === bob.phone)!.lid;
    const aliceLid = fx.emulator.accounts().find((a) => a.phone === alice.phone)!.lid;
    const sent = await alice.sendText(bobLid, 'to your lid');
    const got = await bob.waitForText('to your lid');
    expect(got.key.id).toBe(sent.key.id);
    expect(got.key.remoteJid).toBe(aliceLid);
    expect(got.key.remoteJidAlt).toBe(alice.jid);
  });

  it('answers onWhatsApp for registered and unknown numbers', async () => {
    const results = await alice.sock.onWhatsApp(bob.phone, '19990000000');
    expect(results).toContainEqual({ jid: bob.jid, exists: true });
    expect(results?.find((r) => r.jid.startsWith('19990000000'))?.exists ?? false).toBe(false);
  });
});

describe('reliability', () => {
  it('recovers from a failed decryption with a retry receipt (same message id)', async () => {
    const aliceLidDevice = fx.emulator.accounts().find((a) => a.phone === alice.phone)?.devices[0]?.lid;
    const address = bob.sock.signalRepository.jidToSignalProtocolAddress(aliceLidDevice!);
    await bob.sock.authState.keys.set({ session: { [address]: null } });

    const sent = await alice.sendText(bob.jid, 'after session loss');
    const got = await bob.waitForText('after session loss');
    expect(got.key.id).toBe(sent.key.id);
    const retries = fx.emulator
      .messagesFor(alice.phone)
      .filter((e) => e.direction === 'out' && e.stanza.tag === 'receipt' && e.stanza.attrs.type === 'retry');
    expect(retries.map((e) => e.stanza.attrs.id)).toContain(sent.key.id);
    expect(deliveredEncTypes(fx.emulator, bob.phone, sent.key.id!)).toEqual(['msg', 'pkmsg']);
  });

  it('queues messages while the recipient is offline and replays them on login (offline="1")', async () => {
    fx.emulator.setOnline(bob.phone, false);
    await bob.waitFor(() => bob.connection === 'close', undefined, 'bob offline');
    const queued = [
      await alice.sendText(bob.jid, 'while away 1'),
      await alice.sendText(bob.jid, 'while away 2'),
    ];
    await fx.emulator.waitForStanza(
      bob.phone,
      (e) => e.direction === 'out' && e.stanza.attrs.id === queued[1]!.key.id,
    );
    expect(
      fx.emulator.accounts().find((a) => a.phone === bob.phone)?.devices[0]?.queued,
    ).toBeGreaterThanOrEqual(2);

    fx.emulator.setOnline(bob.phone, true);
    const [one, two] = await Promise.all([bob.waitForText('while away 1'), bob.waitForText('while away 2')]);
    expect([one.key.id, two.key.id]).toEqual(queued.map((m) => m.key.id));
    const replayed = fx.emulator
      .messagesFor(bob.phone)
      .filter((e) => e.stanza.tag === 'message' && e.stanza.attrs.offline === '1')
      .map((e) => e.stanza.attrs.id);
    expect(replayed).toEqual(expect.arrayContaining(queued.map((m) => m.key.id)));
    await expect
      .poll(() => fx.emulator.accounts().find((a) => a.phone === bob.phone)?.devices[0]?.queued)
      .toBe(0);
  });
});

describe('reactions, edits and revokes', () => {
  it('delivers them like any message', async () => {
    const original = await alice.sendText(bob.jid, 'react to me');
    const got = await bob.waitForText('react to me');

    await bob.react(got.key, '👍');
    const reaction = await alice.waitForMessage(
      (m) => m.message?.reactionMessage?.key?.id === original.key.id,
    );
    expect(reaction.message?.reactionMessage?.text).toBe('👍');

    await alice.edit(original.key, 'edited text');
    const edit = await bob.waitForMessage(
      (m) =>
        m.message?.protocolMessage?.type === ProtocolType.MESSAGE_EDIT &&
        m.message.protocolMessage.key?.id === original.key.id,
    );
    expect(contentText(edit.message?.protocolMessage?.editedMessage)).toBe('edited text');

    await alice.revoke(original.key);
    const revoke = await bob.waitForMessage(
      (m) =>
        m.message?.protocolMessage?.type === ProtocolType.REVOKE &&
        m.message.protocolMessage.key?.id === original.key.id,
    );
    expect(revoke.key.remoteJid).toBe(alice.jid);
    expect(messageText(got)).toBe('react to me');
  });
});
