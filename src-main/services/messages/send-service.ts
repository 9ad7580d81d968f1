import type { Actor } from '../../../src-shared/contract/people.js';
import { accepted } from '../../../src-shared/accepted.js';
import { AppError } from '../../../src-shared/errors.js';
import { toJid, USER_SERVER } from '../../../src-shared/jid.js';
import type { Contact, Message } from '../../../src-shared/messages.js';
import type { SendAttachmentsInput, SendMessageInput } from '../../../src-shared/send-schemas.js';
import type { Logger } from '../../core/logger.js';
import type { Db } from '../../db/connection.js';
import type { WaActions } from '../../wa/actions.js';
import { idempotencySlot, type IdempotencyKeys } from '../idempotency/idempotency.js';
import type { SessionService } from '../sessions/sessions.js';
import type { MediaResolver } from './media-input.js';
import type { ResolvedMedia } from '../../wa/outgoing.js';
import type { MediaStore } from './media-store.js';
import type { MessageStore } from './message-store.js';
import type { PacedSends } from './paced-sends.js';
import { OnWhatsApp } from './on-whatsapp.js';
import { isWebm } from './voice-note/webm-reader.js';
import { OGG_OPUS_MIMETYPE, webmToOgg } from './voice-note/webm-to-ogg.js';
import { rawOf } from './raw-pack.js';

/** Runs `work`; a 4xx it throws names its field under `prefix` (`attachments.2.media.url`). */
async function withFieldPrefix<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError) || !error.field) throw error;
    throw new AppError(error.code, `${prefix}.${error.message}`, `${prefix}.${error.field}`);
  }
}

/**
 * What an idempotency key of a send remembers: the id chosen before sending, then the result
 * (or, for a paced group send still waiting, its pending answer).
 */
interface SendRecord {
  pendingId?: string;
  message?: Message;
  paced?: Message;
}

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker']);

/**
 * Sending, and the operations on sent messages (edit, revoke, forward). Every check that can
 * fail runs before anything is sent, so a bad request sends and stores nothing.
 */
export class SendService {
  private readonly onWhatsApp: OnWhatsApp;
  private readonly inFlight = new Map<string, Promise<Message>>();
  private pacer: PacedSends | null = null;

  constructor(
    private readonly db: Db,
    private readonly store: MessageStore,
    private readonly media: MediaStore,
    private readonly actions: WaActions,
    private readonly sessions: SessionService,
    private readonly idempotency: IdempotencyKeys,
    private readonly logger: Logger,
    private readonly resolveMedia: MediaResolver,
    /** A stored contact of a number (the contacts service), for cards sent by contact id. */
    private readonly storedContact: (sessionId: string, jid: string) => Contact | null = () => null,
  ) {
    this.onWhatsApp = new OnWhatsApp(db, actions, logger);
  }

  /**
   * Cards naming a stored contact (`contact`: its JID or phone) carry that contact's name (the
   * given one first, then the address-book, profile or business name, else the number) and its
   * phone number (issue #26 point 8, seed 003). An unknown contact is refused naming the field.
   */
  private contactCards(
    sessionId: string,
    cards: Extract<SendMessageInput, { type: 'contact' }>['contacts'],
  ): typeof cards {
    return cards.map((card, index) => {
      if (!card.contact) return card;
      const field = `contacts.${index}.contact`;
      const stored = this.storedContact(sessionId, toJid(card.contact, field));
      const phone = stored?.phone ?? null;
      if (!stored || !phone) {
        throw new AppError(
          'VALIDATION_FAILED',
          `${field}: no stored contact "${card.contact}" with a phone number`,
          field,
        );
      }
      const name = card.name ?? stored.name ?? stored.notify ?? stored.verifiedName ?? `+${phone}`;
      return { name, phone };
    });
  }

  /** Human-paced group sends (paced-sends.ts): set once at start, when both exist. */
  usePacing(pacer: PacedSends): void {
    this.pacer = pacer;
  }

  /**
   * Sends one message, or, for an API send to a group with pacing on, checks it and accepts it
   * to go out after a human pause (the answer is then the pending message with `sendAt`, marked
   * accepted: 202). With an idempotency key a retry gets the first answer.
   */
  async send(
    sessionId: string,
    input: SendMessageInput,
    idempotencyKey?: string,
    /** Who sent it (stored with the message, shown on its bubble, carried by `message.sent`). */
    actor?: Actor,
    /** The media, already resolved and checked (sendAttachments checks all before sending one). */
    resolved?: ResolvedMedia,
  ): Promise<Message> {
    const remembered = this.idempotency.recall<SendRecord>(
      idempotencySlot(`send:${sessionId}`, idempotencyKey),
    );
    if (remembered?.message) return remembered.message;
    if (remembered?.paced) return accepted(remembered.paced);
    const jid = this.pacer && actor && !resolved ? toJid(input.to, 'to') : null;
    if (jid && actor && this.pacer?.applies(sessionId, jid, input, actor)) {
      await this.checkBeforePause(sessionId, jid, input);
      return this.pacer.enqueue(sessionId, jid, input, actor, idempotencyKey);
    }
    return this.sendUnpaced(sessionId, input, idempotencyKey, actor, resolved);
  }

  /**
   * Everything that would refuse the send, run before a paced send is accepted, so a bad request
   * is a 4xx now rather than a failure after the pause. The media is resolved once to check it
   * and again when sent (a URL is fetched twice; the row stays small).
   */
  private async checkBeforePause(sessionId: string, jid: string, input: SendMessageInput): Promise<void> {
    this.assertConnected(sessionId);
    this.assertWritable(sessionId, jid);
    (input.mentions ?? []).forEach((mention, index) => toJid(mention, `mentions.${index}`));
    if (input.replyTo) this.storedRaw(sessionId, jid, input.replyTo, 'replyTo');
    if (input.type === 'contact') this.contactCards(sessionId, input.contacts);
    if (MEDIA_TYPES.has(input.type)) {
      const media = (input as { media: Parameters<MediaResolver>[1] }).media;
      await this.resolveMedia(input.type as 'image', media, sessionId);
    }
  }

  /**
   * Sends one message now. With an idempotency key, a retry returns the first result and sends
   * nothing twice (also while the first attempt is still running). The WhatsApp message id is
   * chosen and saved before sending: if the process dies mid-send, the retry reuses that id,
   * and WhatsApp shows a message id only once, so the customer still sees one message.
   */
  async sendUnpaced(
    sessionId: string,
    input: SendMessageInput,
    idempotencyKey?: string,
    actor?: Actor,
    resolved?: ResolvedMedia,
  ): Promise<Message> {
    const slot = idempotencySlot(`send:${sessionId}`, idempotencyKey);
    if (!slot) return this.sendNow(sessionId, input, actor, resolved);
    const remembered = this.idempotency.recall<SendRecord>(slot);
    if (remembered?.message) return remembered.message;
    const flightKey = `${slot.scope}:${slot.key}`;
    const running = this.inFlight.get(flightKey);
    if (running) return running;
    const messageId = input.id ?? remembered?.pendingId ?? this.actions.newMessageId(sessionId);
    this.idempotency.remember(slot, { pendingId: messageId } satisfies SendRecord);
    const attempt = this.sendNow(sessionId, { ...input, id: messageId }, actor, resolved).then((message) => {
      this.idempotency.remember(slot, { message } satisfies SendRecord);
      return message;
    });
    this.inFlight.set(flightKey, attempt);
    try {
      return await attempt;
    } finally {
      this.inFlight.delete(flightKey);
    }
  }

  /**
   * Several attachments to one chat, in order, one message each (as WhatsApp sends an album).
   * Every file is resolved and checked before the first is sent, so a bad one sends nothing. With
   * an idempotency key, each attachment remembers its own result (`<key>#<index>`): a retry
   * after a failure half-way returns those sent and sends only the rest.
   */
  async sendAttachments(
    sessionId: string,
    input: SendAttachmentsInput,
    idempotencyKey?: string,
    actor?: Actor,
  ): Promise<Message[]> {
    this.assertConnected(sessionId);
    const resolved: ResolvedMedia[] = [];
    for (const [index, attachment] of input.attachments.entries()) {
      resolved.push(
        await withFieldPrefix(`attachments.${index}`, () =>
          this.resolveMedia(attachment.type, attachment.media, sessionId),
        ),
      );
    }
    const messages: Message[] = [];
    for (const [index, attachment] of input.attachments.entries()) {
      const single = {
        ...attachment,
        to: input.to,
        ...(index === 0 && input.replyTo ? { replyTo: input.replyTo } : {}),
      } as SendMessageInput;
      const key = idempotencyKey ? `${idempotencyKey}#${index}` : undefined;
      messages.push(
        await this.send(sessionId, single, key, actor, this.forSending(single, resolved[index]!)),
      );
    }
    return messages;
  }

  private assertConnected(sessionId: string): void {
    this.sessions.get(sessionId);
    if (!this.actions.isConnected(sessionId)) {
      throw new AppError('NOT_CONNECTED', `session "${sessionId}" is not connected to WhatsApp`);
    }
  }

  /**
   * Sends a message quoting something that is no message of the chat: a contact's Status, which
   * a private reply quotes as WhatsApp does (services/status/). Not paced, no idempotency key.
   */
  sendQuoting(
    sessionId: string,
    input: SendMessageInput,
    quotedRaw: Buffer,
    actor?: Actor,
  ): Promise<Message> {
    return this.sendNow(sessionId, input, actor, undefined, quotedRaw);
  }

  private async sendNow(
    sessionId: string,
    input: SendMessageInput,
    actor?: Actor,
    preResolved?: ResolvedMedia,
    quoted?: Buffer,
  ): Promise<Message> {
    this.assertConnected(sessionId);
    const jid = toJid(input.to, 'to');
    this.assertWritable(sessionId, jid);
    await this.onWhatsApp.assert(sessionId, jid);
    const mentions = (input.mentions ?? []).map((mention, index) => toJid(mention, `mentions.${index}`));
    const quotedRaw =
      quoted ?? (input.replyTo ? this.storedRaw(sessionId, jid, input.replyTo, 'replyTo') : null);

    if (input.type === 'reaction') {
      const target = this.store.row(sessionId, jid, input.messageId);
      const targetRaw = target && rawOf(target);
      if (!targetRaw) {
        throw new AppError('VALIDATION_FAILED', 'messageId: no such message in this chat', 'messageId');
      }
      await this.actions.react(sessionId, {
        input,
        jid,
        media: null,
        mentions: [],
        quotedRaw: null,
        reactionTargetRaw: targetRaw,
      });
      const me = this.actions.meJid(sessionId) ?? `me@${USER_SERVER}`;
      this.store.applyReaction(sessionId, {
        chatJid: jid,
        targetId: input.messageId,
        senderJid: me,
        emoji: input.emoji,
        timestamp: Date.now(),
      });
      const updated = this.store.get(sessionId, jid, input.messageId);
      if (!updated) throw new AppError('INTERNAL', 'the reacted message disappeared');
      return updated;
    }

    const resolved: ResolvedMedia | null =
      preResolved ??
      (MEDIA_TYPES.has(input.type)
        ? await this.resolveMedia(
            input.type as 'image',
            (input as { media: Parameters<MediaResolver>[1] }).media,
            sessionId,
          )
        : null);
    const media = preResolved ? resolved : resolved && this.forSending(input, resolved);
    const record = await this.actions.send(sessionId, {
      input:
        input.type === 'contact'
          ? { ...input, contacts: this.contactCards(sessionId, input.contacts) }
          : input,
      jid,
      media,
      mentions,
      quotedRaw,
      reactionTargetRaw: null,
    });
    this.store.ingest(sessionId, [{ ...record, sentBy: actor ?? null }], 'live');
    if (media) {
      const saved = this.media.save(media.bytes, media.mimetype);
      this.store.markMediaStored(sessionId, record.chatJid, record.id, saved.sha256, saved.size);
    }
    const message = this.store.get(sessionId, record.chatJid, record.id);
    if (!message) throw new AppError('INTERNAL', 'the sent message was not stored');
    return message;
  }

  /** The media as it is sent: a voice note in the format phones play. */
  private forSending(input: SendMessageInput, media: ResolvedMedia): ResolvedMedia {
    return input.type === 'audio' && input.voiceNote ? this.asOggVoiceNote(media) : media;
  }

  /**
   * Phones play voice notes only as Ogg/Opus, but browsers record WebM/Opus; rewrap those (the
   * audio itself is unchanged). If that fails the WebM is sent as it is: better a voice note some
   * phones cannot play than a lost message.
   */
  private asOggVoiceNote(media: ResolvedMedia): ResolvedMedia {
    if (!isWebm(media.bytes)) return media;
    try {
      return { ...media, bytes: webmToOgg(media.bytes), mimetype: OGG_OPUS_MIMETYPE };
    } catch (error) {
      this.logger.warn({ err: error }, 'voice note kept as WebM: it could not be converted to Ogg');
      return media;
    }
  }

  async edit(sessionId: string, chatJid: string, id: string, text: string): Promise<Message> {
    const row = this.ownMessage(sessionId, chatJid, id);
    if (row.type !== 'text' && row.text === null) {
      throw new AppError('VALIDATION_FAILED', 'text: only text messages and captions can be edited', 'text');
    }
    await this.actions.edit(sessionId, chatJid, rawOf(row)!, text);
    this.store.applyEdit(sessionId, { chatJid, targetId: id, text, timestamp: Date.now() });
    return this.store.get(sessionId, chatJid, id)!;
  }

  async revoke(sessionId: string, chatJid: string, id: string): Promise<Message> {
    const row = this.ownMessage(sessionId, chatJid, id);
    await this.actions.revoke(sessionId, chatJid, rawOf(row)!);
    this.store.applyRevoke(sessionId, { chatJid, targetId: id, timestamp: Date.now() });
    return this.store.get(sessionId, chatJid, id)!;
  }

  async forward(sessionId: string, chatJid: string, id: string, to: string): Promise<Message> {
    const raw = this.storedRaw(sessionId, chatJid, id, 'id');
    const target = toJid(to, 'to');
    this.assertWritable(sessionId, target);
    await this.onWhatsApp.assert(sessionId, target);
    const record = await this.actions.forward(sessionId, target, raw);
    this.store.ingest(sessionId, [record], 'live');
    return this.store.get(sessionId, record.chatJid, record.id)!;
  }

  /** Which of these numbers have WhatsApp (for contacts/check and campaigns). */
  checkNumbers(sessionId: string, phones: string[]) {
    return this.onWhatsApp.check(sessionId, phones);
  }

  private ownMessage(sessionId: string, chatJid: string, id: string) {
    const row = this.store.row(sessionId, chatJid, id);
    if (!row?.raw) throw new AppError('NOT_FOUND', `no message "${id}" in this chat`, 'msgId');
    if (!row.fromMe) throw new AppError('FORBIDDEN', 'only your own messages can be changed');
    if (row.revokedAt !== null) throw new AppError('CONFLICT', 'the message was already deleted');
    if (!this.actions.isConnected(sessionId)) {
      throw new AppError('NOT_CONNECTED', `session "${sessionId}" is not connected to WhatsApp`);
    }
    return row;
  }

  /** A message's raw protobuf, unpacked (raw-pack.ts). */
  private storedRaw(sessionId: string, chatJid: string, id: string, field: string): Buffer {
    const row = this.store.row(sessionId, chatJid, id);
    const raw = row && rawOf(row);
    if (!raw) throw new AppError('VALIDATION_FAILED', `${field}: no message "${id}" in this chat`, field);
    return raw;
  }

  private assertWritable(sessionId: string, jid: string): void {
    const chat = this.db.$client
      .prepare(`SELECT read_only FROM chats WHERE session_id = ? AND jid = ?`)
      .get(sessionId, jid) as { read_only: number } | undefined;
    if (chat?.read_only === 1) {
      throw new AppError('READ_ONLY_CHAT', 'only admins may send messages in this chat', 'to');
    }
  }
}
