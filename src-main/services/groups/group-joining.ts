/**
 * Joining a group by invite link (with a preview first), and the join requests of our groups
 * whose admins approve newcomers (issue #19).
 */
import type {
  GroupInvitePreview,
  GroupJoinRequest,
  GroupJoinResult,
} from '../../../src-shared/contract/group-admin.js';
import type { Actor } from '../../../src-shared/contract/people.js';
import { AppError } from '../../../src-shared/errors.js';
import { toJid } from '../../../src-shared/jid.js';
import type { WaActions } from '../../wa/actions.js';
import type { WaGroupActions } from '../../wa/group-actions.js';
import type { GroupService } from './groups.js';

export class GroupJoining {
  constructor(
    private readonly groups: GroupService,
    private readonly actions: WaActions,
    private readonly groupActions: WaGroupActions,
  ) {}

  /** What the link leads to, from WhatsApp (the group is not joined, nothing is stored). */
  async preview(sessionId: string, code: string): Promise<GroupInvitePreview> {
    const group = await this.groupActions.inviteInfo(sessionId, code);
    const me = this.actions.meJid(sessionId);
    return {
      jid: group.jid,
      subject: group.subject,
      description: group.description,
      participantCount: group.participants.length,
      joinApproval: group.joinApproval,
      member: me !== null && group.participants.some((participant) => participant.jid === me),
    };
  }

  /** Joins by link; where admins approve newcomers, the request waits for them. */
  async join(sessionId: string, code: string): Promise<GroupJoinResult> {
    const jid = await this.groupActions.acceptInvite(sessionId, code);
    if (!jid) return { status: 'requested', group: null };
    this.groups.upsert(sessionId, [await this.actions.groupMetadata(sessionId, jid)]);
    return { status: 'joined', group: this.groups.require(sessionId, jid) };
  }

  /** Open requests from the store; `refresh` asks WhatsApp first (admins only). */
  async list(sessionId: string, jid: string, refresh = false): Promise<GroupJoinRequest[]> {
    this.groups.require(sessionId, jid);
    if (refresh)
      this.groups.requests.replace(sessionId, jid, await this.groupActions.joinRequests(sessionId, jid));
    return this.groups.requests.list(sessionId, jid);
  }

  /** Approves or rejects requests; each one WhatsApp accepted is closed and announced with `actor`. */
  async decide(
    sessionId: string,
    jid: string,
    participants: string[],
    decision: 'approve' | 'reject',
    actor: Actor,
  ): Promise<{ jid: string; status: string }[]> {
    const byLid = this.groups.require(sessionId, jid).addressing === 'lid';
    const open = this.groups.requests.list(sessionId, jid);
    // A request is addressed the way the group names people: by LID in a LID-addressed group.
    const targets = participants.map((participant, index) => {
      const asJid = participant.includes('@') ? participant : toJid(participant, `participants.${index}`);
      const request = open.find((r) => r.jid === asJid || r.lid === asJid);
      if (!request)
        throw new AppError(
          'NOT_FOUND',
          `participants.${index}: no open join request from "${participant}"`,
          `participants.${index}`,
        );
      return request;
    });
    const results = await this.groupActions.decideJoinRequests(
      sessionId,
      jid,
      targets.map((request) => (byLid ? (request.lid ?? request.jid) : request.jid)),
      decision,
    );
    const done = targets.filter((request) =>
      results.some(
        (result) => result.status === '200' && (result.jid === request.jid || result.jid === request.lid),
      ),
    );
    this.groups.requests.close(sessionId, jid, done, decision === 'approve' ? 'approved' : 'rejected', actor);
    return targets.map((request) => ({
      jid: request.jid,
      status:
        results.find((result) => result.jid === request.jid || result.jid === request.lid)?.status ?? '404',
    }));
  }
}
