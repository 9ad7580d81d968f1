/**
 * Channels (newsletters) end to end with real Baileys on both sides, through the local WhatsApp
 * server: a customer's channel is previewed and followed by link, its owner's posts reach the
 * app live and are stored, the app unfollows; the app's own channel's posts reach a follower and
 * the follower's reactions come back as counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, ChannelPostCounts, ChannelPreview } from '../../../src-shared/contract/channels.js';
import type { Message } from '../../../src-shared/messages.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import { nextEvent } from '../../../testkit/support/events.js';
import { PNG_1PX } from '../../../testkit/support/media-fixtures.js';
import type { AnyEventEnvelope, EventEnvelope } from '../../../src-shared/contract/events.js';
import { downloadChannelMedia } from '../../wa/channel-media.js';

let world: LinkedWorld;
const LIMIT = 90_000;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972501110193', customerPhone: '972502220193' });
}, LIMIT);

afterAll(async () => {
  await world?.close();
});

const api = (path: string, init: RequestInit & { json?: unknown } = {}) =>
  world.app.request(`/api/v1/sessions/shop${path}`, init);
const json = async <T>(response: Response, status = 200): Promise<T> => {
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as T;
};
const errorField = async (response: Response) =>
  ((await response.json()) as { error: { field?: string } }).error.field;

describe('following a channel', () => {
  it(
    'previews by link, follows (recent posts stored), stores live posts, unfollows',
    async () => {
      const owner = world.customer;
      const created = await owner.sock.newsletterCreate('Market news', 'Prices and hours');
      await owner.sock.sendMessage(created.id, { text: 'We open at 8' });
      const link = `https://whatsapp.com/channel/${created.invite}`;

      const preview = await json<ChannelPreview>(
        await api(`/channels/preview?link=${encodeURIComponent(link)}`),
      );
      expect(preview).toMatchObject({ jid: created.id, name: 'Market news', role: 'guest', followers: 0 });

      const followed = await json<Channel>(await api('/channels/follow', { method: 'POST', json: { link } }));
      expect(followed).toMatchObject({ jid: created.id, role: 'follower', name: 'Market news' });
      expect(world.emulator.newsletters()[0]?.followers).toEqual([world.shopPhone]);
      expect(world.events.some((e) => e.type === 'channel.followed' && e.data.jid === created.id)).toBe(true);
      // The channel's recent post was stored with it, as history.
      const before = await json<{ items: Message[] }>(
        await world.app.request(`/api/v1/sessions/shop/chats/${encodeURIComponent(created.id)}/messages`),
      );
      expect(before.items.map((m) => m.text)).toEqual(['We open at 8']);

      // The owner posts: the app stores it and announces channel.message, not message.received.
      const sent = await owner.sock.sendMessage(created.id, { text: 'Fresh bread at noon' });
      const live = await world.waitForEvent(
        (e) => e.type === 'channel.message' && e.data.id === sent?.key.id,
        LIMIT,
      );
      expect(live.data).toMatchObject({ chat: created.id, fromMe: false, text: 'Fresh bread at noon' });
      expect(world.events.some((e) => e.type === 'message.received' && e.data.chat === created.id)).toBe(
        false,
      );
      const listed = await json<{ items: Channel[] }>(await api('/channels'));
      expect(listed.items).toEqual([
        expect.objectContaining({
          jid: created.id,
          unreadCount: 1,
          lastMessagePreview: 'Fresh bread at noon',
        }),
      ]);
      // A photo post: channel files are not encrypted; the app fetches and checks the very bytes.
      const photo = await owner.sock.sendMessage(created.id, {
        image: PNG_1PX,
        mimetype: 'image/png',
        caption: 'Our rolls',
      });
      const photoEvent = await world.waitForEvent(
        (e) => e.type === 'channel.message' && e.data.id === photo?.key.id,
        LIMIT,
      );
      expect(photoEvent.data).toMatchObject({ type: 'image', text: 'Our rolls' });
      const file = await world.app.request(`/api/v1/sessions/shop/messages/${photo!.key.id}/media`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toContain('image/png');
      expect(Buffer.from(await file.arrayBuffer())).toEqual(PNG_1PX);
      // A follower cannot post: neither here nor as an ordinary message.
      const refused = await api(`/channels/${encodeURIComponent(created.id)}/posts`, {
        method: 'POST',
        json: { type: 'text', text: 'hi' },
      });
      expect(refused.status).toBe(403);
      const asMessage = await api('/messages', {
        method: 'POST',
        json: { to: created.id, type: 'text', text: 'hi' },
      });
      expect(asMessage.status).toBe(403);

      const unfollowed = await api(`/channels/${encodeURIComponent(created.id)}`, { method: 'DELETE' });
      expect(await json(unfollowed)).toEqual({ ok: true });
      expect(world.emulator.newsletters()[0]?.followers).toEqual([]);
      expect((await json<{ items: Channel[] }>(await api('/channels'))).items).toEqual([]);
      expect(world.events.some((e) => e.type === 'channel.unfollowed' && e.data.jid === created.id)).toBe(
        true,
      );
    },
    LIMIT,
  );

  it('refuses bad links naming the field, and unknown channels', async () => {
    const bad = await api('/channels/follow', { method: 'POST', json: { link: 'https://example.com/x y' } });
    expect(bad.status).toBe(400);
    expect(await errorField(bad)).toBe('link');
    const missing = await api('/channels/preview');
    expect(missing.status).toBe(400);
    expect(await errorField(missing)).toBe('link');
    const unknown = await api('/channels/preview?link=NoSuchChannel123');
    expect(unknown.status).toBe(404);
    expect(await errorField(unknown)).toBe('link');
    const notJid = await api('/channels/not-a-channel', { method: 'DELETE' });
    expect(notJid.status).toBe(400);
    expect(await errorField(notJid)).toBe('chat');
    const notFollowed = await api(`/channels/${encodeURIComponent('120363999999999999@newsletter')}`, {
      method: 'DELETE',
    });
    expect(notFollowed.status).toBe(404);
    const empty = await api('/channels', { method: 'POST', json: { name: '  ' } });
    expect(empty.status).toBe(400);
    expect(await errorField(empty)).toBe('name');
  });
});

describe('access', () => {
  it('lets a read-only key list and preview channels, never follow, post or unfollow', async () => {
    const created = await world.app.request('/api/v1/keys', {
      method: 'POST',
      json: { name: 'reader', scopes: ['messages:read'] },
    });
    const { key } = await json<{ key: string }>(created, 201);
    expect((await world.app.request('/api/v1/sessions/shop/channels', { key })).status).toBe(200);
    const follow = await world.app.request('/api/v1/sessions/shop/channels/follow', {
      method: 'POST',
      key,
      json: { link: 'https://whatsapp.com/channel/Abcdefgh12' },
    });
    expect(follow.status).toBe(403);
    const jid = encodeURIComponent('120363999999999999@newsletter');
    const post = await world.app.request(`/api/v1/sessions/shop/channels/${jid}/posts`, {
      method: 'POST',
      key,
      json: { type: 'text', text: 'hi' },
    });
    expect(post.status).toBe(403);
    const unfollow = await world.app.request(`/api/v1/sessions/shop/channels/${jid}`, {
      method: 'DELETE',
      key,
    });
    expect(unfollow.status).toBe(403);
    // Over /rpc too, through the same authorizer.
    const rpc = await world.app.request('/rpc/channels.follow', {
      method: 'POST',
      key,
      json: { session: 'shop', link: 'https://whatsapp.com/channel/Abcdefgh12' },
    });
    expect(rpc.status).toBe(403);
    expect((await world.app.request('/api/v1/sessions/shop/channels', { key: null })).status).toBe(401);
  });
});

describe('an owned channel', () => {
  it(
    'creates it, posts reach a follower live, reaction counts come back',
    async () => {
      const created = await json<Channel>(
        await api('/channels', {
          method: 'POST',
          json: { name: 'Falafel House', description: 'Daily specials' },
        }),
        201,
      );
      expect(created).toMatchObject({ role: 'owner', followers: 0 });
      expect(created.inviteLink).toMatch(/^https:\/\/whatsapp\.com\/channel\//);
      const follower = await world.newCustomer('972503330193', 'Follower');
      const code = created.inviteLink!.split('/').at(-1)!;
      const seen = await follower.sock.newsletterMetadata('invite', code);
      await follower.sock.newsletterFollow(seen!.id);

      const post = await json<Message>(
        await api(`/channels/${encodeURIComponent(created.jid)}/posts`, {
          method: 'POST',
          json: { type: 'text', text: 'Shakshuka today' },
        }),
        201,
      );
      expect(post).toMatchObject({ chat: created.jid, fromMe: true, text: 'Shakshuka today' });
      const got = await follower.waitForMessage((m) => m.key.remoteJid === created.jid, LIMIT);
      expect(got.key.id).toBe(post.id);
      expect(got.message?.conversation ?? got.message?.extendedTextMessage?.text).toBe('Shakshuka today');

      // A photo post: uploaded as WhatsApp does for channels, the follower downloads the same bytes.
      const photo = await json<Message>(
        await api(`/channels/${encodeURIComponent(created.jid)}/posts`, {
          method: 'POST',
          json: {
            type: 'image',
            media: { data: `data:image/png;base64,${PNG_1PX.toString('base64')}` },
            caption: 'Menu',
          },
        }),
        201,
      );
      expect(photo).toMatchObject({ chat: created.jid, fromMe: true, type: 'image' });
      const gotPhoto = await follower.waitForMessage((m) => m.key.id === photo.id, LIMIT);
      expect(gotPhoto.message?.imageMessage?.caption).toBe('Menu');
      // Baileys cannot download unencrypted channel files; the app's own download reads them.
      expect(await downloadChannelMedia(gotPhoto.message)).toEqual(PNG_1PX);

      const serverId = (got.key as { server_id?: string }).server_id!;
      await follower.sock.newsletterReactMessage(created.jid, serverId, '❤️');
      const counts = await json<{ items: ChannelPostCounts[] }>(
        await api(`/channels/${encodeURIComponent(created.jid)}/reactions`),
      );
      expect(counts.items.find((item) => item.messageId === post.id)).toEqual({
        messageId: post.id,
        serverId,
        reactions: [{ emoji: '❤️', count: 1 }],
        total: 1,
      });
      expect(world.events.some((e) => e.type === 'channel.reactions' && e.data.jid === created.jid)).toBe(
        true,
      );

      // Live: another follower reacts; WhatsApp tells the owner's devices, the app reads the counts
      // again and announces them without being asked.
      const second = await world.newCustomer('972504440193', 'Second follower');
      await second.sock.newsletterFollow(created.jid);
      const countsAre = (total: number) => (e: AnyEventEnvelope) =>
        e.type === 'channel.reactions' &&
        e.data.jid === created.jid &&
        e.data.items.some((item) => item.messageId === post.id && item.total === total);
      // Listening before reacting: only an event announced after the reaction counts.
      const twoCounted = nextEvent(world.app.core.bus, countsAre(2), LIMIT);
      await second.sock.newsletterReactMessage(created.jid, serverId, '👍');
      const live = (await twoCounted) as EventEnvelope<'channel.reactions'>;
      expect(live.data.items.find((item) => item.messageId === post.id)?.reactions).toEqual([
        { emoji: '❤️', count: 1 },
        { emoji: '👍', count: 1 },
      ]);
      // Stored: read back without asking WhatsApp.
      const stored = await json<{ items: ChannelPostCounts[] }>(
        await api(`/channels/${encodeURIComponent(created.jid)}/reactions/stored`),
      );
      expect(stored.items.find((item) => item.messageId === post.id)?.total).toBe(2);
      // A withdrawn reaction counts down, live too.
      const oneCounted = nextEvent(world.app.core.bus, countsAre(1), LIMIT);
      await second.sock.newsletterReactMessage(created.jid, serverId);
      await oneCounted;
    },
    LIMIT,
  );

  it(
    'renames, describes and deletes it on WhatsApp; a follower cannot; bad input names the field',
    async () => {
      const created = await json<Channel>(
        await api('/channels', { method: 'POST', json: { name: 'Old name' } }),
        201,
      );
      const path = `/channels/${encodeURIComponent(created.jid)}`;
      const empty = await api(path, { method: 'PATCH', json: {} });
      expect(empty.status).toBe(400);
      expect(await errorField(empty)).toBe('name');
      const blank = await api(path, { method: 'PATCH', json: { name: '  ' } });
      expect(blank.status).toBe(400);
      expect(await errorField(blank)).toBe('name');

      const renamed = await json<Channel>(
        await api(path, { method: 'PATCH', json: { name: 'Bakery news', description: 'Fresh daily' } }),
      );
      expect(renamed).toMatchObject({ jid: created.jid, name: 'Bakery news', description: 'Fresh daily' });
      const onWhatsApp = world.emulator.newsletters().find((n) => n.jid === created.jid);
      expect(onWhatsApp).toMatchObject({ name: 'Bakery news', description: 'Fresh daily' });
      expect(world.events.some((e) => e.type === 'channel.updated' && e.data.name === 'Bakery news')).toBe(
        true,
      );
      const chat = await json<{ name: string | null }>(
        await world.app.request(`/api/v1/sessions/shop/chats/${encodeURIComponent(created.jid)}`),
      );
      expect(chat.name).toBe('Bakery news');

      // A followed channel is not ours to change or delete.
      const owner = world.customer;
      const theirs = await owner.sock.newsletterCreate('Their news', '');
      await json(await api('/channels/follow', { method: 'POST', json: { link: theirs.invite! } }));
      const foreign = `/channels/${encodeURIComponent(theirs.id)}`;
      expect((await api(foreign, { method: 'PATCH', json: { name: 'Mine now' } })).status).toBe(403);
      expect((await api(`${foreign}/delete`, { method: 'POST' })).status).toBe(403);
      expect(world.emulator.newsletters().find((n) => n.jid === theirs.id)?.name).toBe('Their news');

      expect(await json(await api(`${path}/delete`, { method: 'POST' }))).toEqual({ ok: true });
      expect(world.emulator.newsletters().some((n) => n.jid === created.jid)).toBe(false);
      const listed = await json<{ items: Channel[] }>(await api('/channels'));
      expect(listed.items.some((c) => c.jid === created.jid)).toBe(false);
      expect(world.events.some((e) => e.type === 'channel.deleted' && e.data.jid === created.jid)).toBe(true);
    },
    LIMIT,
  );
});

describe('channels are not conversations to assign', () => {
  it(
    'are never in Mine, Unassigned or a team, never counted, and cannot be assigned or resolved',
    async () => {
      const created = await json<Channel>(
        await api('/channels', { method: 'POST', json: { name: 'Not a conversation' } }),
        201,
      );
      const jid = encodeURIComponent(created.jid);
      // A customer's chat beside it, to show the views still count conversations.
      await world.customer.sock.sendMessage(`${world.shopPhone}@s.whatsapp.net`, { text: 'hello' });
      await world.waitForEvent((e) => e.type === 'message.received', LIMIT);
      // Replies assign chats to whoever writes: a post is not a reply.
      await json(
        await world.app.request('/api/v1/assignment/settings', {
          method: 'PATCH',
          json: { replyAssigns: true },
        }),
      );
      await json(
        await api(`/channels/${jid}/posts`, { method: 'POST', json: { type: 'text', text: 'News' } }),
        201,
      );

      const list = async (query: string) =>
        (await json<{ items: Array<{ jid: string; kind: string }> }>(await api(`/chats?${query}`))).items;
      // Nor in All (with or without a status): All is the conversations, as its count.
      for (const query of ['', 'status=open', 'assignee=none', 'assignee=none&status=open']) {
        const items = await list(query);
        expect(items.some((c) => c.kind === 'user')).toBe(true);
        expect(items.some((c) => c.kind === 'newsletter')).toBe(false);
      }
      // Still listed where channels are asked for.
      expect((await list('kind=newsletter')).some((c) => c.jid === created.jid)).toBe(true);
      const counts = await json<{ unassigned: number; all: number }>(
        await world.app.request('/api/v1/chats/counts?session=shop'),
      );
      const conversations = (await list('assignee=none&limit=200')).length;
      expect(counts.unassigned).toBe(conversations);
      expect(counts.all).toBe((await list('limit=200')).length);

      const assign = await world.app.request(`/api/v1/sessions/shop/chats/${jid}/assignee`, {
        method: 'PUT',
        json: { user: null },
      });
      expect(assign.status).toBe(400);
      expect(await errorField(assign)).toBe('chat');
      const resolve = await world.app.request(`/api/v1/sessions/shop/chats/${jid}/status`, {
        method: 'PUT',
        json: { status: 'resolved' },
      });
      expect(resolve.status).toBe(400);
      expect(await errorField(resolve)).toBe('chat');
      expect(world.events.some((e) => e.type === 'chat.assigned' && e.data.chat === created.jid)).toBe(false);
    },
    LIMIT,
  );
});
