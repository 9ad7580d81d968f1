/**
 * Scheduled messages end to end: a real core with session `shop` linked on the local WhatsApp
 * server and a real Baileys customer. The scheduler's clock is a ManualClock, so "2 s ahead"
 * and "a day later" take no real time.
 */
import type { WAMessage } from '@whiskeysockets/baileys';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageText } from '../../../testkit/wa-emulator/customer.js';
import type { Schedule } from '../../../src-shared/contract/schedule.js';
import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import type { Message } from '../../../src-shared/messages.js';
import { nextEvent } from '../../../testkit/support/events.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';
import { ManualClock } from './clock.js';

let world: LinkedWorld;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972505550000', customerPhone: '972505550001' });
}, 60_000);

afterAll(async () => {
  await world?.close();
});

async function call<T>(
  app: TestCore,
  path: string,
  method = 'GET',
  json?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await app.request(path, { method, ...(json !== undefined ? { json } : {}) });
  return { status: response.status, body: (await response.json()) as T };
}

const texts = (from: WAMessage[], text: string) => from.filter((m) => messageText(m) === text);

/**
 * Sends a last message straight away and waits until the customer has it: WhatsApp keeps one
 * sender's messages in order, so anything sent before it has arrived by then too.
 */
async function flush(app: TestCore, label: string): Promise<void> {
  const { body } = await call<Message>(app, '/api/v1/sessions/shop/messages', 'POST', {
    to: world.customer.phone,
    type: 'text',
    text: `marker ${label}`,
  });
  await world.customer.waitForMessage((m) => m.key.id === body.id);
}

function waitForSchedule(app: TestCore, id: string, status: Schedule['status']): Promise<AnyEventEnvelope> {
  return nextEvent(
    app.core.bus,
    (e) =>
      (e.type === 'schedule.sent' || e.type === 'schedule.failed') &&
      e.data.schedule.id === id &&
      e.data.schedule.status === status,
  );
}

describe('scheduled messages', () => {
  it('2 s ahead arrives once; a cancelled one never; an edited one with the new text', async () => {
    const { app, customer } = world;
    const clock = new ManualClock();
    app.core.services.scheduling.useClock(clock);
    const inTwoSeconds = new Date(clock.now() + 2000).toISOString();
    const schedule = (text: string) =>
      call<Schedule>(app, '/api/v1/schedules', 'POST', {
        session: 'shop',
        message: { to: `+${customer.phone}`, type: 'text', text },
        sendAt: inTwoSeconds,
        timeZone: 'Asia/Jerusalem',
      });

    const due = await schedule('Your table is ready at 20:00');
    expect(due.status).toBe(201);
    expect(due.body).toMatchObject({ status: 'pending', sendAt: inTwoSeconds, timeZone: 'Asia/Jerusalem' });
    const cancelled = await schedule('This one is cancelled');
    const edited = await schedule('Old text');
    // sendAt on the send endpoint makes a schedule too.
    const viaSend = await call<Schedule>(app, '/api/v1/sessions/shop/messages', 'POST', {
      to: customer.phone,
      type: 'text',
      text: 'Scheduled from the send endpoint',
      sendAt: inTwoSeconds,
    });
    expect(viaSend).toMatchObject({ status: 201, body: { status: 'pending', session: 'shop' } });

    expect((await call<Schedule>(app, `/api/v1/schedules/${cancelled.body.id}`, 'DELETE')).body.status).toBe(
      'cancelled',
    );
    const patched = await call<Schedule>(app, `/api/v1/schedules/${edited.body.id}`, 'PATCH', {
      message: { to: customer.phone, type: 'text', text: 'New text, edited' },
    });
    expect(patched.body.message).toMatchObject({ text: 'New text, edited' });

    const sent = [due, edited, viaSend].map((s) => waitForSchedule(app, s.body.id, 'sent'));
    clock.advance(1999);
    const early = await call<{ items: Schedule[] }>(app, '/api/v1/schedules?status=sent&session=shop');
    expect(early.body.items).toHaveLength(0);
    clock.advance(1);
    await Promise.all(sent);
    // Each one arrives (a delivery WhatsApp retries may land after later messages), then a last
    // marker proves nothing else, such as a duplicate or the cancelled one, is on its way.
    for (const text of [
      'Your table is ready at 20:00',
      'New text, edited',
      'Scheduled from the send endpoint',
    ])
      await customer.waitForText(text);
    await flush(app, 'first test');

    expect(texts(customer.received, 'Your table is ready at 20:00')).toHaveLength(1);
    expect(texts(customer.received, 'New text, edited')).toHaveLength(1);
    expect(texts(customer.received, 'Scheduled from the send endpoint')).toHaveLength(1);
    expect(texts(customer.received, 'This one is cancelled')).toHaveLength(0);
    expect(texts(customer.received, 'Old text')).toHaveLength(0);

    const shown = await call<Schedule>(app, `/api/v1/schedules/${due.body.id}`);
    expect(shown.body).toMatchObject({ status: 'sent', sentAt: new Date(clock.now()).toISOString() });
    const received = texts(customer.received, 'Your table is ready at 20:00')[0]!;
    expect(shown.body.sentMessageId).toBe(received.key.id);
    const listed = await call<{ items: Schedule[] }>(app, '/api/v1/schedules?status=cancelled');
    expect(listed.body.items.map((s) => s.id)).toEqual([cancelled.body.id]);
    // Sent ones cannot be edited any more.
    const late = await call<{ error: { code: string } }>(app, `/api/v1/schedules/${due.body.id}`, 'PATCH', {
      sendAt: new Date(clock.now() + 60_000).toISOString(),
    });
    expect(late).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });
  });

  it('refuses a time without an offset, or in the past', async () => {
    const base = { session: 'shop', message: { to: world.customer.phone, type: 'text', text: 'x' } };
    const noOffset = await call<{ error: { field: string } }>(world.app, '/api/v1/schedules', 'POST', {
      ...base,
      sendAt: '2030-01-01T09:00:00',
    });
    expect(noOffset).toMatchObject({ status: 400, body: { error: { field: 'sendAt' } } });
    const past = await call<{ error: { message: string } }>(world.app, '/api/v1/schedules', 'POST', {
      ...base,
      sendAt: '2020-01-01T09:00:00Z',
    });
    expect(past.body.error.message).toMatch(/future/);
  });

  it('over /rpc (the UI), a retry with the same idempotencyKey answers the first schedule', async () => {
    const sendAt = new Date(Date.now() + 3_600_000).toISOString();
    const create = (idempotencyKey: string) =>
      call<{ result: Schedule } & { error: { field: string } }>(world.app, '/rpc/schedules.create', 'POST', {
        session: 'shop',
        message: { to: world.customer.phone, type: 'text', text: 'Scheduled once from the UI' },
        sendAt,
        idempotencyKey,
      });
    const first = await create('ui-schedule-1');
    expect(first.status).toBe(200);
    // The answer was lost with the connection; the UI sends the same draft again.
    const again = await create('ui-schedule-1');
    expect(again.body.result.id).toBe(first.body.result.id);
    const rows = world.app.core.db.$client
      .prepare(`SELECT count(*) FROM schedules WHERE message ->> '$.text' = 'Scheduled once from the UI'`)
      .pluck()
      .get();
    expect(rows).toBe(1);
    // Another draft (a new key) is another schedule; a bad key is a 400 naming it.
    expect((await create('ui-schedule-2')).body.result.id).not.toBe(first.body.result.id);
    const bad = await create('k'.repeat(201));
    expect(bad).toMatchObject({ status: 400, body: { error: { field: 'idempotencyKey' } } });
  });

  it('stopped before the time and started after it: sent once, or marked missed past the limit', async () => {
    const { app, customer, emulator } = world;
    const clock = new ManualClock();
    app.core.services.scheduling.useClock(clock);
    const at = (ms: number) => new Date(clock.now() + ms).toISOString();
    const create = (text: string, sendAt: string) =>
      call<Schedule>(app, '/api/v1/schedules', 'POST', {
        session: 'shop',
        message: { to: customer.phone, type: 'text', text },
        sendAt,
      });
    const hour = 3_600_000;
    const onTime = await create('Sent after the restart', at(25 * hour));
    const tooOld = await create('Too old to send', at(60_000));

    await app.core.stop();
    clock.advance(25 * hour + 30 * 60_000); // the app was closed for a day
    const restarted = await startTestCore({
      CHATDOCK_WA_SERVER_URL: emulator.wsUrl,
      CHATDOCK_WA_SERVER_ROOT_KEY: emulator.rootKeyHex,
      CHATDOCK_DATA_DIR: app.dataDir,
    });
    try {
      const sent = waitForSchedule(restarted, onTime.body.id, 'sent');
      const missed = waitForSchedule(restarted, tooOld.body.id, 'missed');
      restarted.core.services.scheduling.useClock(clock);
      const failed = await missed;
      expect(failed.type === 'schedule.failed' && failed.data.error).toMatch(/missed/);
      await sent;
      await customer.waitForText('Sent after the restart');
      await flush(restarted, 'after restart');
      expect(texts(customer.received, 'Sent after the restart')).toHaveLength(1);
      expect(texts(customer.received, 'Too old to send')).toHaveLength(0);
      const shown = await call<Schedule>(restarted, `/api/v1/schedules/${tooOld.body.id}`);
      expect(shown.body).toMatchObject({
        status: 'missed',
        lastError: expect.stringMatching(/1440 minutes/),
      });
      const settings = await call<{ missAfterMinutes: number }>(
        restarted,
        '/api/v1/schedules/settings',
        'PUT',
        {
          missAfterMinutes: 90,
        },
      );
      expect(settings.body).toEqual({ missAfterMinutes: 90 });
    } finally {
      await restarted.core.stop();
    }
  });
});
