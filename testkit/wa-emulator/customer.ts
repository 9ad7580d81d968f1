/**
 * Test helper: a "customer" — a real, unmodified Baileys client linked to an emulator account,
 * with its creds in a temp dir (useMultiFileAuthState). It records everything it receives and
 * lets tests wait for events (`waitFor`), never sleeping.
 *
 *   const alice = await Customer.create(emulator, { phone: '15550001', name: 'Alice' });
 *   await alice.sendText(bob.jid, 'hi');
 *   const msg = await bob.waitForMessage((m) => m.message?.conversation === 'hi');
 *   await alice.close();
 *
 * The client makes no outside calls: explicit `version`, no link previews, history sync
 * processing off (`shouldSyncHistoryMessage: () => false` also keeps Baileys from buffering
 * events for 20 s after the first login), media only on the emulator's HTTPS host.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type {
  AnyMediaMessageContent,
  AnyMessageContent,
  BaileysEventMap,
  BinaryNode,
  ConnectionState,
  Contact,
  GroupMetadata,
  MessageUserReceiptUpdate,
  proto,
  UserFacingSocketConfig,
  WACallEvent,
  WAMessage,
  WAMessageKey,
  WAMessageUpdate,
  WASocket,
} from '@whiskeysockets/baileys';
import {
  DisconnectReason,
  downloadMediaMessage,
  generateMessageIDV2,
  generateWAMessageContent,
  useMultiFileAuthState,
} from '@whiskeysockets/baileys';

import type { EmulatorEndpoint } from './customer-socket.js';
import { makeEmulatorSocket } from './customer-socket.js';
import { pollVoteMessage } from './poll-vote.js';
import { waitForServerAck } from './server-ack.js';

export type { EmulatorEndpoint } from './customer-socket.js';
export { makeEmulatorSocket } from './customer-socket.js';

export interface CustomerOptions {
  phone: string;
  name?: string;
  /**
   * How to link when the auth dir holds no creds yet (default 'qr'); 'manual' leaves it to the
   * test (read `qrs`, call the emulator yourself).
   */
  pairing?: 'qr' | 'code' | 'manual';
  /** Reuse an auth dir (log in with saved creds); default: a fresh temp dir, removed on close. */
  authDir?: string;
  /** Reconnect after drops (not after logout or replacement). Default true. */
  autoReconnect?: boolean;
  /** Extra Baileys socket options (e.g. `keepAliveIntervalMs`, `qrTimeout`). */
  socketConfig?: Partial<UserFacingSocketConfig>;
  /** Wait until the connection is open before resolving `create` (default true). */
  waitForOpen?: boolean;
  timeoutMs?: number;
}

export interface Disconnect {
  statusCode: number | undefined;
  at: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const RECONNECT_DELAYS_MS = [50, 100, 250, 500, 1000];

export class Customer extends EventEmitter {
  readonly phone: string;
  readonly name: string | undefined;
  readonly authDir: string;
  sock!: WASocket;

  /** Messages from others (messages.upsert, not fromMe), oldest first. */
  readonly received: WAMessage[] = [];
  /** Everything messages.upsert reported, own messages included. */
  readonly upserts: WAMessage[] = [];
  readonly sent: WAMessage[] = [];
  readonly updates: WAMessageUpdate[] = [];
  readonly receipts: MessageUserReceiptUpdate[] = [];
  readonly calls: WACallEvent[] = [];
  readonly groupUpdates: Array<{ event: string; data: unknown }> = [];
  readonly presences: Array<{ id: string; presences: Record<string, unknown> }> = [];
  /** `contacts.update` events (e.g. `{ id, imgUrl: 'changed' }` after a picture notification). */
  readonly contactUpdates: Partial<Contact>[] = [];
  /** `chats.update` events (archive, pin, mute, read state synced from app-state). */
  readonly chatUpdates: Array<Record<string, unknown>> = [];
  /** `chats.delete` events: chats deleted on another device of the account (app-state `deleteChat`). */
  readonly chatDeletes: string[] = [];
  /** `labels.edit` and `labels.association` events (WhatsApp Business labels via app-state). */
  readonly labelEvents: Array<
    | { event: 'labels.edit'; data: BaileysEventMap['labels.edit'] }
    | { event: 'labels.association'; data: BaileysEventMap['labels.association'] }
  > = [];
  /** `messaging-history.set` events (only with history processing enabled in socketConfig). */
  readonly histories: Array<BaileysEventMap['messaging-history.set']> = [];
  readonly qrs: string[] = [];
  readonly disconnects: Disconnect[] = [];
  connection: ConnectionState['connection'] = 'close';
  loggedOut = false;

  private closed = false;
  private reconnectAttempt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private readonly ownsAuthDir: boolean;
  private saveCreds: () => Promise<void> = async () => {};
  private readonly pendingSaves = new Set<Promise<void>>();

  private constructor(
    private readonly emulator: EmulatorEndpoint,
    private readonly options: CustomerOptions,
  ) {
    super();
    this.setMaxListeners(0);
    this.phone = options.phone.replace(/\D/g, '');
    this.name = options.name;
    this.ownsAuthDir = !options.authDir;
    this.authDir = options.authDir ?? mkdtempSync(join(tmpdir(), 'wa-customer-'));
  }

  /** Creates the client and, unless it already has creds, links it by QR or pairing code. */
  static async create(emulator: EmulatorEndpoint, options: CustomerOptions): Promise<Customer> {
    const customer = new Customer(emulator, options);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    try {
      const registered = await customer.connect();
      if (!registered) {
        if (options.pairing === 'manual') {
          return customer;
        }
        await customer.link(timeoutMs);
      }
      if (options.waitForOpen !== false) {
        await customer.waitForOpen(timeoutMs);
      }
      return customer;
    } catch (error) {
      await customer.close();
      throw error;
    }
  }

  get jid(): string {
    return `${this.phone}@s.whatsapp.net`;
  }

  /** Resolves when `check` returns a truthy value; re-checked on every client event. */
  waitFor<T>(
    check: () => T | undefined | null | false,
    timeoutMs = DEFAULT_TIMEOUT_MS,
    what = 'condition',
  ): Promise<T> {
    const immediate = check();
    if (immediate) {
      return Promise.resolve(immediate);
    }
    return new Promise((resolve, reject) => {
      const onEvent = (): void => {
        const value = check();
        if (value) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${this.phone}: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.off('event', onEvent);
      };
      this.on('event', onEvent);
    });
  }

  waitForMessage(predicate: (message: WAMessage) => boolean, timeoutMs?: number): Promise<WAMessage> {
    return this.waitFor(() => this.received.find(predicate), timeoutMs, 'a matching message');
  }

  waitForText(text: string, timeoutMs?: number): Promise<WAMessage> {
    return this.waitForMessage((message) => messageText(message) === text, timeoutMs);
  }

  /**
   * Highest delivery status known for one of our messages. Baileys may fold a fast receipt into
   * the message's own upsert instead of emitting messages.update, so both are consulted.
   */
  statusOf(messageId: string): number {
    const statuses = [
      ...this.upserts.filter((m) => m.key.id === messageId).map((m) => m.status ?? 0),
      ...this.updates.filter((u) => u.key.id === messageId).map((u) => u.update.status ?? 0),
    ];
    return Math.max(0, ...statuses);
  }

  /**
   * Who has read one of our messages (a group's or a Status'), by user JID. Baileys folds
   * receipts that arrive while our own upsert of the message is still buffered into that upsert's
   * `userReceipt` instead of emitting message-receipt.update, so both are consulted.
   */
  readBy(messageId: string): string[] {
    const receipts = [
      ...this.receipts.filter((r) => r.key.id === messageId).map((r) => r.receipt),
      ...this.upserts.filter((m) => m.key.id === messageId).flatMap((m) => m.userReceipt ?? []),
    ];
    return [...new Set(receipts.filter((r) => r.readTimestamp).map((r) => r.userJid ?? ''))];
  }

  waitForStatus(messageId: string, status: number, timeoutMs?: number): Promise<true> {
    return this.waitFor(
      () => this.statusOf(messageId) >= status,
      timeoutMs,
      `status ${status} of ${messageId}`,
    );
  }

  waitForOpen(timeoutMs?: number): Promise<true> {
    return this.waitFor(() => this.connection === 'open', timeoutMs, 'connection open');
  }

  /** A disconnect with this status code (past ones count), or without a code the next disconnect. */
  waitForDisconnect(statusCode?: number, timeoutMs?: number): Promise<Disconnect> {
    const seen = statusCode === undefined ? this.disconnects.length : 0;
    return this.waitFor(
      () => this.disconnects.slice(seen).find((d) => statusCode === undefined || d.statusCode === statusCode),
      timeoutMs,
      `disconnect ${statusCode ?? ''}`,
    );
  }

  // ---- actions ----

  /** Sends and resolves once the server has acknowledged the message (server-ack.ts). */
  async send(jid: string, content: AnyMessageContent): Promise<WAMessage> {
    const messageId = generateMessageIDV2(this.sock.user?.id);
    const message = await this.acknowledged(messageId, () =>
      this.sock.sendMessage(jid, content, { messageId }),
    );
    if (!message) {
      throw new Error('sendMessage returned nothing');
    }
    this.sent.push(message);
    this.changed();
    return message;
  }

  /**
   * Posts a Status (story) to these contacts as the phone app does: to `status@broadcast` with the
   * list of who may see it (`statusJidList`); a text Status takes a background colour (`#RRGGBB`)
   * and a font number.
   */
  async postStatus(
    content: AnyMessageContent,
    statusJidList: string[],
    look: { backgroundColor?: string; font?: number } = {},
  ): Promise<WAMessage> {
    const messageId = generateMessageIDV2(this.sock.user?.id);
    const message = await this.acknowledged(messageId, () =>
      this.sock.sendMessage('status@broadcast', content, { messageId, statusJidList, ...look }),
    );
    if (!message) {
      throw new Error('sendMessage returned nothing');
    }
    this.sent.push(message);
    this.changed();
    return message;
  }

  sendText(jid: string, text: string): Promise<WAMessage> {
    return this.send(jid, { text });
  }

  react(key: WAMessageKey, emoji: string): Promise<WAMessage> {
    return this.send(key.remoteJid ?? '', { react: { text: emoji, key } });
  }

  edit(key: WAMessageKey, text: string): Promise<WAMessage> {
    return this.send(key.remoteJid ?? '', { text, edit: key });
  }

  revoke(key: WAMessageKey): Promise<WAMessage> {
    return this.send(key.remoteJid ?? '', { delete: key });
  }

  /** Votes on a poll (an empty list withdraws the vote); see poll-vote.ts. */
  async votePoll(poll: WAMessage, optionNames: string[]): Promise<WAMessage> {
    const vote = pollVoteMessage(poll, optionNames, this.sock.user?.id ?? this.jid);
    const messageId = vote.key.id ?? '';
    await this.acknowledged(messageId, () =>
      this.sock.relayMessage(vote.key.remoteJid ?? '', vote.message ?? {}, { messageId }),
    );
    this.sent.push(vote);
    this.changed();
    return vote;
  }

  /**
   * Sends raw content as a business's app would (interactive messages, which Baileys' sendMessage
   * no longer builds); `nodes` are extra stanza children such as `<meta view_once="true"/>`.
   */
  async relay(jid: string, message: proto.IMessage, nodes: BinaryNode[] = []): Promise<WAMessage> {
    const messageId = generateMessageIDV2(this.sock.user?.id);
    await this.acknowledged(messageId, () =>
      this.sock.relayMessage(jid, message, { messageId, additionalNodes: nodes }),
    );
    const sent = {
      key: { remoteJid: jid, fromMe: true, id: messageId },
      message,
      messageTimestamp: Math.floor(Date.now() / 1000),
    } as WAMessage;
    this.sent.push(sent);
    this.changed();
    return sent;
  }

  /** View-once media, marked as WhatsApp's phone app marks it: linked devices get a placeholder. */
  async sendViewOnce(jid: string, content: AnyMediaMessageContent): Promise<WAMessage> {
    const message = await generateWAMessageContent({ ...content, viewOnce: true } as AnyMessageContent, {
      upload: this.sock.waUploadToServer,
    });
    return this.relay(jid, message, [{ tag: 'meta', attrs: { view_once: 'true' } }]);
  }

  /** Runs `send` (of message `messageId`) and waits for the server's ack of it too. */
  private async acknowledged<T>(messageId: string, send: () => Promise<T>): Promise<T> {
    const ack = waitForServerAck(
      this.sock,
      messageId,
      this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      this.phone,
    );
    try {
      const result = await send();
      await ack.accepted;
      return result;
    } finally {
      ack.cancel();
    }
  }

  /** Sends read receipts for received messages. */
  read(messages: WAMessage[]): Promise<void> {
    return this.sock.readMessages(messages.map((message) => message.key));
  }

  download(message: WAMessage): Promise<Buffer> {
    return downloadMediaMessage(message, 'buffer', {});
  }

  groupCreate(subject: string, participants: string[]): Promise<GroupMetadata> {
    return this.sock.groupCreate(subject, participants);
  }

  /** Drops the current socket and connects again with the saved creds. */
  async reconnect(): Promise<void> {
    this.sock.end(undefined);
    await this.waitFor(() => this.connection === 'close', DEFAULT_TIMEOUT_MS, 'close');
    if (this.options.autoReconnect === false) {
      await this.connect();
    }
    await this.waitForOpen();
  }

  async close(): Promise<void> {
    if (this.closed) {
      return;
    }
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    if (this.sock) {
      const waitClosed =
        this.connection === 'close'
          ? Promise.resolve()
          : this.waitFor(() => this.connection === 'close', 5000).catch(() => {});
      this.sock.end(undefined);
      await waitClosed;
    }
    this.removeAllListeners();
    await Promise.all(this.pendingSaves);
    if (this.ownsAuthDir) {
      // Baileys may still be writing key files; retry instead of leaving a half-deleted dir.
      await rm(this.authDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 }).catch(() => {});
    }
  }

  // ---- internals ----

  /** Opens a socket; returns whether the creds are already registered (linked). */
  private async connect(): Promise<boolean> {
    const { state, saveCreds } = await useMultiFileAuthState(this.authDir);
    this.saveCreds = saveCreds;
    this.sock = makeEmulatorSocket(this.emulator, {
      auth: state,
      getMessage: async (key) => this.findMessage(key),
      ...this.options.socketConfig,
    });
    this.attach(this.sock);
    // `registered` is only set by code pairing; a linked device always has its signed `account`.
    return !!state.creds.me && !!state.creds.account;
  }

  private async link(timeoutMs: number): Promise<void> {
    const qr = await this.waitFor(() => this.qrs.at(-1), timeoutMs, 'a QR code');
    if (this.options.pairing === 'code') {
      const code = await this.sock.requestPairingCode(this.phone);
      await this.emulator.confirmPairingCode(this.phone, code, this.name);
    } else {
      await this.emulator.scanQr(qr, this.phone, this.name);
    }
  }

  private attach(sock: WASocket): void {
    sock.ev.on('creds.update', () => {
      const saving = this.saveCreds().catch(() => {});
      this.pendingSaves.add(saving);
      void saving.finally(() => this.pendingSaves.delete(saving));
    });
    sock.ev.on('connection.update', (update) => this.onConnectionUpdate(sock, update));
    sock.ev.on('messages.upsert', ({ messages }) => {
      for (const message of messages) {
        this.upserts.push(message);
        if (!message.key.fromMe) {
          this.received.push(message);
        }
      }
      this.changed();
    });
    sock.ev.on('messages.update', (updates) => {
      this.updates.push(...updates);
      this.changed();
    });
    sock.ev.on('message-receipt.update', (receipts) => {
      this.receipts.push(...receipts);
      this.changed();
    });
    sock.ev.on('call', (calls) => {
      this.calls.push(...calls);
      this.changed();
    });
    sock.ev.on('messaging-history.set', (history) => {
      this.histories.push(history);
      this.changed();
    });
    sock.ev.on('presence.update', (presence) => {
      this.presences.push(presence);
      this.changed();
    });
    sock.ev.on('contacts.update', (updates) => {
      this.contactUpdates.push(...updates);
      this.changed();
    });
    sock.ev.on('chats.update', (updates) => {
      this.chatUpdates.push(...(updates as Array<Record<string, unknown>>));
      this.changed();
    });
    sock.ev.on('chats.delete', (jids) => {
      this.chatDeletes.push(...jids);
      this.changed();
    });
    sock.ev.on('labels.edit', (data) => {
      this.labelEvents.push({ event: 'labels.edit', data });
      this.changed();
    });
    sock.ev.on('labels.association', (data) => {
      this.labelEvents.push({ event: 'labels.association', data });
      this.changed();
    });
    for (const event of ['groups.upsert', 'groups.update', 'group-participants.update'] as const) {
      sock.ev.on(event, (data: unknown) => {
        this.groupUpdates.push({ event, data });
        this.changed();
      });
    }
  }

  private onConnectionUpdate(sock: WASocket, update: Partial<ConnectionState>): void {
    if (sock !== this.sock) {
      return;
    }
    if (update.qr) {
      this.qrs.push(update.qr);
    }
    if (update.connection) {
      this.connection = update.connection;
    }
    if (update.connection === 'open') {
      this.reconnectAttempt = 0;
    }
    if (update.connection === 'close') {
      const statusCode = (update.lastDisconnect?.error as { output?: { statusCode?: number } } | undefined)
        ?.output?.statusCode;
      this.disconnects.push({ statusCode, at: Date.now() });
      this.loggedOut ||= statusCode === DisconnectReason.loggedOut;
      this.scheduleReconnect(statusCode);
    }
    this.changed();
  }

  private scheduleReconnect(statusCode: number | undefined): void {
    const final =
      statusCode === DisconnectReason.loggedOut ||
      statusCode === DisconnectReason.connectionReplaced ||
      (statusCode === DisconnectReason.timedOut && !this.sock.authState.creds.me);
    if (this.closed || this.options.autoReconnect === false || final) {
      return;
    }
    // 515 (restart required after linking) reconnects at once; drops back off a little.
    const delay =
      statusCode === DisconnectReason.restartRequired
        ? 0
        : RECONNECT_DELAYS_MS[Math.min(this.reconnectAttempt++, RECONNECT_DELAYS_MS.length - 1)]!;
    this.reconnectTimer = setTimeout(() => {
      if (!this.closed) {
        void this.connect();
      }
    }, delay);
  }

  /**
   * `getMessage` for retry receipts. A retry receipt can arrive before `sendMessage` resolved,
   * so wait briefly (event-driven) for the message to be recorded.
   */
  private async findMessage(key: WAMessageKey): Promise<proto.IMessage | undefined> {
    const find = (): proto.IMessage | undefined =>
      [...this.sent, ...this.upserts].find((message) => message.key.id === key.id)?.message ?? undefined;
    return this.waitFor(find, 2000, `own message ${key.id ?? ''}`).catch(() => undefined);
  }

  private changed(): void {
    this.emit('event');
  }
}

/** The text of a plain or extended text message. */
export function messageText(message: WAMessage): string | undefined {
  return contentText(message.message);
}

export function contentText(content: proto.IMessage | null | undefined): string | undefined {
  return content?.conversation ?? content?.extendedTextMessage?.text ?? undefined;
}
