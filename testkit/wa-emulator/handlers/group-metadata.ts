/** Builds `<group>` metadata nodes as Baileys' `extractGroupMetadata` (Socket/groups.js) reads them. */
import type { BinaryNode } from '@whiskeysockets/baileys';

import type { AccountStore } from '../accounts/store.js';
import type { GroupParticipantRecord, GroupRecord } from '../accounts/types.js';
import { node } from '../binary.js';
import { userJid } from '../jids.js';

/**
 * PN addressing: participants are phone-number jids with their LID as an attribute. LID
 * addressing (what WhatsApp now creates): LID jids with the phone number as `phone_number`.
 */
export function participantNode(
  store: AccountStore,
  participant: GroupParticipantRecord,
  addressing: GroupRecord['addressing'] = 'pn',
  tag = 'participant',
): BinaryNode {
  const account = store.account(participant.phone);
  const type = participant.role ?? undefined;
  if (addressing === 'lid' && account) {
    return node(tag, { jid: userJid(account.lid, 'lid'), phone_number: userJid(participant.phone), type });
  }
  return node(tag, {
    jid: userJid(participant.phone),
    lid: account ? userJid(account.lid, 'lid') : undefined,
    type,
  });
}

/** `<membership_approval_mode><group_join state="on"/>`: in metadata and in its notification. */
export function joinApprovalNode(on: boolean): BinaryNode {
  return node('membership_approval_mode', {}, [node('group_join', { state: on ? 'on' : 'off' })]);
}

export function groupMetadataNode(store: AccountStore, group: GroupRecord): BinaryNode {
  const children: BinaryNode[] = group.participants.map((participant) =>
    participantNode(store, participant, group.addressing),
  );
  if (group.description) {
    children.push(
      node(
        'description',
        {
          id: group.description.id,
          participant: userJid(group.description.owner),
          t: String(group.description.time),
        },
        [node('body', {}, Buffer.from(group.description.text))],
      ),
    );
  }
  if (group.announce) {
    children.push(node('announcement', {}));
  }
  if (group.restrict) {
    children.push(node('locked', {}));
  }
  if (group.joinApproval) {
    children.push(joinApprovalNode(true));
  }
  if (group.ephemeral) {
    children.push(node('ephemeral', { expiration: String(group.ephemeral) }));
  }
  return node(
    'group',
    {
      id: group.id,
      subject: group.subject,
      s_o: userJid(group.subjectOwner),
      s_t: String(group.subjectTime),
      creation: String(group.creation),
      creator: userJid(group.creator),
      size: String(group.participants.length),
      addressing_mode: group.addressing ?? 'pn',
    },
    children,
  );
}
