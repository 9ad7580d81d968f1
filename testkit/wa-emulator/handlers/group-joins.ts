/**
 * Joining a group by link when admins approve newcomers (WhatsApp's "Approve new participants"),
 * as Baileys `Socket/groups.js` speaks it:
 *   set  <membership_approval_mode><group_join state="on|off"/></…>   (groupJoinApprovalMode)
 *   get  <membership_approval_requests/>                               (groupRequestParticipantsList)
 *   set  <membership_requests_action><approve|reject><participant jid/>…</…></…>
 *                                                                      (groupRequestParticipantsUpdate)
 * A link join while approval is on becomes a request: the admins' devices get a `w:gp2`
 * `created_membership_requests` notification (Baileys: `group.join-request` action `created`),
 * a rejection `revoked_membership_requests` (action `rejected`), an approval the usual `add`.
 */
import type { BinaryNode } from '@whiskeysockets/baileys';
import { getBinaryNodeChild, getBinaryNodeChildren } from '@whiskeysockets/baileys';

import type { AccountRecord, GroupRecord } from '../accounts/types.js';
import { node } from '../binary.js';
import type { DeviceSession, EmulatorContext } from '../context.js';
import { groupJid, unixNow, userJid } from '../jids.js';
import { joinApprovalNode, participantNode } from './group-metadata.js';
import { notifyGroup } from './groups.js';

type Reply = (content?: BinaryNode[]) => void;

/** The requester as the group names people: its LID with the phone number beside it. */
function requesterNode(account: AccountRecord): BinaryNode {
  return node('participant', { jid: userJid(account.lid, 'lid'), phone_number: userJid(account.phone) });
}

export function setJoinApproval(
  ctx: EmulatorContext,
  session: DeviceSession,
  group: GroupRecord,
  child: BinaryNode,
  reply: Reply,
): void {
  const state = getBinaryNodeChild(child, 'group_join')?.attrs.state;
  group.joinApproval = state === 'on';
  ctx.store.changed();
  reply();
  notifyGroup(ctx, group, session.account, [joinApprovalNode(group.joinApproval)]);
}

/** A link join while approval is on: recorded once, announced to the admins. */
export function requestToJoin(ctx: EmulatorContext, requester: AccountRecord, group: GroupRecord): void {
  group.joinRequests ??= [];
  if (!group.joinRequests.some((request) => request.phone === requester.phone)) {
    group.joinRequests.push({ phone: requester.phone, time: unixNow(), method: 'invite_link' });
    ctx.store.changed();
  }
  notifyGroup(
    ctx,
    group,
    requester,
    [node('created_membership_requests', { request_method: 'invite_link' }, [requesterNode(requester)])],
    { onlyAdmins: true },
  );
}

export function listJoinRequests(ctx: EmulatorContext, group: GroupRecord, reply: Reply): void {
  const requests = (group.joinRequests ?? []).flatMap((request) => {
    const account = ctx.store.account(request.phone);
    if (!account) {
      return [];
    }
    const jid = group.addressing === 'lid' ? userJid(account.lid, 'lid') : userJid(account.phone);
    return [
      node('membership_approval_request', {
        jid,
        phone_number: group.addressing === 'lid' ? userJid(account.phone) : undefined,
        request_method: request.method,
        request_time: String(request.time),
      }),
    ];
  });
  reply([node('membership_approval_requests', {}, requests)]);
}

export function decideJoinRequests(
  ctx: EmulatorContext,
  session: DeviceSession,
  group: GroupRecord,
  child: BinaryNode,
  reply: Reply,
): void {
  const decision = getBinaryNodeChild(child, 'approve') ?? getBinaryNodeChild(child, 'reject');
  if (!decision) {
    return reply([node('membership_requests_action', {})]);
  }
  const approve = decision.tag === 'approve';
  const results: BinaryNode[] = [];
  const decided: AccountRecord[] = [];
  for (const participant of getBinaryNodeChildren(decision, 'participant')) {
    const jid = participant.attrs.jid ?? '';
    const account = ctx.store.resolve(jid)?.account;
    const pending = account && group.joinRequests?.some((request) => request.phone === account.phone);
    if (!account || !pending) {
      results.push(node('participant', { jid, error: '404' }));
      continue;
    }
    group.joinRequests = (group.joinRequests ?? []).filter((request) => request.phone !== account.phone);
    if (approve && !group.participants.some((member) => member.phone === account.phone)) {
      group.participants.push({ phone: account.phone, role: null });
    }
    decided.push(account);
    results.push(node('participant', { jid }));
  }
  ctx.store.changed();
  reply([node('membership_requests_action', {}, [node(decision.tag, {}, results)])]);
  if (!decided.length) {
    return;
  }
  if (approve) {
    const added = decided.map((account) =>
      participantNode(ctx.store, { phone: account.phone, role: null }, group.addressing),
    );
    notifyGroup(ctx, group, session.account, [node('add', { reason: 'join_request' }, added)]);
    return;
  }
  for (const account of decided) {
    notifyGroup(
      ctx,
      group,
      session.account,
      [node('revoked_membership_requests', {}, [requesterNode(account)])],
      { onlyAdmins: true },
    );
  }
}

/** What `groupAcceptInvite` hears when the join became a request: no `<group jid>` yet. */
export function joinRequestedReply(group: GroupRecord): BinaryNode {
  return node('membership_approval_request', { jid: groupJid(group.id) });
}
