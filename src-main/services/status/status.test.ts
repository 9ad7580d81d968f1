/**
 * Status (stories) with real Baileys on both sides through the local WhatsApp server: a customer
 * posts Status updates the shop receives (text with its colour, a photo downloaded like other
 * media), the shop marks one seen (the read receipt reaches the customer), replies privately
 * (a message to the customer's chat quoting the Status) and posts its own Status.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { proto } from '@whiskeysockets/baileys';
import type { StatusUpdate } from '../../../src-shared/contract/status.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import { ManualClock, systemClock } from '../schedule/index.js';

let world: LinkedWorld;
const LIMIT = 90_000;
const PHOTO = Buffer.from('\xff\xd8\xff\xe0 a status photo', 'latin1');

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972501110311', customerPhone: '972502220311' });
  // The customer writes first, so the shop has them as a contact ("all contacts" below).
  const sent = await world.customer.sendText(world.shopJid, 'Hello?');
  await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === sent.key.id, LIMIT);
}, LIMIT);

afterAll(async () => {
  await world?.close();
});

const api = (path: string, init: RequestInit & { json?: unknown } = {}) =>
  world.app.request(`/api/v1/sessions/shop${path}`, init);
const json = async <T>(response: Response) => (await response.json()) as T;
const received = (id: string | null | undefined) =>
  world.waitForEvent((e) => e.type === 'status.received' && (e.data as StatusUpdate).id === id, LIMIT);

describe('receiving Status', () => {
  it(
    "stores a contact's text Status with its colour, unseen, and announces it",
    async () => {
      const posted = await world.customer.postStatus({ text: 'Fresh bread today' }, [world.shopJid], {
        backgroundColor: '#FF6B6B',
      });
      const event = await received(posted.key.id);
      expect(event.data).toMatchObject({
        id: posted.key.id,
        poster: world.customer.jid,
        kind: 'text',
        text: 'Fresh bread today',
        backgroundColor: '#FF6B6B',
        seen: false,
        fromMe: false,
      });
      // Never a chat message.
      expect(world.events.some((e) => e.type === 'message.received' && e.data.id === posted.key.id)).toBe(
        false,
      );
      const list = await json<{ items: StatusUpdate[] }>(await api('/status'));
      expect(list.items.map((item) => item.id)).toContain(posted.key.id);
    },
    LIMIT,
  );

  it(
    'downloads a photo Status like other media and serves it',
    async () => {
      const posted = await world.customer.postStatus(
        { image: PHOTO, mimetype: 'image/jpeg', caption: 'New stock' },
        [world.shopJid],
      );
      await received(posted.key.id);
      const media = await api(`/status/${posted.key.id}/media`);
      expect(media.status).toBe(200);
      expect(media.headers.get('content-type')).toBe('image/jpeg');
      expect(Buffer.from(await media.arrayBuffer())).toEqual(PHOTO);
      const one = await json<StatusUpdate>(await api(`/status/${posted.key.id}`));
      expect(one).toMatchObject({ kind: 'image', text: 'New stock', media: { stored: true } });
    },
    LIMIT,
  );

  it(
    'marks a Status seen: the read receipt reaches the poster, unseen ones list first',
    async () => {
      const older = await world.customer.postStatus({ text: 'first' }, [world.shopJid]);
      await received(older.key.id);
      const newer = await world.customer.postStatus({ text: 'second' }, [world.shopJid]);
      await received(newer.key.id);
      const seen = await api(`/status/${newer.key.id}/seen`, { method: 'POST' });
      expect(seen.status).toBe(200);
      expect(await json<StatusUpdate>(seen)).toMatchObject({ seen: true, seenAt: expect.any(String) });
      await world.customer.waitFor(
        () => world.customer.readBy(newer.key.id!).length > 0,
        LIMIT,
        'the read receipt of the Status',
      );
      await world.waitForEvent(
        (e) => e.type === 'status.seen' && (e.data as StatusUpdate).id === newer.key.id,
      );
      const ids = (
        await json<{ items: StatusUpdate[] }>(await api(`/status?poster=${world.customer.phone}`))
      ).items.map((item) => item.id);
      // The unseen older one comes before the seen newer one.
      expect(ids.indexOf(older.key.id!)).toBeLessThan(ids.indexOf(newer.key.id!));
      // Status is its own view, never a chat of the inbox.
      const chats = await json<{ items: Array<{ jid: string }> }>(await api('/chats?limit=200'));
      expect(chats.items.map((chat) => chat.jid)).not.toContain('status@broadcast');
    },
    LIMIT,
  );

  it(
    "replies privately: a message to the poster's chat quoting the Status",
    async () => {
      const posted = await world.customer.postStatus({ text: 'Any questions?' }, [world.shopJid]);
      await received(posted.key.id);
      const reply = await api(`/status/${posted.key.id}/reply`, {
        method: 'POST',
        json: { text: 'Yes! Open late?' },
      });
      expect(reply.status).toBe(201);
      expect(await json(reply)).toMatchObject({ chat: world.customer.jid });
      const got = await world.customer.waitForText('Yes! Open late?', LIMIT);
      const context = (got.message?.extendedTextMessage as proto.Message.IExtendedTextMessage | undefined)
        ?.contextInfo;
      expect(context).toMatchObject({ stanzaId: posted.key.id, remoteJid: 'status@broadcast' });
      expect(context?.participant?.split('@')[0]).toBe(world.customer.phone);
      expect(context?.quotedMessage?.extendedTextMessage?.text ?? context?.quotedMessage?.conversation).toBe(
        'Any questions?',
      );
    },
    LIMIT,
  );
});

describe('posting Status', () => {
  it(
    'posts a text Status to a chosen list; the contact receives it with its colour',
    async () => {
      const posted = await api('/status', {
        method: 'POST',
        json: {
          status: { type: 'text', text: 'Sale today', backgroundColor: '#128c7e' },
          audience: [world.customer.phone],
        },
      });
      expect(posted.status).toBe(201);
      const status = await json<StatusUpdate>(posted);
      expect(status).toMatchObject({
        fromMe: true,
        backgroundColor: '#128C7E',
        audience: [world.customer.jid],
      });
      const got = await world.customer.waitForMessage(
        (m) => m.key.remoteJid === 'status@broadcast' && m.key.id === status.id,
        LIMIT,
      );
      expect(got.message?.extendedTextMessage?.text).toBe('Sale today');
      expect(got.message?.extendedTextMessage?.backgroundArgb).toBe(0xff128c7e);
      await world.waitForEvent(
        (e) => e.type === 'status.posted' && (e.data as StatusUpdate).id === status.id,
      );
      const mine = await json<{ items: StatusUpdate[] }>(await api('/status?mine=true'));
      expect(mine.items.map((item) => item.id)).toEqual([status.id]);
    },
    LIMIT,
  );

  it(
    'posts a photo Status to all contacts',
    async () => {
      const posted = await api('/status', {
        method: 'POST',
        json: {
          status: {
            type: 'image',
            media: { data: PHOTO.toString('base64'), mimetype: 'image/jpeg' },
            caption: 'Menu',
          },
        },
      });
      expect(posted.status).toBe(201);
      const status = await json<StatusUpdate>(posted);
      expect(status.audience).toContain(world.customer.jid);
      const got = await world.customer.waitForMessage(
        (m) => m.key.remoteJid === 'status@broadcast' && m.key.id === status.id,
        LIMIT,
      );
      expect(await world.customer.download(got)).toEqual(PHOTO);
    },
    LIMIT,
  );

  it('refuses bad input naming the field, and unknown Status with 404', async () => {
    const bad = async (body: unknown, field: string) => {
      const response = await api('/status', { method: 'POST', json: body });
      expect(response.status).toBe(400);
      expect((await json<{ error: { field: string } }>(response)).error.field).toBe(field);
    };
    await bad({ status: { type: 'text', text: 'x', backgroundColor: 'green' } }, 'status.backgroundColor');
    await bad({ status: { type: 'text', text: '   ' } }, 'status.text');
    await bad({ status: { type: 'text', text: 'x' }, audience: [] }, 'audience');
    await bad({ status: { type: 'audio', text: 'x' } }, 'status.type');
    const before = (await json<{ items: StatusUpdate[] }>(await api('/status?mine=true'))).items.length;
    await bad({ status: { type: 'text', text: 'x' }, audience: ['120363000000@g.us'] }, 'audience.0');
    // Nothing half-written.
    expect((await json<{ items: StatusUpdate[] }>(await api('/status?mine=true'))).items.length).toBe(before);
    expect((await api('/status/NOPE')).status).toBe(404);
    const missing = await api('/status/NOPE/seen', { method: 'POST' });
    expect(missing.status).toBe(404);
    expect((await json<{ error: { field: string } }>(missing)).error.field).toBe('statusId');
  });
});

describe('scheduled Status', () => {
  it(
    'posts a Status when its schedule comes due (a Status is a kind of scheduled message)',
    async () => {
      const created = await world.app.request('/api/v1/schedules', {
        method: 'POST',
        json: {
          session: 'shop',
          message: {
            type: 'status',
            status: { type: 'text', text: 'Happy hour at 5', backgroundColor: '#A259FF' },
            audience: [world.customer.phone],
          },
          sendAt: new Date(Date.now() + 1500).toISOString(),
        },
      });
      expect(created.status).toBe(201);
      const schedule = await json<{ id: string; message: { type: string } }>(created);
      expect(schedule.message.type).toBe('status');
      const posted = await world.waitForEvent(
        (e) => e.type === 'status.posted' && (e.data as StatusUpdate).text === 'Happy hour at 5',
        LIMIT,
      );
      expect(posted.actor).toMatchObject({ type: 'system', name: 'Scheduled message', id: schedule.id });
      const got = await world.customer.waitForMessage(
        (m) => m.key.remoteJid === 'status@broadcast' && m.key.id === (posted.data as StatusUpdate).id,
        LIMIT,
      );
      expect(got.message?.extendedTextMessage?.backgroundArgb).toBe(0xffa259ff);
      await world.waitForEvent(
        (e) => e.type === 'schedule.sent' && JSON.stringify(e.data).includes(schedule.id),
        LIMIT,
      );
    },
    LIMIT,
  );

  it(
    'a scheduled Status interrupted mid-post is posted again under the same id: contacts see it once',
    async () => {
      const { messaging, scheduling } = world.app.core.services;
      const sendAt = Date.now() + 3_600_000;
      const created = await world.app.request('/api/v1/schedules', {
        method: 'POST',
        json: {
          session: 'shop',
          message: {
            type: 'status',
            status: { type: 'text', text: 'Posted once', backgroundColor: '#25D366' },
            audience: [world.customer.phone],
          },
          sendAt: new Date(sendAt).toISOString(),
        },
      });
      expect(created.status).toBe(201);
      const schedule = await json<{ id: string; sendAt: string }>(created);
      // What a crash mid-post leaves: the id chosen and remembered under the occurrence's key,
      // the post accepted by WhatsApp, nothing stored yet.
      const id = messaging.actions.newMessageId('shop');
      messaging.idempotency.remember(
        { scope: 'status:shop', key: `schedule:${schedule.id}:${Date.parse(schedule.sendAt)}` },
        { pendingId: id },
      );
      await messaging.actions.postStatus(
        'shop',
        { kind: 'text', text: 'Posted once', backgroundColor: '#25D366' },
        [world.customer.jid],
        id,
      );
      await world.customer.waitForMessage((m) => m.key.id === id, LIMIT);
      const sqlite = world.app.core.db.$client;
      sqlite.prepare(`DELETE FROM status_updates WHERE id = ?`).run(id);
      // The retry comes due.
      scheduling.useClock(new ManualClock(Date.parse(schedule.sendAt) + 1000));
      try {
        const sent = await world.waitForEvent(
          (e) => e.type === 'schedule.sent' && JSON.stringify(e.data).includes(schedule.id),
          LIMIT,
        );
        expect(JSON.stringify(sent.data)).toContain(id);
      } finally {
        scheduling.useClock(systemClock);
      }
      const stored = sqlite
        .prepare(`SELECT id FROM status_updates WHERE text = 'Posted once'`)
        .pluck()
        .all() as string[];
      expect(stored).toEqual([id]);
      // Every copy the contact got carries the one id (a phone shows an id once).
      const copies = world.customer.received.filter(
        (m) =>
          m.key.remoteJid === 'status@broadcast' && m.message?.extendedTextMessage?.text === 'Posted once',
      );
      expect(new Set(copies.map((m) => m.key.id))).toEqual(new Set([id]));
    },
    LIMIT,
  );

  it(
    'with an Idempotency-Key, concurrent and later retries of a post answer the first one',
    async () => {
      const request = () =>
        api('/status', {
          method: 'POST',
          headers: { 'Idempotency-Key': 'status-retry-1' },
          json: {
            status: { type: 'text', text: 'Only one', backgroundColor: '#128C7E' },
            audience: [world.customer.phone],
          },
        });
      const [first, second] = await Promise.all([request(), request()]);
      expect([first.status, second.status]).toEqual([201, 201]);
      const a = await json<StatusUpdate>(first);
      expect((await json<StatusUpdate>(second)).id).toBe(a.id);
      expect((await json<StatusUpdate>(await request())).id).toBe(a.id);
      const sqlite = world.app.core.db.$client;
      expect(
        sqlite.prepare(`SELECT count(*) FROM status_updates WHERE text = 'Only one'`).pluck().get(),
      ).toBe(1);
      await world.customer.waitForMessage((m) => m.key.id === a.id, LIMIT);
      const copies = world.customer.received.filter(
        (m) => m.key.remoteJid === 'status@broadcast' && m.message?.extendedTextMessage?.text === 'Only one',
      );
      expect(new Set(copies.map((m) => m.key.id))).toEqual(new Set([a.id]));
    },
    LIMIT,
  );

  it(
    'over /rpc (the UI), a retry with the same idempotencyKey answers the first post',
    async () => {
      const request = () =>
        world.app.request('/rpc/status.post', {
          method: 'POST',
          json: {
            session: 'shop',
            status: { type: 'text', text: 'Once from the UI', backgroundColor: '#128C7E' },
            audience: [world.customer.phone],
            idempotencyKey: 'ui-status-post-1',
          },
        });
      const first = await request();
      expect(first.status).toBe(200);
      const a = (await json<{ result: StatusUpdate }>(first)).result;
      expect(a).toMatchObject({ fromMe: true, text: 'Once from the UI' });
      // The answer was lost; the UI retries the same post with the same key.
      const again = await request();
      expect(again.status).toBe(200);
      expect((await json<{ result: StatusUpdate }>(again)).result.id).toBe(a.id);
      const sqlite = world.app.core.db.$client;
      expect(
        sqlite.prepare(`SELECT count(*) FROM status_updates WHERE text = 'Once from the UI'`).pluck().get(),
      ).toBe(1);
      // A bad key is a 400 naming it, not a post.
      const bad = await world.app.request('/rpc/status.post', {
        method: 'POST',
        json: {
          session: 'shop',
          status: { type: 'text', text: 'Bad key', backgroundColor: '#128C7E' },
          audience: [world.customer.phone],
          idempotencyKey: 'k'.repeat(201),
        },
      });
      expect(bad.status).toBe(400);
      expect((await json<{ error: { field: string } }>(bad)).error.field).toBe('idempotencyKey');
    },
    LIMIT,
  );

  it('refuses a scheduled Status with bad content, naming the field', async () => {
    const bad = await world.app.request('/api/v1/schedules', {
      method: 'POST',
      json: {
        session: 'shop',
        message: { type: 'status', status: { type: 'text', text: 'x', backgroundColor: 'red' } },
        sendAt: new Date(Date.now() + 3_600_000).toISOString(),
      },
    });
    expect(bad.status).toBe(400);
    expect((await json<{ error: { field: string } }>(bad)).error.field).toBe(
      'message.status.backgroundColor',
    );
    // Who it goes to is checked now too, not when it comes due (it would only fail then).
    const group = await world.app.request('/api/v1/schedules', {
      method: 'POST',
      json: {
        session: 'shop',
        message: {
          type: 'status',
          status: { type: 'text', text: 'x' },
          audience: [world.customer.phone, '120363000000@g.us'],
        },
        sendAt: new Date(Date.now() + 3_600_000).toISOString(),
      },
    });
    expect(group.status).toBe(400);
    expect((await json<{ error: { field: string } }>(group)).error.field).toBe('message.audience.1');
  });
});

describe('expiry', () => {
  it('sweeps Status older than 24 hours', async () => {
    const sqlite = world.app.core.db.$client;
    sqlite
      .prepare(
        `INSERT INTO status_updates (session_id, id, poster_jid, from_me, kind, text, posted_at, expires_at)
         VALUES ('shop', 'OLD1', ?, 0, 'text', 'old', ?, ?)`,
      )
      .run(world.customer.jid, Date.now() - 25 * 3600_000, Date.now() - 3600_000);
    expect((await api('/status/OLD1')).status).toBe(404);
    expect(world.app.core.services.messaging.status.sweep()).toBe(1);
    expect(sqlite.prepare(`SELECT count(*) FROM status_updates WHERE id = 'OLD1'`).pluck().get()).toBe(0);
  });
});

describe('deleting the number', () => {
  it('removes its Status and their photo files, even when the chat history is kept', async () => {
    const sqlite = world.app.core.db.$client;
    const photos = sqlite
      .prepare(`SELECT DISTINCT media_sha256 FROM status_updates WHERE media_sha256 IS NOT NULL`)
      .pluck()
      .all() as string[];
    expect(photos.length).toBeGreaterThan(0);
    const file = (sha256: string) => path.join(world.app.dataDir, 'media', sha256.slice(0, 2), sha256);
    expect(photos.every((sha256) => existsSync(file(sha256)))).toBe(true);
    const deleted = await world.app.request('/api/v1/sessions/shop?keepHistory=true', {
      method: 'DELETE',
      json: { confirm: true },
    });
    expect(deleted.status).toBe(204);
    expect(sqlite.prepare(`SELECT count(*) FROM status_updates`).pluck().get()).toBe(0);
    expect(photos.filter((sha256) => existsSync(file(sha256)))).toEqual([]);
  });
});
