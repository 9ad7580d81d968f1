/**
 * Groups: create, metadata, sender-key messages, participants add/remove/promote/demote,
 * subject/description, invite codes and the w:gp2 notifications for each change.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import type { GroupMetadata } from '@whiskeysockets/baileys';

import type { Customer } from '../customer.js';
import type { Fixture } from './emulator-fixture.js';
import { createFixture, deliveredEncTypes } from './emulator-fixture.js';

let fx: Fixture;
let alice: Customer;
let bob: Customer;
let carol: Customer;
let group: GroupMetadata;

const participantUpdate = (customer: Customer, action: string, jid: string) => () =>
  customer.groupUpdates.find((u) => {
    const data = u.data as { id?: string; action?: string; participants?: Array<{ id?: string }> };
    return (
      u.event === 'group-participants.update' &&
      data.id === group.id &&
      data.action === action &&
      data.participants?.some((p) => p.id === jid)
    );
  });

beforeAll(async () => {
  fx = await createFixture();
  [alice, bob, carol] = await Promise.all([
    fx.customer({ phone: '15550401', name: 'Alice' }),
    fx.customer({ phone: '15550402', name: 'Bob' }),
    fx.customer({ phone: '15550403', name: 'Carol' }),
  ]);
});

afterAll(async () => {
  await fx.cleanup();
});

it('creates a group, announces it to the members and answers metadata queries', async () => {
  group = await alice.groupCreate('Team', [bob.jid, carol.jid]);
  expect(group.id).toMatch(/@g\.us$/);
  expect(group.subject).toBe('Team');
  expect(group.participants.map((p) => [p.id, p.admin])).toEqual([
    [alice.jid, 'superadmin'],
    [bob.jid, null],
    [carol.jid, null],
  ]);
  await bob.waitFor(() => bob.groupUpdates.find((u) => u.event === 'groups.upsert'));
  const seenByCarol = await carol.sock.groupMetadata(group.id);
  expect(seenByCarol.participants).toHaveLength(3);
});

it('relays group messages with sender keys (pkmsg distribution, then skmsg)', async () => {
  const first = await alice.sendText(group.id, 'hello team');
  const [atBob, atCarol] = await Promise.all([
    bob.waitForText('hello team'),
    carol.waitForText('hello team'),
  ]);
  expect(atBob.key.remoteJid).toBe(group.id);
  expect(atBob.key.participant).toBe(alice.jid);
  expect(atCarol.key.id).toBe(first.key.id);
  expect(deliveredEncTypes(fx.emulator, bob.phone, first.key.id!)).toEqual(['pkmsg', 'skmsg']);

  const second = await alice.sendText(group.id, 'again');
  await bob.waitForText('again');
  expect(deliveredEncTypes(fx.emulator, bob.phone, second.key.id!)).toEqual(['skmsg']);

  await bob.sendText(group.id, 'hi from bob');
  const atAlice = await alice.waitForText('hi from bob');
  expect(atAlice.key.participant).toBe(bob.jid);
  await carol.waitForText('hi from bob');
});

it('changes subject and description with notifications', async () => {
  await alice.sock.groupUpdateSubject(group.id, 'Team 2');
  await bob.waitFor(() =>
    bob.groupUpdates.find((u) => u.event === 'groups.update' && JSON.stringify(u.data).includes('Team 2')),
  );
  await alice.sock.groupUpdateDescription(group.id, 'Our team chat');
  const meta = await bob.sock.groupMetadata(group.id);
  expect(meta.subject).toBe('Team 2');
  expect(meta.desc).toBe('Our team chat');
  await carol.waitFor(() =>
    carol.groupUpdates.find(
      (u) => u.event === 'groups.update' && JSON.stringify(u.data).includes('Our team chat'),
    ),
  );
});

it('promotes, demotes, removes and re-adds participants', async () => {
  await alice.sock.groupParticipantsUpdate(group.id, [bob.jid], 'promote');
  await bob.waitFor(participantUpdate(bob, 'promote', bob.jid));
  expect((await carol.sock.groupMetadata(group.id)).participants.find((p) => p.id === bob.jid)?.admin).toBe(
    'admin',
  );

  await bob.sock.groupParticipantsUpdate(group.id, [carol.jid], 'remove');
  await carol.waitFor(participantUpdate(carol, 'remove', carol.jid));
  await alice.waitFor(participantUpdate(alice, 'remove', carol.jid));
  await expect(carol.sock.groupMetadata(group.id)).rejects.toThrow();

  await alice.sock.groupParticipantsUpdate(group.id, [bob.jid], 'demote');
  await bob.waitFor(participantUpdate(bob, 'demote', bob.jid));
  await expect(bob.sock.groupParticipantsUpdate(group.id, [carol.jid], 'add')).rejects.toThrow();

  const [added] = await alice.sock.groupParticipantsUpdate(group.id, [carol.jid], 'add');
  expect(added?.status).toBe('200');
  await carol.waitFor(participantUpdate(carol, 'add', carol.jid));
  await alice.sendText(group.id, 'welcome back');
  await carol.waitForText('welcome back');
});

it('shares and revokes invite codes; joining by code announces the new member', async () => {
  const code = await alice.sock.groupInviteCode(group.id);
  expect(code).toBeTruthy();
  await alice.sock.groupParticipantsUpdate(group.id, [carol.jid], 'remove');
  await carol.waitFor(participantUpdate(carol, 'remove', carol.jid));
  const joined = await carol.sock.groupAcceptInvite(code!);
  expect(joined).toBe(group.id);
  await alice.waitFor(
    () =>
      alice.groupUpdates.filter(
        (u) =>
          u.event === 'group-participants.update' &&
          JSON.stringify(u.data).includes('"add"') &&
          JSON.stringify(u.data).includes(carol.phone),
      ).length >= 2,
  );
  const revoked = await alice.sock.groupRevokeInvite(group.id);
  expect(revoked).not.toBe(code);
  await expect(bob.sock.groupAcceptInvite(code!)).rejects.toThrow();
});
