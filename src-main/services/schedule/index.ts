import type { EventBus } from '../../core/event-bus.js';
import type { Logger } from '../../core/logger.js';
import type { Db } from '../../db/connection.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { Messaging } from '../messaging/messaging.js';
import type { SessionService } from '../sessions/sessions.js';
import type { SettingsService } from '../settings/settings.js';
import { CampaignRunner, type CampaignRunnerOptions } from './campaign-runner.js';
import { CampaignService } from './campaign-service.js';
import { systemClock, type Clock } from './clock.js';
import { OptOutService } from './opt-outs.js';
import { ScheduleService } from './schedule-service.js';
import { Scheduler, type SchedulerOptions } from './scheduler.js';
import type { ScheduleSender, Sender } from './sender.js';

export type { Clock } from './clock.js';
export { ManualClock, systemClock } from './clock.js';

/** Scheduled messages, campaigns and opt-outs, with the two loops that send them. */
export interface Scheduling {
  schedules: ScheduleService;
  campaigns: CampaignService;
  optOuts: OptOutService;
  scheduler: Scheduler;
  runner: CampaignRunner;
  start(): void;
  stop(): Promise<void>;
  /** Replaces the clock both loops read (tests use a ManualClock); re-arms their timers. */
  useClock(clock: Clock): void;
}

export function createScheduling(deps: {
  db: Db;
  bus: EventBus;
  events: EventRecorder;
  sessions: SessionService;
  settings: SettingsService;
  messaging: Messaging;
  logger: Logger;
  clock?: Clock;
  scheduler?: SchedulerOptions;
  runner?: CampaignRunnerOptions;
}): Scheduling {
  const { db, bus, events, sessions, messaging } = deps;
  const logger = deps.logger.child({ component: 'scheduling' });
  let clock = deps.clock ?? systemClock;
  const now = () => clock;
  const send: Sender = (sessionId, message, key, actor) =>
    messaging.send.send(sessionId, message, key, actor);
  // The one Idempotency-Key store, shared with sending (scopes keep their answers apart).
  const { idempotency } = messaging;
  const schedules = new ScheduleService(db, sessions, deps.settings, now, idempotency);
  const optOuts = new OptOutService(db, sessions, now, logger);
  const campaigns = new CampaignService(
    db,
    events,
    sessions,
    optOuts,
    {
      isConnected: (sessionId) => messaging.actions.isConnected(sessionId),
      checkNumbers: (sessionId, phones) => messaging.send.checkNumbers(sessionId, phones),
    },
    now,
    logger,
    idempotency,
  );
  // A scheduled Status (issue #19) is posted like `status.post`; everything else is a message.
  // Both carry the occurrence's key, so a retry after a crash mid-post posts it at most once.
  const sendScheduled: ScheduleSender = (sessionId, message, key, actor) =>
    message.type === 'status'
      ? messaging.status.post(sessionId, { status: message.status, audience: message.audience }, actor, key)
      : send(sessionId, message, key, actor);
  const scheduler = new Scheduler(db, events, bus, schedules, sendScheduled, now, logger, deps.scheduler);
  const runner = new CampaignRunner(db, events, bus, optOuts, send, now, logger, deps.runner);
  schedules.whenChanged(() => scheduler.wake());
  campaigns.whenChanged(() => runner.wake());
  let unsubscribe: (() => void) | null = null;
  return {
    schedules,
    campaigns,
    optOuts,
    scheduler,
    runner,
    start() {
      // A crash or power cut in the middle of `campaigns.create` left a campaign half stored.
      campaigns.dropHalfPrepared();
      unsubscribe = bus.subscribe(optOuts.onEvent);
      scheduler.start();
      runner.start();
    },
    async stop() {
      unsubscribe?.();
      unsubscribe = null;
      await Promise.all([scheduler.stop(), runner.stop()]);
    },
    useClock(next) {
      clock = next;
      scheduler.wake();
      runner.wake();
    },
  };
}
