/**
 * The programmatic face of a running emulator: what tests, the CLI and the HTTP control
 * endpoint call. `start()` (server.ts) builds one.
 */
import type { ChatModification, proto } from '@whiskeysockets/baileys';

import type { AccountRecord, BusinessProfileRecord, GroupRecord } from './accounts/types.js';
import { node } from './binary.js';
import type { ChatServer } from './chat-server.js';
import type { EmulatorContext } from './context.js';
import type { CallRecord } from './handlers/calls.js';
import { endCall, placeCall } from './handlers/calls.js';
import { announceDeviceChange } from './handlers/device-notifications.js';
import type { HistorySeed } from './handlers/history-sync.js';
import { confirmPairingCode } from './handlers/pairing-code.js';
import type { NewsletterSummary } from './handlers/newsletters.js';
import { summarizeNewsletter } from './handlers/newsletters.js';
import type { LinkedDevice } from './handlers/pairing.js';
import { scanQr } from './handlers/pairing.js';
import { aboutOf, setAbout, setProfilePicture } from './handlers/profile.js';
import { setBlocked } from './handlers/privacy-block.js';
import type { AppStateEntry } from './app-state/phone-app-state.js';
import {
  assertBusiness,
  chatLabelModification,
  labelEditModification,
  labelsOf,
  type PhoneLabel,
  type PhoneLabelEdit,
} from './app-state/phone-labels.js';
import { deviceJid, groupJid, normalizePhone, userJid } from './jids.js';
import type { OddAnswer } from './media-server.js';
import type { LoggedStanza } from './stanza-log.js';

export type KickReason = 'replaced' | 'logged_out';

export interface DeviceSummary {
  id: number;
  jid: string;
  lid: string;
  platform: string;
  connected: boolean;
  /** Stanzas waiting for this device (offline queue + unacknowledged). */
  queued: number;
}

export interface AccountSummary {
  phone: string;
  jid: string;
  lid: string;
  name: string;
  /** The about text others see. */
  about: string;
  /** The profile picture's id (new for every change), or null without one. */
  pictureId: string | null;
  online: boolean;
  devices: DeviceSummary[];
}

export interface GroupSummary {
  jid: string;
  subject: string;
  description: string | undefined;
  inviteCode: string;
  participants: Array<{ phone: string; role: string | null }>;
  joinApproval: boolean;
  /** Phones waiting for an admin's approval. */
  joinRequests: string[];
  addressing: 'pn' | 'lid';
  /** Only admins edit the group's info (and its disappearing-messages timer). */
  restrict: boolean;
  /** The disappearing-messages timer in seconds, 0 when off. */
  ephemeral: number;
}

export interface EmulatorInfo {
  wsUrl: string;
  rootKeyHex: string;
  caCertPath: string;
  controlUrl: string;
  mediaUrl: string;
  stateDir: string | undefined;
}

export class Emulator implements EmulatorInfo {
  controlUrl = '';

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly chat: ChatServer,
    readonly rootKeyHex: string,
    readonly caCertPath: string,
    readonly stateDir: string | undefined,
    private readonly shutdown: () => Promise<void>,
  ) {}

  get wsUrl(): string {
    return this.chat.url;
  }

  get mediaUrl(): string {
    return this.ctx.media.baseUrl;
  }

  /** Publishes `bytes` on the media host (as a profile picture or a file would be) and returns its URL. */
  publishMedia(bytes: Buffer): string {
    return this.ctx.media.put(bytes).url;
  }

  /** A media-host URL that answers with a redirect to `location`, or never answers (`stall`). */
  oddMediaUrl(answer: OddAnswer): string {
    return this.ctx.media.odd(answer);
  }

  info(): EmulatorInfo {
    const { wsUrl, rootKeyHex, caCertPath, controlUrl, mediaUrl, stateDir } = this;
    return { wsUrl, rootKeyHex, caCertPath, controlUrl, mediaUrl, stateDir };
  }

  /** The phone `phone` scans a QR shown by a client; the account is created if missing. */
  scanQr(qr: string, phone: string, name?: string): Promise<LinkedDevice> {
    return scanQr(this.ctx, qr, phone, name);
  }

  /** The user types the code a client shows (after `requestPairingCode(phone)`) into the phone. */
  confirmPairingCode(phone: string, code: string, name?: string): Promise<LinkedDevice> {
    return confirmPairingCode(this.ctx, phone, code, name);
  }

  createAccount(phone: string, name?: string): AccountSummary {
    return this.summarize(this.ctx.store.ensureAccount(normalizePhone(phone), name));
  }

  /**
   * Ends the phone's sessions: `replaced` → `<conflict type="replaced"/>` (Baileys: 440);
   * `logged_out` → the devices are unlinked and get stream error 401 (Baileys: loggedOut);
   * later logins of those devices fail with 401.
   */
  kick(phone: string, reason: KickReason): void {
    const account = this.ctx.store.requireAccount(phone);
    for (const conn of this.ctx.hub.connectionsOf(account.phone)) {
      if (reason === 'replaced') {
        conn.streamError({}, [node('conflict', { type: 'replaced' })]);
      } else {
        conn.streamError({ code: '401' }, [node('conflict', { type: 'device_removed' })]);
      }
    }
    if (reason === 'logged_out') {
      for (const device of [...account.devices]) {
        this.ctx.store.removeDevice(account, device.id);
        announceDeviceChange(this.ctx, account, device.id, 'remove');
      }
    }
  }

  /** `false`: the phone's connections drop and new ones are refused (messages queue up). */
  setOnline(phone: string, online: boolean): void {
    this.ctx.hub.setPhoneOnline(this.ctx.store.requireAccount(phone).phone, online);
  }

  /** The about text others get from usync `status`; the account is created if missing. */
  setAbout(phone: string, text: string): void {
    setAbout(this.ctx, this.ctx.store.ensureAccount(normalizePhone(phone)), text);
  }

  /**
   * The account's profile picture (JPEG bytes, as WhatsApp stores them), or `null` to remove it.
   * Each change gets a new picture id and URL, and connected devices get a `picture`
   * notification. The account is created if missing. `full`, when given, is served for
   * full-size queries (`type="image"`) while `bytes` stays the preview, as WhatsApp keeps both.
   */
  setProfilePicture(phone: string, bytes: Buffer | null, full?: Buffer): void {
    const account = this.ctx.store.ensureAccount(normalizePhone(phone));
    setProfilePicture(this.ctx, account, bytes, undefined, full);
  }

  /**
   * Makes the account a WhatsApp Business account with this profile (what `getBusinessProfile`
   * answers and `updateBussinesProfile` edits); `null` makes it a personal account again.
   */
  setBusinessProfile(phone: string, profile: BusinessProfileRecord | null): void {
    const account = this.ctx.store.ensureAccount(normalizePhone(phone));
    if (profile) account.business = { ...profile, websites: [...profile.websites] };
    else delete account.business;
    this.ctx.store.changed();
  }

  businessProfile(phone: string): BusinessProfileRecord | undefined {
    return this.ctx.store.account(normalizePhone(phone))?.business;
  }

  /**
   * What the account's phone shows of its app-state, decoded, once every uploaded patch is
   * applied: e.g. `appStateEntries(phone, 'archive')` lists the chats' archive settings.
   */
  async appStateEntries(phone: string, action: string): Promise<AppStateEntry[]> {
    const account = this.ctx.store.requireAccount(normalizePhone(phone));
    return (await this.ctx.appState.settled(account)).entriesOf(action);
  }

  /** The phone blocks or unblocks `contact` (a phone number); every linked device is told. */
  phoneSetBlocked(phone: string, contact: string, blocked: boolean): void {
    const account = this.ctx.store.requireAccount(normalizePhone(phone));
    setBlocked(this.ctx, account, normalizePhone(contact), blocked, null);
  }

  /** What the account blocked (phone numbers), as its block list answers. */
  blockedBy(phone: string): string[] {
    return [...(this.ctx.store.requireAccount(normalizePhone(phone)).blocked ?? [])];
  }

  /** A change made on the phone itself (archive, pin, mute, mark read, …), synced to the linked devices. */
  async phoneChatModify(phone: string, mod: ChatModification, jid: string): Promise<void> {
    const account = this.ctx.store.requireAccount(normalizePhone(phone));
    await this.ctx.appState.phoneChatModify(account, mod, jid);
  }

  /**
   * WhatsApp Business labels: the phone creates, renames, recolours or deletes one
   * (app-state/phone-labels.ts); every linked device gets it as `labels.edit`. Business accounts only.
   */
  async phoneEditLabel(phone: string, edit: PhoneLabelEdit): Promise<void> {
    const account = this.ctx.store.requireAccount(normalizePhone(phone));
    assertBusiness(account);
    await this.ctx.appState.phoneChatModify(account, labelEditModification(edit), '');
  }

  /** The phone puts a label on a chat (`labeled`) or takes it off; devices get `labels.association`. */
  async phoneLabelChat(phone: string, labelId: string, chatJid: string, labeled: boolean): Promise<void> {
    const account = this.ctx.store.requireAccount(normalizePhone(phone));
    assertBusiness(account);
    await this.ctx.appState.phoneChatModify(account, chatLabelModification(labelId, labeled), chatJid);
  }

  /**
   * WhatsApp refuses the account's app-state uploads (label, archive, pin, … changes from its
   * linked devices) with this iq error until called with null; the phone's own changes and the
   * devices' syncs still work.
   */
  refuseAppStateUploads(phone: string, error: { code: number; text: string } | null): void {
    this.ctx.appState.refuseUploads(this.ctx.store.requireAccount(normalizePhone(phone)), error);
  }

  /** The labels the account's phone shows (with their chats), once every uploaded patch is applied. */
  async labels(phone: string): Promise<PhoneLabel[]> {
    const account = this.ctx.store.requireAccount(normalizePhone(phone));
    return labelsOf(await this.ctx.appState.settled(account));
  }

  accounts(): AccountSummary[] {
    return this.ctx.store.accounts().map((account) => this.summarize(account));
  }

  /**
   * How groups created from now on name their participants: `lid` (what WhatsApp now creates:
   * LID jids with the phone number beside them) or `pn` (older groups; the default here).
   */
  setNewGroupAddressing(addressing: 'pn' | 'lid'): void {
    this.ctx.store.newGroupAddressing = addressing;
  }

  /**
   * How contacts' presence is reported to subscribers: `lid` (`<presence from="…@lid">`, what
   * WhatsApp now does for accounts moved to LIDs) or `pn` (in the domain the subscriber named the
   * contact in; the default).
   */
  setPresenceAddressing(addressing: 'pn' | 'lid'): void {
    this.ctx.presence.addressing = addressing;
  }

  groups(): GroupSummary[] {
    return this.ctx.store.groups().map((group) => summarizeGroup(group));
  }

  /** Stanzas exchanged with the phone's devices (both directions), oldest first. */
  /** Channels (newsletters): owner, followers, posts with their reaction counts. */
  newsletters(): NewsletterSummary[] {
    return this.ctx.store.newsletters().map((channel) => summarizeNewsletter(channel));
  }

  messagesFor(phone: string): LoggedStanza[] {
    return this.ctx.log.forPhone(phone);
  }

  /** Waits (no polling) for a logged stanza of `phone` matching the predicate. */
  waitForStanza(
    phone: string,
    predicate: (entry: LoggedStanza) => boolean,
    timeoutMs?: number,
  ): Promise<LoggedStanza> {
    return this.ctx.log.waitFor(phone, predicate, timeoutMs);
  }

  /** What `phone`'s simulated primary phone decrypted of message `id` (phone/primary-phone.ts). */
  phoneContent(phone: string, id: string): proto.IMessage | undefined {
    const account = this.ctx.store.account(normalizePhone(phone));
    return account ? this.ctx.phones.of(account).contentOf(id) : undefined;
  }

  /** Calls `listener` with every stanza logged from now on (all phones); returns the unsubscribe. */
  onStanza(listener: (entry: LoggedStanza) => void): () => void {
    this.ctx.log.on('stanza', listener);
    return () => this.ctx.log.off('stanza', listener);
  }

  /** An incoming call offer from `fromPhone` to every device of `toPhone`. */
  placeCall(fromPhone: string, toPhone: string, options: { video?: boolean } = {}): CallRecord {
    return placeCall(this.ctx, fromPhone, toPhone, options.video);
  }

  /** The caller hangs up, or (`timeout`) the call rings out unanswered. */
  endCall(callId: string, how: 'hangup' | 'timeout' = 'hangup'): CallRecord {
    return endCall(this.ctx, callId, how);
  }

  /** History the next newly linked device of `phone` receives in its history sync push. */
  seedHistory(phone: string, seed: HistorySeed): void {
    this.ctx.historySeeds.set(normalizePhone(phone), seed);
  }

  calls(): CallRecord[] {
    return this.ctx.calls.all();
  }

  /** Network loss: drop every connection and refuse new ones until `resume()` (same port). */
  suspend(): Promise<void> {
    return this.chat.suspend();
  }

  resume(): Promise<void> {
    return this.chat.resume();
  }

  close(): Promise<void> {
    return this.shutdown();
  }

  private summarize(account: AccountRecord): AccountSummary {
    return {
      phone: account.phone,
      jid: userJid(account.phone),
      lid: userJid(account.lid, 'lid'),
      name: account.name,
      about: aboutOf(account).text,
      pictureId: account.picture?.id ?? null,
      online: this.ctx.hub.isPhoneOnline(account.phone),
      devices: account.devices.map((device) => ({
        id: device.id,
        jid: deviceJid(account.phone, device.id),
        lid: deviceJid(account.lid, device.id, 'lid'),
        platform: device.platform,
        connected: !!this.ctx.hub.connection(account.phone, device.id),
        queued: device.outbox.length,
      })),
    };
  }
}

function summarizeGroup(group: GroupRecord): GroupSummary {
  return {
    jid: groupJid(group.id),
    subject: group.subject,
    description: group.description?.text,
    inviteCode: group.inviteCode,
    participants: group.participants.map(({ phone, role }) => ({ phone, role })),
    joinApproval: Boolean(group.joinApproval),
    joinRequests: (group.joinRequests ?? []).map((request) => request.phone),
    addressing: group.addressing ?? 'pn',
    restrict: group.restrict,
    ephemeral: group.ephemeral,
  };
}
