import { AppError } from '../../../src-shared/errors.js';
import { isGroupJid, toJid } from '../../../src-shared/jid.js';
import type { GroupInfo } from '../../../src-shared/contract/groups.js';
import type { Group } from '../../../src-shared/messages.js';
import type { Db } from '../../db/connection.js';
import type { ParticipantAction, WaActions } from '../../wa/actions.js';
import type { GroupRecord } from '../../wa/session-events.js';
import type { EventRecorder } from '../events/event-recorder.js';
import { groupMembers } from './group-members.js';

interface GroupRowRaw {
  jid: string;
  kind: 'group' | 'newsletter';
  subject: string;
  description: string | null;
  owner_jid: string | null;
  announce: number;
  restrict: number;
  is_community: number;
  participant_count: number;
}

function toGroup(sessionId: string, row: GroupRowRaw): Group {
  return {
    session: sessionId,
    jid: row.jid,
    kind: row.kind,
    subject: row.subject,
    description: row.description,
    owner: row.owner_jid,
    participantCount: row.participant_count,
    readOnly: row.announce === 1,
    restrict: row.restrict === 1,
    isCommunity: row.is_community === 1,
  };
}

/** Groups with their participants as WhatsApp last reported them, and the commands on them. */
export class GroupService {
  constructor(
    private readonly db: Db,
    private readonly events: EventRecorder,
    private readonly actions: WaActions,
  ) {}

  async create(sessionId: string, subject: string, participants: string[]): Promise<Group> {
    const jids = participants.map((p, i) => toJid(p, `participants.${i}`));
    const record = await this.actions.groupCreate(sessionId, subject, jids);
    this.upsert(sessionId, [record], this.actions.meJid(sessionId));
    return this.require(sessionId, record.jid);
  }

  /** Asks WhatsApp for every group we are in and stores what it says. */
  async refresh(sessionId: string): Promise<Group[]> {
    const records = await this.actions.groupsParticipating(sessionId);
    this.upsert(sessionId, records, this.actions.meJid(sessionId));
    return this.list(sessionId);
  }

  async update(
    sessionId: string,
    jid: string,
    change: { subject?: string | undefined; description?: string | undefined },
  ) {
    this.require(sessionId, jid);
    if (change.subject !== undefined) await this.actions.groupSubject(sessionId, jid, change.subject);
    if (change.description !== undefined)
      await this.actions.groupDescription(sessionId, jid, change.description);
    return this.reload(sessionId, jid);
  }

  async setPicture(sessionId: string, jid: string, image: Buffer): Promise<Group> {
    this.require(sessionId, jid);
    await this.actions.groupPicture(sessionId, jid, image);
    return this.require(sessionId, jid);
  }

  async participantsAction(
    sessionId: string,
    jid: string,
    participants: string[],
    action: ParticipantAction,
  ) {
    this.require(sessionId, jid);
    const jids = participants.map((p, i) => toJid(p, `participants.${i}`));
    const results = await this.actions.groupParticipants(sessionId, jid, jids, action);
    await this.reload(sessionId, jid);
    return results;
  }

  async inviteLink(sessionId: string, jid: string): Promise<{ code: string; url: string }> {
    this.require(sessionId, jid);
    const code = await this.actions.groupInviteCode(sessionId, jid);
    return { code, url: `https://chat.whatsapp.com/${code}` };
  }

  /** A new invite link; the old one stops working (members who joined with it stay). */
  async revokeInvite(sessionId: string, jid: string): Promise<{ code: string; url: string }> {
    this.require(sessionId, jid);
    const code = await this.actions.groupRevokeInvite(sessionId, jid);
    return { code, url: `https://chat.whatsapp.com/${code}` };
  }

  /** The group with its members' names and our role, for the group-info panel. */
  info(sessionId: string, jid: string): GroupInfo {
    const group = this.require(sessionId, jid);
    const members = groupMembers(this.db, sessionId, jid, this.actions.meJid(sessionId));
    return { group, members, myRole: members.find((member) => member.isMe)?.role ?? null };
  }

  async leave(sessionId: string, jid: string): Promise<void> {
    this.require(sessionId, jid);
    await this.actions.groupLeave(sessionId, jid);
    this.db.$client
      .prepare(`UPDATE chats SET read_only = 1 WHERE session_id = ? AND jid = ?`)
      .run(sessionId, jid);
  }

  require(sessionId: string, jid: string): Group {
    if (!isGroupJid(jid))
      throw new AppError('VALIDATION_FAILED', 'group: must be a group JID (…@g.us)', 'group');
    const group = this.get(sessionId, jid);
    if (!group) throw new AppError('NOT_FOUND', `no group "${jid}" in session "${sessionId}"`, 'group');
    return group;
  }

  private async reload(sessionId: string, jid: string): Promise<Group> {
    this.upsert(sessionId, [await this.actions.groupMetadata(sessionId, jid)], this.actions.meJid(sessionId));
    return this.require(sessionId, jid);
  }

  /**
   * Stores group metadata; a chat is read-only for us when only admins may send and we are
   * not one (`meJid`).
   */
  upsert(sessionId: string, groups: readonly GroupRecord[], meJid: string | null): void {
    const sqlite = this.db.$client;
    this.events.transaction(() => {
      for (const group of groups) {
        sqlite
          .prepare(
            `INSERT INTO groups (session_id, jid, kind, subject, description, owner_jid, announce, restrict,
               is_community, participant_count, created_at_wa, updated_at)
             VALUES (?, ?, 'group', ?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (session_id, jid) DO UPDATE SET subject = excluded.subject, description = excluded.description,
               owner_jid = excluded.owner_jid, announce = excluded.announce, restrict = excluded.restrict,
               is_community = excluded.is_community, participant_count = excluded.participant_count,
               updated_at = excluded.updated_at`,
          )
          .run(
            sessionId,
            group.jid,
            group.subject,
            group.description,
            group.ownerJid,
            group.announce ? 1 : 0,
            group.restrict ? 1 : 0,
            group.isCommunity ? 1 : 0,
            group.participants.length,
            group.createdAt,
            new Date().toISOString(),
          );
        sqlite
          .prepare(`DELETE FROM group_participants WHERE session_id = ? AND group_jid = ?`)
          .run(sessionId, group.jid);
        const addParticipant = sqlite.prepare(
          `INSERT OR REPLACE INTO group_participants (session_id, group_jid, jid, role) VALUES (?, ?, ?, ?)`,
        );
        for (const participant of group.participants)
          addParticipant.run(sessionId, group.jid, participant.jid, participant.role);
        const myRole = group.participants.find((p) => p.jid === meJid)?.role ?? 'member';
        const readOnly = group.announce && myRole === 'member';
        sqlite
          .prepare(
            `INSERT INTO chats (session_id, jid, kind, name, read_only) VALUES (?, ?, 'group', ?, ?)
             ON CONFLICT (session_id, jid) DO UPDATE SET name = excluded.name, read_only = excluded.read_only`,
          )
          .run(sessionId, group.jid, group.subject, readOnly ? 1 : 0);
        const stored = this.get(sessionId, group.jid);
        if (stored) this.events.record('group.updated', sessionId, stored);
      }
    });
  }

  get(sessionId: string, jid: string): Group | null {
    const row = this.db.$client
      .prepare(`SELECT * FROM groups WHERE session_id = ? AND jid = ?`)
      .get(sessionId, jid) as GroupRowRaw | undefined;
    return row ? toGroup(sessionId, row) : null;
  }

  list(sessionId: string): Group[] {
    const rows = this.db.$client
      .prepare(`SELECT * FROM groups WHERE session_id = ? ORDER BY subject COLLATE NOCASE`)
      .all(sessionId) as GroupRowRaw[];
    return rows.map((row) => toGroup(sessionId, row));
  }

  participants(sessionId: string, jid: string): { jid: string; role: 'member' | 'admin' | 'superadmin' }[] {
    return this.db.$client
      .prepare(
        `SELECT jid, role FROM group_participants WHERE session_id = ? AND group_jid = ? ORDER BY role DESC, jid`,
      )
      .all(sessionId, jid) as { jid: string; role: 'member' | 'admin' | 'superadmin' }[];
  }
}
