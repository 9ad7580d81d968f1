// Builds every service once and wires the ones that call each other (the composition root's
import type { PaceRange } from '../core/config.js';
// service half; `container.ts` adds the database, the API and the lifecycle).
import type { EventBus } from '../core/event-bus.js';
import type { Logger } from '../core/logger.js';
import { LogRing } from '../core/log-ring.js';
import { APP_VERSION } from '../core/version.js';
import type { Db } from '../db/connection.js';
import { WaSessionManager } from '../wa/session-manager.js';
import type { WaLayerLoader } from '../wa/lazy-layer.js';
import { lazyPort } from '../wa/lazy-port.js';
import type { WaServerOptions } from '../wa/server-options.js';
import { KeyHasher } from '../services/access/key-hasher.js';
import { ApiKeyService } from '../services/access/api-keys.js';
import { BackupService } from '../services/backup/backup-service.js';
import { ConversationExport } from '../services/export/conversation-export.js';
import { ContactsCsv } from '../services/export/contacts-csv.js';
import { StorageReportService } from '../services/system/storage-report.js';
import { EventRecorder } from '../services/events/event-recorder.js';
import { HiddenHistory } from '../services/sessions/removal/hidden-history.js';
import { HistoryRemoval } from '../services/sessions/removal/history-removal.js';
import { InternalSettings } from '../services/settings/internal-settings.js';
import { KeptHistory } from '../services/sessions/removal/kept-history.js';
import { MediaStore } from '../services/messages/media-store.js';
import { MediaLibrary } from '../services/media-library/media-library.js';
import type { MediaUrlOptions } from '../services/messages/media-url/download.js';
import { PendingPurges } from '../services/sessions/removal/pending-purges.js';
import { SessionPurge } from '../services/sessions/removal/session-purge.js';
import { UnusedMedia } from '../services/sessions/removal/unused-media.js';
import { HousekeepingService } from '../services/housekeeping/housekeeping-service.js';
import { HealthService } from '../services/system/health.js';
import { KeyRevocations } from '../services/access/key-revocations.js';
import { LogService } from '../services/system/logs.js';
import { createMessaging } from '../services/messaging/messaging.js';
import { NamedKeyService } from '../services/access/named-keys.js';
import { createScheduling, type Clock } from '../services/schedule/index.js';
import { createOrganize } from '../services/organize/index.js';
import { AutomationService } from '../services/automation/automation-service.js';
import { createAssignment } from '../services/assignment/index.js';
import { StaffPresenceService } from '../services/presence/staff-presence.js';
import { createRouting } from '../services/routing/index.js';
import { createReports } from '../services/reports/index.js';
import { ContactsImport } from '../services/contacts/import/contacts-import.js';
import { ContactDataExport } from '../services/contacts/forget/contact-data-export.js';
import { ForgetContact } from '../services/contacts/forget/forget-contact.js';
import { actorFromLabel } from '../services/audit/actor-label.js';
import { SessionService } from '../services/sessions/sessions.js';
import { SettingsService } from '../services/settings/settings.js';
import { RateLimitSettingsStore } from '../services/access/rate-limit-settings.js';
import { KeyUsageCounter } from '../services/access/key-usage.js';
import { WidgetService } from '../services/widgets/widgets.js';
import { createWebhooks, type DeliveryConfig } from '../services/webhooks/index.js';
import { NumberProfileService } from '../services/number-profile/number-profile-service.js';
import { PrivacyService } from '../services/privacy/privacy-service.js';
import { ChannelService } from '../services/channels/channel-service.js';
import { ChannelStore } from '../services/channels/channel-store.js';

import type { Services } from '../services/index.js';
import { Actors } from '../services/access/actors.js';
import { createPeople } from '../services/people/index.js';
import { TokenBucketLimiter } from '../core/token-bucket.js';
import type { ScryptCost } from '../services/people/passwords.js';
import { RAW_WITH_COLUMNS, rawOf, type StoredRaw } from '../services/messages/raw-pack.js';

interface ServiceDeps {
  db: Db;
  bus: EventBus;
  logger: Logger;
  waServer: WaServerOptions;
  /**
   * Loads the WhatsApp layer (Baileys) on first need; the container holds it until the API
   * listens. By default one of its own, not held.
   */
  waLayer?: WaLayerLoader;
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
  /** Messages looked at per retention transaction (tests pass a small one). */
  retentionBatch?: number;
  /** The media-URL policy; by default only public https hosts. */
  mediaUrls?: MediaUrlOptions;
  /** CHATDOCK_GROUP_PACE_MS: the pause before a human-paced group send. */
  groupPace?: PaceRange;
  /** scrypt cost of passwords (tests pass a cheap one). */
  passwordCost?: ScryptCost;
  /** Before each chunk of a history slice: room in the WAL (db/checkpointer.ts `room`). */
  walRoom?: () => Promise<unknown>;
}

export function createServices(deps: ServiceDeps): Services {
  const { db, bus, logger } = deps;
  const events = new EventRecorder(db, bus);
  const keyRevocations = new KeyRevocations();
  const apiKeys = new ApiKeyService(db, keyRevocations, KeyHasher.forDataDir(deps.dataDir));
  const people = createPeople({
    db,
    events,
    internal: new InternalSettings(db),
    keyHasher: apiKeys.hasher,
    revocations: keyRevocations,
    isAdminKey: (secret) => apiKeys.verify(secret)?.kind === 'admin',
    desktopLimits: {
      perPerson: new TokenBucketLimiter(5, 1 / 60),
      perPc: new TokenBucketLimiter(20, 1 / 15),
    },
    ...(deps.passwordCost ? { passwordCost: deps.passwordCost } : {}),
  });
  const storedMessages = db.$client.prepare<[string, string, string], StoredRaw>(
    `SELECT ${RAW_WITH_COLUMNS} FROM messages WHERE session_id = ? AND chat_jid = ? AND id = ?`,
  );
  const manager = new WaSessionManager({
    db,
    logger,
    server: deps.waServer,
    storedMessage: (sessionId, chatJid, id) => {
      const row = storedMessages.get(sessionId, chatJid, id);
      return row ? rawOf(row) : null;
    },
    ...(deps.waLayer ? { layer: deps.waLayer } : {}),
  });
  const layer = manager.layer;
  const keptHistory = new KeptHistory(db);
  const pendingPurges = new PendingPurges(db);
  const unusedMedia = new UnusedMedia(db, new MediaStore(deps.dataDir, db));
  const historyRemoval = new HistoryRemoval(db, pendingPurges, unusedMedia, logger, deps.historyRemovalBatch);
  const housekeeping = new HousekeepingService({
    db,
    internal: new InternalSettings(db),
    media: unusedMedia,
    logger,
    ...(deps.retentionBatch ? { batchSize: deps.retentionBatch } : {}),
  });
  // A deleted session's messages leave free pages behind: give them back to the disk.
  historyRemoval.onBatch((batch) => {
    if (batch.finished) housekeeping.vacuumSoon();
  });
  const purge = new SessionPurge(db, keptHistory, pendingPurges, historyRemoval, unusedMedia);
  const sessions = new SessionService(db, events, apiKeys, manager, logger, purge);
  const health = new HealthService();
  health.useSessionCounter(sessions);
  const webhooks = createWebhooks({
    db,
    events,
    logger,
    userAgent: `Chatdock/${APP_VERSION}`,
    config: deps.webhookDelivery,
    // An owned webhook receives what its owner may read now (null: disabled or deleted).
    owners: (userId) => people.principals.of(userId, 'token', null),
  });
  // A deleted session's webhooks went with it: the outbox must not match events against them.
  purge.onPurged(() => webhooks.service.forgetRemovedWebhooks());
  // So did a deleted person's (issue #26 point 12).
  people.users.onChange(() => webhooks.service.forgetRemovedWebhooks());
  const settings = new SettingsService(db, events);
  const hiddenHistory = new HiddenHistory(keptHistory, pendingPurges);
  const mediaLibrary = new MediaLibrary({
    db,
    files: new MediaStore(deps.dataDir, db),
    unused: unusedMedia,
    events,
    assertSession: (id) => void sessions.get(id),
  });
  const messaging = createMessaging({
    db,
    dataDir: deps.dataDir,
    events,
    manager,
    sessions,
    settings,
    logger,
    waServerUrl: deps.waServer.url,
    hiddenHistory,
    mediaUrls: deps.mediaUrls ?? { allowInternal: false },
    library: (id, sessionId, field) => mediaLibrary.fileOf(id, sessionId, field),
    historyWanted: (sessionId) => webhooks.service.subscribes('history.messages', sessionId),
    ...(deps.walRoom ? { walRoom: deps.walRoom } : {}),
    bus,
    ...(deps.groupPace ? { groupPace: deps.groupPace } : {}),
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  health.useWaitingCounter(messaging.store);
  // A webhook receiver may answer an event: {"reply"} sends text back, {"rejectMessage"} rejects a call.
  webhooks.service.setReplyActions({
    replyText: async (sessionId, chatJid, text) => {
      await messaging.send.send(sessionId, { type: 'text', to: chatJid, text }, undefined, {
        type: 'system',
        id: null,
        name: 'Webhook reply',
      });
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
  // Nothing is connected before the layer loads: not connected, and nothing to remember yet
  // (only a connected business number's label events mark it).
  const labelActions = lazyPort(layer, (wa) => new wa.WaLabelActions(manager), {
    isConnected: () => false,
    markBusiness: () => undefined,
  });
  const organize = createOrganize({
    db,
    events,
    bus,
    logger,
    messaging,
    labelPort: labelActions,
    assertSession: (id) => void sessions.get(id),
  });
  // Label events of business numbers (wa/label-events.ts) → tags; a removed number's links go.
  manager.watchSockets((sessionId, socket, wa) =>
    wa.attachLabelEvents(sessionId, socket, organize.labels, logger),
  );
  purge.onPurged((sessionId) => organize.labels.forgetSession(sessionId));
  // A deleted number's watched chats and known presence (in memory) go with it.
  purge.onPurged((sessionId) => messaging.contactPresence.forget(sessionId));
  const assignment = createAssignment({
    db,
    bus,
    events,
    people,
    internal: new InternalSettings(db),
    logger,
    hiddenSessions: () => hiddenHistory.chatSessions(),
  });
  const routing = createRouting({
    db,
    bus,
    events,
    people,
    assignment,
    organize,
    messaging,
    internal: new InternalSettings(db),
    logger,
    userAgent: `Chatdock/${APP_VERSION}`,
  });
  purge.onPurged((sessionId) => routing.service.forgetSession(sessionId));
  const automation = new AutomationService({
    db,
    bus,
    events,
    sessions,
    messaging,
    taggings: organize.taggings,
    savedReplies: organize.savedReplies,
    optOuts: scheduling.optOuts,
    logger,
    ...(deps.clock ? { clock: deps.clock } : {}),
    assignChat: (sessionId, chat, target, actor, reason) =>
      assignment.service.assign(sessionId, chat, target, actor, reason),
  });
  // Usage goes with its key: a rotated or removed key's rows are deleted (revoked named keys and
  // tokens stay listed, and so does their usage, until housekeeping ages it out).
  const keyUsage = new KeyUsageCounter(db);
  const channels = new ChannelService(
    lazyPort(layer, (wa) => new wa.WaChannelActions(manager), {}),
    new ChannelStore(db),
    messaging.store,
    messaging.send,
    sessions,
    events,
    logger,
  );
  // Followers' reactions to owned channels' posts (wa/channel-events.ts) → counts read again, live.
  manager.watchSockets((sessionId, socket, wa) =>
    wa.attachChannelEvents(sessionId, socket, channels, logger),
  );
  keyRevocations.subscribe(({ keyId, cause }) => {
    if (cause === 'rotated' || cause === 'session-removed') keyUsage.forget(keyId);
  });
  return {
    events,
    settings,
    rateLimits: new RateLimitSettingsStore(new InternalSettings(db), events),
    keyUsage,
    mediaLibrary,
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
    people,
    actors: new Actors(db),
    automation,
    contactsImport: new ContactsImport(db, events, organize),
    contactData: new ContactDataExport(db, messaging, new MediaStore(deps.dataDir, db)),
    // Forgetting a contact is an audited act, recorded in the staff audit log (Settings → Audit).
    forgetContact: new ForgetContact(db, unusedMedia, (record) =>
      people.audit.record({
        actor: actorFromLabel(record.actor),
        action: record.action,
        target: record.target,
        detail: { ...record.details },
      }),
    ),
    housekeeping,
    assignment,
    presence: new StaffPresenceService(events),
    routing,
    numberProfile: new NumberProfileService({
      actions: lazyPort(layer, (wa) => new wa.WaProfileActions(manager), {}),
      sessions,
      events,
      avatars: messaging.avatars,
      resolveMedia: messaging.resolveMedia,
    }),
    privacy: new PrivacyService(
      lazyPort(layer, (wa) => new wa.WaPrivacyActions(manager), {}),
      sessions,
      messaging.contacts,
      events,
    ),
    channels,
    reports: createReports({ db, logger, ...(deps.clock ? { now: deps.clock.now.bind(deps.clock) } : {}) }),
  };
}
