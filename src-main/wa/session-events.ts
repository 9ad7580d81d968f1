/**
 * Listens to one Baileys socket and turns its events into domain facts for the services.
 * No storage here: the sink (services/messaging-sink.ts) stores and announces.
 */
import {
  jidNormalizedUser,
  type Contact as WAContact,
  type GroupMetadata,
  type WACallEvent,
  type WASocket,
} from '@whiskeysockets/baileys';
import type { MessageStatus } from '../../src-shared/messages.js';
import { chatJidOf, mapMessage, statusFromProto, type MappedMessage } from './message-mapping.js';

export interface ContactRecord {
  jid: string;
  lid: string | null;
  phone: string | null;
  name: string | null;
  notify: string | null;
  verifiedName: string | null;
}

export interface GroupRecord {
  jid: string;
  subject: string;
  description: string | null;
  ownerJid: string | null;
  announce: boolean;
  restrict: boolean;
  isCommunity: boolean;
  createdAt: number | null;
  participants: { jid: string; role: 'member' | 'admin' | 'superadmin' }[];
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
}

export interface WaEventSink {
  messages(sessionId: string, messages: MappedMessage[], source: 'live' | 'history'): void | Promise<void>;
  statuses(sessionId: string, updates: { chatJid: string; id: string; status: MessageStatus }[]): void;
  contacts(sessionId: string, contacts: ContactRecord[]): void;
  /** WhatsApp said this user's or group's profile picture was changed or removed. */
  pictureChanged(sessionId: string, jid: string): void;
  chats(sessionId: string, chats: ChatMeta[]): void;
  groups(sessionId: string, groups: GroupRecord[]): void;
  presence(sessionId: string, update: { chat: string; jid: string; presence: string }): void;
  call(sessionId: string, call: CallRecord): void;
  historySynced(sessionId: string, counts: { messages: number; chats: number; contacts: number }): void;
}

export function contactRecord(contact: Partial<WAContact> & { id: string }): ContactRecord | null {
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

export function groupRecord(metadata: GroupMetadata): GroupRecord {
  return {
    jid: metadata.id,
    subject: metadata.subject ?? '',
    description: metadata.desc ?? null,
    ownerJid: metadata.owner ? jidNormalizedUser(metadata.owner) : null,
    announce: Boolean(metadata.announce),
    restrict: Boolean(metadata.restrict),
    isCommunity: Boolean(metadata.isCommunity),
    createdAt: metadata.creation ? metadata.creation * 1000 : null,
    participants: metadata.participants.map((participant) => ({
      jid: jidNormalizedUser(participant.phoneNumber ?? participant.id),
      role:
        participant.admin === 'superadmin'
          ? 'superadmin'
          : participant.admin === 'admin'
            ? 'admin'
            : 'member',
    })),
  };
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
export function attachSessionEvents(sessionId: string, socket: WASocket, sink: WaEventSink): void {
  const ev = socket.ev;

  ev.on('messages.upsert', ({ messages, type }) => {
    const mapped = messages.map((message) => mapMessage(message, meJid(socket), meLid(socket)));
    // 'append' is our own messages from other devices or an offline catch-up: still live facts.
    void sink.messages(sessionId, mapped, type === 'notify' || type === 'append' ? 'live' : 'history');
  });

  ev.on('messages.update', (updates) => {
    const statuses = updates.flatMap(({ key, update }) => {
      const status = statusFromProto(update.status);
      return status && key.id && key.remoteJid ? [{ chatJid: chatJidOf(key), id: key.id, status }] : [];
    });
    if (statuses.length) sink.statuses(sessionId, statuses);
  });

  ev.on('message-receipt.update', (receipts) => {
    // Group receipts arrive per participant; a message counts as delivered/read once anyone has.
    const statuses = receipts.flatMap(({ key, receipt }) => {
      const status: MessageStatus | null = receipt.playedTimestamp
        ? 'played'
        : receipt.readTimestamp
          ? 'read'
          : receipt.receiptTimestamp
            ? 'delivered'
            : null;
      return status && key.id && key.remoteJid ? [{ chatJid: chatJidOf(key), id: key.id, status }] : [];
    });
    if (statuses.length) sink.statuses(sessionId, statuses);
  });

  const onContacts = (contacts: Partial<WAContact>[]) => {
    const records = contacts
      .flatMap((c) => (c.id ? [contactRecord({ ...c, id: c.id })] : []))
      .filter(Boolean);
    if (records.length) sink.contacts(sessionId, records as ContactRecord[]);
  };
  ev.on('contacts.upsert', onContacts);
  ev.on('contacts.update', (updates) => {
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
  ev.on('chats.upsert', (chats) => sink.chats(sessionId, withoutUnread(chats)));
  ev.on('chats.update', (chats) => sink.chats(sessionId, withoutUnread(chats)));

  ev.on('groups.upsert', (groups) => sink.groups(sessionId, groups.map(groupRecord)));
  const refreshGroup = async (jid: string) => {
    try {
      sink.groups(sessionId, [groupRecord(await socket.groupMetadata(jid))]);
    } catch {
      // The group may be gone (we left or were removed); the next sync corrects it.
    }
  };
  ev.on('groups.update', (updates) => updates.forEach((u) => u.id && void refreshGroup(u.id)));
  ev.on('group-participants.update', ({ id }) => void refreshGroup(id));

  ev.on('presence.update', ({ id, presences }) => {
    for (const [jid, presence] of Object.entries(presences)) {
      sink.presence(sessionId, {
        chat: jidNormalizedUser(id),
        jid: jidNormalizedUser(jid),
        presence: presence.lastKnownPresence,
      });
    }
  });

  ev.on('call', (calls) => calls.forEach((call) => sink.call(sessionId, callRecord(call))));

  ev.on('messaging-history.set', async ({ chats, contacts, messages }) => {
    onContacts(contacts);
    sink.chats(sessionId, chatMetas(chats));
    await sink.messages(
      sessionId,
      messages.map((message) => mapMessage(message, meJid(socket), meLid(socket))),
      'history',
    );
    sink.historySynced(sessionId, {
      messages: messages.length,
      chats: chats.length,
      contacts: contacts.length,
    });
  });
}

type ChatLike = {
  id?: string | null;
  name?: string | null;
  archived?: boolean | null;
  pinned?: number | Long | null;
  muteEndTime?: number | Long | null;
  unreadCount?: number | null;
};

function chatMetas(chats: ChatLike[]): ChatMeta[] {
  return chats.flatMap((chat) => (chat.id ? [chatMeta({ ...chat, id: chat.id })] : []));
}

function chatMeta(chat: {
  id: string;
  name?: string | null;
  archived?: boolean | null;
  pinned?: number | Long | null;
  muteEndTime?: number | Long | null;
  unreadCount?: number | null;
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
  };
}

type Long = { toString(): string };
