/** Media upload/download over the emulator's HTTPS host (self-signed TEST-ONLY CA). */
import { createHash, randomBytes } from 'node:crypto';

import { afterAll, beforeAll, expect, it } from 'vitest';

import type { Customer } from '../customer.js';
import type { Fixture } from './emulator-fixture.js';
import { createFixture } from './emulator-fixture.js';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

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

it('uploads a document and the recipient downloads the same bytes', async () => {
  const bytes = randomBytes(300_000);
  const sent = await alice.send(bob.jid, {
    document: bytes,
    mimetype: 'application/pdf',
    fileName: 'invoice.pdf',
  });
  expect(sent.message?.documentMessage?.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/m\//);
  const got = await bob.waitForMessage((m) => m.key.id === sent.key.id && !!m.message?.documentMessage);
  expect(got.message?.documentMessage?.fileName).toBe('invoice.pdf');
  expect(sha256(await bob.download(got))).toBe(sha256(bytes));
});

it('relays an image with caption both ways', async () => {
  const bytes = randomBytes(50_000);
  const sent = await bob.send(alice.jid, { image: bytes, caption: 'look', jpegThumbnail: '' });
  const got = await alice.waitForMessage((m) => m.key.id === sent.key.id && !!m.message?.imageMessage);
  expect(got.message?.imageMessage?.caption).toBe('look');
  expect(sha256(await alice.download(got))).toBe(sha256(bytes));
});
