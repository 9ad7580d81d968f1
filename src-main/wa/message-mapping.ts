/**
 * Baileys messages → domain records. Pure functions (no I/O), unit-tested with hand-built
 * protobufs. Everything about WhatsApp's message shapes stays in this folder.
 */
import type { Actor } from '../../src-shared/contract/people.js';
import {
  getContentType,
  isJidGroup,
  isLidUser,
  jidNormalizedUser,
  normalizeMessageContent,
  proto,
  type WAMessage,
  type WAMessageKey,
} from '@whiskeysockets/baileys';
import type { MediaInfo, MessageStatus, MessageType } from '../../src-shared/messages.js';
import { body, type Body } from './message-bodies.js';
import { viewOnceKind } from './view-once.js';
import { mapStatus, STATUS_JID, type MappedStatus } from './status-mapping.js';
import {
  authorJids,
  decryptVoteSelection,
  selectionsFromPollUpdates,
  type PollVotes,
  type StoredPoll,
} from './poll-votes.js';

/** A message to store, in domain terms. */
export interface MessageRecord {
  chatJid: string;
  id: string;
  fromMe: boolean;
  senderJid: string | null;
  senderName: string | null;
  type: MessageType;
  text: string | null;
  media: MediaInfo | null;
  content: Record<string, unknown> | null;
  quotedId: string | null;
  mentions: string[];
  status: MessageStatus;
  /** Unix milliseconds. */
  timestamp: number;
  forwarded: boolean;
  raw: Buffer;
  /** Who sent it from Chatdock (a person, a key, a schedule…); set by the sending service only. */
  sentBy?: Actor | null;
}

/** What an incoming WhatsApp message means for our store. */
export type MappedMessage =
  | { kind: 'message'; record: MessageRecord }
  | {
      kind: 'reaction';
      chatJid: string;
      targetId: string;
      senderJid: string;
      emoji: string;
      timestamp: number;
    }
  | { kind: 'edit'; chatJid: string; targetId: string; text: string; timestamp: number }
  | { kind: 'revoke'; chatJid: string; targetId: string; timestamp: number }
  | PollVote
  /** A Status (story) post or its deletion (status-mapping.ts); never a chat message. */
  | Exclude<MappedStatus, { kind: 'ignore' }>
  /** Nothing to store. `update` names content that only changes another message (for the debug log). */
  | { kind: 'ignore'; update?: string };

/** A vote on a poll: the voter's whole current selection (an empty one withdraws the vote). */
export interface PollVote {
  kind: 'pollVote';
  chatJid: string;
  pollId: string;
  voterJid: string;
  /** Unix ms when the voter chose; an older vote never replaces a newer one. */
  timestamp: number;
  /** The selected option names, decrypted with the stored poll; null when that fails. */
  readSelection(poll: StoredPoll): string[] | null;
}

/**
 * Content that only changes another message or WhatsApp's own bookkeeping. It must never become
 * a message, an unread count or a `message.received`; we do not apply it, only log it.
 * (Reactions, edits, revokes and poll votes are applied; see mapMessage.)
 */
const UPDATE_ONLY_CONTENT = new Set<string>([
  'pinInChatMessage', // pin or unpin a message in the chat
  'keepInChatMessage', // keep or un-keep a message in a disappearing chat
  'encReactionMessage', // an encrypted reaction (channels and community announcements)
  'encEventResponseMessage', // going / not going to an event
  'encCommentMessage', // a comment under a channel post (not part of the chat)
  'secretEncryptedMessage', // an encrypted edit of an event or a poll
  'scheduledCallEditMessage', // a scheduled call was changed or cancelled
  'messageHistoryBundle', // history shared with a new group member
  'messageHistoryNotice',
  'stickerSyncRmrMessage', // sticker sync between our own devices
]);

const STATUS_BY_PROTO: Record<number, MessageStatus> = {
  [proto.WebMessageInfo.Status.ERROR]: 'error',
  [proto.WebMessageInfo.Status.PENDING]: 'pending',
  [proto.WebMessageInfo.Status.SERVER_ACK]: 'server',
  [proto.WebMessageInfo.Status.DELIVERY_ACK]: 'delivered',
  [proto.WebMessageInfo.Status.READ]: 'read',
  [proto.WebMessageInfo.Status.PLAYED]: 'played',
};

export function statusFromProto(status: number | null | undefined): MessageStatus | null {
  return status === null || status === undefined ? null : (STATUS_BY_PROTO[status] ?? null);
}

/**
 * The JID we file a chat under: the phone-number JID when WhatsApp tells us one (LID-addressed
 * chats carry it as `remoteJidAlt`), so a contact is one chat whatever addressing WhatsApp uses.
 */
export function chatJidOf(key: WAMessageKey): string {
  const remote = key.remoteJid ?? '';
  if (isLidUser(remote) && key.remoteJidAlt) return jidNormalizedUser(key.remoteJidAlt);
  return jidNormalizedUser(remote);
}

function senderJidOf(key: WAMessageKey, meJid: string | null): string | null {
  if (key.fromMe) return meJid;
  if (isJidGroup(key.remoteJid ?? '')) {
    const participant = key.participant ?? '';
    if (isLidUser(participant) && key.participantAlt) return jidNormalizedUser(key.participantAlt);
    return participant ? jidNormalizedUser(participant) : null;
  }
  return chatJidOf(key);
}

function toMillis(timestamp: WAMessage['messageTimestamp']): number {
  if (timestamp === null || timestamp === undefined) return Date.now();
  const seconds = typeof timestamp === 'number' ? timestamp : Number(timestamp.toString());
  return seconds * 1000;
}

function waitingMessage(message: WAMessage, meJid: string | null): MappedMessage {
  const key = message.key;
  return {
    kind: 'message',
    record: {
      chatJid: chatJidOf(key),
      id: key.id ?? '',
      fromMe: Boolean(key.fromMe),
      senderJid: senderJidOf(key, meJid),
      senderName: key.fromMe ? null : (message.pushName ?? null),
      type: 'waiting',
      text: null,
      media: null,
      content: null,
      quotedId: null,
      mentions: [],
      status: key.fromMe ? 'server' : 'delivered',
      timestamp: toMillis(message.messageTimestamp),
      forwarded: false,
      raw: encodeRawMessage(message),
    },
  };
}

/**
 * Maps one message WhatsApp delivered (live, offline replay or history sync). `meJid` is our
 * own phone-number JID, used as the sender of our own messages; `meLid` our LID (poll votes may
 * be encrypted for either).
 */
export function mapMessage(
  message: WAMessage,
  meJid: string | null,
  meLid: string | null = null,
): MappedMessage {
  const key = message.key;
  if (!key.id || !key.remoteJid) return { kind: 'ignore' };
  if (key.remoteJid === STATUS_JID) return mapStatus(message, meJid);
  if (message.messageStubType === proto.WebMessageInfo.StubType.CIPHERTEXT && !message.message)
    return waitingMessage(message, meJid);
  const viewOnce = viewOnceKind(message);
  if (viewOnce !== undefined) return messageRecord(message, meJid, viewOnceBody(viewOnce));
  const content = normalizeMessageContent(message.message);
  if (!content) return { kind: 'ignore' };
  const chatJid = chatJidOf(key);
  const timestamp = toMillis(message.messageTimestamp);

  if (content.reactionMessage) {
    const reaction = content.reactionMessage;
    const targetId = reaction.key?.id;
    const senderJid = senderJidOf(key, meJid);
    if (!targetId || !senderJid) return { kind: 'ignore' };
    return { kind: 'reaction', chatJid, targetId, senderJid, emoji: reaction.text ?? '', timestamp };
  }

  if (content.pollUpdateMessage)
    return pollVote(message, content.pollUpdateMessage, { jid: meJid, lid: meLid });

  const protocol = content.protocolMessage;
  if (protocol) {
    const targetId = protocol.key?.id;
    if (!targetId) return { kind: 'ignore' };
    if (protocol.type === proto.Message.ProtocolMessage.Type.REVOKE)
      return { kind: 'revoke', chatJid, targetId, timestamp };
    if (protocol.type === proto.Message.ProtocolMessage.Type.MESSAGE_EDIT && protocol.editedMessage) {
      const edited = body(normalizeMessageContent(protocol.editedMessage) ?? {});
      return { kind: 'edit', chatJid, targetId, text: edited?.text ?? '', timestamp };
    }
    return { kind: 'ignore' };
  }

  const contentType = getContentType(content);
  // Sender-key distribution and other plumbing (only `messageContextInfo`, say) have no content type.
  if (!contentType) return { kind: 'ignore' };
  if (UPDATE_ONLY_CONTENT.has(contentType)) return { kind: 'ignore', update: contentType };

  // A real message we cannot show still is one: it is stored as `unknown`, so nobody misses it.
  const result = body(content) ?? {
    type: 'unknown' as const,
    text: null,
    media: null,
    content: null,
    contextInfo: null,
  };
  if (result.type === 'poll' && message.pollUpdates?.length) {
    result.content = { ...result.content, votes: historyVotes(result.content, message.pollUpdates, meJid) };
  }
  return messageRecord(message, meJid, result);
}

/** A view-once message: the marker and its media kind, never the media (view-once.ts). */
function viewOnceBody(mediaKind: string | null): Body {
  return { type: 'viewOnce', text: null, media: null, content: { mediaKind }, contextInfo: null };
}

function messageRecord(message: WAMessage, meJid: string | null, result: Body): MappedMessage {
  const key = message.key;
  const context = result.contextInfo;
  const status = statusFromProto(message.status) ?? (key.fromMe ? 'server' : 'delivered');
  return {
    kind: 'message',
    record: {
      chatJid: chatJidOf(key),
      id: key.id ?? '',
      fromMe: Boolean(key.fromMe),
      senderJid: senderJidOf(key, meJid),
      senderName: key.fromMe ? null : (message.pushName ?? null),
      type: result.type,
      text: result.text,
      media: result.media,
      content: result.content,
      quotedId: context?.stanzaId ?? null,
      mentions: (context?.mentionedJid ?? []).map((jid) => jidNormalizedUser(jid)),
      status,
      timestamp: toMillis(message.messageTimestamp),
      forwarded: Boolean(context?.isForwarded),
      raw: encodeRawMessage(message),
    },
  };
}

/** A vote, still encrypted: it can only be read next to the stored poll (see poll-votes.ts). */
function pollVote(
  message: WAMessage,
  update: proto.Message.IPollUpdateMessage,
  me: { jid: string | null; lid: string | null },
): MappedMessage {
  const pollId = update.pollCreationMessageKey?.id;
  const voterJid = senderJidOf(message.key, me.jid);
  const vote = update.vote;
  if (!pollId || !voterJid || !vote) return { kind: 'ignore', update: 'pollUpdateMessage' };
  const voterJids = [...new Set([...authorJids(message.key, me), voterJid])];
  const sentAt = update.senderTimestampMs ? Number(update.senderTimestampMs.toString()) : 0;
  return {
    kind: 'pollVote',
    chatJid: chatJidOf(message.key),
    pollId,
    voterJid,
    timestamp: sentAt || toMillis(message.messageTimestamp),
    readSelection: (poll) => decryptVoteSelection(poll, vote, voterJids, me),
  };
}

/**
 * Votes a history-synced poll arrives with (the phone decrypted them already), in the shape the
 * store keeps: voter JID → their options and when they chose.
 */
function historyVotes(
  content: Record<string, unknown> | null,
  updates: proto.IPollUpdate[],
  meJid: string | null,
): PollVotes {
  const options = Array.isArray(content?.options) ? (content.options as string[]) : [];
  const selections = selectionsFromPollUpdates(options, updates, (key) => senderJidOf(key, meJid));
  return Object.fromEntries(
    selections.map(({ voterJid, options: chosen, at }) => [voterJid, { options: chosen, at }]),
  );
}

/** A message as its raw bytes are stored (the bench's generated history encodes its own the same way). */
export function encodeRawMessage(message: proto.IWebMessageInfo): Buffer {
  return Buffer.from(proto.WebMessageInfo.encode(message).finish());
}

/**
 * A stored message's raw bytes back into the WAMessage Baileys works with. The services hand
 * over the raw unpacked (services/messages/raw-pack.ts); a packed one (0x00 first, which no
 * protobuf starts with) would decode to a message without its key, so it is refused.
 */
export function decodeRawMessage(raw: Buffer): WAMessage {
  if (raw[0] === 0x00) throw new Error('a packed raw message: unpack it with its row first');
  const decoded = proto.WebMessageInfo.decode(raw);
  return Object.assign(decoded, { key: decoded.key ?? {} }) as WAMessage;
}
