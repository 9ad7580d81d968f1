// The services the core offers, as one object; app/services.ts builds it.
import type { ApiKeyService } from './access/api-keys.js';
import type { BackupService } from './backup/backup-service.js';
import type { ConversationExport } from './export/conversation-export.js';
import type { ContactsCsv } from './export/contacts-csv.js';
import type { ContactsImport } from './contacts/import/contacts-import.js';
import type { ContactDataExport } from './contacts/forget/contact-data-export.js';
import type { ForgetContact } from './contacts/forget/forget-contact.js';
import type { StorageReportService } from './system/storage-report.js';
import type { EventRecorder } from './events/event-recorder.js';
import type { HistoryRemoval } from './sessions/removal/history-removal.js';
import type { HousekeepingService } from './housekeeping/housekeeping-service.js';
import type { HealthService } from './system/health.js';
import type { KeyRevocations } from './access/key-revocations.js';
import type { LogService } from './system/logs.js';
import type { Messaging } from './messaging/messaging.js';
import type { NamedKeyService } from './access/named-keys.js';
import type { Scheduling } from './schedule/index.js';
import type { Organize } from './organize/index.js';
import type { SessionService } from './sessions/sessions.js';
import type { SettingsService } from './settings/settings.js';
import type { WidgetService } from './widgets/widgets.js';
import type { DeliveryWorker, WebhookService } from './webhooks/index.js';
import type { Actors } from './access/actors.js';
import type { People } from './people/index.js';
import type { AutomationService } from './automation/automation-service.js';
import type { Assignment } from './assignment/index.js';
import type { StaffPresenceService } from './presence/staff-presence.js';
import type { Routing } from './routing/index.js';
import type { NumberProfileService } from './number-profile/number-profile-service.js';
import type { PrivacyService } from './privacy/privacy-service.js';
import type { ChannelService } from './channels/channel-service.js';
import type { Reports } from './reports/index.js';
import type { RateLimitSettingsStore } from './access/rate-limit-settings.js';
import type { KeyUsageCounter } from './access/key-usage.js';
import type { MediaLibrary } from './media-library/media-library.js';

/** Every service of the core, built once and shared by the RPC handlers and REST routes. */
export interface Services {
  events: EventRecorder;
  settings: SettingsService;
  /** The rate limits by kind the API enforces (api/rate-limit.ts). */
  rateLimits: RateLimitSettingsStore;
  /** Requests per key, day and kind, counted in memory and written in batches. */
  keyUsage: KeyUsageCounter;
  /** Uploads sent by id (`media.mediaId`), swept when they expire. */
  mediaLibrary: MediaLibrary;
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
  /** Staff accounts: people, teams, permissions, sign-ins, personal tokens, the audit log. */
  people: People;
  /** Who a principal is, as recorded on events, messages and the audit log. */
  actors: Actors;
  /** Greetings, away messages, keyword rules and the menu bot per number; listens while started. */
  automation: AutomationService;
  /** Contacts from CSV, with a column mapping preview. */
  contactsImport: ContactsImport;
  /** Everything of one person on every number (a data-subject access request). */
  contactData: ContactDataExport;
  /** Forget a person on every number (an erasure request); audited. */
  forgetContact: ForgetContact;
  /** Retention passes and incremental vacuum; its timer starts and stops with the core. */
  housekeeping: HousekeepingService;
  /** Chat status and assignee, their history, settings and availability; its listener starts with the core. */
  assignment: Assignment;
  /** Who of the staff is viewing or typing in each chat (in memory; the collision guard). */
  presence: StaffPresenceService;
  /** Team methods, default rules and the rule-engine webhook; its listener starts with the core. */
  routing: Routing;
  /** A number's own WhatsApp profile: name, about, photo, business profile. */
  numberProfile: NumberProfileService;
  /** A number's privacy settings and block list. */
  privacy: PrivacyService;
  /** Channels (newsletters) the numbers follow or own. */
  channels: ChannelService;
  reports: Reports;
}
