/**
 * Join requests of groups whose admins approve newcomers (issue #19): kept in
 * `group_join_requests` as WhatsApp announces them (`group.join-request`), read from there,
 * refreshed from WhatsApp on request, and decided here or on a phone. Each arrival announces
 * `group.join_requested`; each decision (approved, rejected, withdrawn) `group.join_request_decided`
 * exactly once, whoever decided: the row is the proof it was still open.
 */
import type { GroupJoinDecision, GroupJoinRequest } from '../../../src-shared/contract/group-admin.js';
import type { Actor } from '../../../src-shared/contract/people.js';
import type { Db } from '../../db/connection.js';
import type { JoinRequestRecord } from '../../wa/group-actions.js';
import type { GroupJoinRequestChange, GroupParticipantRecord } from '../../wa/group-records.js';
import type { EventRecorder } from '../events/event-recorder.js';

interface RequestRow {
  jid: string;
  lid: string | null;
  method: string | null;
  requested_at: number;
  phone: string | null;
  name: string | null;
}

const digitsOf = (jid: string) => (jid.endsWith('@s.whatsapp.net') ? (jid.split('@')[0] ?? null) : null);

export class GroupJoinRequests {
  constructor(
    private readonly db: Db,
    private readonly events: EventRecorder,
  ) {}

  /** Open requests, oldest first, with the names we know (by phone-number JID or by LID). */
  list(sessionId: string, groupJid: string, only?: { jid: string; lid: string | null }): GroupJoinRequest[] {
    const rows = this.db.$client
      .prepare(
        `SELECT r.jid, r.lid, r.method, r.requested_at,
                COALESCE(byJid.phone, byLid.phone) AS phone,
                COALESCE(byJid.name, byLid.name, byJid.verified_name, byLid.verified_name,
                         byJid.notify, byLid.notify) AS name
           FROM group_join_requests r
           LEFT JOIN contacts byJid ON byJid.session_id = r.session_id AND byJid.jid = r.jid
           LEFT JOIN contacts byLid ON byLid.session_id = r.session_id AND byLid.lid = r.lid AND byJid.jid IS NULL
          WHERE r.session_id = ? AND r.group_jid = ? AND (? IS NULL OR r.jid = ? OR r.lid = ?)
          ORDER BY r.requested_at, r.jid`,
      )
      .all(
        sessionId,
        groupJid,
        only?.jid ?? null,
        only?.jid ?? null,
        only?.lid ?? only?.jid ?? null,
      ) as RequestRow[];
    return rows.map((row) => ({
      chat: groupJid,
      jid: row.jid,
      lid: row.lid,
      phone: row.phone ?? digitsOf(row.jid),
      name: row.name,
      method: row.method,
      requestedAt: row.requested_at,
    }));
  }

  /** What WhatsApp lists now replaces what we kept (a request decided while we were offline). */
  replace(sessionId: string, groupJid: string, requests: readonly JoinRequestRecord[]): void {
    this.events.transaction(() => {
      this.db.$client
        .prepare(`DELETE FROM group_join_requests WHERE session_id = ? AND group_jid = ?`)
        .run(sessionId, groupJid);
      for (const request of requests) this.insert(sessionId, groupJid, request);
    });
  }

  /** WhatsApp's `group.join-request`: a new request, or one withdrawn or rejected (on a phone). */
  applyChange(sessionId: string, change: GroupJoinRequestChange): void {
    if (!change.jid) return;
    if (change.action === 'created') {
      this.events.transaction(() => {
        this.insert(sessionId, change.group, { ...change, requestedAt: Date.now() });
        const [request] = this.list(sessionId, change.group, change);
        if (request) this.events.record('group.join_requested', sessionId, request);
      });
      return;
    }
    this.close(sessionId, change.group, [change], change.action === 'rejected' ? 'rejected' : 'withdrawn');
  }

  /** Newcomers added to the group: the requests they had are approved (here or on a phone). */
  membersAdded(sessionId: string, groupJid: string, members: readonly GroupParticipantRecord[]): void {
    this.close(sessionId, groupJid, members, 'approved');
  }

  /** Closes the open requests of `people`; announces each one that was still open. */
  close(
    sessionId: string,
    groupJid: string,
    people: readonly { jid: string; lid: string | null }[],
    decision: GroupJoinDecision['decision'],
    actor?: Actor,
  ): void {
    this.events.transaction(() => {
      for (const person of people) {
        const [request] = this.list(sessionId, groupJid, person);
        if (!request) continue;
        this.db.$client
          .prepare(`DELETE FROM group_join_requests WHERE session_id = ? AND group_jid = ? AND jid = ?`)
          .run(sessionId, groupJid, request.jid);
        this.events.record('group.join_request_decided', sessionId, { ...request, decision }, actor);
      }
    });
  }

  private insert(
    sessionId: string,
    groupJid: string,
    request: Omit<JoinRequestRecord, 'requestedAt'> & { requestedAt: number },
  ) {
    this.db.$client
      .prepare(
        `INSERT INTO group_join_requests (session_id, group_jid, jid, lid, method, requested_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (session_id, group_jid, jid) DO UPDATE SET lid = COALESCE(excluded.lid, lid),
           method = COALESCE(excluded.method, method)`,
      )
      .run(sessionId, groupJid, request.jid, request.lid, request.method, request.requestedAt);
  }
}
