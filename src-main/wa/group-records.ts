/**
 * Baileys' group metadata and group events in domain terms (issue #19, groups from our own
 * store). Participants may be named by LID (LID-addressed groups, what WhatsApp now creates):
 * each record keeps the phone-number JID where WhatsApp gave it and the LID beside it.
 */
import {
  isLidUser,
  jidNormalizedUser,
  type BaileysEventMap,
  type GroupMetadata,
  type GroupParticipant,
} from '@whiskeysockets/baileys';

export type GroupRole = 'member' | 'admin' | 'superadmin';

export interface GroupParticipantRecord {
  /** The phone-number JID when known, else the LID. */
  jid: string;
  lid: string | null;
  role: GroupRole;
}

export interface GroupRecord {
  jid: string;
  subject: string;
  description: string | null;
  ownerJid: string | null;
  announce: boolean;
  restrict: boolean;
  isCommunity: boolean;
  joinApproval: boolean;
  addressing: 'pn' | 'lid';
  createdAt: number | null;
  /** The disappearing-messages timer in seconds (0: off), as the metadata says. */
  ephemeralSeconds: number;
  participants: GroupParticipantRecord[];
}

/** The fields a `groups.update` carried (absent: unchanged). */
export interface GroupChange {
  jid: string;
  subject?: string;
  description?: string | null;
  announce?: boolean;
  restrict?: boolean;
  joinApproval?: boolean;
  inviteCode?: string;
}

export interface GroupParticipantsChange {
  jid: string;
  action: 'add' | 'remove' | 'promote' | 'demote' | 'modify';
  participants: GroupParticipantRecord[];
}

/** Someone asked to join by link (`created`), withdrew (`revoked`) or was turned down (`rejected`). */
export interface GroupJoinRequestChange {
  group: string;
  jid: string;
  lid: string | null;
  action: 'created' | 'revoked' | 'rejected';
  method: string | null;
}

const normalized = (jid: string | undefined | null) => (jid ? jidNormalizedUser(jid) : null);

export function participantRecord(
  participant: Partial<GroupParticipant> & { id: string },
): GroupParticipantRecord {
  const id = jidNormalizedUser(participant.id);
  const lid = isLidUser(id) ? id : normalized(participant.lid);
  const phoneJid = isLidUser(id) ? normalized(participant.phoneNumber) : id;
  return {
    jid: phoneJid ?? id,
    lid,
    role:
      participant.admin === 'superadmin' ? 'superadmin' : participant.admin === 'admin' ? 'admin' : 'member',
  };
}

export function groupRecord(metadata: GroupMetadata): GroupRecord {
  return {
    jid: metadata.id,
    subject: metadata.subject ?? '',
    description: metadata.desc ?? null,
    ownerJid: normalized(metadata.ownerPn) ?? normalized(metadata.owner),
    announce: Boolean(metadata.announce),
    restrict: Boolean(metadata.restrict),
    isCommunity: Boolean(metadata.isCommunity),
    joinApproval: Boolean(metadata.joinApprovalMode),
    addressing: metadata.addressingMode === 'lid' ? 'lid' : 'pn',
    createdAt: metadata.creation ? metadata.creation * 1000 : null,
    ephemeralSeconds: metadata.ephemeralDuration ?? 0,
    participants: metadata.participants.map(participantRecord),
  };
}

export function groupChange(update: Partial<GroupMetadata>): GroupChange | null {
  if (!update.id) return null;
  const change: GroupChange = { jid: update.id };
  if (update.subject !== undefined) change.subject = update.subject;
  if ('desc' in update) change.description = update.desc ?? null;
  if (update.announce !== undefined) change.announce = Boolean(update.announce);
  if (update.restrict !== undefined) change.restrict = Boolean(update.restrict);
  if (update.joinApprovalMode !== undefined) change.joinApproval = Boolean(update.joinApprovalMode);
  if (update.inviteCode !== undefined) change.inviteCode = update.inviteCode;
  return change;
}

export function participantsChange(
  update: BaileysEventMap['group-participants.update'],
): GroupParticipantsChange {
  return { jid: update.id, action: update.action, participants: update.participants.map(participantRecord) };
}

export function joinRequestChange(update: BaileysEventMap['group.join-request']): GroupJoinRequestChange {
  const lid = normalized(update.participant);
  const phoneJid = normalized(update.participantPn);
  return {
    group: update.id,
    jid: phoneJid ?? lid ?? '',
    lid: lid && isLidUser(lid) ? lid : null,
    action: update.action,
    method: update.method ?? null,
  };
}
