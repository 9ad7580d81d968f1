import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageText } from '../../../testkit/wa-emulator/customer.js';
import type { Call, Group, Message } from '../../../src-shared/messages.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';

let world: LinkedWorld;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972505550000', customerPhone: '972506660000' });
}, 60_000);

afterAll(async () => {
  await world?.close();
});

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

describe('groups', () => {
  it('creates a group with the customer, sends and receives in it, and renames it', async () => {
    const created = await world.app.request('/api/v1/sessions/shop/groups', {
      method: 'POST',
      json: { subject: 'VIP customers', participants: [world.customer.phone] },
    });
    expect(created.status).toBe(201);
    const group = await json<Group & { participants: { jid: string; role: string }[] }>(created);
    expect(group).toMatchObject({ subject: 'VIP customers', kind: 'group' });
    expect(group.participants.map((p) => p.jid)).toEqual(
      expect.arrayContaining([world.customer.jid, world.shopJid]),
    );

    const list = await json<{ groups: Group[]; channels: Group[] }>(
      await world.app.request('/api/v1/sessions/shop/groups'),
    );
    expect(list.groups.map((g) => g.jid)).toContain(group.jid);
    expect(list.channels).toEqual([]);

    const sent = await json<Message>(
      await world.app.request('/api/v1/sessions/shop/messages', {
        method: 'POST',
        json: { to: group.jid, type: 'text', text: 'Welcome to the VIP group!' },
      }),
    );
    const got = await world.customer.waitForMessage((m) => m.key.id === sent.id);
    expect(got.key.remoteJid).toBe(group.jid);
    expect(messageText(got)).toBe('Welcome to the VIP group!');

    const reply = await world.customer.sendText(group.jid, 'Thanks! 🙏');
    const stored = await world.waitForEvent(
      (e) => e.type === 'message.received' && e.data.id === reply.key.id,
    );
    expect(stored.data).toMatchObject({ chat: group.jid, sender: world.customer.jid, text: 'Thanks! 🙏' });

    const renamed = await world.app.request(`/api/v1/sessions/shop/groups/${group.jid}`, {
      method: 'PATCH',
      json: { subject: 'VIP customers 2026' },
    });
    expect((await json<Group>(renamed)).subject).toBe('VIP customers 2026');
    await world.customer.waitFor(
      () => world.customer.groupUpdates.find((u) => JSON.stringify(u.data).includes('VIP customers 2026')),
      15_000,
      'the subject change notification',
    );

    const invite = await json<{ url: string }>(
      await world.app.request(`/api/v1/sessions/shop/groups/${group.jid}/invite`),
    );
    // Invite codes are base64url: letters, digits, "-" and "_".
    expect(invite.url).toMatch(/^https:\/\/chat\.whatsapp\.com\/[\w-]{16,}$/);
  });

  it('refuses to send into a group where only admins may write', async () => {
    const group = await world.customer.groupCreate('Announcements', [world.shopJid]);
    await world.customer.sock.groupSettingUpdate(group.id, 'announcement');
    await world.waitForEvent((e) => e.type === 'group.updated' && e.data.jid === group.id && e.data.readOnly);
    const before = (
      world.app.core.db.$client.prepare(`SELECT count(*) AS n FROM messages`).get() as { n: number }
    ).n;
    const refused = await world.app.request('/api/v1/sessions/shop/messages', {
      method: 'POST',
      json: { to: group.id, type: 'text', text: 'can I post?' },
    });
    expect(refused.status).toBe(403);
    expect((await json<{ error: { code: string } }>(refused)).error.code).toBe('READ_ONLY_CHAT');
    expect(
      (world.app.core.db.$client.prepare(`SELECT count(*) AS n FROM messages`).get() as { n: number }).n,
    ).toBe(before);
  });
});

describe('calls', () => {
  it('logs a call from the customer', async () => {
    const record = world.emulator.placeCall(world.customer.phone, world.shopPhone);
    const event = await world.waitForEvent((e) => e.type === 'call.received' && e.data.id === record.callId);
    expect(event.data).toMatchObject({ from: world.customer.jid, isVideo: false });
    const calls = await json<{ items: Call[] }>(await world.app.request('/api/v1/sessions/shop/calls'));
    expect(calls.items.map((c) => c.id)).toContain(record.callId);
  });

  it('announces a call that rings out as missed, and one the caller hangs up as ended', async () => {
    const missed = world.emulator.placeCall(world.customer.phone, world.shopPhone);
    await world.waitForEvent((e) => e.type === 'call.received' && e.data.id === missed.callId);
    world.emulator.endCall(missed.callId, 'timeout');
    const timedOut = await world.waitForEvent(
      (e) => e.type === 'call.updated' && e.data.id === missed.callId,
    );
    expect(timedOut.data).toMatchObject({ status: 'timeout', from: world.customer.jid });

    const hungUp = world.emulator.placeCall(world.customer.phone, world.shopPhone, { video: true });
    await world.waitForEvent((e) => e.type === 'call.received' && e.data.id === hungUp.callId);
    world.emulator.endCall(hungUp.callId);
    const ended = await world.waitForEvent((e) => e.type === 'call.updated' && e.data.id === hungUp.callId);
    expect(ended.data).toMatchObject({ status: 'terminate', isVideo: true });

    const calls = await json<{ items: Call[] }>(await world.app.request('/api/v1/sessions/shop/calls'));
    const byId = new Map(calls.items.map((c) => [c.id, c.status]));
    expect([byId.get(missed.callId), byId.get(hungUp.callId)]).toEqual(['timeout', 'terminate']);
  });

  it('with auto-reject on, rejects the call and sends the caller the message', async () => {
    const settings = await world.app.request('/api/v1/sessions/shop/calls/settings', {
      method: 'PUT',
      json: { rejectCalls: true, rejectMessage: 'We cannot take calls; please write to us 🙏' },
    });
    expect(settings.status).toBe(200);
    const record = world.emulator.placeCall(world.customer.phone, world.shopPhone);
    await world.waitForEvent((e) => e.type === 'call.rejected' && e.data.id === record.callId);
    await world.customer.waitFor(
      () => world.customer.calls.find((c) => c.id === record.callId && c.status === 'reject'),
      15_000,
      'the reject to reach the caller',
    );
    await world.customer.waitForText('We cannot take calls; please write to us 🙏');
    const calls = await json<{ items: Call[] }>(await world.app.request('/api/v1/sessions/shop/calls'));
    const stored = calls.items.find((c) => c.id === record.callId);
    expect(stored).toMatchObject({
      status: 'reject',
      rejectMessage: 'We cannot take calls; please write to us 🙏',
    });
  });

  it("the UI's calls.* operations use the same settings and log", async () => {
    const rpc = async <T>(operation: string, input: unknown): Promise<T> => {
      const response = await world.app.request(`/rpc/${operation}`, { method: 'POST', json: input });
      expect(response.status, await response.clone().text()).toBe(200);
      return (await json<{ result: T }>(response)).result;
    };
    expect(await rpc('calls.settings', { session: 'shop' })).toEqual({
      rejectCalls: true,
      rejectMessage: 'We cannot take calls; please write to us 🙏',
    });
    expect(
      await rpc('calls.updateSettings', { session: 'shop', rejectCalls: false, rejectMessage: '  ' }),
    ).toEqual({ rejectCalls: false, rejectMessage: '' });
    const rest = await json<{ rejectCalls: boolean }>(
      await world.app.request('/api/v1/sessions/shop/calls/settings'),
    );
    expect(rest.rejectCalls).toBe(false);
    const log = await rpc<(Call & { name: string | null })[]>('calls.list', { session: 'shop', limit: 10 });
    expect(log.length).toBeGreaterThanOrEqual(2);
    expect(log[0]).toMatchObject({ from: world.customer.jid, status: 'reject' });
    expect(log[0]).toHaveProperty('name');
  });
});
