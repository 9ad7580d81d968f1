/**
 * Channels (newsletters) with real Baileys on both sides: an owner creates one and posts
 * (plaintext), a follower finds it by invite link, follows, gets posts live, fetches them with
 * their reactions, reacts, and unfollows.
 */
import { getBinaryNodeChild, getBinaryNodeChildren, proto } from '@whiskeysockets/baileys';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Customer } from '../customer.js';
import type { Fixture } from './emulator-fixture.js';
import { createFixture } from './emulator-fixture.js';

let fx: Fixture;
let owner: Customer;
let follower: Customer;

beforeAll(async () => {
  fx = await createFixture();
  [owner, follower] = await Promise.all([
    fx.customer({ phone: '15550951', name: 'Owner' }),
    fx.customer({ phone: '15550952', name: 'Follower' }),
  ]);
});

afterAll(async () => {
  await fx.cleanup();
});

describe('channels', () => {
  it('creates, previews by invite, follows, posts live, reacts, fetches counts, unfollows', async () => {
    const created = await owner.sock.newsletterCreate('Daily specials', 'What we cook today');
    expect(created).toMatchObject({ name: 'Daily specials', description: 'What we cook today' });
    expect(created.id).toMatch(/@newsletter$/);

    const preview = await follower.sock.newsletterMetadata('invite', created.invite!);
    expect(preview).toMatchObject({ id: created.id, viewer_metadata: { role: 'GUEST' } });
    await expect(follower.sock.newsletterMetadata('invite', 'nope')).rejects.toMatchObject({
      output: { statusCode: 404 },
    });
    await expect(owner.sock.newsletterFollow(created.id)).rejects.toBeTruthy();
    await follower.sock.newsletterFollow(created.id);
    expect(await follower.sock.newsletterMetadata('jid', created.id)).toMatchObject({
      viewer_metadata: { role: 'SUBSCRIBER' },
    });

    const sent = await owner.sock.sendMessage(created.id, { text: 'Shakshuka today' });
    const live = await follower.waitForMessage((m) => m.key.remoteJid === created.id);
    expect(live.message?.conversation ?? live.message?.extendedTextMessage?.text).toBe('Shakshuka today');
    expect(live.key.id).toBe(sent?.key.id);
    const serverId = (live.key as { server_id?: string }).server_id;
    expect(serverId).toBe('100');

    await follower.sock.newsletterReactMessage(created.id, serverId!, '👍');
    await fx.emulator.waitForStanza(
      owner.phone,
      (e) => e.stanza.tag === 'notification' && e.stanza.attrs.type === 'newsletter',
    );
    const updates = await owner.sock.newsletterFetchMessages(created.id, 10, 0, 0);
    const messages = getBinaryNodeChildren(
      getBinaryNodeChild(getBinaryNodeChild(updates, 'message_updates'), 'messages'),
      'message',
    );
    expect(messages.map((m) => m.attrs.server_id)).toEqual(['100']);
    const post = proto.Message.decode(getBinaryNodeChild(messages[0], 'plaintext')!.content as Uint8Array);
    expect(post.conversation ?? post.extendedTextMessage?.text).toBe('Shakshuka today');
    expect(getBinaryNodeChildren(getBinaryNodeChild(messages[0], 'reactions'), 'reaction')[0]?.attrs).toEqual(
      {
        code: '👍',
        count: '1',
      },
    );

    // Only the owner posts.
    await follower.sock.sendMessage(created.id, { text: 'me too' });
    expect(fx.emulator.newsletters()[0]?.posts).toHaveLength(1);

    await follower.sock.newsletterUnfollow(created.id);
    expect(fx.emulator.newsletters()[0]?.followers).toEqual([]);
  });
});
