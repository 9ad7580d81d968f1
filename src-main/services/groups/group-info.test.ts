/**
 * The group-info panel's server side (issue #18 point 9) through real Baileys and the local
 * WhatsApp server: members with their names and roles, a change made on a member's phone
 * arriving live, and the invite link revoked (REST and the UI's operation).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupInfo } from '../../../src-shared/contract/groups.js';
import type { Group } from '../../../src-shared/messages.js';
import type { Customer } from '../../../testkit/wa-emulator/customer.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import { restCall } from '../../../testkit/support/rest-call.js';

let world: LinkedWorld;
let avi: Customer;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972504570000', customerPhone: '972504571111' });
  avi = await world.newCustomer('972504572222', 'Avi');
}, 90_000);

afterAll(async () => {
  await world?.close();
});

async function rpc<T>(op: string, input: unknown): Promise<T> {
  const response = await world.app.request(`/rpc/${op}`, { method: 'POST', json: input });
  const body = (await response.json()) as { result: T; error?: unknown };
  if (response.status !== 200) throw new Error(`${op}: ${response.status} ${JSON.stringify(body)}`);
  return body.result;
}

const rest = <T>(method: string, path: string, json?: unknown) => restCall<T>(world.app, method, path, json);

describe('group info', () => {
  it('lists members by name with their roles, follows changes made on a phone, and revokes the invite link', async () => {
    // Avi writes first, so his profile name is known; the other customer is only a number.
    const hello = await avi.sendText(world.shopJid, 'Hello from Avi');
    await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === hello.key.id, 60_000);
    const created = await rest<Group>('POST', '/sessions/shop/groups', {
      subject: 'Bakery orders',
      participants: [avi.phone, world.customer.phone],
    });
    expect(created.status).toBe(201);
    const chat = created.body.jid;

    const info = await rpc<GroupInfo>('groupInfo.get', { session: 'shop', chat });
    expect(info.myRole).toBe('superadmin');
    expect(info.group.subject).toBe('Bakery orders');
    expect(info.members).toEqual([
      { jid: world.shopJid, role: 'superadmin', phone: world.shopPhone, name: null, isMe: true },
      { jid: avi.jid, role: 'member', phone: avi.phone, name: 'Avi', isMe: false },
      {
        jid: world.customer.jid,
        role: 'member',
        phone: world.customer.phone,
        name: null,
        isMe: false,
      },
    ]);

    // Promoted from the panel, then Avi (now an admin) removes the other customer on his phone:
    // the change reaches the store through WhatsApp's notification, announced as group.updated.
    const promoted = await rpc<{ items: { status: string }[] }>('groupInfo.members', {
      session: 'shop',
      chat,
      action: 'promote',
      participants: [avi.jid],
    });
    expect(promoted.items).toEqual([{ jid: avi.jid, status: '200' }]);
    const seen = world.events.length;
    await avi.sock.groupParticipantsUpdate(chat, [world.customer.jid], 'remove');
    await world.waitForEvent(
      (e) =>
        world.events.indexOf(e) >= seen &&
        e.type === 'group.updated' &&
        (e.data as Group).jid === chat &&
        (e.data as Group).participantCount === 2,
      60_000,
    );
    const after = await rpc<GroupInfo>('groupInfo.get', { session: 'shop', chat });
    expect(after.members.map((m) => [m.name ?? m.phone, m.role])).toEqual([
      [world.shopPhone, 'superadmin'],
      ['Avi', 'admin'],
    ]);

    // Revoking: REST and the UI's operation each answer a new code, and the old one stops working.
    const first = await rest<{ code: string }>('GET', `/sessions/shop/groups/${chat}/invite`);
    const revoked = await rest<{ code: string; url: string }>(
      'DELETE',
      `/sessions/shop/groups/${chat}/invite`,
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body.code).not.toBe(first.body.code);
    expect(revoked.body.url).toBe(`https://chat.whatsapp.com/${revoked.body.code}`);
    const again = await rpc<{ code: string }>('groupInfo.revokeInvite', { session: 'shop', chat });
    expect(again.code).not.toBe(revoked.body.code);
    expect(world.emulator.groups().find((g) => g.jid === chat)?.inviteCode).toBe(again.code);

    // A subject that is only spaces is refused naming the field, and nothing changes.
    const refused = await world.app.request('/rpc/groupInfo.update', {
      method: 'POST',
      json: { session: 'shop', chat, subject: '   ' },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('subject');
  }, 120_000);
});
