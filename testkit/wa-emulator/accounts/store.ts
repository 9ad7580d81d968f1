/**
 * The emulator's directory of accounts, devices, key bundles and groups. All mutations go
 * through this class so persistence (a debounced JSON write) is never forgotten.
 */
import { randomBytes, randomInt } from 'node:crypto';

import { Curve } from '@whiskeysockets/baileys';

import type { AddressingDomain } from '../jids.js';
import { normalizePhone, parseUserJid } from '../jids.js';
import { emptyState, loadState, saveState } from './persistence.js';
import type {
  AccountRecord,
  DeviceRecord,
  EmulatorState,
  GroupRecord,
  NewsletterRecord,
  PictureRecord,
} from './types.js';

const SAVE_DEBOUNCE_MS = 25;

export interface ResolvedJid {
  account: AccountRecord;
  /** Undefined when the jid names the user, not one device. */
  device: number | undefined;
  domain: AddressingDomain;
}

export class AccountStore {
  private state: EmulatorState;
  private saveTimer: NodeJS.Timeout | undefined;
  /** How groups created from now on address participants (`Emulator.setNewGroupAddressing`). */
  newGroupAddressing: 'pn' | 'lid' = 'pn';

  constructor(private readonly stateDir: string | undefined) {
    this.state = stateDir ? loadState(stateDir) : emptyState();
  }

  // ---- accounts ----

  accounts(): AccountRecord[] {
    return Object.values(this.state.accounts);
  }

  account(phone: string): AccountRecord | undefined {
    return this.state.accounts[normalizePhone(phone)];
  }

  requireAccount(phone: string): AccountRecord {
    const account = this.account(phone);
    if (!account) {
      throw new Error(`no account for phone ${phone}`);
    }
    return account;
  }

  accountByLid(lid: string): AccountRecord | undefined {
    return this.accounts().find((account) => account.lid === lid);
  }

  /** Creates the account if missing; a given name replaces the stored one. */
  ensureAccount(phone: string, name?: string): AccountRecord {
    const digits = normalizePhone(phone);
    const existing = this.state.accounts[digits];
    if (!existing) {
      const identity = Curve.generateKeyPair();
      const account: AccountRecord = {
        phone: digits,
        lid: this.newLid(),
        name: name ?? `Customer ${digits.slice(-4)}`,
        identity: { public: Buffer.from(identity.public), private: Buffer.from(identity.private) },
        devices: [],
        nextDeviceId: 1,
        createdAt: Date.now(),
      };
      this.state.accounts[digits] = account;
      this.changed();
      return account;
    }
    this.setName(existing, name ?? '');
    return existing;
  }

  setName(account: AccountRecord, name: string): void {
    if (name && account.name !== name) {
      account.name = name;
      this.changed();
    }
  }

  setAbout(account: AccountRecord, text: string, setAt: number): void {
    account.about = { text, setAt };
    this.changed();
  }

  /** `undefined` removes the picture. */
  setPicture(account: AccountRecord, picture: PictureRecord | undefined): void {
    if (picture) {
      account.picture = picture;
    } else {
      delete account.picture;
    }
    this.changed();
  }

  /** Resolves a PN or LID jid (user or device) to an account. */
  resolve(jid: string | undefined): ResolvedJid | undefined {
    const parsed = parseUserJid(jid);
    if (!parsed) {
      return undefined;
    }
    const account = parsed.domain === 'lid' ? this.accountByLid(parsed.user) : this.account(parsed.user);
    return account ? { account, device: parsed.device, domain: parsed.domain } : undefined;
  }

  // ---- devices ----

  device(account: AccountRecord, deviceId: number): DeviceRecord | undefined {
    return account.devices.find((device) => device.id === deviceId);
  }

  /** Device ids are never reused, so a re-linked client never inherits old Signal sessions. */
  reserveDeviceId(account: AccountRecord): number {
    const id = account.nextDeviceId++;
    this.changed();
    return id;
  }

  addDevice(account: AccountRecord, device: Omit<DeviceRecord, 'keyIndex' | 'outbox'>): DeviceRecord {
    const record: DeviceRecord = { ...device, keyIndex: device.id, outbox: [] };
    account.devices.push(record);
    this.changed();
    return record;
  }

  removeDevice(account: AccountRecord, deviceId: number): boolean {
    const before = account.devices.length;
    account.devices = account.devices.filter((device) => device.id !== deviceId);
    if (account.devices.length !== before) {
      this.changed();
      return true;
    }
    return false;
  }

  // ---- groups ----

  groups(): GroupRecord[] {
    return Object.values(this.state.groups);
  }

  group(id: string): GroupRecord | undefined {
    return this.state.groups[id.split('@')[0] ?? id];
  }

  groupByInvite(code: string): GroupRecord | undefined {
    return this.groups().find((group) => group.inviteCode === code);
  }

  addGroup(group: GroupRecord): void {
    this.state.groups[group.id] = group;
    this.changed();
  }

  newGroupId(): string {
    // Modern group ids look like 1203630xxxxxxxxxxx.
    return `120363${String(randomInt(1e11, 1e12 - 1))}${String(randomInt(100, 999))}`;
  }

  newInviteCode(): string {
    return randomBytes(16).toString('base64url').slice(0, 22);
  }

  // ---- channels (newsletters) ----

  newsletters(): NewsletterRecord[] {
    return Object.values(this.state.newsletters ?? {});
  }

  newsletter(jidOrId: string): NewsletterRecord | undefined {
    return this.state.newsletters?.[jidOrId.split('@')[0] ?? jidOrId];
  }

  newsletterByInvite(code: string): NewsletterRecord | undefined {
    return this.newsletters().find((channel) => channel.inviteCode === code);
  }

  addNewsletter(channel: NewsletterRecord): void {
    this.state.newsletters = { ...this.state.newsletters, [channel.id]: channel };
    this.changed();
  }

  removeNewsletter(id: string): void {
    if (this.state.newsletters) delete this.state.newsletters[id];
    this.changed();
  }

  newNewsletterId(): string {
    // Channel ids look like group ids: 1203630xxxxxxxxxxx.
    return `120363${String(randomInt(1e11, 1e12 - 1))}${String(randomInt(100, 999))}`;
  }

  // ---- persistence ----

  /** Call after mutating any record in place. */
  changed(): void {
    if (!this.stateDir || this.saveTimer) {
      return;
    }
    this.saveTimer = setTimeout(() => this.flush(), SAVE_DEBOUNCE_MS);
    this.saveTimer.unref();
  }

  flush(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
    }
    if (this.stateDir) {
      saveState(this.stateDir, this.state);
    }
  }

  private newLid(): string {
    for (;;) {
      const lid = `${randomInt(10, 99)}${String(randomInt(1e11, 1e12 - 1))}`;
      if (!this.accountByLid(lid)) {
        return lid;
      }
    }
  }
}
