import path from 'node:path';
import { createRateLimits } from '../api/rate-limit.js';
import type { ScryptCost } from '../services/people/passwords.js';
import { ApiServer, auditRecorder, confirmationCheck } from '../api/server.js';
import { Checkpointer } from '../db/checkpointer.js';
import { SearchMerging } from '../db/search-merging.js';
import { databaseFile, openDatabase, type Db } from '../db/connection.js';
import { createHandlers } from '../rpc/handlers.js';
import { RpcDispatcher } from '../rpc/dispatcher.js';
import type { RuntimeInfo } from '../rpc/app-handlers.js';
import type { Services } from '../services/index.js';
import { callFromDesktop, desktopSeesEvent } from '../rpc/desktop-calls.js';
import { startDesktopTestBridge, type DesktopTestBridge } from '../api/desktop-test-bridge.js';
import type { AnyEventEnvelope } from '../../src-shared/contract/events.js';
import { createServices } from './services.js';
import { WaLayerLoader } from '../wa/lazy-layer.js';
import { deliveryConfigWith } from '../services/webhooks/index.js';
import { listenHost, type Config } from '../core/config.js';
import { makeDataDirPrivate } from '../core/private-files.js';
import { applyPendingRestore } from '../services/backup/restore-backup.js';
import { EventBus } from '../core/event-bus.js';
import { Lifecycle } from '../core/lifecycle.js';
import { createLogger, type Logger } from '../core/logger.js';
import type { LogRing } from '../core/log-ring.js';
import { appRoot } from '../core/paths.js';
import { APP_VERSION } from '../core/version.js';

/** The running core: what the headless server and the Electron shell both boot. */
export interface Core {
  config: Config;
  logger: Logger;
  logs: LogRing;
  db: Db;
  bus: EventBus;
  services: Services;
  dispatcher: RpcDispatcher;
  /**
   * A contract call from the desktop window (IPC), made as the window's principal: the owner, or
   * with "Ask who is using this PC" the chosen person (locked: only the switcher's operations).
   */
  callFromDesktop(operation: string, input: unknown): Promise<unknown>;
  /** Whether the desktop window is sent this event (what its principal may see). */
  desktopSeesEvent(event: AnyEventEnvelope): boolean;
  /** Where the API listens; set once started. */
  runtime(): RuntimeInfo;
  /** TEST ONLY: the desktop test bridge's port, null unless config.desktopTestBridgePort is set. */
  desktopTestBridgePort(): number | null;
  /** The admin key created on this first run, to show once; null otherwise. */
  createdAdminKey: string | null;
  /** Room in the WAL for a bulk writer (db/checkpointer.ts `room`): history sync waits on it; the bench's too. */
  walRoom(): Promise<void>;
  /** The search indexes' background merging (db/search-merging.ts); the bench counts its time as ingest's. */
  searchMerging: SearchMerging;
  /** While nobody can sign in yet: the one-time code that creates the owner's account; else null. */
  ownerSetupCode: string | null;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface CoreOptions {
  webRoot?: string;
  /** Messages deleted per background transaction after a session is deleted (tests: small). */
  historyRemovalBatch?: number;
  /** scrypt cost of passwords (tests pass a cheap one; services/people/passwords.ts). */
  passwordCost?: ScryptCost;
  /** Messages looked at per retention transaction (tests: small). */
  retentionBatch?: number;
  /** The rate limiters' clock (tests freeze it: a limit test must not depend on the machine's speed). */
  rateLimitClock?: () => number;
}

export function createCore(config: Config, options: CoreOptions = {}): Core {
  const { logger, ring } = createLogger(config.logLevel, { pretty: config.prettyLogs });
  // Before anything opens the data dir: a restore prepared by the running app last time.
  const restored = applyPendingRestore(config.dataDir);
  if (restored) logger.info({ previous: restored.previous }, 'switched to the restored backup');
  makeDataDirPrivate(config.dataDir, databaseFile(config.dataDir));
  const db = openDatabase(databaseFile(config.dataDir), {
    onAutoVacuum: (outcome) => {
      if (outcome.action === 'converted')
        logger.info(outcome, 'database converted once to incremental vacuum (it can shrink now)');
      if (outcome.action === 'skipped')
        logger.warn(
          outcome,
          'database not converted to incremental vacuum yet; trying again at the next start',
        );
    },
  });
  const bus = new EventBus(logger);
  // The WhatsApp layer (Baileys, a 4.7 MB chunk) loads on first need and never before the API
  // listens, so /health answers first even when numbers reconnect at start (wa/lazy-layer.ts).
  const waLayer = new WaLayerLoader({ held: true });
  // WAL checkpoints in a thread of their own; a history sync waits for it when the WAL grows large.
  const checkpointer = new Checkpointer(db.$client, (error) =>
    logger.warn({ err: error }, 'background WAL checkpoints stopped; the writer checkpoints itself'),
  );
  const services = createServices({
    db,
    bus,
    logger,
    walRoom: () => checkpointer.room(),
    waLayer,
    waServer: {
      url: config.waServerUrl,
      rootKeyHex: config.waServerRootKey,
      qrTimeoutMs: config.qrTimeoutMs,
      durableReceive: config.durableReceive,
    },
    dataDir: config.dataDir,
    logRing: ring,
    webhookDelivery: deliveryConfigWith(config.webhookDelivery),
    publicUrl: config.publicUrl,
    mediaUrls: { allowInternal: config.mediaUrlAllowPrivate },
    groupPace: config.groupPace,
    ...(options.historyRemovalBatch ? { historyRemovalBatch: options.historyRemovalBatch } : {}),
    ...(options.passwordCost ? { passwordCost: options.passwordCost } : {}),
    ...(options.retentionBatch ? { retentionBatch: options.retentionBatch } : {}),
  });
  const { created } = services.apiKeys.ensureAdminKey(config.apiKey);

  let runtime: RuntimeInfo | null = null;
  const getRuntime = (): RuntimeInfo => {
    if (!runtime) throw new Error('the API server has not started yet');
    return runtime;
  };
  const dispatcher = new RpcDispatcher(
    createHandlers(services, getRuntime),
    auditRecorder(services),
    confirmationCheck(services),
  );
  const api = new ApiServer({
    ...(options.rateLimitClock ? { rateLimits: createRateLimits(options.rateLimitClock) } : {}),
    services,
    dispatcher,
    bus,
    logger,
    version: APP_VERSION,
    webRoot: options.webRoot ?? path.join(appRoot(), 'dist', 'web'),
    hosts: { publicUrl: config.publicUrl, extraHosts: config.allowedHosts },
  });

  const lifecycle = new Lifecycle(logger);
  lifecycle.add({ name: 'database', stop: () => void db.$client.close() });
  lifecycle.add({
    name: 'wal-checkpoints',
    start: () => checkpointer.start(),
    stop: () => checkpointer.stop(),
  });
  // Search-index merges in background turns of their own instead of inside commits.
  const searchMerging = new SearchMerging(db.$client, (error) =>
    logger.warn({ err: error }, 'background search-index merging stopped; commits merge again'),
  );
  lifecycle.add({
    name: 'search-merging',
    start: () => searchMerging.start(),
    stop: () => searchMerging.stop(),
  });
  let pruneTimer: NodeJS.Timeout | null = null;
  // The event log backs stream resume and webhook retries (a week of it is kept); idempotency
  // answers are kept a day.
  const prune = () => {
    services.events.prune();
    services.messaging.idempotency.prune();
    // The audit log keeps what Settings → Team says (365 days by default).
    services.people.audit.prune(services.people.settings.get().auditRetentionDays);
    services.keyUsage.prune(config.keyUsageDays);
    // Media library uploads whose time is up (and their files, where nothing else uses them).
    services.mediaLibrary.sweep();
    // Status (stories) older than 24 hours, as on WhatsApp (and their files).
    services.messaging.status.sweep();
  };
  lifecycle.add({
    name: 'pruning',
    start: () => {
      prune();
      pruneTimer = setInterval(prune, 60 * 60 * 1000).unref();
    },
    stop: () => {
      if (pruneTimer) clearInterval(pruneTimer);
    },
  });
  lifecycle.add({
    name: 'key usage',
    start: () => services.keyUsage.start(),
    stop: () => services.keyUsage.stop(),
  });
  lifecycle.add({
    name: 'webhooks',
    start: () => services.webhookDelivery.start(),
    stop: () => services.webhookDelivery.stop(),
  });
  // Listening before WhatsApp connects, so no message that arrives at start is missed.
  lifecycle.add({
    name: 'automation',
    start: () => services.automation.start(),
    stop: () => services.automation.stop(),
  });
  lifecycle.add({
    name: 'assignment',
    start: () => services.assignment.listener.start(),
    stop: () => services.assignment.listener.stop(),
  });
  // After assignment: a customer message reopening a chat is then a new conversation to route.
  lifecycle.add({
    name: 'routing',
    start: () => services.routing.listener.start(),
    stop: () => services.routing.listener.stop(),
  });
  // Reports' kept conversations: chats marked by the triggers (or the migration) are folded in the background.
  lifecycle.add({
    name: 'report folding',
    start: () => services.reports.folding.start(),
    stop: () => services.reports.folding.stop(),
  });
  lifecycle.add({
    name: 'staff presence',
    start: () => services.presence.start(),
    stop: () => services.presence.stop(),
  });
  lifecycle.add({
    // Its retry timers (a refused label change) are dropped before the database closes; the
    // schedule itself is on disk (migration 0055) and continues at the next start.
    name: 'label sync',
    stop: () => services.organize.labels.stop(),
  });
  lifecycle.add({
    name: 'whatsapp',
    start: () => services.sessions.resumeAll(),
    stop: () => services.sessions.shutdown(),
  });
  lifecycle.add({
    name: 'scheduling',
    start: () => services.scheduling.start(),
    stop: () => services.scheduling.stop(),
  });
  lifecycle.add({
    // Group sends accepted during a human pause: after a restart the waiting ones still go out.
    name: 'paced sends',
    start: () => services.messaging.pacedSends.start(),
    stop: () => services.messaging.pacedSends.stop(),
  });
  lifecycle.add({
    name: 'backups',
    start: () => services.backups.start(),
    stop: () => services.backups.stop(),
  });
  lifecycle.add({
    name: 'api',
    start: async () => {
      const host = listenHost(config, services.settings.get().lanAccess);
      const address = await api.listen(host, config.port);
      runtime = { boundHost: address.host, port: address.port, dataDir: config.dataDir };
      logger.info({ host: address.host, port: address.port }, 'API listening');
      waLayer.release();
    },
    stop: () => api.close(),
  });
  // Stopped before WhatsApp and the API: a retention batch is one transaction, cut short by nothing.
  lifecycle.add({
    name: 'housekeeping',
    start: () => services.housekeeping.start(),
    stop: () => services.housekeeping.stop(),
  });
  // Added last, so it stops first: no batch starts once the core is stopping, and what is left
  // continues at the next start.
  lifecycle.add({
    name: 'history-removal',
    start: () => services.historyRemoval.start(),
    stop: () => services.historyRemoval.stop(),
  });

  const desktopWindow = {
    call: (operation: string, input: unknown) =>
      callFromDesktop(dispatcher, services.people.desktop, operation, input),
    seesEvent: (event: AnyEventEnvelope) => desktopSeesEvent(services.people.desktop, event),
  };
  let testBridge: DesktopTestBridge | null = null;
  // TEST ONLY (core/config.ts): the desktop window's IPC on a loopback port, for browser tests.
  const bridgePort = config.desktopTestBridgePort;
  if (bridgePort !== null) {
    lifecycle.add({
      name: 'desktop-test-bridge',
      start: async () => {
        const window = { ...desktopWindow, subscribe: bus.subscribe.bind(bus), logger };
        testBridge = await startDesktopTestBridge(window, bridgePort);
      },
      stop: () => testBridge?.close(),
    });
  }

  return {
    config,
    logger,
    logs: ring,
    db,
    bus,
    services,
    dispatcher,
    callFromDesktop: desktopWindow.call,
    desktopSeesEvent: desktopWindow.seesEvent,
    runtime: getRuntime,
    desktopTestBridgePort: () => testBridge?.port ?? null,
    createdAdminKey: created,
    walRoom: () => checkpointer.room(),
    searchMerging,
    ownerSetupCode: services.people.firstRun.prepare(),
    start: () => lifecycle.start(),
    stop: () => lifecycle.stop(),
  };
}
