import { afterAll, beforeAll } from 'vitest';
import { Customer } from '../wa-emulator/customer.js';
import type { Emulator } from '../wa-emulator/index.js';
import type { AnyEventEnvelope } from '../../src-shared/contract/events.js';
import { nextEvent, sessionReaches } from './events.js';
import { startTestCore, type TestCore } from './test-core.js';
import { startWaServer } from './wa-server.js';

/** A core with session `shop` linked to `shopPhone`, and a real Baileys customer on the same server. */
export interface LinkedWorld {
  emulator: Emulator;
  app: TestCore;
  shopPhone: string;
  shopJid: string;
  customer: Customer;
  /** Every event the core published since the world was made. */
  events: AnyEventEnvelope[];
  waitForEvent(
    predicate: (event: AnyEventEnvelope) => boolean,
    timeoutMs?: number,
  ): Promise<AnyEventEnvelope>;
  newCustomer(phone: string, name?: string): Promise<Customer>;
  close(): Promise<void>;
}

export async function linkedWorld(
  options: { shopPhone?: string; customerPhone?: string; env?: Record<string, string> } = {},
): Promise<LinkedWorld> {
  const { emulator, env } = await startWaServer();
  const app = await startTestCore({ ...env, ...options.env });
  const shopPhone = options.shopPhone ?? '972501110000';
  const events: AnyEventEnvelope[] = [];
  app.core.bus.subscribe((event) => events.push(event));

  await linkSession(app, emulator, shopPhone, { name: 'Shop' });

  const customers: Customer[] = [];
  const newCustomer = async (phone: string, name = 'Dana') => {
    const customer = await Customer.create(emulator, { phone, name });
    customers.push(customer);
    return customer;
  };
  const customer = await newCustomer(options.customerPhone ?? '972502220000');

  return {
    emulator,
    app,
    shopPhone,
    shopJid: `${shopPhone}@s.whatsapp.net`,
    customer,
    events,
    waitForEvent: (predicate, timeoutMs) => {
      const seen = events.find(predicate);
      return seen ? Promise.resolve(seen) : nextEvent(app.core.bus, predicate, timeoutMs);
    },
    newCustomer,
    async close() {
      await Promise.all(customers.map((c) => c.close()));
      await app.stop();
      await emulator.close();
    },
  };
}

/** Creates session `shop` (or `options.id`) and links it to `phone` by QR on the local WhatsApp server. */
export async function linkSession(
  app: TestCore,
  emulator: Emulator,
  phone: string,
  options: { id?: string; name?: string } = {},
): Promise<void> {
  const id = options.id ?? 'shop';
  const json = options.name ? { id, name: options.name } : { id };
  await app.request('/api/v1/sessions', { method: 'POST', json });
  const qrShown = sessionReaches(app.core.bus, id, 'qr');
  await app.request(`/api/v1/sessions/${id}/connect`, { method: 'POST' });
  const { qr } = await qrShown;
  const connected = sessionReaches(app.core.bus, id, 'connected');
  await emulator.scanQr(qr ?? '', phone, 'Falafel House');
  await connected;
}

/**
 * A core and a local WhatsApp server for the tests of one file, started before them and closed
 * after them (nothing linked yet); read `app` and `emulator` inside the tests.
 */
export function coreOnWaServer(): { readonly app: TestCore; readonly emulator: Emulator } {
  const world = {} as { app: TestCore; emulator: Emulator };
  beforeAll(async () => {
    const server = await startWaServer();
    world.emulator = server.emulator;
    world.app = await startTestCore(server.env);
  });
  afterAll(async () => {
    await world.app?.stop();
    await world.emulator?.close();
  });
  return world;
}

/**
 * The shop's number on a second linked device (like WhatsApp Web on another computer), ready once
 * the phone has shared its app-state key, so it applies the patches the core sends.
 */
export async function linkSecondDevice(world: LinkedWorld, timeoutMs: number): Promise<Customer> {
  const device = await Customer.create(world.emulator, { phone: world.shopPhone, name: 'Falafel House' });
  await device.waitFor(() => device.sock.authState.creds.myAppStateKeyId, timeoutMs, 'app-state key');
  return device;
}

/** What the shop's phone holds for `chatJid` under an app-state `action` (archive, pin_v1, star, …). */
export async function onShopPhone(world: LinkedWorld, action: string, chatJid: string) {
  const entries = await world.emulator.appStateEntries(world.shopPhone, action);
  return entries.filter((entry) => entry.index[1] === chatJid);
}
