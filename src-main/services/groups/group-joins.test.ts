/**
 * Groups, issue #19, through real Baileys on both sides and the local WhatsApp server: joining
 * by invite link (previewed first), the settings admins control reaching a member's phone, join
 * requests (arriving, approved, rejected; events each time), an agent without write access
 * refused, and a LID-addressed group stored with both the phone number and the LID and kept
 * current by WhatsApp's events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  GroupDetail,
  GroupInvitePreview,
  GroupJoinRequest,
} from '../../../src-shared/contract/group-admin.js';
import type { Group } from '../../../src-shared/messages.js';
import type { Customer } from '../../../testkit/wa-emulator/customer.js';
import { personGrant } from '../../../testkit/support/grants.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import { signedInPerson, type SignedInPerson } from '../../../testkit/support/signed-in-person.js';
import { restCall } from '../../../testkit/support/rest-call.js';

const LIVE = 90_000;
let world: LinkedWorld;
let avi: Customer;
let bea: Customer;
let reader: SignedInPerson;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972504810000', customerPhone: '972504811111' });
  avi = await world.newCustomer('972504812222', 'Avi');
  bea = await world.newCustomer('972504813333', 'Bea');
  reader = await signedInPerson(world.app, 'Rina');
  const grant = { ...personGrant(reader.id), write: false };
  const put = await world.app.request('/api/v1/sessions/shop/permissions', {
    method: 'PUT',
    json: { grants: [grant] },
  });
  expect(put.status).toBe(200);
}, LIVE);

afterAll(async () => {
  await world?.close();
});

const rest = <T>(method: string, path: string, json?: unknown) => restCall<T>(world.app, method, path, json);

type Update = Record<string, unknown> & { id?: string };
/** Waits for a group event on a customer's phone (`groups.update`, `group-participants.update`). */
const seenOn = (customer: Customer, match: (update: Update) => boolean, what: string) =>
  customer.waitFor(
    () =>
      customer.groupUpdates
        .flatMap(({ data }) => (Array.isArray(data) ? data : [data]) as Update[])
        .find(match),
    LIVE,
    what,
  );
const added = (jid: string, member: string) => (update: Update) =>
  update.id === jid &&
  update.action === 'add' &&
  JSON.stringify(update.participants ?? []).includes(member.split('@')[0] ?? member);

describe('groups: invite links, settings, join requests', () => {
  it(
    'previews a group behind a link, then joins it; the admin’s phone sees the newcomer',
    async () => {
      const group = await world.customer.groupCreate('Neighbours', [avi.jid]);
      const code = await world.customer.sock.groupInviteCode(group.id);
      const link = `https://chat.whatsapp.com/${code}`;

      const preview = await rest<GroupInvitePreview>(
        'GET',
        `/sessions/shop/group-invite?link=${encodeURIComponent(link)}`,
      );
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({
        jid: group.id,
        subject: 'Neighbours',
        member: false,
        joinApproval: false,
      });

      const bad = await rest<{ error: { field: string } }>('POST', '/sessions/shop/groups/join', {
        link: 'not a link!',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe('link');

      const joined = await rest<{ status: string; group: Group }>('POST', '/sessions/shop/groups/join', {
        link,
      });
      expect(joined.status).toBe(200);
      expect(joined.body).toMatchObject({
        status: 'joined',
        group: { jid: group.id, subject: 'Neighbours' },
      });
      const detail = await rest<GroupDetail>('GET', `/sessions/shop/groups/${group.id}`);
      expect(detail.body.participants.map((p) => p.jid)).toContain(world.shopJid);
      await seenOn(world.customer, added(group.id, world.shopJid), 'the shop joining, on the admin’s phone');
      const onPhone = await world.customer.sock.groupMetadata(group.id);
      expect(onPhone.participants.map((p) => p.id)).toContain(world.shopJid);
    },
    LIVE,
  );

  it(
    'changes the settings as admin; a member’s phone sees them, and a reader without write access is refused',
    async () => {
      const created = await rest<GroupDetail>('POST', '/sessions/shop/groups', {
        subject: 'Friday orders',
        participants: [world.customer.phone],
      });
      const jid = created.body.jid;

      const refused = await reader.request(`/api/v1/sessions/shop/groups/${jid}/settings`, {
        method: 'PATCH',
        json: { announce: true },
      });
      expect(refused.status).toBe(403);
      const empty = await rest<{ error: { field: string } }>(
        'PATCH',
        `/sessions/shop/groups/${jid}/settings`,
        {},
      );
      expect(empty.status).toBe(400);

      const changed = await rest<Group>('PATCH', `/sessions/shop/groups/${jid}/settings`, {
        announce: true,
        restrict: true,
        joinApproval: true,
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ readOnly: true, restrict: true, joinApproval: true });
      for (const setting of ['announce', 'restrict', 'joinApprovalMode'])
        await seenOn(
          world.customer,
          (u) => u.id === jid && u[setting] === true,
          `${setting} on the member’s phone`,
        );
      const onPhone = await world.customer.sock.groupMetadata(jid);
      expect([onPhone.announce, onPhone.restrict, onPhone.joinApprovalMode]).toEqual([true, true, true]);
      // The member's phone cannot send now; the stored group says so without asking WhatsApp.
      const read = await reader.request(`/api/v1/sessions/shop/groups/${jid}`);
      expect(read.status).toBe(200);
      expect(((await read.json()) as Group).joinApproval).toBe(true);
    },
    LIVE,
  );

  it(
    'lists join requests as they arrive, approves one and rejects another, announcing each',
    async () => {
      const created = await rest<GroupDetail>('POST', '/sessions/shop/groups', {
        subject: 'Tasting club',
        participants: [world.customer.phone],
      });
      const jid = created.body.jid;
      await rest('PATCH', `/sessions/shop/groups/${jid}/settings`, { joinApproval: true });
      const { body: invite } = await rest<{ code: string }>('GET', `/sessions/shop/groups/${jid}/invite`);

      expect(await avi.sock.groupAcceptInvite(invite.code)).toBeUndefined();
      const aviAsked = await world.waitForEvent(
        (e) => e.type === 'group.join_requested' && e.data.chat === jid && e.data.jid === avi.jid,
        LIVE,
      );
      expect(aviAsked.actor).toEqual({ type: 'system', id: null, name: 'System' });
      await bea.sock.groupAcceptInvite(invite.code);
      await world.waitForEvent((e) => e.type === 'group.join_requested' && e.data.jid === bea.jid, LIVE);

      const listed = await rest<{ items: GroupJoinRequest[] }>(
        'GET',
        `/sessions/shop/groups/${jid}/join-requests`,
      );
      expect(listed.body.items.map((r) => r.jid)).toEqual([avi.jid, bea.jid]);
      const fromWhatsApp = await rest<{ items: GroupJoinRequest[] }>(
        'GET',
        `/sessions/shop/groups/${jid}/join-requests?refresh=true`,
      );
      expect(fromWhatsApp.body.items.map((r) => r.phone)).toEqual([avi.phone, bea.phone]);

      const refused = await reader.request(`/api/v1/sessions/shop/groups/${jid}/join-requests`, {
        method: 'POST',
        json: { decision: 'approve', participants: [avi.jid] },
      });
      expect(refused.status).toBe(403);

      const approved = await rest<{ items: { jid: string; status: string }[] }>(
        'POST',
        `/sessions/shop/groups/${jid}/join-requests`,
        { decision: 'approve', participants: [avi.jid] },
      );
      expect(approved.body.items).toEqual([{ jid: avi.jid, status: '200' }]);
      const decided = await world.waitForEvent(
        (e) => e.type === 'group.join_request_decided' && e.data.jid === avi.jid,
        LIVE,
      );
      expect(decided.data).toMatchObject({ chat: jid, decision: 'approved' });
      await seenOn(avi, added(jid, avi.jid), 'Avi added, on his phone');

      const rejected = await rest<{ items: { status: string }[] }>(
        'POST',
        `/sessions/shop/groups/${jid}/join-requests`,
        {
          decision: 'reject',
          participants: [bea.phone],
        },
      );
      expect(rejected.body.items.map((r) => r.status)).toEqual(['200']);
      const beaDecided = await world.waitForEvent(
        (e) => e.type === 'group.join_request_decided' && e.data.jid === bea.jid,
        LIVE,
      );
      expect(beaDecided.data).toMatchObject({ decision: 'rejected' });
      expect(world.emulator.groups().find((g) => g.jid === jid)).toMatchObject({ joinRequests: [] });
      const after = await rest<GroupDetail>('GET', `/sessions/shop/groups/${jid}`);
      expect(after.body.participants.map((p) => p.jid).sort()).toEqual(
        [world.shopJid, world.customer.jid, avi.jid].sort(),
      );
      expect(
        (await rest<{ items: unknown[] }>('GET', `/sessions/shop/groups/${jid}/join-requests`)).body.items,
      ).toEqual([]);
    },
    LIVE,
  );

  it(
    'stores a LID-addressed group with phone numbers and LIDs, and follows its changes from events',
    async () => {
      world.emulator.setNewGroupAddressing('lid');
      try {
        const group = await world.customer.groupCreate('Regulars (LID)', [world.shopJid]);
        const stored = await world.waitForEvent(
          (e) => e.type === 'group.updated' && e.data.jid === group.id,
          LIVE,
        );
        expect(stored.data).toMatchObject({ addressing: 'lid', subject: 'Regulars (LID)' });
        const lidOf = (phone: string) => world.emulator.accounts().find((a) => a.phone === phone)?.lid;
        const detail = await rest<GroupDetail>('GET', `/sessions/shop/groups/${group.id}`);
        expect(detail.body.participants).toEqual(
          expect.arrayContaining([
            { jid: world.shopJid, role: 'member', lid: lidOf(world.shopPhone) },
            { jid: world.customer.jid, role: 'superadmin', lid: lidOf(world.customer.phone) },
          ]),
        );

        // Changes made on the admin's phone arrive as events and are applied to the stored group,
        // without asking WhatsApp for the group's metadata again.
        const before = world.emulator.messagesFor(world.shopPhone).at(-1)?.seq ?? 0;
        await world.customer.sock.groupParticipantsUpdate(group.id, [world.shopJid], 'promote');
        await world.customer.sock.groupParticipantsUpdate(group.id, [avi.jid], 'add');
        await world.customer.sock.groupUpdateSubject(group.id, 'Regulars');
        await world.waitForEvent(
          (e) => e.type === 'group.updated' && e.data.jid === group.id && e.data.subject === 'Regulars',
          LIVE,
        );
        const metadataQueries = world.emulator
          .messagesFor(world.shopPhone)
          .filter(
            ({ seq, direction, stanza }) =>
              seq > before &&
              direction === 'in' &&
              stanza.attrs.xmlns === 'w:g2' &&
              Array.isArray(stanza.content) &&
              stanza.content.some((child) => child.tag === 'query'),
          );
        expect(metadataQueries).toEqual([]);
        const after = await rest<GroupDetail>('GET', `/sessions/shop/groups/${group.id}`);
        expect(after.body.participantCount).toBe(3);
        expect(after.body.participants).toEqual(
          expect.arrayContaining([
            { jid: world.shopJid, role: 'admin', lid: lidOf(world.shopPhone) },
            { jid: avi.jid, role: 'member', lid: lidOf(avi.phone) },
          ]),
        );
      } finally {
        world.emulator.setNewGroupAddressing('pn');
      }
    },
    LIVE,
  );
});
