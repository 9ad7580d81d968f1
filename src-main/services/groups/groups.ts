import { AppError } from '../../../src-shared/errors.js';
import { isGroupJid, toJid } from '../../../src-shared/jid.js';
import type { GroupDetail } from '../../../src-shared/contract/group-admin.js';
import type { GroupInfo } from '../../../src-shared/contract/groups.js';
import type { Group } from '../../../src-shared/messages.js';
import type { Db } from '../../db/connection.js';
import type { ParticipantAction, WaActions } from '../../wa/actions.js';
import type { WaGroupActions } from '../../wa/group-actions.js';
import type { GroupChange, GroupParticipantsChange, GroupRecord } from '../../wa/group-records.js';
import type { EventRecorder } from '../events/event-recorder.js';
import { GroupJoinRequests } from './group-join-requests.js';
import { GroupJoining } from './group-joining.js';
import { groupMembers } from './group-members.js';
import { GroupStore } from './group-store.js';

/**
 * A stored group older than this is fetched again when someone opens it (in the background:
 * the stored one answers at once, `group.updated` follows). Events keep it current meanwhile;
 * this only covers changes missed while the number was offline.
 */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

const inviteOf = (code: string) => ({ code, url: `https://chat.whatsapp.com/${code}` });

/**
 * Groups as we keep them (group-store.ts), kept current by WhatsApp's group events, and the
 * commands on them. Lists and details come from the store; WhatsApp is asked only for a group
 * we do not have yet, a stale one, or when the caller asks to refresh.
 */
export class GroupService {
  readonly store: GroupStore;
  readonly requests: GroupJoinRequests;
  /** Joining by link and deciding join requests. */
  readonly joining: GroupJoining;
  private readonly fetching = new Set<string>();

  constructor(
    private readonly db: Db,
    events: EventRecorder,
    private readonly actions: WaActions,
    private readonly groupActions: WaGroupActions,
  ) {
    this.store = new GroupStore(db, events);
    this.requests = new GroupJoinRequests(db, events);
    this.joining = new GroupJoining(this, actions, groupActions);
  }

  async create(sessionId: string, subject: string, participants: string[]): Promise<Group> {
    const jids = participants.map((p, i) => toJid(p, `participants.${i}`));
    const record = await this.actions.groupCreate(sessionId, subject, jids);
    this.upsert(sessionId, [record]);
    return this.require(sessionId, record.jid);
  }

  /** Asks WhatsApp for every group we are in and stores what it says. */
  async refresh(sessionId: string): Promise<Group[]> {
    this.upsert(sessionId, await this.actions.groupsParticipating(sessionId));
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

  /** Only admins send, only admins edit info, join approval: WhatsApp's answer is stored as it comes. */
  async settings(
    sessionId: string,
    jid: string,
    change: {
      announce?: boolean | undefined;
      restrict?: boolean | undefined;
      joinApproval?: boolean | undefined;
    },
  ): Promise<Group> {
    this.require(sessionId, jid);
    if (change.announce === undefined && change.restrict === undefined && change.joinApproval === undefined)
      throw new AppError(
        'VALIDATION_FAILED',
        'announce, restrict, joinApproval: give at least one setting to change',
        'announce',
      );
    await this.groupActions.settings(sessionId, jid, change);
    // Stored at once (the notification WhatsApp sends every member device confirms it later).
    const stored: GroupChange = { jid };
    if (change.announce !== undefined) stored.announce = change.announce;
    if (change.restrict !== undefined) stored.restrict = change.restrict;
    if (change.joinApproval !== undefined) stored.joinApproval = change.joinApproval;
    this.applyChange(sessionId, stored);
    return this.require(sessionId, jid);
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
    this.store.change(sessionId, { jid, inviteCode: code }, this.actions.meJid(sessionId));
    return inviteOf(code);
  }

  /** A new invite link; the old one stops working (members who joined with it stay). */
  async revokeInvite(sessionId: string, jid: string): Promise<{ code: string; url: string }> {
    this.require(sessionId, jid);
    const code = await this.actions.groupRevokeInvite(sessionId, jid);
    this.store.change(sessionId, { jid, inviteCode: code }, this.actions.meJid(sessionId));
    return inviteOf(code);
  }

  /** The group with its members' names and our role, for the group-info panel. */
  info(sessionId: string, jid: string): GroupInfo {
    const group = this.require(sessionId, jid);
    this.refreshIfStale(sessionId, jid);
    const members = groupMembers(this.db, sessionId, jid, this.actions.meJid(sessionId));
    const myRole = members.find((member) => member.isMe)?.role ?? null;
    const code = myRole && myRole !== 'member' ? this.store.row(sessionId, jid)?.invite_code : null;
    return { group, members, myRole, invite: code ? inviteOf(code) : null };
  }

  detail(sessionId: string, jid: string): GroupDetail {
    const group = this.require(sessionId, jid);
    this.refreshIfStale(sessionId, jid);
    return { ...group, participants: this.store.participants(sessionId, jid) };
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

  /** Full metadata (created, joined, fetched): stored, participants and all. */
  upsert(sessionId: string, groups: readonly GroupRecord[]): void {
    this.store.put(sessionId, groups, this.actions.meJid(sessionId));
  }

  /** A `groups.update` from WhatsApp; a group we do not have yet is fetched whole instead. */
  applyChange(sessionId: string, change: GroupChange): void {
    if (!this.store.row(sessionId, change.jid)) return this.fetchInBackground(sessionId, change.jid);
    this.store.change(sessionId, change, this.actions.meJid(sessionId));
  }

  /** A `group-participants.update`; newcomers' join requests count as approved. */
  applyParticipants(sessionId: string, change: GroupParticipantsChange): void {
    if (!this.store.row(sessionId, change.jid)) return this.fetchInBackground(sessionId, change.jid);
    this.store.changeParticipants(sessionId, change, this.actions.meJid(sessionId));
    if (change.action === 'add') this.requests.membersAdded(sessionId, change.jid, change.participants);
  }

  get(sessionId: string, jid: string): Group | null {
    return this.store.get(sessionId, jid);
  }

  list(sessionId: string): Group[] {
    return this.store.list(sessionId);
  }

  private async reload(sessionId: string, jid: string): Promise<Group> {
    this.upsert(sessionId, [await this.actions.groupMetadata(sessionId, jid)]);
    return this.require(sessionId, jid);
  }

  private refreshIfStale(sessionId: string, jid: string): void {
    const fetchedAt = this.store.row(sessionId, jid)?.fetched_at ?? 0;
    if (Date.now() - fetchedAt > STALE_AFTER_MS && this.actions.meJid(sessionId))
      this.fetchInBackground(sessionId, jid);
  }

  /** One fetch per group at a time; a group we can no longer read (we left) keeps its row. */
  private fetchInBackground(sessionId: string, jid: string): void {
    const key = `${sessionId}\n${jid}`;
    if (this.fetching.has(key)) return;
    this.fetching.add(key);
    this.actions
      .groupMetadata(sessionId, jid)
      .then((record) => this.upsert(sessionId, [record]))
      .catch(() => undefined)
      .finally(() => this.fetching.delete(key));
  }
}
