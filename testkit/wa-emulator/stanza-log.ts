/**
 * A per-phone log of stanzas exchanged with that phone's devices, for test assertions
 * (`messagesFor(phone)`, `GET /messages?phone=`). Also an event source, so tests can wait for a
 * stanza instead of sleeping.
 */
import { EventEmitter } from 'node:events';

import type { BinaryNode } from '@whiskeysockets/baileys';

import { normalizePhone } from './jids.js';

export interface LoggedStanza {
  seq: number;
  at: number;
  phone: string;
  /** The device the stanza went to / came from; undefined for stanzas addressed to the phone itself. */
  device: number | undefined;
  direction: 'in' | 'out';
  stanza: BinaryNode;
}

const MAX_ENTRIES_PER_PHONE = 5000;

export class StanzaLog extends EventEmitter<{ stanza: [entry: LoggedStanza] }> {
  private readonly entries = new Map<string, LoggedStanza[]>();
  private seq = 0;

  constructor() {
    super();
    this.setMaxListeners(0);
  }

  record(phone: string, device: number | undefined, direction: 'in' | 'out', stanza: BinaryNode): void {
    const entry: LoggedStanza = { seq: ++this.seq, at: Date.now(), phone, device, direction, stanza };
    let list = this.entries.get(phone);
    if (!list) {
      list = [];
      this.entries.set(phone, list);
    }
    list.push(entry);
    if (list.length > MAX_ENTRIES_PER_PHONE) {
      list.splice(0, list.length - MAX_ENTRIES_PER_PHONE);
    }
    this.emit('stanza', entry);
  }

  forPhone(phone: string): LoggedStanza[] {
    return [...(this.entries.get(normalizePhone(phone)) ?? [])];
  }

  /** Resolves with the first logged stanza (past or future) matching the predicate. */
  waitFor(
    phone: string,
    predicate: (entry: LoggedStanza) => boolean,
    timeoutMs = 10_000,
  ): Promise<LoggedStanza> {
    const digits = normalizePhone(phone);
    const existing = this.entries.get(digits)?.find(predicate);
    if (existing) {
      return Promise.resolve(existing);
    }
    return new Promise((resolve, reject) => {
      const onStanza = (entry: LoggedStanza): void => {
        if (entry.phone === digits && predicate(entry)) {
          cleanup();
          resolve(entry);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching stanza for ${digits} within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.off('stanza', onStanza);
      };
      this.on('stanza', onStanza);
    });
  }
}
