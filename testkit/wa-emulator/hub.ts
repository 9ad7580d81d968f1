/**
 * Live device connections and stanza delivery.
 *
 * Delivery model (like the real service): every message, receipt, notification and call for a
 * device goes to its outbox first and is sent at once if the device is connected. It leaves the
 * outbox only when the device acknowledges it: `<ack class=… id=…>`, or — for messages — the
 * device's own `<receipt id=…>` (Baileys answers a decrypted message with a receipt, not an ack).
 * At login the outbox is replayed with `offline="1"`, then `<ib><offline count/></ib>` tells
 * Baileys the backlog is done (it buffers events until then).
 */
import type { BinaryNode } from '@whiskeysockets/baileys';

import type { AccountStore } from './accounts/store.js';
import type { AccountRecord, OutboxEntry } from './accounts/types.js';
import { node } from './binary.js';
import type { ClientConnection } from './connection.js';
import type { StanzaLog } from './stanza-log.js';

const QUEUED_TAGS = new Set(['message', 'receipt', 'notification', 'call']);

const connectionKey = (phone: string, deviceId: number): string => `${phone}:${deviceId}`;

export class DeviceHub {
  private readonly connections = new Map<string, ClientConnection>();
  /** Phones whose connections are currently refused (`setOnline(phone, false)`). */
  private readonly offlinePhones = new Set<string>();

  /** Where stanzas for an account's phone (device 0) go: the simulated phone (phone/phones.ts). */
  toPhone: ((account: AccountRecord, stanza: BinaryNode) => void) | undefined;

  constructor(
    private readonly store: AccountStore,
    private readonly log: StanzaLog,
  ) {}

  // ---- connections ----

  /** Registers a logged-in connection; an older connection of the same device is replaced (440). */
  attach(conn: ClientConnection, phone: string, deviceId: number): void {
    const key = connectionKey(phone, deviceId);
    const previous = this.connections.get(key);
    conn.device = { phone, deviceId };
    this.connections.set(key, conn);
    conn.once('closed', () => {
      if (this.connections.get(key) === conn) {
        this.connections.delete(key);
      }
    });
    if (previous && previous !== conn) {
      previous.streamError({}, [node('conflict', { type: 'replaced' })]);
    }
  }

  connection(phone: string, deviceId: number): ClientConnection | undefined {
    return this.connections.get(connectionKey(phone, deviceId));
  }

  connectionsOf(phone: string): ClientConnection[] {
    return [...this.connections.values()].filter((conn) => conn.device?.phone === phone);
  }

  allConnections(): ClientConnection[] {
    return [...this.connections.values()];
  }

  isPhoneOnline(phone: string): boolean {
    return !this.offlinePhones.has(phone);
  }

  setPhoneOnline(phone: string, online: boolean): void {
    if (online) {
      this.offlinePhones.delete(phone);
      return;
    }
    this.offlinePhones.add(phone);
    for (const conn of this.connectionsOf(phone)) {
      conn.terminate();
    }
  }

  // ---- delivery ----

  /** Queues (if ackable) and sends a stanza to one device. */
  deliver(account: AccountRecord, deviceId: number, stanza: BinaryNode): void {
    if (deviceId === 0) {
      // The phone is always online and handles what it gets at once: nothing to queue.
      this.log.record(account.phone, 0, 'out', stanza);
      this.toPhone?.(account, stanza);
      return;
    }
    const device = this.store.device(account, deviceId);
    if (!device) {
      return;
    }
    if (QUEUED_TAGS.has(stanza.tag)) {
      device.outbox.push({
        tag: stanza.tag,
        id: stanza.attrs.id ?? '',
        type: stanza.attrs.type ?? '',
        node: stanza,
      });
      this.store.changed();
    }
    this.log.record(account.phone, deviceId, 'out', stanza);
    this.connection(account.phone, deviceId)?.send(stanza);
  }

  /** Delivers to every linked device of an account (optionally skipping one), built per device. */
  deliverToAccount(
    account: AccountRecord,
    build: (deviceId: number) => BinaryNode | undefined,
    exceptDevice?: number,
  ): void {
    for (const device of account.devices) {
      if (device.id === exceptDevice) {
        continue;
      }
      const stanza = build(device.id);
      if (stanza) {
        this.deliver(account, device.id, stanza);
      }
    }
  }

  /** Sends without queueing (presence, chat states): lost if the device is not connected. */
  sendTransient(account: AccountRecord, deviceId: number, stanza: BinaryNode): void {
    const conn = this.connection(account.phone, deviceId);
    if (conn) {
      this.log.record(account.phone, deviceId, 'out', stanza);
      conn.send(stanza);
    }
  }

  /**
   * Removes acknowledged stanzas from a device's outbox: every match, or with `oldestOnly` the
   * oldest (an `<ack>` answers one delivery; a message resent with the same id is another).
   */
  acknowledge(
    account: AccountRecord,
    deviceId: number,
    matches: (entry: OutboxEntry) => boolean,
    { oldestOnly = false }: { oldestOnly?: boolean } = {},
  ): void {
    const device = this.store.device(account, deviceId);
    if (!device) {
      return;
    }
    const before = device.outbox.length;
    const oldest = oldestOnly ? device.outbox.findIndex(matches) : -1;
    device.outbox = oldestOnly
      ? device.outbox.filter((_, index) => index !== oldest)
      : device.outbox.filter((entry) => !matches(entry));
    if (device.outbox.length !== before) {
      this.store.changed();
    }
  }

  /** Replays the outbox after a login, marking every stanza `offline="1"`; returns the count. */
  replayOutbox(conn: ClientConnection, account: AccountRecord, deviceId: number): number {
    const device = this.store.device(account, deviceId);
    const entries = device ? [...device.outbox] : [];
    for (const entry of entries) {
      const replayed: BinaryNode = { ...entry.node, attrs: { ...entry.node.attrs, offline: '1' } };
      this.log.record(account.phone, deviceId, 'out', replayed);
      conn.send(replayed);
    }
    return entries.length;
  }
}
