import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { WAMessage } from '@whiskeysockets/baileys';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageText } from '../../../testkit/wa-emulator/customer.js';
import type { Message } from '../../../src-shared/messages.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import {
  MP4_BYTES,
  OGG_BYTES,
  PDF_BYTES,
  PNG_1PX,
  WEBP_1PX,
} from '../../../testkit/support/media-fixtures.js';
import { webmToOgg } from './voice-note/webm-to-ogg.js';

let world: LinkedWorld;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972503330000', customerPhone: '972504440000' });
}, 60_000);

afterAll(async () => {
  await world?.close();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const dataUrl = (mime: string, bytes: Buffer) => `data:${mime};base64,${bytes.toString('base64')}`;

async function send(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await world.app.request('/api/v1/sessions/shop/messages', {
    method: 'POST',
    json: { to: `+${world.customer.phone}`, ...body },
    headers,
  });
  return {
    status: response.status,
    body: (await response.json()) as Message & { error?: { code: string; field: string } },
  };
}

/** What the customer received with this id. */
function arrived(id: string): Promise<WAMessage> {
  return world.customer.waitForMessage((m) => m.key.id === id);
}

function messageCount(): number {
  return (world.app.core.db.$client.prepare(`SELECT count(*) AS n FROM messages`).get() as { n: number }).n;
}

describe('sending each type', () => {
  it('text, with a reply and a mention, reaches the customer; receipts move it to delivered and read', async () => {
    const first = await send({ type: 'text', text: 'Your order is ready 🎉' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ type: 'text', fromMe: true, text: 'Your order is ready 🎉' });
    const received = await arrived(first.body.id);
    expect(messageText(received)).toBe('Your order is ready 🎉');
    await world.waitForEvent(
      (e) => e.type === 'message.ack' && e.data.id === first.body.id && e.data.status === 'delivered',
    );
    await world.customer.read([received]);
    await world.waitForEvent(
      (e) => e.type === 'message.ack' && e.data.id === first.body.id && e.data.status === 'read',
    );
    const stored = await world.app.request(`/api/v1/sessions/shop/messages/${first.body.id}`);
    expect(((await stored.json()) as Message).status).toBe('read');

    const reply = await send({
      type: 'text',
      text: 'See you soon',
      replyTo: first.body.id,
      mentions: [world.customer.phone],
    });
    const got = await arrived(reply.body.id);
    const context = got.message?.extendedTextMessage?.contextInfo;
    expect(context?.stanzaId).toBe(first.body.id);
    expect(context?.mentionedJid).toContain(world.customer.jid);
    expect(reply.body.quotedId).toBe(first.body.id);
  });

  it('media of every kind arrives with the same bytes', async () => {
    const cases = [
      {
        type: 'image',
        mime: 'image/png',
        bytes: PNG_1PX,
        extra: { caption: 'the menu' },
        field: 'imageMessage',
      },
      { type: 'video', mime: 'video/mp4', bytes: MP4_BYTES, extra: {}, field: 'videoMessage' },
      {
        type: 'audio',
        mime: 'audio/ogg',
        bytes: OGG_BYTES,
        extra: { voiceNote: true },
        field: 'audioMessage',
      },
      {
        type: 'document',
        mime: 'application/pdf',
        bytes: PDF_BYTES,
        extra: { fileName: 'price-list.pdf' },
        field: 'documentMessage',
      },
      { type: 'sticker', mime: 'image/webp', bytes: WEBP_1PX, extra: {}, field: 'stickerMessage' },
    ] as const;
    for (const testCase of cases) {
      const result = await send({
        type: testCase.type,
        media: { data: dataUrl(testCase.mime, testCase.bytes) },
        ...testCase.extra,
      });
      expect(result.status, JSON.stringify(result.body)).toBe(201);
      const got = await arrived(result.body.id);
      expect(got.message?.[testCase.field]).toBeTruthy();
      expect(sha256(await world.customer.download(got))).toBe(sha256(testCase.bytes));
      // Our own copy is served too.
      const ours = await world.app.request(`/api/v1/sessions/shop/messages/${result.body.id}/media`);
      expect(sha256(Buffer.from(await ours.arrayBuffer()))).toBe(sha256(testCase.bytes));
    }
    const audio = world.customer.received.find((m) => m.message?.audioMessage);
    expect(audio?.message?.audioMessage?.ptt).toBe(true);
    const doc = world.customer.received.find((m) => m.message?.documentMessage);
    expect(doc?.message?.documentMessage?.fileName).toBe('price-list.pdf');
  });

  it('a voice note recorded by a browser (WebM) arrives as Ogg/Opus, and is stored as such', async () => {
    const webm = readFileSync(new URL('../../../testkit/support/fixtures/voice-note.webm', import.meta.url));
    const result = await send({
      type: 'audio',
      voiceNote: true,
      media: { data: dataUrl('audio/webm;codecs=opus', webm) },
    });
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    const audio = (await arrived(result.body.id)).message?.audioMessage;
    expect(audio?.ptt).toBe(true);
    expect(audio?.mimetype).toBe('audio/ogg; codecs=opus');
    const got = await world.customer.download(await arrived(result.body.id));
    expect(got.subarray(0, 4).toString('latin1')).toBe('OggS');
    expect(sha256(got)).toBe(sha256(webmToOgg(webm)));
    // Our own copy is the Ogg too.
    expect(result.body.media?.mimetype).toBe('audio/ogg; codecs=opus');
    const ours = await world.app.request(`/api/v1/sessions/shop/messages/${result.body.id}/media`);
    expect(ours.headers.get('content-type')).toContain('audio/ogg');
    expect(sha256(Buffer.from(await ours.arrayBuffer()))).toBe(sha256(got));
  });

  it('a voice note WebM that cannot be converted is still sent, unchanged', async () => {
    const webm = readFileSync(new URL('../../../testkit/support/fixtures/voice-note.webm', import.meta.url));
    const truncated = webm.subarray(0, 300);
    const result = await send({
      type: 'audio',
      voiceNote: true,
      media: { data: dataUrl('audio/webm', truncated) },
    });
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    const got = await arrived(result.body.id);
    expect(got.message?.audioMessage?.mimetype).toBe('audio/webm');
    expect(sha256(await world.customer.download(got))).toBe(sha256(truncated));
  });

  it('a multipart upload sends the file', async () => {
    const form = new FormData();
    form.set('to', world.customer.phone);
    form.set('type', 'image');
    form.set('caption', 'uploaded');
    form.set('file', new Blob([PNG_1PX], { type: 'image/png' }), 'photo.png');
    const response = await world.app.request('/api/v1/sessions/shop/messages', {
      method: 'POST',
      body: form,
    });
    const body = (await response.json()) as Message;
    expect(response.status).toBe(201);
    const got = await arrived(body.id);
    expect(got.message?.imageMessage?.caption).toBe('uploaded');
    expect(sha256(await world.customer.download(got))).toBe(sha256(PNG_1PX));
  });

  it("a contact card by a stored contact's id carries its name and number (issue #26 point 8)", async () => {
    world.app.core.services.messaging.contacts.upsert('shop', [
      {
        jid: '972501239876@s.whatsapp.net',
        lid: null,
        phone: '972501239876',
        name: 'Avi Cohen',
        notify: null,
        verifiedName: null,
      },
    ]);
    const card = await send({ type: 'contact', contacts: [{ contact: '972501239876@s.whatsapp.net' }] });
    expect(card.status).toBe(201);
    const got = (await arrived(card.body.id)).message?.contactMessage;
    expect(got?.displayName).toBe('Avi Cohen');
    expect(got?.vcard).toContain('waid=972501239876');
    // By phone too, with a name of the sender's choosing.
    const renamed = await send({
      type: 'contact',
      contacts: [{ contact: '+972501239876', name: 'Avi (delivery)' }],
    });
    expect((await arrived(renamed.body.id)).message?.contactMessage?.displayName).toBe('Avi (delivery)');
    // Not a stored contact: refused naming the field, nothing sent.
    const before = messageCount();
    const unknown = await send({ type: 'contact', contacts: [{ contact: '972509999999@s.whatsapp.net' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'contacts.0.contact' });
    const both = await send({
      type: 'contact',
      contacts: [{ contact: '972501239876', phone: '+972501239876' }],
    });
    expect(both.status).toBe(400);
    expect(messageCount()).toBe(before);
  });

  it('location, contact card, poll and reaction arrive as such', async () => {
    const location = await send({ type: 'location', latitude: 32.0853, longitude: 34.7818, name: 'Shop' });
    expect((await arrived(location.body.id)).message?.locationMessage?.degreesLatitude).toBeCloseTo(32.0853);
    const contact = await send({ type: 'contact', contacts: [{ name: 'Support', phone: '+972501234567' }] });
    expect((await arrived(contact.body.id)).message?.contactMessage?.vcard).toContain('waid=972501234567');
    const poll = await send({ type: 'poll', name: 'Pickup time?', options: ['Morning', 'Evening'] });
    const gotPoll = await arrived(poll.body.id);
    const pollMessage = gotPoll.message?.pollCreationMessage ?? gotPoll.message?.pollCreationMessageV3;
    expect(pollMessage?.options?.map((o) => o.optionName)).toEqual(['Morning', 'Evening']);

    const reaction = await send({ type: 'reaction', messageId: location.body.id, emoji: '❤️' });
    expect(reaction.status).toBe(201);
    const gotReaction = await world.customer.waitFor(() =>
      world.customer.upserts.find((m) => m.message?.reactionMessage?.key?.id === location.body.id),
    );
    expect(gotReaction.message?.reactionMessage?.text).toBe('❤️');
    expect(reaction.body.reactions).toEqual([expect.objectContaining({ emoji: '❤️' })]);
  });

  it('edits and deletes for everyone reach the customer', async () => {
    const sent = await send({ type: 'text', text: 'Pickup at 5' });
    await arrived(sent.body.id);
    const edited = await world.app.request(`/api/v1/sessions/shop/messages/${sent.body.id}`, {
      method: 'PATCH',
      json: { text: 'Pickup at 6' },
    });
    expect(((await edited.json()) as Message).text).toBe('Pickup at 6');
    await world.customer.waitFor(() =>
      world.customer.updates.find((u) => u.key.id === sent.body.id && u.update.message?.editedMessage),
    );
    const deleted = await world.app.request(`/api/v1/sessions/shop/messages/${sent.body.id}`, {
      method: 'DELETE',
    });
    expect(((await deleted.json()) as Message).revoked).toBe(true);
    await world.customer.waitFor(() =>
      world.customer.updates.find((u) => u.key.id === sent.body.id && u.update.message === null),
    );
  });

  it('an Idempotency-Key makes a retry return the first result and send nothing twice', async () => {
    const headers = { 'Idempotency-Key': 'order-1234-ready' };
    const first = await send({ type: 'text', text: 'Only once, please' }, headers);
    const retry = await send({ type: 'text', text: 'Only once, please' }, headers);
    expect(retry.body.id).toBe(first.body.id);
    await arrived(first.body.id);
    expect(world.customer.received.filter((m) => messageText(m) === 'Only once, please')).toHaveLength(1);
  });
});

describe('crash safety', () => {
  it('a retry after a crash mid-send reuses the message id chosen before sending', async () => {
    // The state a crash between "id chosen" and "result stored" leaves behind.
    world.app.core.db.$client
      .prepare(`INSERT INTO idempotency_keys (scope, key, response, created_at) VALUES (?, ?, ?, ?)`)
      .run('send:shop', 'crash-1', JSON.stringify({ pendingId: '3EB0C0FFEE0000000001' }), Date.now());
    const retry = await send({ type: 'text', text: 'after the crash' }, { 'Idempotency-Key': 'crash-1' });
    expect(retry.body.id).toBe('3EB0C0FFEE0000000001');
    expect(messageText(await arrived('3EB0C0FFEE0000000001'))).toBe('after the crash');
  });
});

describe('refusing bad input', () => {
  it('names the problem with a 4xx and stores nothing', async () => {
    const before = messageCount();
    const cases: [Record<string, unknown>, number, string, string?][] = [
      [{ type: 'text', text: '   ' }, 400, 'VALIDATION_FAILED', 'text'],
      [{ type: 'text', text: 'hi', to: 'not a number' }, 400, 'VALIDATION_FAILED', 'to'],
      [{ type: 'text', text: 'hi', to: '+972 59 999 9999' }, 400, 'VALIDATION_FAILED', 'to'],
      [
        { type: 'image', media: { data: dataUrl('application/pdf', PDF_BYTES) } },
        400,
        'VALIDATION_FAILED',
        'media.data',
      ],
      [
        { type: 'sticker', media: { data: dataUrl('image/webp', Buffer.alloc(2 * 1024 * 1024, 1)) } },
        400,
        'VALIDATION_FAILED',
        'media.data',
      ],
      [{ type: 'image', media: { url: 'http://example.com/a.png' } }, 400, 'VALIDATION_FAILED', 'media.url'],
      [{ type: 'text', text: 'hi', replyTo: 'NOPE1234' }, 400, 'VALIDATION_FAILED', 'replyTo'],
      [{ type: 'hologram' }, 400, 'VALIDATION_FAILED', 'type'],
    ];
    for (const [body, status, code, field] of cases) {
      const result = await send(body);
      expect(result.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(result.body.error).toMatchObject({ code, ...(field ? { field } : {}) });
    }
    const unknown = await world.app.request('/api/v1/sessions/nobody/messages', {
      method: 'POST',
      json: { to: world.customer.phone, type: 'text', text: 'hi' },
    });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('SESSION_NOT_FOUND');
    expect(messageCount()).toBe(before);
  });
});

describe('attribution', () => {
  it('records who sent a message: on the message, in history, and on the message.sent event', async () => {
    const created = await world.app.request('/api/v1/keys', {
      method: 'POST',
      json: { name: 'crm', scopes: ['messages:send', 'messages:read'] },
    });
    const { key } = (await created.json()) as { key: string };
    const response = await world.app.request('/api/v1/sessions/shop/messages', {
      method: 'POST',
      key,
      json: { to: `+${world.customer.phone}`, type: 'text', text: 'From the CRM' },
    });
    expect(response.status).toBe(201);
    const sent = (await response.json()) as Message;
    expect(sent.sentBy).toMatchObject({ type: 'key', name: 'API: crm' });
    const event = await world.waitForEvent((e) => e.type === 'message.sent' && e.data.id === sent.id);
    expect(event.actor).toMatchObject({ type: 'key', name: 'API: crm' });
    const page = (await (
      await world.app.request(`/api/v1/sessions/shop/chats/${world.customer.phone}/messages`)
    ).json()) as { items: Message[] };
    expect(page.items.find((message) => message.id === sent.id)?.sentBy?.name).toBe('API: crm');
    // A message from the customer carries no sender of ours.
    expect(
      page.items.filter((message) => !message.fromMe).every((message) => message.sentBy === undefined),
    ).toBe(true);
  });
});
