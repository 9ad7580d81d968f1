import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { WAMessage } from '@whiskeysockets/baileys';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaItem, MediaList } from '../../../src-shared/contract/media-library.js';
import type { Message } from '../../../src-shared/messages.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import { PDF_BYTES, PNG_1PX, WEBP_1PX } from '../../../testkit/support/media-fixtures.js';

/**
 * The media library through the real path: REST → MediaLibrary → the send service → Baileys →
 * the local WhatsApp server → the customer's own Baileys, which receives and downloads each file.
 */
let world: LinkedWorld;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972503350000', customerPhone: '972504450000' });
}, 90_000);

afterAll(async () => {
  await world?.close();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const dataUrl = (mime: string, bytes: Buffer) => `data:${mime};base64,${bytes.toString('base64')}`;
type ErrorBody = { error: { code: string; field: string; message: string } };

async function call<T>(
  pathname: string,
  init: { method?: string; json?: unknown; body?: FormData; headers?: Record<string, string> } = {},
) {
  const response = await world.app.request(`/api/v1${pathname}`, init);
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

const upload = (json: Record<string, unknown>) =>
  call<MediaItem & ErrorBody>('/media', { method: 'POST', json });
const fileOf = (item: MediaItem) => {
  const hash = world.app.core.db.$client
    .prepare('SELECT sha256 FROM media_library WHERE id = ?')
    .pluck()
    .get(item.id) as string;
  return path.join(world.app.dataDir, 'media', hash.slice(0, 2), hash);
};

describe('uploading', () => {
  it('stores a JSON or multipart upload once, checked, with an expiry, and announces it with the actor', async () => {
    const json = await upload({
      data: dataUrl('image/png', PNG_1PX),
      fileName: 'logo.png',
      ttlSeconds: 3600,
    });
    expect(json.status).toBe(201);
    expect(json.body).toMatchObject({
      type: 'image',
      mimetype: 'image/png',
      size: PNG_1PX.length,
      fileName: 'logo.png',
      session: null,
    });
    expect(json.body.id).toMatch(/^med_/);
    const lifetime = Date.parse(json.body.expiresAt) - Date.parse(json.body.createdAt);
    expect(lifetime).toBe(3600 * 1000);
    expect(existsSync(fileOf(json.body))).toBe(true);
    const event = await world.waitForEvent((e) => e.type === 'media.uploaded' && e.data.id === json.body.id);
    expect(event.actor).toMatchObject({ type: 'key', name: 'API: admin key' });

    const form = new FormData();
    form.set('file', new Blob([PDF_BYTES], { type: 'application/pdf' }), 'prices.pdf');
    form.set('session', 'shop');
    const multipart = await call<MediaItem>('/media', { method: 'POST', body: form });
    expect(multipart.status).toBe(201);
    expect(multipart.body).toMatchObject({ type: 'document', fileName: 'prices.pdf', session: 'shop' });
    // The default lifetime: 30 days.
    expect(Date.parse(multipart.body.expiresAt) - Date.parse(multipart.body.createdAt)).toBe(30 * 86_400_000);
  });

  it('refuses bad files with a 4xx naming the field, and stores nothing', async () => {
    const before = world.app.core.db.$client.prepare('SELECT count(*) FROM media_library').pluck().get();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ data: dataUrl('application/pdf', PDF_BYTES), type: 'image' }, 400, 'data'],
      [{ data: dataUrl('image/webp', Buffer.alloc(2 * 1024 * 1024, 1)), type: 'sticker' }, 400, 'data'],
      [{ data: 'not base64 at all!' }, 400, 'data'],
      [{ data: dataUrl('image/png', PNG_1PX), ttlSeconds: 5 }, 400, 'ttlSeconds'],
      [{ data: dataUrl('image/png', PNG_1PX), session: 'nobody' }, 404, 'session'],
      [{ data: dataUrl('image/png', PNG_1PX), colour: 'red' }, 400, 'colour'],
    ];
    for (const [json, status, field] of cases) {
      const answer = await upload(json);
      expect({ json: Object.keys(json), status: answer.status }).toEqual({ json: Object.keys(json), status });
      if (field !== 'session') expect(answer.body.error.field).toBe(field);
    }
    const form = new FormData();
    form.set('type', 'image');
    form.set('file', new Blob([PDF_BYTES], { type: 'application/pdf' }), 'x.pdf');
    const multipart = await call<ErrorBody>('/media', { method: 'POST', body: form });
    expect(multipart.status).toBe(400);
    expect(multipart.body.error.field).toBe('file');
    expect(world.app.core.db.$client.prepare('SELECT count(*) FROM media_library').pluck().get()).toBe(
      before,
    );
  });
});

describe('sending by id', () => {
  it('sends one upload many times, and several attachments in order in one call', async () => {
    const logo = (await upload({ data: dataUrl('image/png', PNG_1PX), fileName: 'logo.png' })).body;
    const to = `+${world.customer.phone}`;
    for (const caption of ['first time', 'second time']) {
      const sent = await call<Message>('/sessions/shop/messages', {
        method: 'POST',
        json: { to, type: 'image', media: { mediaId: logo.id }, caption },
      });
      expect(sent.status).toBe(201);
      const got = await world.customer.waitForMessage((m) => m.key.id === sent.body.id, 60_000);
      expect(got.message?.imageMessage?.caption).toBe(caption);
      expect(sha256(await world.customer.download(got))).toBe(sha256(PNG_1PX));
    }

    const attachments = [
      { type: 'image', media: { mediaId: logo.id }, caption: 'album 1' },
      {
        type: 'document',
        media: { data: dataUrl('application/pdf', PDF_BYTES) },
        fileName: 'prices.pdf',
        caption: 'album 2',
      },
      { type: 'sticker', media: { data: dataUrl('image/webp', WEBP_1PX) } },
    ];
    const headers = { 'Idempotency-Key': 'album-call-1' };
    const album = await call<{ items: Message[] }>('/sessions/shop/messages/attachments', {
      method: 'POST',
      json: { to, attachments },
      headers,
    });
    expect(album.status).toBe(201);
    expect(album.body.items.map((m) => m.type)).toEqual(['image', 'document', 'sticker']);
    const ids = album.body.items.map((m) => m.id);
    const received: WAMessage[] = [];
    for (const id of ids) received.push(await world.customer.waitForMessage((m) => m.key.id === id, 60_000));
    // In the order given: the customer's copy holds them in the order they arrived.
    const order = world.customer.received.filter((m) => ids.includes(m.key.id!)).map((m) => m.key.id);
    expect(order).toEqual(ids);
    expect(received[1]!.message?.documentMessage?.fileName).toBe('prices.pdf');
    expect(sha256(await world.customer.download(received[1]!))).toBe(sha256(PDF_BYTES));
    expect(sha256(await world.customer.download(received[2]!))).toBe(sha256(WEBP_1PX));

    // The key covers the whole call: a retry answers the same messages and sends nothing.
    const retry = await call<{ items: Message[] }>('/sessions/shop/messages/attachments', {
      method: 'POST',
      json: { to, attachments },
      headers,
    });
    expect(retry.body.items.map((m) => m.id)).toEqual(ids);
    const stored = world.app.core.db.$client
      .prepare(`SELECT count(*) FROM messages WHERE id IN (SELECT value FROM json_each(?))`)
      .pluck()
      .get(JSON.stringify(ids));
    expect(stored).toBe(3);
  }, 180_000);

  it('checks every attachment before sending any, naming the bad one', async () => {
    const before = world.app.core.db.$client
      .prepare('SELECT count(*) FROM messages WHERE from_me = 1')
      .pluck()
      .get();
    const answer = await call<ErrorBody>('/sessions/shop/messages/attachments', {
      method: 'POST',
      json: {
        to: `+${world.customer.phone}`,
        attachments: [
          { type: 'image', media: { data: dataUrl('image/png', PNG_1PX) } },
          { type: 'image', media: { mediaId: 'med_doesnotexist' } },
        ],
      },
    });
    expect(answer.status).toBe(404);
    expect(answer.body.error.field).toBe('attachments.1.media.mediaId');
    const empty = await call<ErrorBody>('/sessions/shop/messages/attachments', {
      method: 'POST',
      json: { to: `+${world.customer.phone}`, attachments: [] },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe('attachments');
    expect(
      world.app.core.db.$client.prepare('SELECT count(*) FROM messages WHERE from_me = 1').pluck().get(),
    ).toBe(before);
  });

  it("refuses another number's upload", async () => {
    await call('/sessions', { method: 'POST', json: { id: 'other', name: 'Other' } });
    const theirs = (await upload({ data: dataUrl('image/png', PNG_1PX), session: 'other' })).body;
    const answer = await call<ErrorBody>('/sessions/shop/messages', {
      method: 'POST',
      json: { to: `+${world.customer.phone}`, type: 'image', media: { mediaId: theirs.id } },
    });
    expect(answer.status).toBe(404);
    expect(answer.body.error.field).toBe('media.mediaId');
  });
});

describe('listing, deleting, expiry, and the number going', () => {
  it('lists newest first in pages, reads one, deletes one (the file goes when nothing else uses it)', async () => {
    const pdf = (
      await upload({ data: dataUrl('application/pdf', Buffer.concat([PDF_BYTES, Buffer.from('x')])) })
    ).body;
    const webp = (await upload({ data: dataUrl('image/webp', WEBP_1PX), type: 'sticker' })).body;
    const first = await call<MediaList>('/media?limit=1');
    expect(first.body.items.map((i) => i.id)).toEqual([webp.id]);
    const second = await call<MediaList>(`/media?limit=1&cursor=${first.body.next}`);
    expect(second.body.items.map((i) => i.id)).toEqual([pdf.id]);
    expect((await call<MediaItem>(`/media/${pdf.id}`)).body).toEqual(pdf);

    const file = fileOf(pdf);
    expect((await call(`/media/${pdf.id}`, { method: 'DELETE' })).status).toBe(204);
    const deleted = await world.waitForEvent((e) => e.type === 'media.deleted' && e.data.id === pdf.id);
    expect(deleted.data).toEqual({ id: pdf.id, reason: 'deleted' });
    expect(deleted.actor).toMatchObject({ type: 'key', name: 'API: admin key' });
    expect(existsSync(file)).toBe(false);
    expect((await call<ErrorBody>(`/media/${pdf.id}`)).status).toBe(404);
    expect((await call<ErrorBody>(`/media/${pdf.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('sweeps expired uploads, keeping a file a sent message still uses', async () => {
    const logo = (await upload({ data: dataUrl('image/png', PNG_1PX) })).body;
    const sent = await call<Message>('/sessions/shop/messages', {
      method: 'POST',
      json: { to: `+${world.customer.phone}`, type: 'image', media: { mediaId: logo.id } },
    });
    expect(sent.status).toBe(201);
    const lonely = (
      await upload({ data: dataUrl('application/pdf', Buffer.concat([PDF_BYTES, Buffer.from('lonely')])) })
    ).body;
    const lonelyFile = fileOf(lonely);
    const logoFile = fileOf(logo);
    // Their time is up (as if a day had passed); the hourly prune sweeps them.
    world.app.core.db.$client
      .prepare('UPDATE media_library SET expires_at = 1 WHERE id IN (?, ?)')
      .run(logo.id, lonely.id);
    expect((await call<ErrorBody>(`/media/${logo.id}`)).status).toBe(404);
    expect(world.app.core.services.mediaLibrary.sweep()).toBeGreaterThanOrEqual(2);
    const expired = await world.waitForEvent((e) => e.type === 'media.deleted' && e.data.id === lonely.id);
    expect(expired.data).toEqual({ id: lonely.id, reason: 'expired' });
    expect(expired.actor.type).toBe('system');
    expect(existsSync(lonelyFile)).toBe(false);
    expect(existsSync(logoFile)).toBe(true);
  });

  it("deletes a number's uploads with the number", async () => {
    await call('/sessions', { method: 'POST', json: { id: 'gone', name: 'Gone' } });
    const mine = (
      await upload({
        data: dataUrl('application/pdf', Buffer.concat([PDF_BYTES, Buffer.from('gone')])),
        session: 'gone',
      })
    ).body;
    const file = fileOf(mine);
    expect(
      (await call('/sessions/gone?keepHistory=true', { method: 'DELETE', json: { confirm: true } })).status,
    ).toBeLessThan(300);
    expect(
      world.app.core.db.$client
        .prepare('SELECT count(*) FROM media_library WHERE id = ?')
        .pluck()
        .get(mine.id),
    ).toBe(0);
    expect(existsSync(file)).toBe(false);
  });
});
