/**
 * Groups as we keep them (issue #19): metadata, participants (with LIDs), settings and the
 * invite code, written from a full fetch (`put`) or changed in place by WhatsApp's group events
 * (`change`, `changeParticipants`), so lists and the group-info panel never ask WhatsApp.
 * Every write announces `group.updated`.
 */
import type { Group } from '../../../src-shared/messages.js';
import type { Db } from '../../db/connection.js';
import type {
  GroupChange,
  GroupParticipantRecord,
  GroupParticipantsChange,
  GroupRecord,
  GroupRole,
} from '../../wa/group-records.js';
import type { EventRecorder } from '../events/event-recorder.js';

const WHATSAPP_ACTOR = Object.freeze({ type: 'system', id: null, name: 'WhatsApp' } as const);

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
  join_approval: number;
  invite_code: string | null;
  addressing: 'pn' | 'lid';
  fetched_at: number | null;
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
    joinApproval: row.join_approval === 1,
    addressing: row.addressing,
  };
}

const COLUMN: Record<Exclude<keyof GroupChange, 'jid'>, string> = {
  subject: 'subject',
  description: 'description',
  announce: 'announce',
  restrict: 'restrict',
  joinApproval: 'join_approval',
  inviteCode: 'invite_code',
};

export class GroupStore {
  constructor(
    private readonly db: Db,
    private readonly events: EventRecorder,
  ) {}

  private get sqlite() {
    return this.db.$client;
  }

  row(sessionId: string, jid: string): GroupRowRaw | null {
    return (
      (this.sqlite.prepare(`SELECT * FROM groups WHERE session_id = ? AND jid = ?`).get(sessionId, jid) as
        GroupRowRaw | undefined) ?? null
    );
  }

  get(sessionId: string, jid: string): Group | null {
    const row = this.row(sessionId, jid);
    return row ? toGroup(sessionId, row) : null;
  }

  list(sessionId: string): Group[] {
    const rows = this.sqlite
      .prepare(`SELECT * FROM groups WHERE session_id = ? ORDER BY subject COLLATE NOCASE`)
      .all(sessionId) as GroupRowRaw[];
    return rows.map((row) => toGroup(sessionId, row));
  }

  participants(sessionId: string, jid: string): { jid: string; role: GroupRole; lid: string | null }[] {
    return this.sqlite
      .prepare(
        `SELECT jid, role, lid FROM group_participants WHERE session_id = ? AND group_jid = ? ORDER BY role DESC, jid`,
      )
      .all(sessionId, jid) as { jid: string; role: GroupRole; lid: string | null }[];
  }

  /** Full metadata from WhatsApp: replaces what we had, participants included. */
  put(sessionId: string, groups: readonly GroupRecord[], meJid: string | null): void {
    this.events.transaction(() => {
      for (const group of groups) {
        this.sqlite
          .prepare(
            `INSERT INTO groups (session_id, jid, kind, subject, description, owner_jid, announce, restrict,
               is_community, join_approval, addressing, participant_count, created_at_wa, fetched_at, updated_at)
             VALUES (?, ?, 'group', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (session_id, jid) DO UPDATE SET subject = excluded.subject, description = excluded.description,
               owner_jid = excluded.owner_jid, announce = excluded.announce, restrict = excluded.restrict,
               is_community = excluded.is_community, join_approval = excluded.join_approval,
               addressing = excluded.addressing, fetched_at = excluded.fetched_at, updated_at = excluded.updated_at`,
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
            group.joinApproval ? 1 : 0,
            group.addressing,
            group.participants.length,
            group.createdAt,
            Date.now(),
            new Date().toISOString(),
          );
        this.sqlite
          .prepare(`DELETE FROM group_participants WHERE session_id = ? AND group_jid = ?`)
          .run(sessionId, group.jid);
        this.addParticipants(sessionId, group.jid, group.participants);
        // `settle` creates the group's chat row when there is none yet: its timer is then where
        // the chat starts, not a change to announce.
        const known = this.chatExists(sessionId, group.jid);
        this.settle(sessionId, group.jid, meJid);
        this.settleTimer(sessionId, group.jid, group.ephemeralSeconds, known);
      }
    });
  }

  /**
   * The group chat's disappearing-messages timer as the full metadata has it. Changes arrive as
   * notifications (chats.ts `applyMeta`); this catches one made while the number was offline.
   * Announced only for a chat that existed before this write (`known`): a chat row made by it
   * starts with the group's timer, and `chat.ephemeral_changed` would name a chat no one has
   * been told of (issue #19 follow-up).
   */
  private settleTimer(sessionId: string, jid: string, seconds: number, known: boolean): void {
    const chat = this.sqlite
      .prepare(`SELECT ephemeral_seconds AS seconds FROM chats WHERE session_id = ? AND jid = ?`)
      .get(sessionId, jid) as { seconds: number } | undefined;
    if (!chat) return;
    const previous = chat.seconds;
    if (previous === seconds) return;
    this.sqlite
      .prepare(`UPDATE chats SET ephemeral_seconds = ?, updated_at = ? WHERE session_id = ? AND jid = ?`)
      .run(seconds, new Date().toISOString(), sessionId, jid);
    if (!known) return;
    this.events.record('chat.ephemeral_changed', sessionId, { chat: jid, seconds, previous }, WHATSAPP_ACTOR);
  }

  private chatExists(sessionId: string, jid: string): boolean {
    return (
      this.sqlite.prepare(`SELECT 1 FROM chats WHERE session_id = ? AND jid = ?`).get(sessionId, jid) !==
      undefined
    );
  }

  /** A `groups.update`: only the fields it carried change. */
  change(sessionId: string, change: GroupChange, meJid: string | null): void {
    const sets = Object.entries(change).flatMap(([key, value]) => {
      const column = COLUMN[key as keyof typeof COLUMN] as string | undefined;
      if (!column) return [];
      return [{ column, value: typeof value === 'boolean' ? (value ? 1 : 0) : (value as string | null) }];
    });
    if (!sets.length) return;
    this.events.transaction(() => {
      this.sqlite
        .prepare(
          `UPDATE groups SET ${sets.map((set) => `${set.column} = ?`).join(', ')}, updated_at = ?
            WHERE session_id = ? AND jid = ?`,
        )
        .run(...sets.map((set) => set.value), new Date().toISOString(), sessionId, change.jid);
      this.settle(sessionId, change.jid, meJid);
    });
  }

  /** A `group-participants.update`, applied to the stored participants. */
  changeParticipants(sessionId: string, change: GroupParticipantsChange, meJid: string | null): void {
    this.events.transaction(() => {
      const remove = this.sqlite.prepare(
        `DELETE FROM group_participants WHERE session_id = ? AND group_jid = ? AND (jid = ? OR lid = ?)`,
      );
      const setRole = this.sqlite.prepare(
        `UPDATE group_participants SET role = ? WHERE session_id = ? AND group_jid = ? AND (jid = ? OR lid = ?)`,
      );
      for (const participant of change.participants) {
        const key = [sessionId, change.jid, participant.jid, participant.lid ?? participant.jid] as const;
        if (change.action === 'add' || change.action === 'modify') {
          remove.run(...key);
          this.addParticipants(sessionId, change.jid, [participant]);
        } else if (change.action === 'remove') {
          remove.run(...key);
        } else {
          setRole.run(change.action === 'promote' ? 'admin' : 'member', ...key);
        }
      }
      this.sqlite
        .prepare(
          `UPDATE groups SET participant_count =
             (SELECT count(*) FROM group_participants WHERE session_id = ? AND group_jid = ?), updated_at = ?
            WHERE session_id = ? AND jid = ?`,
        )
        .run(sessionId, change.jid, new Date().toISOString(), sessionId, change.jid);
      const left =
        change.action === 'remove' && change.participants.some((participant) => participant.jid === meJid);
      this.settle(sessionId, change.jid, meJid, left);
    });
  }

  private addParticipants(
    sessionId: string,
    groupJid: string,
    participants: readonly GroupParticipantRecord[],
  ) {
    const add = this.sqlite.prepare(
      `INSERT OR REPLACE INTO group_participants (session_id, group_jid, jid, role, lid) VALUES (?, ?, ?, ?, ?)`,
    );
    for (const participant of participants)
      add.run(sessionId, groupJid, participant.jid, participant.role, participant.lid);
  }

  /**
   * The group's chat after a change: named after the group, read-only for us when only admins
   * may send and we are not one (`meJid`), or when we just left or were removed. Announces it.
   */
  private settle(sessionId: string, jid: string, meJid: string | null, left = false): void {
    const group = this.get(sessionId, jid);
    if (!group) return;
    const me = this.participants(sessionId, jid).find((participant) => participant.jid === meJid);
    const readOnly = left || (group.readOnly && (me?.role ?? 'member') === 'member');
    this.sqlite
      .prepare(
        `INSERT INTO chats (session_id, jid, kind, name, read_only) VALUES (?, ?, 'group', ?, ?)
         ON CONFLICT (session_id, jid) DO UPDATE SET name = excluded.name, read_only = excluded.read_only`,
      )
      .run(sessionId, jid, group.subject, readOnly ? 1 : 0);
    this.events.record('group.updated', sessionId, group);
  }
}
