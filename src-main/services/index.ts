import type { EventBus } from '../core/event-bus.js';
import type { Logger } from '../core/logger.js';
import { LogRing } from '../core/log-ring.js';
import { APP_VERSION } from '../core/version.js';
import type { Db } from '../db/connection.js';
import { WaSessionManager } from '../wa/session-manager.js';
import type { WaServerOptions } from '../wa/server-options.js';
import { KeyHasher } from './access/key-hasher.js';
import { ApiKeyService } from './api-keys.js';
import { BackupService } from './backup/backup-service.js';
import { ConversationExport } from './export/conversation-export.js';
import { ContactsCsv } from './export/contacts-csv.js';
import { StorageReportService } from './storage-report.js';
import { EventRecorder } from './event-recorder.js';
import { HiddenHistory } from './hidden-history.js';
import { HistoryRemoval } from './history-removal.js';
import { InternalSettings } from './internal-settings.js';
import { KeptHistory } from './kept-history.js';
import { MediaStore } from './messages/media-store.js';
import type { MediaUrlOptions } from './messages/media-url/download.js';
import { PendingPurges } from './pending-purges.js';
import { SessionPurge } from './session-purge.js';
import { UnusedMedia } from './unused-media.js';
import { HealthService } from './health.js';
import { KeyRevocations } from './key-revocations.js';
import { LogService } from './logs.js';
import { createMessaging, type Messaging } from './messaging.js';
import { NamedKeyService } from './named-keys.js';
import { createScheduling, type Clock, type Scheduling } from './schedule/index.js';
import { createOrganize, type Organize } from './organize/index.js';
import { SessionService } from './sessions.js';
import { SettingsService } from './settings.js';
import { WidgetService } from './widgets.js';
import { AutomationService } from './automation/automation-service.js';
import {
  createWebhooks,
  type DeliveryConfig,
  type DeliveryWorker,
  type WebhookService,
} from './webhooks/index.js';

/** Every service of the core, built once and shared by the RPC handlers and REST routes. */
export interface Services {
  events: EventRecorder;
  settings: SettingsService;
  apiKeys: ApiKeyService;
  health: HealthService;
  sessions: SessionService;
  messaging: Messaging;
  widgets: WidgetService;
  webhooks: WebhookService;
  /** Sends webhook deliveries; started and stopped with the core. */
  webhookDelivery: DeliveryWorker;
  namedKeys: NamedKeyService;
  /** Keys that stopped being valid (revoked, rotated, removed): open event streams of them close. */
  keyRevocations: KeyRevocations;
  logs: LogService;
  /** Tags, saved replies and chat notes. */
  organize: Organize;
  /** Scheduled messages, campaigns and opt-outs; its loops start and stop with the core. */
  scheduling: Scheduling;
  /** Removes deleted sessions' messages in the background; starts and stops with the core. */
  historyRemoval: HistoryRemoval;
  /** Encrypted backups to a folder, on demand and on a schedule; its timer starts and stops with the core. */
  backups: BackupService;
  /** A conversation as WhatsApp's .txt + media (.zip), HTML or JSON. */
  conversationExport: ConversationExport;
  /** Settings → Storage. */
  storage: StorageReportService;
  /** Contacts as CSV (name, phone, tags, notes). */
  contactsCsv: ContactsCsv;
  /** Greetings, away messages, keyword rules and the menu bot per number; listens while started. */
  automation: AutomationService;
}

export interface ServiceDeps {
  db: Db;
  bus: EventBus;
  logger: Logger;
  waServer: WaServerOptions;
  /** Where media files are stored (`<dataDir>/media`). */
  dataDir: string;
  /** The in-memory log lines behind GET /api/v1/logs. */
  logRing?: LogRing;
  webhookDelivery?: DeliveryConfig;
  /** The clock of the scheduler and campaign runner (tests may pass a manual one). */
  clock?: Clock;
  /** CHATDOCK_PUBLIC_URL: where websites reach this app (hosted widget snippets). */
  publicUrl?: string | null;
  /** Messages deleted per background transaction (tests pass a small one). */
  historyRemovalBatch?: number;
  /** The media-URL policy; by default only public https hosts. */
  mediaUrls?: MediaUrlOptions;
}

export function createServices(deps: ServiceDeps): Services {
  const { db, bus, logger } = deps;
  const events = new EventRecorder(db, bus);
  const keyRevocations = new KeyRevocations();
  const apiKeys = new ApiKeyService(db, keyRevocations, KeyHasher.forDataDir(deps.dataDir));
  const storedMessages = db.$client.prepare<[string, string, string], { raw: Buffer | null }>(
    'SELECT raw FROM messages WHERE session_id = ? AND chat_jid = ? AND id = ?',
  );
  const manager = new WaSessionManager({
    db,
    logger,
    server: deps.waServer,
    storedMessage: (sessionId, chatJid, id) => storedMessages.get(sessionId, chatJid, id)?.raw ?? null,
  });
  const keptHistory = new KeptHistory(db);
  const pendingPurges = new PendingPurges(db);
  const historyRemoval = new HistoryRemoval(
    db,
    pendingPurges,
    new UnusedMedia(db, new MediaStore(deps.dataDir, db)),
    logger,
    deps.historyRemovalBatch,
  );
  const purge = new SessionPurge(db, keptHistory, pendingPurges, historyRemoval);
  const sessions = new SessionService(db, events, apiKeys, manager, logger, purge);
  const health = new HealthService();
  health.useSessionCounter(sessions);
  const webhooks = createWebhooks({
    db,
    events,
    logger,
    userAgent: `Chatdock/${APP_VERSION}`,
    config: deps.webhookDelivery,
  });
  // A deleted session's webhooks went with it: the outbox must not match events against them.
  purge.onPurged(() => webhooks.service.forgetRemovedWebhooks());
  const settings = new SettingsService(db, events);
  const messaging = createMessaging({
    db,
    dataDir: deps.dataDir,
    events,
    manager,
    sessions,
    settings,
    logger,
    waServerUrl: deps.waServer.url,
    hiddenHistory: new HiddenHistory(keptHistory, pendingPurges),
    mediaUrls: deps.mediaUrls ?? { allowInternal: false },
  });
  health.useWaitingCounter(messaging.store);
  // A webhook receiver may answer an event: {"reply"} sends text back, {"rejectMessage"} rejects a call.
  webhooks.service.setReplyActions({
    replyText: async (sessionId, chatJid, text) => {
      await messaging.send.send(sessionId, { type: 'text', to: chatJid, text });
    },
    rejectCall: async (sessionId, callId, _callerJid, message) => {
      await messaging.calls.reject(sessionId, callId, message);
    },
  });
  const scheduling = createScheduling({
    db,
    bus,
    events,
    sessions,
    settings,
    messaging,
    logger,
    clock: deps.clock,
  });
  const organize = createOrganize({ db, events, messaging });
  const automation = new AutomationService({
    db,
    bus,
    events,
    sessions,
    messaging,
    taggings: organize.taggings,
    optOuts: scheduling.optOuts,
    logger,
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  return {
    events,
    settings,
    messaging,
    scheduling,
    apiKeys,
    health,
    sessions,
    widgets: new WidgetService(db, undefined, deps.publicUrl ?? null),
    webhooks: webhooks.service,
    webhookDelivery: webhooks.worker,
    namedKeys: new NamedKeyService(db, keyRevocations, apiKeys.hasher),
    keyRevocations,
    logs: new LogService(deps.logRing ?? new LogRing(1)),
    organize,
    historyRemoval,
    backups: new BackupService({
      db,
      dataDir: deps.dataDir,
      internal: new InternalSettings(db),
      logger,
      appVersion: APP_VERSION,
    }),
    conversationExport: new ConversationExport(messaging, sessions, new MediaStore(deps.dataDir, db)),
    storage: new StorageReportService(db, deps.dataDir),
    contactsCsv: new ContactsCsv(db),
    automation,
  };
}
