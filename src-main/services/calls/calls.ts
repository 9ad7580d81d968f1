import type { Call } from '../../../src-shared/messages.js';
import type { Logger } from '../../core/logger.js';
import type { Db } from '../../db/connection.js';
import type { WaActions } from '../../wa/actions.js';
import type { CallRecord } from '../../wa/session-events.js';
import type { CallSettingsStore } from './call-settings.js';
import type { EventRecorder } from '../events/event-recorder.js';

interface CallRowRaw {
  id: string;
  session_id: string;
  row_id?: number;
  peer_jid: string;
  is_video: number;
  is_group: number;
  status: string;
  timestamp: number;
  reject_message: string | null;
}

function toCall(sessionId: string, row: CallRowRaw): Call {
  return {
    session: sessionId,
    id: row.id,
    from: row.peer_jid,
    isVideo: row.is_video === 1,
    isGroup: row.is_group === 1,
    status: row.status,
    timestamp: new Date(row.timestamp).toISOString(),
    rejectMessage: row.reject_message,
  };
}

/**
 * The states a logged call can be in. WhatsApp also signals steps in between (`preaccept`,
 * `transport`, `relaylatency`); those are no state of the call and are not logged.
 */
const CALL_STATES = new Set(['offer', 'ringing', 'accept', 'reject', 'timeout', 'terminate']);

/** Sends a text to a chat; provided by the send service (kept as a function to avoid a cycle). */
type TextSender = (sessionId: string, to: string, text: string) => Promise<unknown>;

/** The call log, and rejecting calls (automatically by setting, or on a webhook's answer). */
export class CallService {
  private sendText: TextSender | null = null;

  constructor(
    private readonly db: Db,
    private readonly events: EventRecorder,
    private readonly actions: WaActions,
    private readonly settings: CallSettingsStore,
    private readonly logger: Logger,
  ) {}

  useTextSender(sender: TextSender): void {
    this.sendText = sender;
  }

  /**
   * Logs a call update: a new offer is announced (`call.received`) and, when set so, rejected at
   * once; a later change of state is announced as `call.updated`.
   */
  record(sessionId: string, call: CallRecord): void {
    if (!CALL_STATES.has(call.status)) return;
    const existing = this.get(sessionId, call.id);
    this.events.transaction(() => {
      this.db.$client
        .prepare(
          `INSERT INTO calls (session_id, id, peer_jid, is_video, is_group, status, timestamp)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (session_id, id) DO UPDATE SET status = CASE
             -- A rejected call stays rejected; an answered one stays answered when it ends.
             WHEN status = 'reject' THEN status
             WHEN status = 'accept' AND excluded.status IN ('terminate', 'timeout') THEN status
             ELSE excluded.status END`,
        )
        .run(
          sessionId,
          call.id,
          call.peerJid,
          call.isVideo ? 1 : 0,
          call.isGroup ? 1 : 0,
          call.status,
          call.timestamp,
        );
      const stored = this.get(sessionId, call.id);
      if (!existing && call.status === 'offer' && stored)
        this.events.record('call.received', sessionId, stored);
      else if (existing && stored && stored.status !== existing.status)
        this.events.record('call.updated', sessionId, stored);
    });
    if (!existing && call.status === 'offer') {
      const { rejectCalls, rejectMessage } = this.settings.get(sessionId);
      if (rejectCalls) {
        void this.reject(sessionId, call.id, rejectMessage).catch((error: unknown) =>
          this.logger.warn({ err: error, session: sessionId, call: call.id }, 'automatic call reject failed'),
        );
      }
    }
  }

  /** Rejects a ringing call and optionally tells the caller why. */
  async reject(sessionId: string, callId: string, message: string | null): Promise<Call | null> {
    const call = this.get(sessionId, callId);
    if (!call) return null;
    await this.actions.rejectCall(sessionId, callId, call.from);
    this.events.transaction(() => {
      this.db.$client
        .prepare(`UPDATE calls SET status = 'reject', reject_message = ? WHERE session_id = ? AND id = ?`)
        .run(message, sessionId, callId);
      const rejected = this.get(sessionId, callId);
      if (rejected) this.events.record('call.rejected', sessionId, rejected);
    });
    if (message && this.sendText) await this.sendText(sessionId, call.from, message);
    return this.get(sessionId, callId);
  }

  get(sessionId: string, id: string): Call | null {
    const row = this.db.$client
      .prepare(`SELECT * FROM calls WHERE session_id = ? AND id = ?`)
      .get(sessionId, id) as CallRowRaw | undefined;
    return row ? toCall(sessionId, row) : null;
  }

  /** The SQL of the log across numbers (exported for the query-plan test). */
  static readonly ACROSS_SQL = `SELECT rowid AS row_id, * FROM calls INDEXED BY calls_at_idx
     WHERE (timestamp, rowid) < (@at, @rowId)
       AND (@every = 1 OR session_id IN (SELECT value FROM json_each(@sessions)))
       AND session_id IN (SELECT id FROM sessions)
     ORDER BY timestamp DESC, rowid DESC LIMIT @limit`;

  /**
   * The call log of every number in `sessions` (null: every number), newest first, walking
   * `calls_at_idx` (migration 0029) in order: calls are few next to messages, so filtering the
   * walk by number costs less than merging per-number walks with a sort (what the planner would
   * pick for a list of numbers). `next` is the `<unix ms>.<row id>` of the page's last call.
   */
  listAcross(
    sessions: ReadonlySet<string> | null,
    limit: number,
    cursor?: string,
  ): { items: Call[]; next: string | null } {
    const match = cursor ? /^(\d+)\.(\d+)$/.exec(cursor) : null;
    const rows = this.db.$client.prepare(CallService.ACROSS_SQL).all({
      at: match ? Number(match[1]) : Number.MAX_SAFE_INTEGER,
      rowId: match ? Number(match[2]) : 0,
      every: sessions ? 0 : 1,
      sessions: JSON.stringify(sessions ? [...sessions] : []),
      limit,
    }) as CallRowRaw[];
    const last = rows[rows.length - 1];
    return {
      items: rows.map((row) => toCall(row.session_id, row)),
      next: rows.length === limit && last ? `${last.timestamp}.${last.row_id}` : null,
    };
  }

  list(sessionId: string, limit: number, before?: number): Call[] {
    const rows = this.db.$client
      .prepare(`SELECT * FROM calls WHERE session_id = ? AND timestamp < ? ORDER BY timestamp DESC LIMIT ?`)
      .all(sessionId, before ?? Number.MAX_SAFE_INTEGER, limit) as CallRowRaw[];
    return rows.map((row) => toCall(sessionId, row));
  }
}
