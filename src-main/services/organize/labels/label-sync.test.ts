/**
 * WhatsApp Business labels ⇄ tags (issue #19), with real Baileys on the local WhatsApp server:
 * the shop's phone makes and applies labels (they arrive as tags on the chat), tags turned to
 * "sync with WhatsApp" in Chatdock become labels on the phone (renamed, applied, deleted there
 * too), a conflict is resolved by the later change and recorded, and a personal number refuses
 * sync. Who may turn sync on: label-sync-access.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tag, TagLabelSync, Tagging } from '../../../../src-shared/contract/organize.js';
import {
  linkedWorld,
  linkSecondDevice,
  type LinkedWorld,
} from '../../../../testkit/support/linked-session.js';
import { sessionReaches } from '../../../../testkit/support/events.js';
import { colorOfIndex, indexOfColor } from './label-colors.js';
import { RETRY_DELAYS_MS } from './label-pusher.js';
import type { Customer } from '../../../../testkit/wa-emulator/customer.js';

let world: LinkedWorld;
const LIMIT = 90_000;
let chat: string;
let secondDevice: Customer;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972501110419', customerPhone: '972502220419' });
  const sent = await world.customer.sendText(world.shopJid, 'Do you deliver?');
  await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === sent.key.id, LIMIT);
  chat = world.customer.jid;
  secondDevice = await linkSecondDevice(world, LIMIT);
}, LIMIT);

afterAll(async () => {
  await secondDevice?.close();
  await world?.close();
});

async function json<T>(path: string, init?: Parameters<LinkedWorld['app']['request']>[1]): Promise<T> {
  const response = await world.app.request(path, init);
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()) as T;
}

const tags = async () => (await json<{ items: Tag[] }>('/api/v1/tags')).items;
const chatTags = async () =>
  (await json<{ items: Tagging[] }>(`/api/v1/sessions/shop/chats/${encodeURIComponent(chat)}/tags`)).items;
const setSync = (tagId: string, enabled: boolean, headers?: Record<string, string>) =>
  world.app.request(`/api/v1/tags/${tagId}/labels/shop`, {
    method: 'PUT',
    json: { enabled },
    ...(headers ? { headers } : {}),
  });

/**
 * Resolves once the shop's second linked device has heard a label event matching `predicate`
 * (the upload reached WhatsApp), then answers what the phone shows of label `id`.
 */
async function onPhone(id: string, predicate: (event: Customer['labelEvents'][number]) => boolean) {
  await secondDevice.waitFor(
    () => secondDevice.labelEvents.find(predicate),
    LIMIT,
    `label ${id} on the second device`,
  );
  return (await world.emulator.labels(world.shopPhone)).find((label) => label.id === id);
}

const createTag = (name: string, color: string) =>
  json<Tag>('/api/v1/tags', { method: 'POST', json: { name, color } });

/** Turns sync with the shop's labels on for a tag: the id of its label there. */
async function syncWithShop(tagId: string): Promise<string> {
  const sync = await json<TagLabelSync>(`/api/v1/tags/${tagId}/labels/shop`, {
    method: 'PUT',
    json: { enabled: true },
  });
  return sync.labels[0]?.labelId ?? '';
}

/** A new red tag synced with the shop, once the phone has its label: WhatsApp has it as it is. */
async function tagOnPhone(name: string): Promise<{ tag: Tag; labelId: string }> {
  const tag = await createTag(name, '#ff0000');
  const labelId = await syncWithShop(tag.id);
  await onPhone(labelId, (e) => e.event === 'labels.edit' && e.data.id === labelId);
  return { tag, labelId };
}

type Labels = LinkedWorld['app']['core']['services']['organize']['labels'];

/**
 * Runs `body` while WhatsApp refuses every label upload of the shop (500) and the pusher retries
 * twice, soon (three tries in all); both are put back whatever `body` does.
 */
async function whileWhatsAppRefuses(body: (labels: Labels) => Promise<void>): Promise<void> {
  const labels = world.app.core.services.organize.labels;
  labels.useRetryDelays([20, 20]);
  world.emulator.refuseAppStateUploads(world.shopPhone, { code: 500, text: 'internal-server-error' });
  try {
    await body(labels);
  } finally {
    world.emulator.refuseAppStateUploads(world.shopPhone, null);
    labels.useRetryDelays(RETRY_DELAYS_MS);
  }
}

describe('label sync', () => {
  it('a personal number refuses label sync, naming the number', async () => {
    const tag = await createTag('Early', '#ff0000');
    const refused = await setSync(tag.id, true);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: 'CONFLICT', field: 'session' } });
    expect((await tags()).find((t) => t.id === tag.id)?.syncedWith).toEqual([]);
    world.emulator.setBusinessProfile(world.shopPhone, { description: 'Falafel', websites: [] });
  });

  it(
    'a label made and applied on the phone becomes a tag on the chat',
    async () => {
      const tagged = world.waitForEvent(
        (e) => e.type === 'chat.tagged' && e.data.tag.name === 'VIP' && e.data.action === 'added',
        LIMIT,
      );
      await world.emulator.phoneEditLabel(world.shopPhone, { id: '1', name: 'VIP', color: 2 });
      await world.emulator.phoneLabelChat(world.shopPhone, '1', chat, true);
      const event = await tagged;
      expect(event.actor).toMatchObject({ type: 'system', name: 'WhatsApp' });
      const vip = (await tags()).find((t) => t.name === 'VIP');
      expect(vip).toMatchObject({ color: colorOfIndex(2), syncedWith: ['shop'] });
      expect((await chatTags()).map((t) => [t.tag.name, t.addedBy])).toContainEqual(['VIP', 'whatsapp:shop']);
      const sync = await json<TagLabelSync>(`/api/v1/tags/${vip?.id}/labels`);
      expect(sync.labels).toEqual([{ session: 'shop', labelId: '1' }]);
      expect(sync.history[0]).toMatchObject({ origin: 'whatsapp', change: 'created', conflict: false });
    },
    LIMIT,
  );

  it(
    'a tag synced in Chatdock becomes a label on the phone, with its chats, renames and deletion',
    async () => {
      const paid = await createTag('Paid', '#55ccb3');
      await json(`/api/v1/sessions/shop/chats/${encodeURIComponent(chat)}/tags/${paid.id}`, {
        method: 'PUT',
      });
      const labelId = await syncWithShop(paid.id);
      expect(labelId).toBe('2');
      const isEdit =
        (name: string, deleted = false) =>
        (e: Customer['labelEvents'][number]) =>
          e.event === 'labels.edit' &&
          e.data.id === labelId &&
          e.data.name === name &&
          e.data.deleted === deleted;
      const isOnChat = (type: 'add' | 'remove') => (e: Customer['labelEvents'][number]) =>
        e.event === 'labels.association' && e.data.type === type && e.data.association.labelId === labelId;
      expect(await onPhone(labelId, isOnChat('add'))).toMatchObject({
        name: 'Paid',
        color: indexOfColor('#55ccb3'),
        chats: [chat],
      });

      await json(`/api/v1/tags/${paid.id}`, { method: 'PATCH', json: { name: 'Paid in full' } });
      expect(await onPhone(labelId, isEdit('Paid in full'))).toMatchObject({ name: 'Paid in full' });

      await json(`/api/v1/sessions/shop/chats/${encodeURIComponent(chat)}/tags/${paid.id}`, {
        method: 'DELETE',
      });
      expect(await onPhone(labelId, isOnChat('remove'))).toMatchObject({ chats: [] });

      await json(`/api/v1/tags/${paid.id}?confirm=true`, { method: 'DELETE' });
      expect(await onPhone(labelId, isEdit('Paid in full', true))).toMatchObject({ deleted: true });
    },
    LIMIT,
  );

  it(
    'conflict: a rename made here while the number was offline loses to the phone’s later one, recorded',
    async () => {
      const vip = (await tags()).find((t) => t.name === 'VIP');
      if (!vip) throw new Error('VIP missing');
      const down = sessionReaches(world.app.core.bus, 'shop', 'disconnected');
      await json('/api/v1/sessions/shop/disconnect', { method: 'POST' });
      await down;
      await json(`/api/v1/tags/${vip.id}`, { method: 'PATCH', json: { name: 'VIP (here)' } });
      await world.emulator.phoneEditLabel(world.shopPhone, { id: '1', name: 'VIP (phone)', color: 2 });
      const synced = world.waitForEvent(
        (e) => e.type === 'tag.label_synced' && e.data.tag.name === 'VIP (phone)',
        LIMIT,
      );
      await json('/api/v1/sessions/shop/connect', { method: 'POST' });
      const event = await synced;
      expect(event.data).toMatchObject({
        origin: 'whatsapp',
        change: 'renamed',
        conflict: true,
        before: { name: 'VIP (here)' },
      });
      expect((await tags()).find((t) => t.id === vip.id)?.name).toBe('VIP (phone)');
      const history = (await json<TagLabelSync>(`/api/v1/tags/${vip.id}/labels`)).history;
      expect(history[0]).toMatchObject({ change: 'renamed', conflict: true, actor: 'whatsapp:shop' });
    },
    LIMIT,
  );

  it(
    'a label deleted on the phone takes the tag off the chat and deletes the unused tag',
    async () => {
      const vip = (await tags()).find((t) => t.name === 'VIP (phone)');
      const gone = world.waitForEvent(
        (e) => e.type === 'tag.label_synced' && e.data.change === 'deleted' && e.data.tag.id === vip?.id,
        LIMIT,
      );
      await world.emulator.phoneEditLabel(world.shopPhone, {
        id: '1',
        name: 'VIP (phone)',
        color: 2,
        deleted: true,
      });
      await gone;
      expect((await chatTags()).map((t) => t.tag.id)).not.toContain(vip?.id);
      expect((await tags()).map((t) => t.id)).not.toContain(vip?.id);
    },
    LIMIT,
  );
  it(
    'a label on a chat WhatsApp keeps refusing is tried a bounded number of times, then shown as failed',
    async () => {
      const { tag, labelId } = await tagOnPhone('Refused');
      await whileWhatsAppRefuses(async (labels) => {
        const failed = world.waitForEvent(
          (e) => e.type === 'tag.label_synced' && e.data.change === 'failed' && e.data.tag.id === tag.id,
          LIMIT,
        );
        await json(`/api/v1/sessions/shop/chats/${encodeURIComponent(chat)}/tags/${tag.id}`, {
          method: 'PUT',
        });
        expect((await failed).data).toMatchObject({
          origin: 'chatdock',
          labelId,
          chat,
          conflict: false,
          failure: {
            action: 'label',
            attempts: 3,
            error: expect.stringContaining('500 internal-server-error'),
          },
        });
        // Given up: nothing left to send, and the tag's label history says what and why.
        expect(labels.outbox.of('shop')).toEqual([]);
        const history = (await json<TagLabelSync>(`/api/v1/tags/${tag.id}/labels`)).history;
        expect(history[0]).toMatchObject({
          change: 'failed',
          origin: 'chatdock',
          after: {
            chat,
            action: 'label',
            attempts: 3,
            error: expect.stringContaining('internal-server-error'),
          },
        });
        // The tag stays on the chat here (the phone never took the label).
        expect((await chatTags()).map((t) => t.tag.id)).toContain(tag.id);
      });
      // Exactly one final event: no retry after giving up.
      expect(
        world.events.filter(
          (e) => e.type === 'tag.label_synced' && e.data.change === 'failed' && e.data.tag.id === tag.id,
        ),
      ).toHaveLength(1);
    },
    LIMIT,
  );

  it(
    'a rename WhatsApp keeps refusing goes the same bounded way: given up once, not sent again',
    async () => {
      const { tag, labelId } = await tagOnPhone('Refused name');
      const labels = world.app.core.services.organize.labels;
      const isFailed = (e: (typeof world.events)[number]) =>
        e.type === 'tag.label_synced' && e.data.change === 'failed' && e.data.tag.id === tag.id;
      await whileWhatsAppRefuses(async () => {
        const failed = world.waitForEvent(isFailed, LIMIT);
        await json(`/api/v1/tags/${tag.id}`, { method: 'PATCH', json: { name: 'Refused again' } });
        expect((await failed).data).toMatchObject({
          origin: 'chatdock',
          labelId,
          before: { name: 'Refused name' },
          failure: {
            action: 'rename',
            attempts: 3,
            error: expect.stringContaining('500 internal-server-error'),
          },
        });
        // Another sync of the number (a reconnect does the same) sends nothing more.
        await labels.labelsSynced('shop');
      });
      await labels.labelsSynced('shop');
      // The phone kept its name, the tag keeps ours: no flapping, and one failure announced.
      expect((await world.emulator.labels(world.shopPhone)).find((l) => l.id === labelId)?.name).toBe(
        'Refused name',
      );
      expect((await tags()).find((t) => t.id === tag.id)?.name).toBe('Refused again');
      expect(world.events.filter(isFailed)).toHaveLength(1);
      expect(
        labels.links.editSchedule(tag.id, 'shop', 'Refused again', indexOfColor('#ff0000')),
      ).toMatchObject({ attempts: 3, givenUp: true });
    },
    LIMIT,
  );
});
