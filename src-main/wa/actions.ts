/**
 * Commands to WhatsApp, in domain terms, for the services. Each takes a session id, finds its
 * open socket (or fails with NOT_CONNECTED) and returns domain records, so no service ever
 * touches a Baileys type. WhatsApp's refusals become AppErrors with their own codes
 * (`wa-errors.ts`), never 500s.
 */
import { jidNormalizedUser, type AnyMessageContent, type WASocket } from '@whiskeysockets/baileys';
import { AppError } from '../../src-shared/errors.js';
import type { Logger } from '../core/logger.js';
import { downloadMedia } from './media.js';
import { decodeRawMessage, mapMessage, type MessageRecord } from './message-mapping.js';
import { newMessageId } from './message-ids.js';
import { buildOutgoing, type OutgoingParts } from './outgoing.js';
import { sendWatchingAck } from './server-acks.js';
import { groupRecord, type GroupRecord } from './group-records.js';
import { mapStatus, STATUS_JID, type StatusRecord } from './status-mapping.js';
import type { WaSessionManager } from './session-manager.js';
import { callWhatsApp, fromWaError } from './wa-errors.js';

/** WhatsApp answers 404 (item-not-found) without a picture, 401 (not-authorized) when privacy hides it. */
const NO_PICTURE_CODES = new Set([404, 401]);
/** Far below Baileys' 60 s default: a picture is never worth holding a queue slot that long. */
const PICTURE_QUERY_TIMEOUT_MS = 15_000;

/** WhatsApp keeps two sizes of a profile picture: a small preview and the full-size image. */
export type PictureSize = 'preview' | 'full';
export type PresenceState = 'composing' | 'recording' | 'paused' | 'available' | 'unavailable';
export type ParticipantAction = 'add' | 'remove' | 'promote' | 'demote';

/** A Status to post: text on a background colour, or a photo or video with a caption. */
export type StatusPost =
  | { kind: 'text'; text: string; backgroundColor: string; font?: number }
  | { kind: 'image' | 'video'; bytes: Buffer; mimetype: string; caption?: string };

export class WaActions {
  constructor(
    private readonly manager: WaSessionManager,
    private readonly logger: Logger,
  ) {}

  private socket(sessionId: string): WASocket {
    const socket = this.manager.socket(sessionId);
    if (!socket) throw new AppError('NOT_CONNECTED', `session "${sessionId}" is not connected to WhatsApp`);
    return socket;
  }

  /** Our own phone-number JID on a connected session. */
  meJid(sessionId: string): string | null {
    const id = this.manager.socket(sessionId)?.user?.id;
    return id ? jidNormalizedUser(id) : null;
  }

  /** A fresh WhatsApp message id, in the format WhatsApp Web uses. */
  newMessageId(sessionId: string): string {
    return newMessageId(this.manager.socket(sessionId)?.user?.id);
  }

  isConnected(sessionId: string): boolean {
    return this.manager.socket(sessionId) !== null;
  }

  async send(sessionId: string, parts: OutgoingParts): Promise<MessageRecord> {
    const socket = this.socket(sessionId);
    const { content, options } = buildOutgoing(parts);
    const messageId = options.messageId ?? this.newMessageId(sessionId);
    return sendWatchingAck(socket, messageId, async () => {
      const sent = await callWhatsApp(
        () => socket.sendMessage(parts.jid, content, { ...options, messageId }),
        'to',
      );
      if (!sent) throw new AppError('INTERNAL', 'WhatsApp did not return the sent message');
      const mapped = mapMessage(sent, this.meJid(sessionId));
      if (mapped.kind !== 'message')
        throw new AppError('INTERNAL', 'the sent message could not be read back');
      return mapped.record;
    });
  }

  /**
   * Posts a Status (story) to `audience` (phone-number JIDs): WhatsApp encrypts it once with a
   * sender key for `status@broadcast` and hands that key to each listed contact's devices.
   */
  /**
   * Posts a Status. `messageId`: the id chosen (and remembered) before posting, so a retry after a
   * crash posts under the same id and contacts' phones show it once (see StatusService.post).
   */
  async postStatus(
    sessionId: string,
    post: StatusPost,
    audience: string[],
    messageId: string = this.newMessageId(sessionId),
  ): Promise<StatusRecord> {
    const socket = this.socket(sessionId);
    const content: AnyMessageContent =
      post.kind === 'text'
        ? { text: post.text }
        : post.kind === 'image'
          ? { image: post.bytes, mimetype: post.mimetype, ...(post.caption ? { caption: post.caption } : {}) }
          : {
              video: post.bytes,
              mimetype: post.mimetype,
              ...(post.caption ? { caption: post.caption } : {}),
            };
    const look =
      post.kind === 'text'
        ? { backgroundColor: post.backgroundColor, ...(post.font !== undefined ? { font: post.font } : {}) }
        : {};
    const sent = await callWhatsApp(
      () => socket.sendMessage(STATUS_JID, content, { messageId, statusJidList: audience, ...look }),
      'audience',
    );
    const mapped = sent ? mapStatus(sent, this.meJid(sessionId)) : null;
    if (mapped?.kind !== 'status') throw new AppError('INTERNAL', 'the posted Status could not be read back');
    return mapped.status;
  }

  /** Sends a reaction; returns nothing to store (the reaction updates the target message). */
  async react(sessionId: string, parts: OutgoingParts): Promise<void> {
    const socket = this.socket(sessionId);
    const { content } = buildOutgoing(parts);
    await callWhatsApp(() => socket.sendMessage(parts.jid, content), 'to');
  }

  async edit(sessionId: string, chatJid: string, raw: Buffer, text: string): Promise<void> {
    const socket = this.socket(sessionId);
    await callWhatsApp(() => socket.sendMessage(chatJid, { text, edit: decodeRawMessage(raw).key }));
  }

  async revoke(sessionId: string, chatJid: string, raw: Buffer): Promise<void> {
    const socket = this.socket(sessionId);
    await callWhatsApp(() => socket.sendMessage(chatJid, { delete: decodeRawMessage(raw).key }));
  }

  async forward(sessionId: string, toJid: string, raw: Buffer): Promise<MessageRecord> {
    const socket = this.socket(sessionId);
    const messageId = this.newMessageId(sessionId);
    return sendWatchingAck(socket, messageId, async () => {
      const sent = await callWhatsApp(
        () => socket.sendMessage(toJid, { forward: decodeRawMessage(raw) }, { messageId }),
        'to',
      );
      const mapped = sent ? mapMessage(sent, this.meJid(sessionId)) : null;
      if (mapped?.kind !== 'message')
        throw new AppError('INTERNAL', 'the forwarded message could not be read back');
      return mapped.record;
    });
  }

  /**
   * Sends read receipts for these received messages, after the delivery receipts of the messages
   * Baileys is still handling. A message is announced once stored, but its delivery receipt goes
   * out only once it is on the disk (durable-receive.ts), inside Baileys' message mutex: a read
   * receipt asked meanwhile (a script answering `message.received`) reached the sender first, and
   * a sender that folds both updates into one (Baileys does) kept "delivered". Queued behind the
   * mutex's work, not inside it: incoming messages are not held up by this call's privacy query.
   */
  async markRead(sessionId: string, raws: Buffer[]): Promise<void> {
    if (raws.length === 0) return;
    const socket = this.socket(sessionId);
    await socket.messageMutex.mutex(() => Promise.resolve());
    await callWhatsApp(() => socket.readMessages(raws.map((raw) => decodeRawMessage(raw).key)));
  }

  async presence(sessionId: string, chatJid: string, state: PresenceState): Promise<void> {
    const socket = this.socket(sessionId);
    await callWhatsApp(() => socket.sendPresenceUpdate(state, chatJid));
  }

  /** Asks WhatsApp for a contact's presence; it answers now and then pushes every change. */
  async subscribePresence(sessionId: string, jid: string): Promise<void> {
    const socket = this.socket(sessionId);
    await callWhatsApp(() => socket.presenceSubscribe(jid));
  }

  /**
   * Disappearing messages in a chat: `seconds` (0: off). WhatsApp tells the customer and our
   * other devices with a protocol message; Baileys hands it back to us as a chat update.
   */
  async setDisappearing(sessionId: string, chatJid: string, seconds: number): Promise<void> {
    const socket = this.socket(sessionId);
    await callWhatsApp(() => socket.sendMessage(chatJid, { disappearingMessagesInChat: seconds }));
  }

  /** Which of these phone-number JIDs have WhatsApp. */
  async onWhatsApp(sessionId: string, jids: string[]): Promise<Map<string, boolean>> {
    const socket = this.socket(sessionId);
    const results = (await callWhatsApp(() => socket.onWhatsApp(...jids))) ?? [];
    const found = new Map<string, boolean>(jids.map((jid) => [jid, false]));
    for (const result of results) found.set(jidNormalizedUser(result.jid), Boolean(result.exists));
    return found;
  }

  async rejectCall(sessionId: string, callId: string, callerJid: string): Promise<void> {
    const socket = this.socket(sessionId);
    await callWhatsApp(() => socket.rejectCall(callId, callerJid));
  }

  async downloadMedia(sessionId: string, raw: Buffer): Promise<Buffer> {
    return downloadMedia(raw, this.manager.socket(sessionId), this.logger);
  }

  async groupCreate(sessionId: string, subject: string, participants: string[]): Promise<GroupRecord> {
    const socket = this.socket(sessionId);
    return groupRecord(await callWhatsApp(() => socket.groupCreate(subject, participants), 'participants'));
  }

  async groupMetadata(sessionId: string, jid: string): Promise<GroupRecord> {
    const socket = this.socket(sessionId);
    return groupRecord(await callWhatsApp(() => socket.groupMetadata(jid), 'group'));
  }

  async groupsParticipating(sessionId: string): Promise<GroupRecord[]> {
    const socket = this.socket(sessionId);
    const groups = await callWhatsApp(() => socket.groupFetchAllParticipating());
    return Object.values(groups).map(groupRecord);
  }

  async groupSubject(sessionId: string, jid: string, subject: string): Promise<void> {
    const socket = this.socket(sessionId);
    await callWhatsApp(() => socket.groupUpdateSubject(jid, subject), 'group');
  }

  async groupDescription(sessionId: string, jid: string, description: string): Promise<void> {
    const socket = this.socket(sessionId);
    await callWhatsApp(() => socket.groupUpdateDescription(jid, description), 'group');
  }

  async groupPicture(sessionId: string, jid: string, image: Buffer): Promise<void> {
    const socket = this.socket(sessionId);
    await callWhatsApp(() => socket.updateProfilePicture(jid, image), 'group');
  }

  async groupParticipants(
    sessionId: string,
    jid: string,
    participants: string[],
    action: ParticipantAction,
  ): Promise<{ jid: string; status: string }[]> {
    const socket = this.socket(sessionId);
    const results = await callWhatsApp(
      () => socket.groupParticipantsUpdate(jid, participants, action),
      'group',
    );
    return results.map((result) => ({
      jid: jidNormalizedUser(result.jid ?? ''),
      status: String(result.status),
    }));
  }

  async groupInviteCode(sessionId: string, jid: string): Promise<string> {
    const socket = this.socket(sessionId);
    const code = await callWhatsApp(() => socket.groupInviteCode(jid), 'group');
    if (!code) throw new AppError('INTERNAL', 'WhatsApp returned no invite code');
    return code;
  }

  /** Makes the group's invite link stop working and returns the new code. */
  async groupRevokeInvite(sessionId: string, jid: string): Promise<string> {
    const socket = this.socket(sessionId);
    const code = await callWhatsApp(() => socket.groupRevokeInvite(jid), 'group');
    if (!code) throw new AppError('INTERNAL', 'WhatsApp returned no invite code');
    return code;
  }

  async groupLeave(sessionId: string, jid: string): Promise<void> {
    const socket = this.socket(sessionId);
    await callWhatsApp(() => socket.groupLeave(jid), 'group');
  }

  /**
   * The URL of a user's or group's profile picture (WhatsApp's small "preview" size, or the
   * full-size "image"), or null when there is none or it is hidden from us. Other failures
   * (timeouts, …) throw: they say nothing about the picture. The URL carries access tokens:
   * never log it.
   */
  async profilePictureUrl(
    sessionId: string,
    jid: string,
    size: PictureSize = 'preview',
  ): Promise<string | null> {
    const socket = this.socket(sessionId);
    try {
      const type = size === 'full' ? 'image' : 'preview';
      return (await socket.profilePictureUrl(jid, type, PICTURE_QUERY_TIMEOUT_MS)) ?? null;
    } catch (error) {
      const code = (error as { data?: unknown } | null)?.data;
      if (typeof code === 'number' && NO_PICTURE_CODES.has(code)) return null;
      throw fromWaError(error, 'jid');
    }
  }

  /**
   * A user's devices as WhatsApp lists them (usync `devices`, asked fresh): device 0 is the
   * phone, the others linked devices (web, desktop, another app).
   */
  async devices(sessionId: string, jid: string): Promise<{ device: number; jid: string }[]> {
    const socket = this.socket(sessionId);
    const found = await callWhatsApp(() => socket.getUSyncDevices([jid], false, false));
    return (found ?? []).map((entry) => ({ device: entry.device ?? 0, jid: entry.jid }));
  }

  /** A user's "about" text; null when empty, hidden from us or not available. */
  async profileStatus(sessionId: string, jid: string): Promise<string | null> {
    try {
      const result = await this.socket(sessionId).fetchStatus(jid);
      const first = Array.isArray(result) ? result[0] : undefined;
      const status = (first as { status?: { status?: string | null } } | undefined)?.status?.status;
      // Baileys gives '' when privacy hides the text: for us that is no text.
      return status || null;
    } catch {
      return null;
    }
  }
}
