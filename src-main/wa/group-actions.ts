/**
 * Joining groups by link, group settings and join requests on WhatsApp (issue #19), in domain
 * terms. The rest of the group commands live in `actions.ts`.
 */
import { isLidUser, jidNormalizedUser, type WASocket } from '@whiskeysockets/baileys';
import { AppError } from '../../src-shared/errors.js';
import { groupRecord, type GroupRecord } from './group-records.js';
import type { WaSessionManager } from './session-manager.js';
import { callWhatsApp } from './wa-errors.js';

/** Only admins send (`announce`) and only admins edit the group's info (`restrict`). */
export interface GroupSettingsChange {
  announce?: boolean | undefined;
  restrict?: boolean | undefined;
  joinApproval?: boolean | undefined;
}

export interface JoinRequestRecord {
  /** The phone-number JID when WhatsApp gave it, else the LID. */
  jid: string;
  lid: string | null;
  method: string | null;
  /** Unix ms. */
  requestedAt: number;
}

export class WaGroupActions {
  constructor(private readonly manager: WaSessionManager) {}

  private socket(sessionId: string): WASocket {
    const socket = this.manager.socket(sessionId);
    if (!socket) throw new AppError('NOT_CONNECTED', `session "${sessionId}" is not connected to WhatsApp`);
    return socket;
  }

  /** The group an invite code leads to, without joining it. */
  async inviteInfo(sessionId: string, code: string): Promise<GroupRecord> {
    const socket = this.socket(sessionId);
    return groupRecord(await callWhatsApp(() => socket.groupGetInviteInfo(code), 'link'));
  }

  /** Joins by invite code: the group's JID, or null when the join waits for an admin's approval. */
  async acceptInvite(sessionId: string, code: string): Promise<string | null> {
    const socket = this.socket(sessionId);
    const jid = await callWhatsApp(() => socket.groupAcceptInvite(code), 'link');
    return jid ? jidNormalizedUser(jid) : null;
  }

  async settings(sessionId: string, jid: string, change: GroupSettingsChange): Promise<void> {
    const socket = this.socket(sessionId);
    if (change.announce !== undefined) {
      const setting = change.announce ? 'announcement' : 'not_announcement';
      await callWhatsApp(() => socket.groupSettingUpdate(jid, setting), 'announce');
    }
    if (change.restrict !== undefined) {
      const setting = change.restrict ? 'locked' : 'unlocked';
      await callWhatsApp(() => socket.groupSettingUpdate(jid, setting), 'restrict');
    }
    if (change.joinApproval !== undefined) {
      const mode = change.joinApproval ? 'on' : 'off';
      await callWhatsApp(() => socket.groupJoinApprovalMode(jid, mode), 'joinApproval');
    }
  }

  async joinRequests(sessionId: string, jid: string): Promise<JoinRequestRecord[]> {
    const socket = this.socket(sessionId);
    const requests = await callWhatsApp(() => socket.groupRequestParticipantsList(jid), 'group');
    return requests.map((attrs) => {
      const id = jidNormalizedUser(String(attrs.jid ?? ''));
      const phone = attrs.phone_number ? jidNormalizedUser(String(attrs.phone_number)) : null;
      const lid = isLidUser(id) ? id : null;
      return {
        jid: phone ?? id,
        lid,
        method: attrs.request_method ? String(attrs.request_method) : null,
        requestedAt: Number(attrs.request_time ?? 0) * 1000,
      };
    });
  }

  /** Approves or rejects requests; WhatsApp's status per person ('200' = done). */
  async decideJoinRequests(
    sessionId: string,
    jid: string,
    participants: string[],
    decision: 'approve' | 'reject',
  ): Promise<{ jid: string; status: string }[]> {
    const socket = this.socket(sessionId);
    const results = await callWhatsApp(
      () => socket.groupRequestParticipantsUpdate(jid, participants, decision),
      'participants',
    );
    return results.map((result) => ({
      jid: jidNormalizedUser(result.jid ?? ''),
      status: String(result.status),
    }));
  }
}
