/**
 * Listens to one Baileys socket and turns its events into domain facts for the services.
 * No storage here: the sink (services/messaging-sink.ts) stores and announces.
 *
 * Incoming messages reach the sink before WhatsApp is told they arrived, through the
 * attachment's `storeIncoming` (durable-receive.ts); the `messages.upsert` Baileys emits for
 * them afterwards is skipped. A handler that fails is logged and the event skipped: one bad
 * message never takes the gateway down (and one that fails in `storeIncoming` is not
 * acknowledged, so WhatsApp delivers it again). A contact's receipt (delivered, read) is stored
 * the same way, through `storeReceipt`, before it is acknowledged.
 */
import {
  jidNormalizedUser,
  type BaileysEventMap,
  type MessageUserReceiptUpdate,
  type WAMessage,
  type WAMessageUpdate,
  type Contact as WAContact,
  type WACallEvent,
  type WASocket,
  isJidStatusBroadcast,
  isJidGroup,
} from '@whiskeysockets/baileys';
import type { MessageStatus } from '../../src-shared/messages.js';
import type { Logger } from '../core/logger.js';
import { chatJidOf, mapMessage, statusFromProto, type MappedMessage } from './message-mapping.js';
import {
  groupChange,
  groupRecord,
  joinRequestChange,
  participantsChange,
  type GroupChange,
  type GroupJoinRequestChange,
  type GroupParticipantsChange,
  type GroupRecord,
} from './group-records.js';
import { presenceUpdates } from './presence-reports.js';
import { watchServerAcks } from './server-acks.js';
import type { SocketAttachment } from './session-runner.js';

export interface ContactRecord {
  jid: string;
  lid: string | null;
  phone: string | null;
  name: string | null;
  notify: string | null;
  verifiedName: string | null;
}

export interface CallRecord {
  id: string;
  peerJid: string;
  isVideo: boolean;
  isGroup: boolean;
  status: string;
  timestamp: number;
}

export interface ChatMeta {
  jid: string;
  name: string | null;
  archived: boolean | null;
  pinnedAt: number | null;
  mutedUntil: number | null;
  unreadCount: number | null;
  /** Disappearing messages in seconds (0: off); undefined or null when WhatsApp did not say. */
  ephemeralSeconds?: number | null;
}

export interface WaEventSink {
  messages(sessionId: string, messages: MappedMessage[], source: 'live' | 'history'): void | Promise<void>;
  /**
   * Stores live incoming messages synchronously, calling `inTransaction` inside the same
   * transaction; throws (and keeps nothing) if they cannot be stored.
   */
  storeIncoming(sessionId: string, messages: MappedMessage[], inTransaction: () => void): void;
  statuses(sessionId: string, updates: { chatJid: string; id: string; status: MessageStatus }[]): void;
  /** WhatsApp's server accepted our message `id` (one grey tick), whoever it was addressed to. */
  serverAccepted(sessionId: string, id: string): void;
  contacts(sessionId: string, contacts: ContactRecord[]): void;
  /** WhatsApp said this user's or group's profile picture was changed or removed. */
  pictureChanged(sessionId: string, jid: string): void;
  chats(sessionId: string, chats: ChatMeta[]): void;
  /** Messages starred or unstarred on the phone or another linked device (app-state `star`). */
  starred(sessionId: string, updates: { chatJid: string; id: string; starred: boolean }[]): void;
  /** Chats deleted on the phone or another linked device (app-state `deleteChat`). */
  chatsDeleted(sessionId: string, jids: string[]): void;
  /** Contacts blocked or unblocked on the phone or another linked device. */
  blocklist(sessionId: string, jids: string[], blocked: boolean): void;
  /** Full group metadata (a group created or joined, or fetched from WhatsApp). */
  groups(sessionId: string, groups: GroupRecord[]): void;
  /** Settings, subject, description or invite code changed: applied to the stored group. */
  groupChanged(sessionId: string, change: GroupChange): void;
  /** Participants added, removed, promoted, demoted or renumbered: applied to the stored group. */
  groupParticipants(sessionId: string, change: GroupParticipantsChange): void;
  /** Someone asked to join a group we administer, withdrew, or was turned down. */
  groupJoinRequest(sessionId: string, change: GroupJoinRequestChange): void;
  /** `lastSeen`: unix seconds, when the contact is offline and shares it. */
  presence(
    sessionId: string,
    update: { chat: string; jid: string; presence: string; lastSeen?: number },
  ): void;
  call(sessionId: string, call: CallRecord): void;
  /** The socket is open (a first login or a reconnect): what lives per connection is set up again. */
  connected(sessionId: string): void;
  historySynced(sessionId: string, counts: { messages: number; chats: number; contacts: number }): void;
}

function contactRecord(contact: Partial<WAContact> & { id: string }): ContactRecord | null {
  const id = jidNormalizedUser(contact.id);
  const isLid = id.endsWith('@lid');
  const pnJid = isLid ? (contact.phoneNumber ? jidNormalizedUser(contact.phoneNumber) : null) : id;
  const jid = pnJid ?? id;
  if (!jid.endsWith('@s.whatsapp.net') && !jid.endsWith('@lid')) return null;
  return {
    jid,
    lid: isLid ? id : contact.lid ? jidNormalizedUser(contact.lid) : null,
    phone: pnJid ? (pnJid.split('@')[0] ?? null) : null,
    name: contact.name ?? null,
    notify: contact.notify ?? null,
    verifiedName: contact.verifiedName ?? null,
  };
}

/**
 * The sender of a received message as a contact, with the profile name they chose: the same
 * fact Baileys reports in `contacts.update` after the message's receipt, taken from the message
 * so the contact is known when the message is announced (a webhook receiver that looks the
 * sender up at once finds them). Our own messages and nameless senders give nothing.
 */
function senderContact(message: WAMessage): ContactRecord | null {
  const { key } = message;
  if (key.fromMe || !message.pushName || isJidStatusBroadcast(key.remoteJid ?? '')) return null;
  const inGroup = isJidGroup(key.remoteJid ?? '');
  const id = inGroup ? key.participant : key.remoteJid;
  if (!id) return null;
  const phoneNumber = (inGroup ? key.participantAlt : key.remoteJidAlt) ?? undefined;
  return contactRecord({
    id,
    ...(phoneNumber ? { phoneNumber } : {}),
    notify: message.pushName,
    ...(message.verifiedBizName ? { verifiedName: message.verifiedBizName } : {}),
  });
}

function callRecord(call: WACallEvent): CallRecord {
  return {
    id: call.id,
    peerJid: jidNormalizedUser(call.callerPn ?? call.from),
    isVideo: Boolean(call.isVideo),
    isGroup: Boolean(call.isGroup),
    status: call.status,
    timestamp: (call.date instanceof Date ? call.date : new Date()).getTime(),
  };
}

/** Our own phone-number JID on this socket (sender of our own messages). */
function meJid(socket: WASocket): string | null {
  return socket.user?.id ? jidNormalizedUser(socket.user.id) : null;
}

/** Our own LID on this socket (poll votes may be encrypted for it). */
function meLid(socket: WASocket): string | null {
  return socket.user?.lid ? jidNormalizedUser(socket.user.lid) : null;
}

/** Subscribes `sink` to everything the socket reports. */
export function attachSessionEvents(
  sessionId: string,
  socket: WASocket,
  sink: WaEventSink,
  logger: Logger,
): SocketAttachment {
  const ev = socket.ev;
  const map = (message: WAMessage) => mapMessage(message, meJid(socket), meLid(socket));
  /** Messages stored before their receipt; Baileys emits the same objects in `messages.upsert`. */
  const storedBeforeReceipt = new WeakSet<WAMessage>();
  const failed = (what: string) => (error: unknown) =>
    logger.error({ err: error, session: sessionId }, `${what} failed; skipped`);
  // A listener that throws would throw inside Baileys' event flush: log it and go on instead.
  function on<T extends keyof BaileysEventMap>(event: T, listener: (arg: BaileysEventMap[T]) => void) {
    ev.on(event, (arg) => {
      try {
        listener(arg);
      } catch (error) {
        failed(`handling ${event}`)(error);
      }
    });
  }

  on('messages.upsert', ({ messages, type }) => {
    const fresh = messages.filter((message) => !storedBeforeReceipt.has(message));
    if (!fresh.length) return;
    // 'append' is our own messages from other devices or an offline catch-up: still live facts.
    const source = type === 'notify' || type === 'append' ? 'live' : 'history';
    Promise.resolve()
      .then(() => sink.messages(sessionId, fresh.map(map), source))
      .catch(failed('storing messages'));
  });

  // With durable receive these were stored before the receipt's ack (`storeReceipt` below);
  // storing a status again changes nothing (statuses only move forward).
  on('messages.update', (updates) => {
    const statuses = statusesOfUpdates(updates);
    if (statuses.length) sink.statuses(sessionId, statuses);
    const stars = updates.flatMap(({ key, update }) =>
      typeof update.starred === 'boolean' && key.remoteJid && key.id
        ? [{ chatJid: jidNormalizedUser(key.remoteJid), id: key.id, starred: update.starred }]
        : [],
    );
    if (stars.length) sink.starred(sessionId, stars);
  });
  on('blocklist.update', ({ blocklist, type }) =>
    sink.blocklist(
      sessionId,
      blocklist.map((jid) => jidNormalizedUser(jid)),
      type === 'add',
    ),
  );
  on('chats.delete', (jids) =>
    sink.chatsDeleted(
      sessionId,
      jids.map((jid) => jidNormalizedUser(jid)),
    ),
  );

  on('message-receipt.update', (receipts) => {
    const statuses = statusesOfReceipts(receipts);
    if (statuses.length) sink.statuses(sessionId, statuses);
  });

  // Baileys never reports the server's acceptance itself (server-acks.ts).
  watchServerAcks(socket, (id) => {
    try {
      sink.serverAccepted(sessionId, id);
    } catch (error) {
      failed('handling a server ack')(error);
    }
  });

  const onContacts = (contacts: Partial<WAContact>[]) => {
    const records = contacts
      .flatMap((c) => (c.id ? [contactRecord({ ...c, id: c.id })] : []))
      .filter(Boolean);
    if (records.length) sink.contacts(sessionId, records as ContactRecord[]);
  };
  on('contacts.upsert', onContacts);
  on('contacts.update', (updates) => {
    onContacts(updates);
    // A `picture` notification arrives as an update with imgUrl 'changed' or 'removed'.
    for (const update of updates)
      if (update.id && update.imgUrl !== undefined)
        sink.pictureChanged(sessionId, jidNormalizedUser(update.id));
  });

  // Live chat upserts and updates carry unread counts as deltas Baileys folds together (a group's
  // creation absorbs the +1 of its first message when both arrive in one buffered flush, e.g.
  // after being offline); our store counts unread messages itself, so only names, archive, pin
  // and mute are taken from them. Taking the count too made a first message count twice.
  const withoutUnread = (chats: ChatLike[]) =>
    chatMetas(chats).map((meta) => ({ ...meta, unreadCount: null }));
  on('chats.upsert', (chats) => sink.chats(sessionId, withoutUnread(chats)));
  on('chats.update', (chats) => sink.chats(sessionId, withoutUnread(chats)));

  // Group events are applied to the stored group as they come (no metadata fetch per change);
  // the group service fetches a group it does not know yet (groups/groups.ts).
  on('groups.upsert', (groups) => sink.groups(sessionId, groups.map(groupRecord)));
  on('groups.update', (updates) => {
    for (const update of updates) {
      const change = groupChange(update);
      if (change) sink.groupChanged(sessionId, change);
    }
  });
  on('group-participants.update', (update) => sink.groupParticipants(sessionId, participantsChange(update)));
  on('group.join-request', (update) => sink.groupJoinRequest(sessionId, joinRequestChange(update)));

  // In arrival order: LIDs are resolved through Baileys' (asynchronous) LID mapping first.
  let presences = Promise.resolve();
  on('presence.update', (update) => {
    presences = presences
      .then(() => presenceUpdates(socket.signalRepository.lidMapping, update))
      .then((updates) => updates.forEach((report) => sink.presence(sessionId, report)))
      .catch(failed('handling presence.update'));
  });
  // Each connection starts without presence subscriptions (WhatsApp forgets them with the old one).
  on('connection.update', ({ connection }) => {
    if (connection === 'open') sink.connected(sessionId);
  });

  on('call', (calls) => calls.forEach((call) => sink.call(sessionId, callRecord(call))));

  /**
   * History slices stored before Baileys announced them (`storeHistorySlice`, pending-history.ts):
   * Baileys' event buffer may merge slices into one `messaging-history.set`, but keeps the objects.
   */
  const storedHistory = new WeakSet<object>();
  const storeSlice = async ({ chats, contacts, messages }: HistorySliceLike) => {
    onContacts(contacts);
    sink.chats(sessionId, chatMetas(chats));
    await sink.messages(sessionId, messages.map(map), 'history');
    sink.historySynced(sessionId, {
      messages: messages.length,
      chats: chats.length,
      contacts: contacts.length,
    });
  };
  on('messaging-history.set', (slice) => {
    const fresh = <T extends object>(items: T[]) => items.filter((item) => !storedHistory.has(item));
    const left = {
      chats: fresh(slice.chats),
      contacts: fresh(slice.contacts),
      messages: fresh(slice.messages),
    };
    if (!left.chats.length && !left.contacts.length && !left.messages.length) return;
    Promise.resolve()
      .then(() => storeSlice(left))
      .catch(failed('storing a history sync slice'));
  });

  return {
    storeIncoming(message, writeKeys) {
      try {
        sink.storeIncoming(sessionId, [map(message)], writeKeys);
      } catch (error) {
        logger.error(
          { err: error, session: sessionId, message: message.key.id },
          'incoming message could not be stored; not acknowledged, WhatsApp will deliver it again',
        );
        throw error;
      }
      storedBeforeReceipt.add(message);
      const sender = senderContact(message);
      try {
        if (sender) sink.contacts(sessionId, [sender]);
      } catch (error) {
        // Baileys reports the same in `contacts.update` a moment later: not worth a redelivery.
        failed('storing the sender as a contact')(error);
      }
    },
    async storeHistorySlice(slice) {
      await storeSlice(slice);
      for (const item of [...slice.chats, ...slice.contacts, ...slice.messages]) storedHistory.add(item);
    },
    storeReceipt({ messages, receipts }) {
      const statuses = [...statusesOfUpdates(messages), ...statusesOfReceipts(receipts)];
      try {
        if (statuses.length) sink.statuses(sessionId, statuses);
      } catch (error) {
        logger.error(
          { err: error, session: sessionId },
          'a receipt could not be stored; not acknowledged, WhatsApp will deliver it again',
        );
        throw error;
      }
    },
  };
}

type StatusUpdate = { chatJid: string; id: string; status: MessageStatus };

type HistorySliceLike = Pick<BaileysEventMap['messaging-history.set'], 'chats' | 'contacts' | 'messages'>;

function statusesOfUpdates(updates: WAMessageUpdate[]): StatusUpdate[] {
  return updates.flatMap(({ key, update }) => {
    const status = statusFromProto(update.status);
    return status && key.id && key.remoteJid ? [{ chatJid: chatJidOf(key), id: key.id, status }] : [];
  });
}

/** Group receipts arrive per participant; a message counts as delivered/read once anyone has. */
function statusesOfReceipts(receipts: MessageUserReceiptUpdate[]): StatusUpdate[] {
  return receipts.flatMap(({ key, receipt }) => {
    const status: MessageStatus | null = receipt.playedTimestamp
      ? 'played'
      : receipt.readTimestamp
        ? 'read'
        : receipt.receiptTimestamp
          ? 'delivered'
          : null;
    return status && key.id && key.remoteJid ? [{ chatJid: chatJidOf(key), id: key.id, status }] : [];
  });
}

type ChatLike = {
  id?: string | null;
  name?: string | null;
  archived?: boolean | null;
  pinned?: number | Long | null;
  muteEndTime?: number | Long | null;
  unreadCount?: number | null;
  ephemeralExpiration?: number | null;
};

/** Status (`status@broadcast`) is not a conversation: its posts live in services/status/. */
function chatMetas(chats: ChatLike[]): ChatMeta[] {
  return chats.flatMap((chat) =>
    chat.id && !isJidStatusBroadcast(chat.id) ? [chatMeta({ ...chat, id: chat.id })] : [],
  );
}

function chatMeta(chat: {
  id: string;
  name?: string | null;
  archived?: boolean | null;
  pinned?: number | Long | null;
  muteEndTime?: number | Long | null;
  unreadCount?: number | null;
  ephemeralExpiration?: number | null;
}): ChatMeta {
  const toNumber = (value: number | Long | null | undefined) =>
    value === null || value === undefined ? null : Number(value.toString());
  const pinned = toNumber(chat.pinned);
  const muted = toNumber(chat.muteEndTime);
  return {
    jid: jidNormalizedUser(chat.id),
    name: chat.name ?? null,
    archived: chat.archived ?? null,
    pinnedAt: pinned ? pinned * 1000 : null,
    mutedUntil: muted ? muted * 1000 : null,
    unreadCount: chat.unreadCount ?? null,
    // Baileys sets the key to null when a chat's timer is switched off, and leaves it out when
    // an update is about something else.
    ephemeralSeconds: 'ephemeralExpiration' in chat ? (chat.ephemeralExpiration ?? 0) : null,
  };
}

type Long = { toString(): string };
