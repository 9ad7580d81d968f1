import type { WAMessage } from '@whiskeysockets/baileys';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import type { Chat, Message } from '../../../src-shared/messages.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import { MP4_BYTES } from '../../../testkit/support/media-fixtures.js';

let world: LinkedWorld;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972505550000', customerPhone: '972506660000' });
}, 60_000);

afterAll(async () => {
  await world?.close();
});

async function json<T>(path: string, init?: Parameters<LinkedWorld['app']['request']>[1]): Promise<T> {
  return (await (await world.app.request(path, init)).json()) as T;
}

const storedMessages = () =>
  (world.app.core.db.$client.prepare(`SELECT count(*) AS n FROM messages`).get() as { n: number }).n;

const chat = () => json<Chat>(`/api/v1/sessions/shop/chats/${world.customer.jid}`);

/** Votes per option name, as the API shows the poll. */
const tally = (message: Message) =>
  Object.fromEntries((message.poll?.options ?? []).map((o) => [o.name, o.votes]));

/** The next `message.updated` for this poll after `seen` events, whose tally passes `check`. */
async function updated(pollId: string, seen: number, check: (m: Message) => boolean): Promise<Message> {
  const matches = (e: AnyEventEnvelope) =>
    e.type === 'message.updated' && e.data.id === pollId && check(e.data);
  const event = world.events.slice(seen).find(matches) ?? (await world.waitForEvent(matches));
  return event.data as Message;
}

describe('poll votes', () => {
  let pollId: string;
  let received: WAMessage;

  it('counts a customer vote on a poll the shop sent, without a message of its own', async () => {
    const sent = await json<Message>('/api/v1/sessions/shop/messages', {
      method: 'POST',
      json: {
        to: `+${world.customer.phone}`,
        type: 'poll',
        name: 'Pickup time?',
        options: ['Morning', 'Noon', 'Evening'],
      },
    });
    pollId = sent.id;
    expect(sent.poll).toEqual({
      name: 'Pickup time?',
      selectableCount: 1,
      options: [
        { name: 'Morning', votes: 0, voters: [] },
        { name: 'Noon', votes: 0, voters: [] },
        { name: 'Evening', votes: 0, voters: [] },
      ],
      totalVoters: 0,
    });
    received = await world.customer.waitForMessage((m) => m.key.id === pollId);
    const messagesBefore = storedMessages();
    const seen = world.events.length;

    const vote = await world.customer.votePoll(received, ['Evening']);
    const announced = await updated(pollId, seen, (m) => tally(m).Evening === 1);
    expect(announced.poll).toMatchObject({
      totalVoters: 1,
      options: [
        { name: 'Morning', votes: 0 },
        { name: 'Noon', votes: 0 },
        { name: 'Evening', votes: 1, voters: [world.customer.jid] },
      ],
    });
    // The poll's content keeps its public shape; the votes are in `poll` only.
    expect(announced.content).toEqual({
      name: 'Pickup time?',
      options: ['Morning', 'Noon', 'Evening'],
      selectableCount: 1,
    });

    const stored = await json<Message>(`/api/v1/sessions/shop/messages/${pollId}`);
    expect(tally(stored)).toEqual({ Morning: 0, Noon: 0, Evening: 1 });
    // The vote itself is not a message: nothing stored, nothing unread, nothing "received".
    expect(storedMessages()).toBe(messagesBefore);
    expect((await chat()).unreadCount).toBe(0);
    expect((await chat()).lastMessage?.id).toBe(pollId);
    expect(world.events.slice(seen).filter((e) => e.type === 'message.received')).toEqual([]);
    expect(world.events.some((e) => 'id' in e.data && e.data.id === vote.key.id)).toBe(false);
  });

  it('replaces the customer’s vote when they change it, and removes it when they withdraw', async () => {
    const messagesBefore = storedMessages();
    let seen = world.events.length;
    await world.customer.votePoll(received, ['Morning']);
    const changed = await updated(pollId, seen, (m) => tally(m).Morning === 1);
    expect(tally(changed)).toEqual({ Morning: 1, Noon: 0, Evening: 0 });
    expect(changed.poll?.totalVoters).toBe(1);

    seen = world.events.length;
    await world.customer.votePoll(received, []);
    const withdrawn = await updated(pollId, seen, (m) => m.poll?.totalVoters === 0);
    expect(tally(withdrawn)).toEqual({ Morning: 0, Noon: 0, Evening: 0 });

    const page = await json<{ items: Message[] }>(
      `/api/v1/sessions/shop/chats/${world.customer.jid}/messages`,
    );
    expect(page.items.map((m) => m.type)).not.toContain('unknown');
    expect(storedMessages()).toBe(messagesBefore);
    expect((await chat()).unreadCount).toBe(0);
    expect(world.events.filter((e) => e.type === 'message.received')).toEqual([]);
  });

  it('ignores a pin from the customer, and stores a round video note as a video', async () => {
    const seen = world.events.length;
    const pin = await world.customer.send(world.shopJid, { pin: received.key, type: 1, time: 86400 });
    // Messages of one sender arrive in order: once the next one is stored, the pin was handled.
    const note = await world.customer.send(world.shopJid, { video: MP4_BYTES, ptv: true });
    const stored = await world.waitForEvent(
      (e) => e.type === 'message.received' && e.data.id === note.key.id,
    );
    expect(stored.data).toMatchObject({ type: 'video', content: { videoNote: true } });
    expect(world.events.slice(seen).filter((e) => e.type === 'message.received')).toHaveLength(1);
    expect(world.app.core.services.messaging.store.findById('shop', pin.key.id!)).toBeNull();
    expect((await chat()).unreadCount).toBe(1);
  });
});
