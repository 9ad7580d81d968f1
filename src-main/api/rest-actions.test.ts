/**
 * REST actions the API documents, each through its real path: the route, the service, Baileys,
 * and the local WhatsApp server, checked where a user would notice (the customer's phone, the
 * server's state, the stored chat).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageText, type Customer } from '../../testkit/wa-emulator/customer.js';
import type { Campaign, CampaignPreview } from '../../src-shared/contract/schedule.js';
import type { Call, Chat, Group, Message } from '../../src-shared/messages.js';
import { linkedWorld, type LinkedWorld } from '../../testkit/support/linked-session.js';
import { JPEG_48PX } from '../../testkit/support/media-fixtures.js';
import { restCall } from '../../testkit/support/rest-call.js';

/** Baileys' WebMessageInfo.Status for "read by the recipient". */
const READ = 4;
let world: LinkedWorld;
let avi: Customer;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972504560000', customerPhone: '972504561111' });
  avi = await world.newCustomer('972504562222', 'Avi');
}, 60_000);

afterAll(async () => {
  await world?.close();
});

const call = <T>(method: string, path: string, json?: unknown) => restCall<T>(world.app, method, path, json);

/** The customer writes to the shop; resolves with the stored message. */
async function customerWrites(customer: Customer, text: string): Promise<Message> {
  const sent = await customer.sendText(world.shopJid, text);
  const event = await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === sent.key.id);
  return event.data as Message;
}

const dataUrl = (mime: string, bytes: Buffer) => `data:${mime};base64,${bytes.toString('base64')}`;

describe('messages and chats', () => {
  it('forwards a message to another customer, marked as forwarded', async () => {
    const original = await customerWrites(world.customer, 'Table for 4 at 8pm please');
    const forwarded = await call<Message>('POST', `/sessions/shop/messages/${original.id}/forward`, {
      to: `+${avi.phone}`,
    });
    expect(forwarded.status).toBe(201);
    expect(forwarded.body).toMatchObject({ chat: avi.jid, fromMe: true, forwarded: true });
    const got = await avi.waitForMessage((m) => m.key.id === forwarded.body.id);
    expect(messageText(got)).toBe('Table for 4 at 8pm please');
    expect(got.message?.extendedTextMessage?.contextInfo?.isForwarded).toBe(true);
  });

  it('marks a chat read: the unread count goes to 0 and the customer sees blue ticks', async () => {
    const first = await customerWrites(avi, 'Are you open on Friday?');
    await customerWrites(avi, 'And Saturday?');
    expect((await call<Chat>('GET', `/sessions/shop/chats/${avi.jid}`)).body.unreadCount).toBe(2);
    const read = await call<Chat>('POST', `/sessions/shop/chats/${avi.jid}/read`);
    expect(read.status).toBe(200);
    expect(read.body.unreadCount).toBe(0);
    await avi.waitForStatus(first.id, READ);
  });

  it('sends read receipts for chosen messages only, leaving the unread count', async () => {
    const first = await customerWrites(avi, 'Do you deliver?');
    const second = await customerWrites(avi, 'To Haifa?');
    const read = await call<Chat>('POST', `/sessions/shop/chats/${avi.jid}/read`, {
      messageIds: [second.id],
    });
    expect(read.status).toBe(200);
    expect(read.body.unreadCount).toBe(2);
    await avi.waitForStatus(second.id, READ);
    expect(avi.statusOf(first.id)).toBeLessThan(READ);
    const unknown = await call<{ error: { field: string } }>('POST', `/sessions/shop/chats/${avi.jid}/read`, {
      messageIds: [first.id, 'NOT-A-MESSAGE'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe('messageIds.1');
    expect(avi.statusOf(first.id)).toBeLessThan(READ);
  });

  it('shows typing to the customer', async () => {
    const typing = await call('POST', `/sessions/shop/chats/${avi.jid}/presence`, { state: 'composing' });
    expect(typing.status).toBe(204);
    await avi.waitFor(
      () =>
        avi.presences.find((p) =>
          Object.values(p.presences).some(
            (presence) => (presence as { lastKnownPresence?: string }).lastKnownPresence === 'composing',
          ),
        ),
      15_000,
      'the typing indicator',
    );
    const bad = await call<{ error: { field: string } }>('POST', `/sessions/shop/chats/${avi.jid}/presence`, {
      state: 'dancing',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('state');
  });

  it('checks which numbers have WhatsApp', async () => {
    const checked = await call<{ items: { input: string; jid: string | null; exists: boolean }[] }>(
      'POST',
      '/sessions/shop/contacts/check',
      { phones: [`+${avi.phone}`, '+972 59-999-9999', 'not a number'] },
    );
    expect(checked.status).toBe(200);
    expect(checked.body.items).toEqual([
      { input: `+${avi.phone}`, jid: avi.jid, exists: true },
      { input: '+972 59-999-9999', jid: '972599999999@s.whatsapp.net', exists: false },
      { input: 'not a number', jid: null, exists: false },
    ]);
  });
});

describe('groups', () => {
  it('adds, promotes and removes participants, sets the photo, and leaves', async () => {
    const created = await call<Group>('POST', '/sessions/shop/groups', {
      subject: 'Catering team',
      participants: [world.customer.phone],
    });
    expect(created.status).toBe(201);
    const groupJid = created.body.jid;
    const roleOf = (phone: string) =>
      world.emulator
        .groups()
        .find((g) => g.jid === groupJid)
        ?.participants.find((p) => p.phone === phone)?.role;

    const added = await call<{ items: { jid: string; status: string }[] }>(
      'POST',
      `/sessions/shop/groups/${groupJid}/participants`,
      { action: 'add', participants: [avi.phone] },
    );
    expect(added.body.items).toEqual([{ jid: avi.jid, status: '200' }]);
    expect(roleOf(avi.phone)).toBeNull();
    await call('POST', `/sessions/shop/groups/${groupJid}/participants`, {
      action: 'promote',
      participants: [avi.jid],
    });
    expect(roleOf(avi.phone)).toBe('admin');
    await call('POST', `/sessions/shop/groups/${groupJid}/participants`, {
      action: 'remove',
      participants: [avi.jid],
    });
    expect(roleOf(avi.phone)).toBeUndefined();
    const empty = await call<{ error: { field: string } }>(
      'POST',
      `/sessions/shop/groups/${groupJid}/participants`,
      { action: 'add', participants: [] },
    );
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe('participants');

    // The photo: none before; then a member's WhatsApp downloads it (WhatsApp apps re-encode
    // profile photos as JPEG, so the bytes are not the ones sent).
    await expect(world.customer.sock.profilePictureUrl(groupJid, 'image')).rejects.toThrow();
    const photo = await call('PUT', `/sessions/shop/groups/${groupJid}/picture`, {
      media: { data: dataUrl('image/jpeg', JPEG_48PX) },
    });
    expect(photo.status).toBe(200);
    const url = await world.customer.sock.profilePictureUrl(groupJid, 'image');
    const downloaded = Buffer.from(await (await fetch(url ?? '')).arrayBuffer());
    expect(downloaded.subarray(0, 3).toString('hex')).toBe('ffd8ff');

    const left = await call('POST', `/sessions/shop/groups/${groupJid}/leave`);
    expect(left.status).toBe(204);
    expect(roleOf(world.shopPhone)).toBeUndefined();
    expect(
      world.emulator
        .groups()
        .find((g) => g.jid === groupJid)
        ?.participants.map((p) => p.phone),
    ).toEqual([world.customer.phone]);
  });
});

describe('calls', () => {
  it('rejects a ringing call with a message to the caller', async () => {
    const record = world.emulator.placeCall(avi.phone, world.shopPhone);
    await world.waitForEvent((e) => e.type === 'call.received' && e.data.id === record.callId);
    const rejected = await call<Call>('POST', `/sessions/shop/calls/${record.callId}/reject`, {
      message: 'In a meeting, write to us please',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'reject' });
    await avi.waitFor(
      () => avi.calls.find((c) => c.id === record.callId && c.status === 'reject'),
      15_000,
      'the reject to reach the caller',
    );
    await avi.waitForText('In a meeting, write to us please');
    const unknown = await call<{ error: { field: string } }>('POST', '/sessions/shop/calls/NOPE/reject', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.field).toBe('callId');
  });
});

describe('campaigns', () => {
  it('previews a CSV list with its columns as placeholders', async () => {
    const csv =
      'Phone,Name,Table\n+972501234567,Dana,12\n"+972 50-765-4321","Avi, Jr.",4\nnot a number,Broken,1\n';
    const columns = await call<{ headers: string[]; total: number }>('POST', '/campaigns/csv-preview', {
      csv,
    });
    expect(columns.body).toMatchObject({ headers: ['Phone', 'Name', 'Table'], total: 3 });
    const preview = await call<CampaignPreview>('POST', '/campaigns/preview', {
      session: 'shop',
      template: 'Hi [name], table [Table] is yours',
      recipients: { source: 'csv', csv, phoneColumn: 'Phone', nameColumn: 'Name' },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.messages.map((m) => m.text)).toEqual([
      'Hi Dana, table 12 is yours',
      'Hi Avi, Jr., table 4 is yours',
    ]);
    expect(preview.body.counts).toMatchObject({ total: 3, valid: 2, invalid: 1 });
    const missing = await call<{ error: { field: string } }>('POST', '/campaigns/preview', {
      template: 'Hi',
      recipients: { source: 'csv', csv, phoneColumn: 'Mobile' },
    });
    expect(missing.status).toBe(400);
  });

  it('sends a campaign to every chat with a tag, and only to those', async () => {
    const tag = await call<{ id: string }>('POST', '/tags', { name: 'Regulars', color: '#1a7f5a' });
    expect(tag.status).toBe(201);
    // Both customers have chats with the shop by now; only Avi's is tagged.
    expect((await call('PUT', `/sessions/shop/chats/${avi.jid}/tags/${tag.body.id}`, {})).status).toBe(200);
    const preview = await call<CampaignPreview>('POST', '/campaigns/preview', {
      session: 'shop',
      template: 'Hi [name], your usual table is free tonight',
      recipients: { source: 'tag', tagId: tag.body.id },
    });
    expect(preview.body.messages.map((m) => m.to)).toEqual([`+${avi.phone}`]);
    const created = await call<Campaign>('POST', '/campaigns', {
      session: 'shop',
      name: 'Regulars tonight',
      template: 'Hi, your usual table is free tonight',
      recipients: { source: 'tag', tagId: tag.body.id },
      delayMinMs: 0,
      delayMaxMs: 0,
    });
    expect(created.status).toBe(201);
    await avi.waitForText('Hi, your usual table is free tonight');
    await expect
      .poll(async () => (await call<Campaign>('GET', `/campaigns/${created.body.id}`)).body.status, {
        timeout: 15_000,
      })
      .toBe('completed');
    expect(
      world.customer.received.filter((m) => messageText(m) === 'Hi, your usual table is free tonight'),
    ).toEqual([]);
  });
});
