/**
 * Label changes made in Chatdock while the number is offline reach the phone when it reconnects
 * (issue #19), with real Baileys on the local WhatsApp server: a rename, a recolour, a label put
 * on a chat and a synced tag deleted are kept, and sent once the reconnect has synced WhatsApp's
 * app-state; when the phone changed the same thing meanwhile, the phone's change wins and the tag
 * label history records the conflict; pending changes survive a restart of the app.
 * The online sync itself: label-sync.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Tag, TagLabelSync, Tagging } from '../../../../src-shared/contract/organize.js';
import {
  linkedWorld,
  linkSecondDevice,
  type LinkedWorld,
} from '../../../../testkit/support/linked-session.js';
import { sessionReaches } from '../../../../testkit/support/events.js';
import { startTestCore, type TestCore } from '../../../../testkit/support/test-core.js';
import type { Customer } from '../../../../testkit/wa-emulator/customer.js';
import { indexOfColor } from './label-colors.js';

const LIMIT = 120_000;
let world: LinkedWorld;
/** The app the tests talk to (a new core on the same data after the restart). */
let app: TestCore;
let restarted: TestCore | null = null;
let secondDevice: Customer;
let chat: string;
let otherChat: string;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972501110519', customerPhone: '972502220519' });
  app = world.app;
  world.emulator.setBusinessProfile(world.shopPhone, { description: 'Falafel', websites: [] });
  const other = await world.newCustomer('972502220520', 'Noa');
  for (const customer of [world.customer, other]) {
    const sent = await customer.sendText(world.shopJid, 'Hello');
    await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === sent.key.id, LIMIT);
  }
  chat = world.customer.jid;
  otherChat = other.jid;
  secondDevice = await linkSecondDevice(world, LIMIT);
}, LIMIT);

afterAll(async () => {
  await secondDevice?.close();
  if (restarted) {
    // The first core is stopped already; the second owns the data dir now.
    await restarted.stop();
    await world?.customer.close();
    await world?.emulator.close();
  } else {
    await world?.close();
  }
});

async function json<T>(path: string, init?: Parameters<TestCore['request']>[1]): Promise<T> {
  const response = await app.request(path, init);
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()) as T;
}

const tagsNow = async () => (await json<{ items: Tag[] }>('/api/v1/tags')).items;
const chatPath = (jid: string) => `/api/v1/sessions/shop/chats/${encodeURIComponent(jid)}/tags`;
const chatTags = async (jid: string) => (await json<{ items: Tagging[] }>(chatPath(jid))).items;
const history = async (tagId: string) => (await json<TagLabelSync>(`/api/v1/tags/${tagId}/labels`)).history;
const phoneLabel = async (id: string) =>
  (await world.emulator.labels(world.shopPhone)).find((label) => label.id === id);

type LabelEvent = Customer['labelEvents'][number];
const isEdit =
  (id: string, name: string, deleted = false) =>
  (e: LabelEvent) =>
    e.event === 'labels.edit' &&
    e.data.id === id &&
    e.data.name === name &&
    Boolean(e.data.deleted) === deleted;
const isOnChat = (id: string, jid: string, type: 'add' | 'remove') => (e: LabelEvent) =>
  e.event === 'labels.association' &&
  e.data.type === type &&
  e.data.association.labelId === id &&
  e.data.association.chatId === jid;

/** Resolves once the shop's second device heard it (the change reached WhatsApp). */
const reached = (predicate: (e: LabelEvent) => boolean, what: string) =>
  secondDevice.waitFor(() => secondDevice.labelEvents.find(predicate), LIMIT, what);

/**
 * Resolves once nothing is left to send. The second device can hear a change before the app
 * has WhatsApp's answer to its push (the server fans out first), and only that answer clears
 * the entry — so the outbox is waited for, not read at once.
 */
const outboxDrained = () =>
  vi.waitFor(() => expect(app.core.services.organize.labels.outbox.of('shop')).toEqual([]), {
    timeout: LIMIT,
    interval: 50,
  });

/** A tag synced with the shop's labels (connected); answers the tag and its label id. */
async function syncedTag(name: string, color: string): Promise<{ tag: Tag; labelId: string }> {
  const tag = await json<Tag>('/api/v1/tags', { method: 'POST', json: { name, color } });
  const sync = await json<TagLabelSync>(`/api/v1/tags/${tag.id}/labels/shop`, {
    method: 'PUT',
    json: { enabled: true },
  });
  const labelId = sync.labels[0]?.labelId ?? '';
  await reached(isEdit(labelId, name), `label ${name}`);
  return { tag, labelId };
}

async function disconnect(): Promise<void> {
  const down = sessionReaches(app.core.bus, 'shop', 'disconnected');
  await json('/api/v1/sessions/shop/disconnect', { method: 'POST' });
  await down;
}

async function connect(): Promise<void> {
  const up = sessionReaches(app.core.bus, 'shop', 'connected');
  await json('/api/v1/sessions/shop/connect', { method: 'POST' });
  await up;
}

describe('label changes made while the number is offline', () => {
  it(
    'a rename, a recolour and a label on a chat made offline reach the phone on reconnect',
    async () => {
      const { tag, labelId } = await syncedTag('Paid', '#55ccb3');
      await disconnect();
      await json(`/api/v1/tags/${tag.id}`, {
        method: 'PATCH',
        json: { name: 'Paid in full', color: '#ff0000' },
      });
      await json(`${chatPath(chat)}/${tag.id}`, { method: 'PUT' });
      // Nothing left while offline: the phone still has the label as it was.
      expect(await phoneLabel(labelId)).toMatchObject({ name: 'Paid', chats: [] });

      await connect();
      await reached(isEdit(labelId, 'Paid in full'), 'the offline rename');
      await reached(isOnChat(labelId, chat, 'add'), 'the offline label on the chat');
      expect(await phoneLabel(labelId)).toMatchObject({
        name: 'Paid in full',
        color: indexOfColor('#ff0000'),
        chats: [chat],
      });
      expect((await history(tag.id))[0]).toMatchObject({
        origin: 'chatdock',
        change: 'renamed',
        before: { name: 'Paid' },
        after: { name: 'Paid in full' },
        conflict: false,
      });
      // Sent once: nothing is left pending.
      await outboxDrained();
    },
    LIMIT,
  );

  it(
    'conflict: what both sides changed offline goes the phone’s way, recorded; the rest is sent',
    async () => {
      const { tag, labelId } = await syncedTag('Urgent', '#55ccb3');
      await json(`${chatPath(chat)}/${tag.id}`, { method: 'PUT' });
      await reached(isOnChat(labelId, chat, 'add'), 'Urgent on the chat');
      await disconnect();
      // Here: renamed and recoloured, taken off the chat, put on the other chat.
      await json(`/api/v1/tags/${tag.id}`, {
        method: 'PATCH',
        json: { name: 'Urgent (here)', color: '#ff0000' },
      });
      await json(`${chatPath(chat)}/${tag.id}`, { method: 'DELETE' });
      await json(`${chatPath(otherChat)}/${tag.id}`, { method: 'PUT' });
      // On the phone meanwhile: renamed (its colour as it was), and the label put on the chat again.
      await world.emulator.phoneEditLabel(world.shopPhone, {
        id: labelId,
        name: 'Urgent (phone)',
        color: indexOfColor('#55ccb3'),
      });
      await world.emulator.phoneLabelChat(world.shopPhone, labelId, chat, true);

      await connect();
      // The colour only we changed reaches the phone with the phone's name.
      await reached(
        (e) => e.event === 'labels.edit' && e.data.id === labelId && e.data.color === indexOfColor('#ff0000'),
        'the offline recolour',
      );
      await reached(isOnChat(labelId, otherChat, 'add'), 'the label on the other chat');
      const after = (await tagsNow()).find((t) => t.id === tag.id);
      expect(after).toMatchObject({ name: 'Urgent (phone)', color: '#ff0000' });
      expect(await phoneLabel(labelId)).toMatchObject({
        name: 'Urgent (phone)',
        color: indexOfColor('#ff0000'),
      });
      // The phone put it on the chat after we took it off: it stays on, here and there.
      expect((await phoneLabel(labelId))?.chats.sort()).toEqual([chat, otherChat].sort());
      expect((await chatTags(chat)).map((t) => t.tag.id)).toContain(tag.id);
      const entries = await history(tag.id);
      expect(entries).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            origin: 'whatsapp',
            change: 'renamed',
            conflict: true,
            before: expect.objectContaining({ name: 'Urgent (here)' }),
            after: expect.objectContaining({ name: 'Urgent (phone)' }),
          }),
          expect.objectContaining({
            origin: 'whatsapp',
            change: 'labeled',
            conflict: true,
            after: { chat, labeled: true },
          }),
          expect.objectContaining({ origin: 'chatdock', change: 'recoloured', conflict: false }),
        ]),
      );
      // The overruled label on the chat is announced too, as a conflict.
      expect(
        world.events.filter(
          (e) =>
            e.type === 'tag.label_synced' &&
            e.data.tag.id === tag.id &&
            e.data.change === 'labeled' &&
            e.data.conflict &&
            e.data.origin === 'whatsapp' &&
            e.data.chat === chat,
        ),
      ).toHaveLength(1);
      await outboxDrained();
    },
    LIMIT,
  );

  it(
    'pending changes survive a restart: sent when the restarted app connects',
    async () => {
      const { tag, labelId } = await syncedTag('Wholesale', '#55ccb3');
      const { tag: gone, labelId: goneId } = await syncedTag('Old offer', '#55ccb3');
      await disconnect();
      await json(`/api/v1/tags/${tag.id}`, { method: 'PATCH', json: { name: 'Wholesale 2027' } });
      await json(`${chatPath(otherChat)}/${tag.id}`, { method: 'PUT' });
      await json(`/api/v1/tags/${gone.id}?confirm=true`, { method: 'DELETE' });
      expect(
        app.core.services.organize.labels.outbox
          .of('shop')
          .map((e) => e.action)
          .sort(),
      ).toEqual(['delete', 'label']);

      await app.core.stop();
      restarted = await startTestCore(
        {
          CHATDOCK_WA_SERVER_URL: world.emulator.wsUrl,
          CHATDOCK_WA_SERVER_ROOT_KEY: world.emulator.rootKeyHex,
        },
        { dataDir: app.dataDir },
      );
      app = restarted;
      // Still pending after the restart (the number stays disconnected until asked).
      expect(app.core.services.organize.labels.outbox.of('shop')).toHaveLength(2);
      await connect();
      await reached(isEdit(labelId, 'Wholesale 2027'), 'the rename made before the restart');
      await reached(isOnChat(labelId, otherChat, 'add'), 'the label put on before the restart');
      await reached(isEdit(goneId, 'Old offer', true), 'the deletion made before the restart');
      expect(await phoneLabel(labelId)).toMatchObject({ name: 'Wholesale 2027', chats: [otherChat] });
      expect(await phoneLabel(goneId)).toMatchObject({ deleted: true });
      await outboxDrained();
    },
    LIMIT,
  );
});
