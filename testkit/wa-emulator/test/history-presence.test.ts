/**
 * Nice-to-haves: the history sync push to a newly linked device (blob on the media host) and
 * presence / chat-state relay between contacts.
 */
import { inflateSync } from 'node:zlib';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { downloadContentFromMessage, proto } from '@whiskeysockets/baileys';

import type { Customer } from '../customer.js';
import type { Fixture } from './emulator-fixture.js';
import { createFixture } from './emulator-fixture.js';

let fx: Fixture;
let alice: Customer;

beforeAll(async () => {
  fx = await createFixture();
  alice = await fx.customer({ phone: '15550801', name: 'Alice' });
});

afterAll(async () => {
  await fx.cleanup();
});

it('pushes a history sync to a newly linked device, which then goes online at once', async () => {
  fx.emulator.seedHistory('15550802', {
    conversations: [
      {
        id: alice.jid,
        name: 'Alice',
        messages: [
          {
            message: {
              key: { remoteJid: alice.jid, fromMe: false, id: 'HISTORY-1' },
              message: { conversation: 'an old message' },
              messageTimestamp: 1_700_000_000,
            },
          },
        ],
      },
    ],
  });
  const bob = await fx.customer({
    phone: '15550802',
    name: 'Bob',
    // Process history like an app would (Baileys' default): without the push it would buffer
    // all events for 20 s after this first login.
    socketConfig: { shouldSyncHistoryMessage: () => true },
  });
  const history = await bob.waitFor(() => bob.histories[0], 10_000, 'history');
  expect(history.messages.map((m) => m.key.id)).toContain('HISTORY-1');
  expect(history.contacts).toContainEqual(expect.objectContaining({ id: alice.jid, name: 'Alice' }));
  // The blob's PN↔LID mappings land in Baileys' mapping store.
  const aliceLid = fx.emulator.accounts().find((a) => a.phone === alice.phone)?.lid;
  expect(await bob.sock.signalRepository.lidMapping.getLIDForPN(alice.jid)).toBe(aliceLid);
  // The same history is on the media host as an encrypted blob.
  const notification = bob.upserts.find((m) => m.message?.protocolMessage?.historySyncNotification)?.message
    ?.protocolMessage?.historySyncNotification;
  const stream = await downloadContentFromMessage(
    { ...notification, url: `${fx.emulator.mediaUrl}${notification?.directPath ?? ''}` },
    'md-msg-hist',
  );
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
  }
  const fromBlob = proto.HistorySync.decode(inflateSync(Buffer.concat(chunks)));
  expect(fromBlob.conversations[0]?.id).toBe(alice.jid);

  await alice.sendText(bob.jid, 'live after history');
  await bob.waitForText('live after history', 5_000);
});

it('relays presence to subscribers and chat states to the chat partner', async () => {
  const bob = await fx.customer({ phone: '15550803', name: 'Bob Two' });
  await alice.sock.presenceSubscribe(bob.jid);
  await bob.sock.sendPresenceUpdate('available');
  await alice.waitFor(() =>
    alice.presences.find((p) => p.id === bob.jid && JSON.stringify(p.presences).includes('"available"')),
  );
  await bob.sock.sendPresenceUpdate('composing', alice.jid);
  await alice.waitFor(() =>
    alice.presences.find((p) => p.id === bob.jid && JSON.stringify(p.presences).includes('"composing"')),
  );
});
