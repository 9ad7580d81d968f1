/**
 * Status (stories) between real Baileys clients through the emulator: a post to
 * `status@broadcast` with a `statusJidList` reaches exactly those contacts as an `other_status`
 * message from the poster; their read receipts go back to the poster.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { proto } from '@whiskeysockets/baileys';

import type { Customer } from '../customer.js';
import type { Fixture } from './emulator-fixture.js';
import { createFixture } from './emulator-fixture.js';

let fx: Fixture;
let alice: Customer;
let bob: Customer;
let carol: Customer;

beforeAll(async () => {
  fx = await createFixture();
  [alice, bob, carol] = await Promise.all([
    fx.customer({ phone: '15550701', name: 'Alice' }),
    fx.customer({ phone: '15550702', name: 'Bob' }),
    fx.customer({ phone: '15550703', name: 'Carol' }),
  ]);
});

afterAll(async () => {
  await fx.cleanup();
});

const isStatusFrom = (poster: Customer, id: string | null | undefined) => (message: proto.IWebMessageInfo) =>
  message.key?.remoteJid === 'status@broadcast' &&
  message.key.id === id &&
  message.key.participant?.split(/[:@]/)[0] === poster.phone;

describe('Status', () => {
  it('delivers a text Status with its background colour to the chosen contacts only', async () => {
    const posted = await alice.postStatus({ text: 'Open on Sunday' }, [bob.jid], {
      backgroundColor: '#25D366',
      font: 2,
    });
    const got = await bob.waitForMessage(isStatusFrom(alice, posted.key.id));
    expect(got.key.participant?.split('@')[0]?.split(':')[0]).toBe(alice.phone);
    expect(got.pushName).toBe('Alice');
    const text = got.message?.extendedTextMessage;
    expect(text?.text).toBe('Open on Sunday');
    expect(text?.backgroundArgb).toBe(0xff25d366);

    // Carol was not on the list: a later Status to her arrives, this one never did.
    const second = await alice.postStatus({ text: 'for Carol' }, [carol.jid]);
    await carol.waitForMessage(isStatusFrom(alice, second.key.id));
    expect(carol.received.some((m) => m.key.id === posted.key.id)).toBe(false);
    expect(bob.received.some((m) => m.key.id === second.key.id)).toBe(false);
  });

  it('sends a viewer’s read receipt back to the poster', async () => {
    const posted = await alice.postStatus({ text: 'seen?' }, [bob.jid, carol.jid]);
    const got = await bob.waitForMessage(isStatusFrom(alice, posted.key.id));
    await bob.read([got]);
    const readers = await alice.waitFor(
      () => (alice.readBy(posted.key.id!).length ? alice.readBy(posted.key.id!) : null),
      undefined,
      'the read receipt of the Status',
    );
    expect(readers.map((jid) => jid.split('@')[0])).toEqual([bob.phone]);
  });

  it('carries photo Status media the viewer can download', async () => {
    const bytes = Buffer.from('\xff\xd8\xff\xe0 status photo bytes', 'latin1');
    const posted = await alice.postStatus({ image: bytes, mimetype: 'image/jpeg', caption: 'New stock' }, [
      bob.jid,
    ]);
    const got = await bob.waitForMessage(isStatusFrom(alice, posted.key.id));
    expect(got.message?.imageMessage?.caption).toBe('New stock');
    expect(await bob.download(got)).toEqual(bytes);
  });
});
