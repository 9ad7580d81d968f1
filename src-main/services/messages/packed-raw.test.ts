/**
 * The raw protobuf stored packed (raw-pack.ts), through the real paths: a message received from
 * and one sent to a customer on the local WhatsApp server are stored packed, and every feature
 * that hands the raw to Baileys still works on them, and on a row written before packing.
 */
import { proto } from '@whiskeysockets/baileys';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../../src-shared/messages.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import { RAW_WITH_COLUMNS, unpackRaw, type StoredRaw } from './raw-pack.js';
import { restCall } from '../../../testkit/support/rest-call.js';

/** Baileys' WebMessageInfo.Status for "read by the recipient". */
const READ = 4;
let world: LinkedWorld;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972504570000', customerPhone: '972504571111' });
}, 60_000);

afterAll(async () => {
  await world?.close();
});

function storedRow(id: string): StoredRaw & { raw: Buffer } {
  return world.app.core.db.$client
    .prepare(`SELECT ${RAW_WITH_COLUMNS} FROM messages WHERE session_id = 'shop' AND id = ?`)
    .get(id) as StoredRaw & { raw: Buffer };
}

const call = <T>(method: string, path: string, json?: unknown) => restCall<T>(world.app, method, path, json);

async function customerWrites(text: string): Promise<Message> {
  const sent = await world.customer.sendText(world.shopJid, text);
  const event = await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === sent.key.id);
  return event.data as Message;
}

describe('the raw protobuf stored packed', () => {
  it('a received text keeps a few bytes, and still takes read receipts, replies and reactions', async () => {
    const received = await customerWrites('Do you have the blue one in size 42?');
    const row = storedRow(received.id);
    expect(row.raw[0]).toBe(0x00);
    const whole = unpackRaw(row.raw, row);
    expect(row.raw.length).toBeLessThan(whole.length / 3);
    expect(proto.WebMessageInfo.decode(whole).key?.id).toBe(received.id);

    const read = await call('POST', `/sessions/shop/chats/${world.customer.jid}/read`, {
      messageIds: [received.id],
    });
    expect(read.status).toBe(200);
    await world.customer.waitForStatus(received.id, READ);

    const reply = await call<Message>('POST', '/sessions/shop/messages', {
      to: `+${world.customer.phone}`,
      type: 'text',
      text: 'Yes, we do',
      replyTo: received.id,
    });
    const got = await world.customer.waitForMessage((m) => m.key.id === reply.body.id);
    expect(got.message?.extendedTextMessage?.contextInfo?.stanzaId).toBe(received.id);
    // The quote carries the text, which the packed raw took from the row.
    const quoted = got.message?.extendedTextMessage?.contextInfo?.quotedMessage;
    expect(quoted?.conversation ?? quoted?.extendedTextMessage?.text).toBe(
      'Do you have the blue one in size 42?',
    );

    const reaction = await call('POST', '/sessions/shop/messages', {
      to: `+${world.customer.phone}`,
      type: 'reaction',
      messageId: received.id,
      emoji: '👍',
    });
    expect(reaction.status).toBe(201);
    const gotReaction = await world.customer.waitFor(() =>
      world.customer.upserts.find((m) => m.message?.reactionMessage?.key?.id === received.id),
    );
    expect(gotReaction.message?.reactionMessage?.key?.fromMe).toBe(true);
  });

  it('a row written before packing (its raw whole) still reads: receipts and forwarding', async () => {
    const received = await customerWrites('Please send it to Haifa');
    const row = storedRow(received.id);
    const whole = unpackRaw(row.raw, row);
    world.app.core.db.$client.prepare(`UPDATE messages SET raw = ? WHERE id = ?`).run(whole, received.id);
    expect(storedRow(received.id).raw.equals(whole)).toBe(true);

    const read = await call('POST', `/sessions/shop/chats/${world.customer.jid}/read`, {
      messageIds: [received.id],
    });
    expect(read.status).toBe(200);
    await world.customer.waitForStatus(received.id, READ);

    const forwarded = await call<Message>('POST', `/sessions/shop/messages/${received.id}/forward`, {
      to: `+${world.customer.phone}`,
    });
    expect(forwarded.status).toBe(201);
    const got = await world.customer.waitForMessage((m) => m.key.id === forwarded.body.id);
    expect(got.message?.extendedTextMessage?.text ?? got.message?.conversation).toBe(
      'Please send it to Haifa',
    );
  });

  it('an edit and a delete keep WhatsApp’s original message in the raw, and reach the customer', async () => {
    const sent = await call<Message>('POST', '/sessions/shop/messages', {
      to: `+${world.customer.phone}`,
      type: 'text',
      text: 'Pickup at 5',
    });
    await world.customer.waitForMessage((m) => m.key.id === sent.body.id);
    expect(storedRow(sent.body.id).raw[0]).toBe(0x00);
    const textOf = (row: StoredRaw & { raw: Buffer }) => {
      const message = proto.WebMessageInfo.decode(unpackRaw(row.raw, row)).message;
      return message?.conversation || message?.extendedTextMessage?.text;
    };

    await call('PATCH', `/sessions/shop/messages/${sent.body.id}`, { text: 'Pickup at 6' });
    const edited = storedRow(sent.body.id);
    expect(edited.text).toBe('Pickup at 6');
    expect(textOf(edited)).toBe('Pickup at 5');
    await world.customer.waitFor(() =>
      world.customer.updates.find((u) => u.key.id === sent.body.id && u.update.message?.editedMessage),
    );

    await call('DELETE', `/sessions/shop/messages/${sent.body.id}`);
    const deleted = storedRow(sent.body.id);
    expect(deleted.text).toBeNull();
    expect(textOf(deleted)).toBe('Pickup at 5');
    await world.customer.waitFor(() =>
      world.customer.updates.find((u) => u.key.id === sent.body.id && u.update.message === null),
    );
  });
});
