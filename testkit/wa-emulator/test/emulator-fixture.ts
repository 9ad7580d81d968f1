/** Shared test setup: one emulator per test file, customers closed after each file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { CustomerOptions } from '../customer.js';
import { Customer } from '../customer.js';
import type { Emulator } from '../emulator.js';
import type { StartOptions } from '../server.js';
import { start } from '../server.js';

export interface Fixture {
  emulator: Emulator;
  customer(options: CustomerOptions): Promise<Customer>;
  tempDir(prefix: string): string;
  /** Closes customers, the emulator and temp dirs. */
  cleanup(): Promise<void>;
}

export async function createFixture(options: StartOptions = {}): Promise<Fixture> {
  const emulator = await start(options);
  const customers: Customer[] = [];
  const dirs: string[] = [];
  return {
    emulator,
    async customer(customerOptions) {
      const customer = await Customer.create(emulator, customerOptions);
      customers.push(customer);
      return customer;
    },
    tempDir(prefix) {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    async cleanup() {
      await Promise.all(customers.map((customer) => customer.close()));
      await emulator.close();
      for (const dir of dirs) {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Encrypted payload types of the messages a phone's linked devices were sent, in order (not the phone's own copy). */
export function deliveredEncTypes(emulator: Emulator, phone: string, messageId: string): string[] {
  return emulator
    .messagesFor(phone)
    .filter(
      (entry) =>
        entry.direction === 'out' &&
        entry.device !== 0 &&
        entry.stanza.tag === 'message' &&
        entry.stanza.attrs.id === messageId,
    )
    .flatMap((entry) =>
      Array.isArray(entry.stanza.content)
        ? entry.stanza.content.filter((child) => child.tag === 'enc').map((child) => child.attrs.type ?? '')
        : [],
    );
}
