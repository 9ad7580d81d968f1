import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OptOut } from '../../../src-shared/contract/schedule.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import { STOP_WORDS } from './opt-outs.js';

// Every keyword through the real path: a customer of the local WhatsApp server writes it, Baileys
// hands it to the core, and the opt-out list (REST, as the Schedule page reads it) shows them.
let world: LinkedWorld;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972503210000', customerPhone: '972503219999' });
}, 60_000);

afterAll(async () => {
  await world?.close();
});

async function optOuts(): Promise<OptOut[]> {
  const response = await world.app.request('/api/v1/opt-outs?session=shop');
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: OptOut[] }).items;
}

/** The customer writes `text`; resolves once the core stored it (and heard it on the bus). */
async function customerWrites(text: string): Promise<void> {
  const sent = await world.customer.sendText(world.shopJid, text);
  await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === sent.key.id);
}

async function removeByHand(jid: string): Promise<void> {
  const removed = await world.app.request(`/api/v1/opt-outs/shop/${jid}`, { method: 'DELETE' });
  expect(removed.status).toBe(204);
  expect(await optOuts()).toEqual([]);
}

describe('opt-outs', () => {
  it('every keyword, in any case and with punctuation around it, opts the customer out', async () => {
    const { jid } = world.customer;
    const variants = [...STOP_WORDS].flatMap((word) => [word, `  ${word.toUpperCase()}!! `]);
    expect(variants.length).toBeGreaterThanOrEqual(2 * 11);
    for (const text of variants) {
      await customerWrites(text);
      expect(await optOuts(), JSON.stringify(text)).toEqual([
        expect.objectContaining({ jid, reason: 'stop_reply', phone: world.customer.phone }),
      ]);
      // The owner takes them off the list again by hand (e.g. they asked to come back).
      await removeByHand(jid);
    }
  });

  it('a sentence that only contains a keyword does not', async () => {
    for (const text of ['stop by tomorrow?', 'please do not unsubscribe me', 'הסר את ההזמנה שלי מחר']) {
      await customerWrites(text);
    }
    expect(await optOuts()).toEqual([]);
  });

  it('the owner adds and removes numbers by hand; a bad number is refused naming the field', async () => {
    const added = await world.app.request('/api/v1/opt-outs', {
      method: 'POST',
      json: { session: 'shop', phone: '+972 50-765-4321' },
    });
    expect(added.status).toBe(201);
    expect(await optOuts()).toEqual([
      expect.objectContaining({ jid: '972507654321@s.whatsapp.net', reason: 'manual' }),
    ]);
    const bad = await world.app.request('/api/v1/opt-outs', {
      method: 'POST',
      json: { session: 'shop', phone: 'not a number' },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('phone');
    await removeByHand('972507654321@s.whatsapp.net');
  });
});
