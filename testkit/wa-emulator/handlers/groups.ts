/**
 * `xmlns="w:g2"` group iqs (Baileys `Socket/groups.js`) and `w:gp2` change notifications.
 * Groups use PN addressing (`addressing_mode="pn"`). Every change is pushed to all current
 * members (and to removed members) as
 *   <notification from=GROUP type="w:gp2" participant=ACTOR id t><add|remove|promote|demote|
 *     subject|description|create|invite|announcement|…/></notification>
 * which Baileys turns into `groups.upsert`, `group-participants.update` and stub messages.
 */
import type { BinaryNode } from '@whiskeysockets/baileys';
import { getBinaryNodeChild, getBinaryNodeChildren } from '@whiskeysockets/baileys';

import type { AccountRecord, GroupRecord } from '../accounts/types.js';
import { contentText, firstChild, iqError, iqResult, node } from '../binary.js';
import { newStanzaId } from '../connection.js';
import type { DeviceSession, EmulatorContext } from '../context.js';
import { groupJid, parseUserJid, unixNow, userJid } from '../jids.js';
import { groupMetadataNode, participantNode } from './group-metadata.js';
import {
  decideJoinRequests,
  joinRequestedReply,
  listJoinRequests,
  requestToJoin,
  setJoinApproval,
} from './group-joins.js';

type ParticipantAction = 'add' | 'remove' | 'promote' | 'demote';
const PARTICIPANT_ACTIONS = new Set<string>(['add', 'remove', 'promote', 'demote']);
const SETTINGS = new Set(['announcement', 'not_announcement', 'locked', 'unlocked']);

export function handleGroupIq(ctx: EmulatorContext, session: DeviceSession, iq: BinaryNode): void {
  const child = firstChild(iq);
  const target = iq.attrs.to ?? '';
  const reply = (content?: BinaryNode[]): void => session.conn.send(iqResult(iq, content));
  const fail = (code: number, text: string): void => session.conn.send(iqError(iq, code, text));
  if (!child) {
    return fail(400, 'bad-request');
  }
  if (target === '@g.us' || target === 'g.us') {
    return handleGlobalGroupIq(ctx, session, iq, child, reply, fail);
  }
  const group = ctx.store.group(target);
  const me = group?.participants.find((participant) => participant.phone === session.account.phone);
  if (!group || !me) {
    return fail(group ? 403 : 404, group ? 'forbidden' : 'item-not-found');
  }
  const isAdmin = me.role !== null;
  const requireAdmin = (): boolean => {
    if (!isAdmin) {
      fail(403, 'forbidden');
    }
    return isAdmin;
  };

  if (child.tag === 'query') {
    return reply([groupMetadataNode(ctx.store, group)]);
  }
  if (PARTICIPANT_ACTIONS.has(child.tag)) {
    if (!requireAdmin()) {
      return;
    }
    const jids = getBinaryNodeChildren(child, 'participant').map(
      (participant) => participant.attrs.jid ?? '',
    );
    const results = changeParticipants(ctx, session.account, group, child.tag as ParticipantAction, jids);
    return reply([node(child.tag, {}, results)]);
  }
  switch (child.tag) {
    case 'subject': {
      if (group.restrict && !requireAdmin()) {
        return;
      }
      group.subject = contentText(child) ?? '';
      group.subjectOwner = session.account.phone;
      group.subjectTime = unixNow();
      ctx.store.changed();
      reply();
      notifyGroup(ctx, group, session.account, [
        node('subject', {
          subject: group.subject,
          s_o: userJid(group.subjectOwner),
          s_t: String(group.subjectTime),
        }),
      ]);
      return;
    }
    case 'description': {
      if (group.restrict && !requireAdmin()) {
        return;
      }
      const text = contentText(getBinaryNodeChild(child, 'body'));
      const descId = child.attrs.id ?? newStanzaId('desc');
      group.description =
        child.attrs.delete === 'true' || !text
          ? undefined
          : { id: descId, text, owner: session.account.phone, time: unixNow() };
      ctx.store.changed();
      reply();
      notifyGroup(ctx, group, session.account, [
        node(
          'description',
          { id: descId },
          text ? [node('body', {}, Buffer.from(text))] : [node('delete', {})],
        ),
      ]);
      return;
    }
    case 'invite': {
      if (!requireAdmin()) {
        return;
      }
      if (iq.attrs.type === 'set') {
        group.inviteCode = ctx.store.newInviteCode();
        ctx.store.changed();
        notifyGroup(ctx, group, session.account, [node('invite', { code: group.inviteCode })]);
      }
      return reply([node('invite', { code: group.inviteCode })]);
    }
    case 'membership_approval_mode':
      return requireAdmin() ? setJoinApproval(ctx, session, group, child, reply) : undefined;
    case 'membership_approval_requests':
      return requireAdmin() ? listJoinRequests(ctx, group, reply) : undefined;
    case 'membership_requests_action':
      return requireAdmin() ? decideJoinRequests(ctx, session, group, child, reply) : undefined;
    case 'ephemeral':
    case 'not_ephemeral': {
      // As WhatsApp: any member may change the timer unless only admins edit the group's info.
      if (group.restrict && !requireAdmin()) {
        return;
      }
      group.ephemeral = child.tag === 'ephemeral' ? Number(child.attrs.expiration ?? 0) : 0;
      ctx.store.changed();
      reply();
      notifyGroup(ctx, group, session.account, [node(child.tag, { expiration: child.attrs.expiration })]);
      return;
    }
    default:
      if (SETTINGS.has(child.tag)) {
        if (!requireAdmin()) {
          return;
        }
        group.announce =
          child.tag === 'announcement' ? true : child.tag === 'not_announcement' ? false : group.announce;
        group.restrict = child.tag === 'locked' ? true : child.tag === 'unlocked' ? false : group.restrict;
        ctx.store.changed();
        reply();
        notifyGroup(ctx, group, session.account, [node(child.tag, {})]);
        return;
      }
      // member_add_mode, …: accepted, not modelled.
      return reply();
  }
}

function handleGlobalGroupIq(
  ctx: EmulatorContext,
  session: DeviceSession,
  iq: BinaryNode,
  child: BinaryNode,
  reply: (content?: BinaryNode[]) => void,
  fail: (code: number, text: string) => void,
): void {
  switch (child.tag) {
    case 'create': {
      const group = createGroup(ctx, session.account, child);
      reply([groupMetadataNode(ctx.store, group)]);
      notifyGroup(ctx, group, session.account, [node('create', {}, [groupMetadataNode(ctx.store, group)])]);
      return;
    }
    case 'participating': {
      const groups = ctx.store
        .groups()
        .filter((group) =>
          group.participants.some((participant) => participant.phone === session.account.phone),
        );
      return reply([
        node(
          'groups',
          {},
          groups.map((group) => groupMetadataNode(ctx.store, group)),
        ),
      ]);
    }
    case 'leave': {
      for (const groupNode of getBinaryNodeChildren(child, 'group')) {
        const group = ctx.store.group(groupNode.attrs.id ?? '');
        if (group) {
          changeParticipants(ctx, session.account, group, 'remove', [userJid(session.account.phone)], true);
        }
      }
      return reply();
    }
    case 'invite': {
      const group = ctx.store.groupByInvite(child.attrs.code ?? '');
      if (!group) {
        return fail(404, 'item-not-found');
      }
      if (iq.attrs.type === 'get') {
        return reply([groupMetadataNode(ctx.store, group)]);
      }
      const isMember = group.participants.some((participant) => participant.phone === session.account.phone);
      if (!isMember && group.joinApproval) {
        requestToJoin(ctx, session.account, group);
        return reply([joinRequestedReply(group)]);
      }
      if (!isMember) {
        group.participants.push({ phone: session.account.phone, role: null });
        ctx.store.changed();
        notifyGroup(ctx, group, session.account, [
          node('add', { reason: 'invite' }, [
            participantNode(ctx.store, { phone: session.account.phone, role: null }, group.addressing),
          ]),
        ]);
      }
      return reply([node('group', { jid: groupJid(group.id) })]);
    }
    default:
      return reply();
  }
}

function createGroup(ctx: EmulatorContext, creator: AccountRecord, create: BinaryNode): GroupRecord {
  const now = unixNow();
  const members = new Set<string>();
  for (const participant of getBinaryNodeChildren(create, 'participant')) {
    const account = ctx.store.resolve(participant.attrs.jid)?.account;
    if (account && account.phone !== creator.phone) {
      members.add(account.phone);
    }
  }
  const group: GroupRecord = {
    id: ctx.store.newGroupId(),
    subject: create.attrs.subject ?? '',
    subjectOwner: creator.phone,
    subjectTime: now,
    creation: now,
    creator: creator.phone,
    participants: [
      { phone: creator.phone, role: 'superadmin' },
      ...[...members].map((phone) => ({ phone, role: null })),
    ],
    inviteCode: ctx.store.newInviteCode(),
    announce: false,
    restrict: false,
    ephemeral: 0,
    addressing: ctx.store.newGroupAddressing,
  };
  ctx.store.addGroup(group);
  return group;
}

/** Applies add/remove/promote/demote; returns per-participant result nodes (error attr on failure). */
function changeParticipants(
  ctx: EmulatorContext,
  actor: AccountRecord,
  group: GroupRecord,
  action: ParticipantAction,
  jids: string[],
  isLeave = false,
): BinaryNode[] {
  const results: BinaryNode[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  for (const jid of jids) {
    const account = ctx.store.resolve(jid)?.account;
    const existing = account && group.participants.find((participant) => participant.phone === account.phone);
    let error: string | undefined;
    if (!account) {
      error = parseUserJid(jid) ? '403' : '400';
    } else if (action === 'add') {
      if (existing) {
        error = '409';
      } else {
        group.participants.push({ phone: account.phone, role: null });
      }
    } else if (!existing) {
      error = '404';
    } else if (action === 'remove') {
      group.participants = group.participants.filter((participant) => participant.phone !== account.phone);
      removed.push(account.phone);
    } else {
      existing.role = action === 'promote' ? 'admin' : null;
    }
    results.push(node('participant', { jid, error }));
    if (!error && account) {
      changed.push(account.phone);
    }
  }
  if (changed.length) {
    ctx.store.changed();
    const participants = changed.map((phone) =>
      participantNode(
        ctx.store,
        group.participants.find((participant) => participant.phone === phone) ?? { phone, role: null },
        group.addressing,
      ),
    );
    notifyGroup(ctx, group, actor, [node(isLeave ? 'remove' : action, {}, participants)], {
      alsoNotify: removed,
    });
  }
  return results;
}

interface NotifyOptions {
  /** Former members who must still hear about their removal. */
  alsoNotify?: string[];
  /** Only the admins hear it (join requests). */
  onlyAdmins?: boolean;
}

/** Sends a `w:gp2` notification to every member device (the actor's other devices included). */
export function notifyGroup(
  ctx: EmulatorContext,
  group: GroupRecord,
  actor: AccountRecord,
  children: BinaryNode[],
  options: NotifyOptions = {},
): void {
  const phones = new Set([
    ...group.participants
      .filter((participant) => !options.onlyAdmins || participant.role !== null)
      .map((participant) => participant.phone),
    ...(options.alsoNotify ?? []),
  ]);
  // A LID group names the actor by LID with the phone number beside it, as WhatsApp does.
  const actorAttrs =
    group.addressing === 'lid'
      ? { participant: userJid(actor.lid, 'lid'), participant_pn: userJid(actor.phone) }
      : { participant: userJid(actor.phone), participant_lid: userJid(actor.lid, 'lid') };
  const id = newStanzaId('gp2');
  const t = String(unixNow());
  for (const phone of phones) {
    const account = ctx.store.account(phone);
    if (!account) {
      continue;
    }
    ctx.hub.deliverToAccount(account, () =>
      node(
        'notification',
        {
          from: groupJid(group.id),
          type: 'w:gp2',
          id,
          t,
          ...actorAttrs,
          notify: actor.name,
        },
        children,
      ),
    );
  }
}
