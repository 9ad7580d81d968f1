import type { Logger } from '../../core/logger.js';
import type { Db } from '../../db/connection.js';
import type { WaActions } from '../../wa/actions.js';
import { lazyPort } from '../../wa/lazy-port.js';
import { newMessageId } from '../../wa/message-ids.js';
import type { WaSessionManager } from '../../wa/session-manager.js';
import { CallSettingsStore } from '../calls/call-settings.js';
import { AvatarService } from '../avatars/avatar-service.js';
import { AvatarStore } from '../avatars/avatar-store.js';
import { pictureDownloader, pictureHostFor } from '../avatars/picture-download.js';
import { CallService } from '../calls/calls.js';
import { ChatService } from '../chats/chats.js';
import { ChatEraser } from '../chats/chat-erase.js';
import { DisappearingMessages } from '../chats/disappearing.js';
import { PhoneSync } from '../chats/phone-sync.js';
import { StarService } from '../chats/stars.js';
import { UnusedMedia } from '../sessions/removal/unused-media.js';
import { ContactService } from '../contacts/contacts.js';
import { ContactPresenceService } from '../presence/contact-presence.js';
import type { EventRecorder } from '../events/event-recorder.js';
import { hiddenThrough } from '../messages/hidden-rows.js';
import type { HiddenHistory } from '../sessions/removal/hidden-history.js';
import { GroupService } from '../groups/groups.js';
import { IdempotencyKeys } from '../idempotency/idempotency.js';
import { HistoryQueries } from '../messages/history-queries.js';
import { LatestMessages } from '../messages/latest-messages.js';
import { MediaDownloader } from '../messages/media-downloader.js';
import { mediaResolver, type LibraryLookup, type MediaResolver } from '../messages/media-input.js';
import { MediaLinks } from '../messages/media-links.js';
import { mediaUrlDownloader, type MediaUrlOptions } from '../messages/media-url/download.js';
import { MediaStore } from '../messages/media-store.js';
import { MessageStore } from '../messages/message-store.js';
import { MessagingSink } from './wa-event-sink.js';
import { StatusService } from '../status/status-service.js';
import { SendService } from '../messages/send-service.js';
import { PacedSends } from '../messages/paced-sends.js';
import { SendPacingSettings } from '../messages/send-pacing.js';
import { DEFAULT_GROUP_PACE, type PaceRange } from '../../core/config.js';
import type { EventBus } from '../../core/event-bus.js';
import type { Clock } from '../schedule/clock.js';
import type { SessionService } from '../sessions/sessions.js';
import type { SettingsService } from '../settings/settings.js';

/** Everything about messages, chats, contacts, groups and calls, built together. */
export interface Messaging {
  store: MessageStore;
  history: HistoryQueries;
  /** A number's latest sent or received messages across its chats. */
  latest: LatestMessages;
  send: SendService;
  chats: ChatService;
  /** Starred messages, here and on the phone. */
  stars: StarService;
  /** Clear or delete a chat, here and on the phone. */
  chatErase: ChatEraser;
  /** Disappearing messages: a chat's timer, here and on WhatsApp. */
  disappearing: DisappearingMessages;
  contacts: ContactService;
  /** Profile pictures of contacts and groups. */
  avatars: AvatarService;
  groups: GroupService;
  calls: CallService;
  /** Customers' online / last seen / typing for the chat header (in memory). */
  contactPresence: ContactPresenceService;
  callSettings: CallSettingsStore;
  media: MediaDownloader;
  mediaLinks: MediaLinks;
  actions: WaActions;
  /** Remembered answers of requests with an Idempotency-Key (expired ones are pruned hourly). */
  idempotency: IdempotencyKeys;
  /** Media given as a URL or data: turned into checked bytes (URLs under the media-URL policy). */
  resolveMedia: MediaResolver;
  /** Per number: whether API sends to groups wait a human pause (issue #26 point 5). */
  sendPacing: SendPacingSettings;
  /** The durable queue of paced group sends and its loop (started with the core). */
  pacedSends: PacedSends;
  /** Status (stories): contacts' posts, seen, replies, our own posts (issue #19). */
  status: StatusService;
}

export function createMessaging(deps: {
  db: Db;
  dataDir: string;
  events: EventRecorder;
  manager: WaSessionManager;
  sessions: SessionService;
  settings: SettingsService;
  logger: Logger;
  /** CHATDOCK_WA_SERVER_URL: with a custom server, pictures come from its host only. */
  waServerUrl: string | null;
  /** Deleted sessions' history still in the database (kept, or being removed): never shown. */
  hiddenHistory?: HiddenHistory;
  /** How media URLs given by API callers are fetched (which addresses, how long). */
  mediaUrls: MediaUrlOptions;
  /** The media library's files, for `media.mediaId` (services/media-library/). */
  library?: LibraryLookup;
  /** Whether a webhook subscribes to `history.messages` for a number (the webhooks service). */
  historyWanted?: (sessionId: string) => boolean;
  /** Before each chunk of a history slice: room in the WAL (db/checkpointer.ts `room`). */
  walRoom?: () => Promise<unknown>;
  /** Wakes the paced-send loop when a held-back number connects. */
  bus: EventBus;
  /** CHATDOCK_GROUP_PACE_MS: the human pause before a paced group send. */
  groupPace?: PaceRange;
  /** The paced-send loop's clock (tests pass a manual one). */
  clock?: Clock;
}): Messaging {
  const { db, events, logger } = deps;
  // WhatsApp's ports, built when the WhatsApp layer loads (wa/lazy-layer.ts). Until then nothing
  // is connected: the synchronous questions answer so, and an id needs no socket.
  const layer = deps.manager.layer;
  const actions = lazyPort(layer, (wa) => new wa.WaActions(deps.manager, logger), {
    meJid: () => null,
    newMessageId: () => newMessageId(),
    isConnected: () => false,
  });
  const hiddenMessages = () => deps.hiddenHistory?.messages() ?? [];
  const store = new MessageStore(db, events, (sessionId) => hiddenThrough(hiddenMessages(), sessionId));
  const files = new MediaStore(deps.dataDir, db);
  const media = new MediaDownloader(store, files, actions, logger);
  const contacts = new ContactService(db, actions);
  const avatars = new AvatarService({
    store: new AvatarStore(db),
    files,
    actions,
    download: pictureDownloader({ allowedHost: pictureHostFor(deps.waServerUrl) }),
    logger,
  });
  reclassifyWhenLoaded(db, deps.manager, logger);
  const groups = new GroupService(
    db,
    events,
    actions,
    lazyPort(layer, (wa) => new wa.WaGroupActions(deps.manager), {}),
  );
  const phone = new PhoneSync(
    db,
    lazyPort(layer, (wa) => new wa.WaChatSync(deps.manager), { isConnected: () => false }),
  );
  const chats = new ChatService(
    db,
    store,
    actions,
    events,
    () => deps.hiddenHistory?.chatSessions() ?? [],
    phone,
  );
  const stars = new StarService(db, store, events, phone, (sessionId) =>
    hiddenThrough(hiddenMessages(), sessionId),
  );
  const chatErase = new ChatEraser(db, store, events, phone, new UnusedMedia(db, files));
  const callSettings = new CallSettingsStore(deps.settings);
  const calls = new CallService(db, events, actions, callSettings, logger);
  const idempotency = new IdempotencyKeys(db, events);
  const resolveMedia = mediaResolver(mediaUrlDownloader(deps.mediaUrls), deps.library);
  const send = new SendService(
    db,
    store,
    files,
    actions,
    deps.sessions,
    idempotency,
    logger,
    resolveMedia,
    (sessionId, jid) => contacts.get(sessionId, jid),
  );
  calls.useTextSender((sessionId, to, text) => send.send(sessionId, { type: 'text', to, text }));
  const contactPresence = new ContactPresenceService(actions, events);
  const sendPacing = new SendPacingSettings(deps.settings, deps.groupPace ?? DEFAULT_GROUP_PACE);
  const pacedSends = new PacedSends({
    db,
    events,
    bus: deps.bus,
    idempotency,
    pacing: sendPacing,
    logger,
    deliver: (sessionId, input, key, actor) => send.sendUnpaced(sessionId, input, key, actor),
    newMessageId: (sessionId) => actions.newMessageId(sessionId),
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  send.usePacing(pacedSends);
  const status = new StatusService({
    db,
    events,
    idempotency,
    actions,
    files,
    unused: new UnusedMedia(db, files),
    contacts,
    send,
    resolveMedia,
    logger,
  });
  const sink = new MessagingSink({
    store,
    chats,
    stars,
    chatErase,
    contacts,
    avatars,
    groups,
    calls,
    contactPresence,
    media,
    status,
    actions,
    events,
    logger,
    ...(deps.historyWanted ? { historyWanted: deps.historyWanted } : {}),
    ...(deps.walRoom ? { walRoom: deps.walRoom } : {}),
  });
  deps.manager.onSocket((sessionId, socket, wa) => wa.attachSessionEvents(sessionId, socket, sink, logger));
  return {
    store,
    history: new HistoryQueries(db, hiddenMessages),
    latest: new LatestMessages(db, hiddenMessages),
    send,
    chats,
    stars,
    chatErase,
    disappearing: new DisappearingMessages(db, chats, actions, events, groups),
    contacts,
    avatars,
    groups,
    calls,
    contactPresence,
    callSettings,
    media,
    mediaLinks: new MediaLinks(),
    actions,
    idempotency,
    resolveMedia,
    sendPacing,
    pacedSends,
    status,
  };
}

/**
 * Messages stored as `unknown` are read again with today's mapping once per start
 * (messages/reclassify-unknown.ts). The mapping is WhatsApp's protobuf, so the WhatsApp layer:
 * only when there is such a message (the partial index answers at once), and once the layer is
 * loaded (after the API listens), so a start with none loads nothing.
 */
function reclassifyWhenLoaded(db: Db, manager: WaSessionManager, logger: Logger): void {
  const waiting = db.$client
    .prepare(`SELECT 1 FROM messages WHERE type = 'unknown' AND raw IS NOT NULL LIMIT 1`)
    .get();
  if (!waiting) return;
  manager.layer
    .load()
    .then(() => import('../messages/reclassify-unknown.js'))
    .then(({ reclassifyUnknown }) => {
      const reclassified = reclassifyUnknown(db.$client);
      if (reclassified) logger.info({ reclassified }, 'messages of a kind not understood before read again');
    })
    .catch((error: unknown) => logger.error({ err: error }, 'reading unknown messages again failed'));
}
