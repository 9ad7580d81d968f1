/**
 * The claim logic of the scheduler and the campaign runner on a real (in-memory) database with a
 * manual clock and a recording sender: nothing is sent twice, offline sessions are retried,
 * overdue rows are missed, rows a crash left in `sending` are retried with the same key.
 */
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import type { ScheduledMessage } from '../../../src-shared/contract/schedule.js';
import { AppError } from '../../../src-shared/errors.js';
import type { Message } from '../../../src-shared/messages.js';
import type { SendMessageInput } from '../../../src-shared/send-schemas.js';
import { EventBus } from '../../core/event-bus.js';
import { openDatabase, type Db } from '../../db/connection.js';
import { EventRecorder } from '../events/event-recorder.js';
import { IdempotencyKeys } from '../idempotency/idempotency.js';
import type { SessionService } from '../sessions/sessions.js';
import { SettingsService } from '../settings/settings.js';
import { CampaignRunner } from './campaign-runner.js';
import { CampaignService } from './campaign-service.js';
import { ManualClock } from './clock.js';
import { OptOutService } from './opt-outs.js';
import { ScheduleService } from './schedule-service.js';
import { Scheduler } from './scheduler.js';

const logger = pino({ level: 'silent' });
const sessions = { get: () => ({}) } as unknown as SessionService;

interface Sent {
  session: string;
  message: SendMessageInput;
  key: string;
}

let db: Db;
let bus: EventBus;
let events: EventRecorder;
let clock: ManualClock;
let sent: Sent[];
let published: AnyEventEnvelope[];
let connected: boolean;
/** Resolves each pending send when called; sends finish at once unless `hold` is set. */
let hold: boolean;
let held: (() => void)[];

function fakeMessage(input: SendMessageInput, n: number): Message {
  return { id: `MSG${n}`, chat: input.to } as Message;
}

async function sender(session: string, message: SendMessageInput, key: string): Promise<Message> {
  if (!connected) throw new AppError('NOT_CONNECTED', 'offline');
  sent.push({ session, message, key });
  const result = fakeMessage(message, sent.length);
  if (hold) await new Promise<void>((resolve) => held.push(resolve));
  return result;
}

beforeEach(() => {
  db = openDatabase(':memory:');
  bus = new EventBus(logger);
  events = new EventRecorder(db, bus);
  clock = new ManualClock(Date.parse('2026-03-01T10:00:00Z'));
  sent = [];
  published = [];
  connected = true;
  hold = false;
  held = [];
  bus.subscribe((event) => published.push(event));
});

afterEach(() => {
  db.$client.close();
});

function scheduling(offlineRetryMs = 30_000) {
  const settings = new SettingsService(db, events);
  const service = new ScheduleService(db, sessions, settings, () => clock, new IdempotencyKeys(db, events));
  // These schedules are all chat messages (a scheduled Status is tested in services/status/).
  const send = (session: string, message: ScheduledMessage, key: string) =>
    sender(session, message as SendMessageInput, key);
  const scheduler = new Scheduler(db, events, bus, service, send, () => clock, logger, { offlineRetryMs });
  service.whenChanged(() => scheduler.wake());
  return { service, scheduler };
}

const text = (body: string): SendMessageInput => ({ type: 'text', to: '+972 50-111-2222', text: body });
const inSeconds = (s: number) => new Date(clock.now() + s * 1000).toISOString();
const connectedEvent = (session: string) =>
  ({
    type: 'session.status',
    session,
    data: { session: { id: session, status: 'connected' } },
  }) as AnyEventEnvelope;

describe('scheduler', () => {
  it('sends a due schedule once, with its idempotency key, even when woken repeatedly', async () => {
    const { service, scheduler } = scheduling();
    scheduler.start();
    const schedule = service.create({ session: 'shop', message: text('hello'), sendAt: inSeconds(2) });
    clock.advance(1999);
    await scheduler.idle();
    expect(sent).toHaveLength(0);
    hold = true;
    clock.advance(1);
    scheduler.wake();
    scheduler.wake();
    // The pass waits on the held send, so wait for the send itself.
    await vi.waitFor(() => expect(sent).toHaveLength(1), { timeout: 15_000 });
    expect(service.get(schedule.id).status).toBe('sending');
    held.forEach((release) => release());
    await scheduler.idle();
    expect(sent.map((s) => s.key)).toEqual([`schedule:${schedule.id}:${Date.parse(schedule.sendAt)}`]);
    expect(service.get(schedule.id)).toMatchObject({ status: 'sent', sentMessageId: 'MSG1' });
    expect(published.filter((e) => e.type === 'schedule.sent')).toHaveLength(1);
    await scheduler.stop();
  });

  it('a cancelled schedule is never sent; an edited one sends the new text', async () => {
    const { service, scheduler } = scheduling();
    scheduler.start();
    const cancelled = service.create({ session: 'shop', message: text('never'), sendAt: inSeconds(5) });
    const edited = service.create({ session: 'shop', message: text('old'), sendAt: inSeconds(5) });
    service.cancel(cancelled.id);
    service.update(edited.id, { message: text('new') });
    clock.advance(10_000);
    await scheduler.idle();
    expect(sent.map((s) => s.message)).toEqual([text('new')]);
    expect(() => service.update(edited.id, { message: text('too late') })).toThrow(/only pending/);
    await scheduler.stop();
  });

  it('refuses a time without offset or in the past', () => {
    const { service } = scheduling();
    expect(() => service.create({ session: 'shop', message: text('x'), sendAt: inSeconds(-1) })).toThrow(
      /future/,
    );
  });

  it('keeps a schedule pending while the session is offline and sends it when it connects', async () => {
    const { service, scheduler } = scheduling();
    scheduler.start();
    connected = false;
    const schedule = service.create({ session: 'shop', message: text('later'), sendAt: inSeconds(1) });
    clock.advance(1000);
    await scheduler.idle();
    expect(service.get(schedule.id)).toMatchObject({
      status: 'pending',
      lastError: expect.stringMatching(/waiting/),
    });
    connected = true;
    bus.dispatch(connectedEvent('shop'));
    await scheduler.idle();
    expect(service.get(schedule.id).status).toBe('sent');
    expect(sent).toHaveLength(1);
    await scheduler.stop();
  });

  it('retries an offline session after the backoff, and marks it missed once past the limit', async () => {
    const { service, scheduler } = scheduling(60_000);
    service.updateSettings({ missAfterMinutes: 5 });
    scheduler.start();
    connected = false;
    const schedule = service.create({ session: 'shop', message: text('late'), sendAt: inSeconds(1) });
    clock.advance(1000);
    await scheduler.idle();
    for (let i = 0; i < 6; i++) {
      clock.advance(60_000);
      await scheduler.idle();
    }
    expect(service.get(schedule.id)).toMatchObject({
      status: 'missed',
      lastError: expect.stringMatching(/missed/),
    });
    expect(published.some((e) => e.type === 'schedule.failed')).toBe(true);
    expect(sent).toHaveLength(0);
    await scheduler.stop();
  });

  it('after a crash mid-send, retries the row with the same idempotency key', async () => {
    const first = scheduling();
    const schedule = first.service.create({ session: 'shop', message: text('once'), sendAt: inSeconds(1) });
    db.$client.prepare(`UPDATE schedules SET status = 'sending', attempts = 1 WHERE id = ?`).run(schedule.id);
    clock.advance(3 * 24 * 3600_000); // started long after; a claimed row is not "missed"
    const second = scheduling();
    second.scheduler.start();
    await second.scheduler.idle();
    expect(sent.map((s) => s.key)).toEqual([`schedule:${schedule.id}:${Date.parse(schedule.sendAt)}`]);
    expect(second.service.get(schedule.id).status).toBe('sent');
    await second.scheduler.stop();
  });

  it('a repeating schedule moves on to its next time after each send', async () => {
    const { service, scheduler } = scheduling();
    scheduler.start();
    const schedule = service.create({
      session: 'shop',
      message: text('daily'),
      sendAt: '2026-03-01T09:00:00-05:00',
      timeZone: 'America/New_York',
      repeat: { kind: 'daily' },
    });
    clock.set(Date.parse('2026-03-01T14:00:00Z'));
    await scheduler.idle();
    expect(service.get(schedule.id)).toMatchObject({ status: 'pending', sendAt: '2026-03-02T14:00:00.000Z' });
    // 8 March: New York moves to EDT; 09:00 local is then 13:00 UTC.
    for (const day of [2, 3, 4, 5, 6, 7]) {
      clock.set(Date.parse(`2026-03-0${day}T14:00:00Z`));
      await scheduler.idle();
    }
    expect(service.get(schedule.id).sendAt).toBe('2026-03-08T13:00:00.000Z');
    expect(sent).toHaveLength(7);
    expect(new Set(sent.map((s) => s.key)).size).toBe(7);
    await scheduler.stop();
  });
});

describe('campaign runner', () => {
  function campaigns(random = () => 0.5) {
    const optOuts = new OptOutService(db, sessions, () => clock, logger);
    const service = new CampaignService(
      db,
      events,
      sessions,
      optOuts,
      { isConnected: () => false, checkNumbers: () => Promise.resolve([]) },
      () => clock,
      logger,
      new IdempotencyKeys(db, events),
    );
    const runner = new CampaignRunner(db, events, bus, optOuts, sender, () => clock, logger, { random });
    service.whenChanged(() => runner.wake());
    return { service, runner, optOuts };
  }
  const list = (n: number) =>
    Array.from({ length: n }, (_, i) => `+97250${String(1000000 + i)}, P${i}`).join('\n');

  it('waits the random delay between sends and sends each recipient once', async () => {
    const { service, runner } = campaigns();
    runner.start();
    const campaign = await service.create({
      session: 'shop',
      name: 'Spring sale',
      template: '{Hi|Hello} [name]',
      recipients: { source: 'list', text: list(3) },
      delayMinMs: 1000,
      delayMaxMs: 3000,
      start: true,
    });
    await runner.idle();
    expect(sent).toHaveLength(1);
    clock.advance(1999);
    await runner.idle();
    expect(sent).toHaveLength(1);
    clock.advance(1);
    await runner.idle();
    expect(sent).toHaveLength(2);
    clock.advance(2000);
    await runner.idle();
    expect(sent.map((s) => s.key)).toEqual(
      service.recipients(campaign.id, { limit: 10 }).items.map((r) => `campaign:${campaign.id}:${r.id}`),
    );
    expect(service.get(campaign.id)).toMatchObject({ status: 'completed', counts: { sent: 3, pending: 0 } });
    await runner.stop();
  });

  it('keeps to working hours and the daily cap', async () => {
    clock.set(Date.parse('2026-03-02T20:00:00Z')); // Monday 22:00 in Jerusalem
    const { service, runner } = campaigns();
    runner.start();
    const campaign = await service.create({
      session: 'shop',
      name: 'Capped',
      template: 'Hi [name]',
      recipients: { source: 'list', text: list(5) },
      delayMinMs: 0,
      delayMaxMs: 0,
      dailyCap: 2,
      workingHours: { timeZone: 'Asia/Jerusalem', from: '09:00', until: '18:00' },
      start: true,
    });
    await runner.idle();
    expect(sent).toHaveLength(0);
    expect(service.get(campaign.id).nextSendAt).toBe('2026-03-03T07:00:00.000Z');
    clock.set(Date.parse('2026-03-03T07:00:00Z'));
    await runner.idle();
    expect(sent).toHaveLength(2);
    expect(service.get(campaign.id).nextSendAt).toBe('2026-03-04T07:00:00.000Z');
    expect(service.get(campaign.id).eta).toBe('2026-03-05T07:00:00.000Z');
    clock.set(Date.parse('2026-03-04T07:00:00Z'));
    await runner.idle();
    expect(sent).toHaveLength(4);
    clock.set(Date.parse('2026-03-05T07:00:00Z'));
    await runner.idle();
    expect(sent).toHaveLength(5);
    expect(service.get(campaign.id).status).toBe('completed');
    await runner.stop();
  });

  it('skips numbers on the opt-out list at send time, pauses, resumes and cancels', async () => {
    const { service, runner, optOuts } = campaigns();
    runner.start();
    const campaign = await service.create({
      session: 'shop',
      name: 'Opt-outs',
      template: 'Hi',
      recipients: { source: 'list', text: list(4) },
      delayMinMs: 1000,
      delayMaxMs: 1000,
      start: true,
    });
    await runner.idle();
    optOuts.add('shop', '+972501000001');
    service.pause(campaign.id);
    clock.advance(5000);
    await runner.idle();
    expect(sent).toHaveLength(1);
    service.resume(campaign.id);
    await runner.idle();
    expect(sent).toHaveLength(2); // recipient 2 opted out: skipped without a pause, 3 sent
    service.cancel(campaign.id);
    clock.advance(5000);
    await runner.idle();
    expect(sent).toHaveLength(2);
    expect(service.get(campaign.id)).toMatchObject({
      status: 'cancelled',
      counts: { sent: 2, optedOut: 1, skipped: 1 },
    });
    await runner.stop();
  });

  it('retries a recipient a crash left in sending with the same key, first', async () => {
    const { service } = campaigns();
    const campaign = await service.create({
      session: 'shop',
      name: 'Crash',
      template: 'Hi',
      recipients: { source: 'list', text: list(2) },
      delayMinMs: 0,
      delayMaxMs: 0,
      start: true,
    });
    const [first] = service.recipients(campaign.id, { limit: 10 }).items;
    db.$client.prepare(`UPDATE campaign_recipients SET status = 'sending' WHERE id = ?`).run(first!.id);
    const restarted = campaigns();
    restarted.runner.start();
    await restarted.runner.idle();
    expect(sent[0]?.key).toBe(`campaign:${campaign.id}:${first!.id}`);
    expect(sent).toHaveLength(2);
    await restarted.runner.stop();
  });
});
