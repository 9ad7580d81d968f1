import { and, desc, eq } from 'drizzle-orm';
import type { OptOut } from '../../../src-shared/contract/schedule.js';
import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import { AppError } from '../../../src-shared/errors.js';
import { jidKind, phoneOfJid, toJid } from '../../../src-shared/jid.js';
import type { Statement } from 'better-sqlite3';
import type { Logger } from '../../core/logger.js';
import type { Db } from '../../db/connection.js';
import { optOuts } from '../../db/schema.js';
import type { SessionService } from '../sessions/sessions.js';
import type { Clock } from './clock.js';

/**
 * Replies that mean "no more campaign messages": STOP and common variants, matched on the whole
 * message (case and surrounding punctuation ignored), so "stop by tomorrow?" does not count.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'stop',
  'stop all',
  'stopall',
  'unsubscribe',
  'opt out',
  'opt-out',
  'optout',
  'remove me',
  'הסר',
  'הסרה',
  'توقف',
]);

function isStopReply(text: string | null): boolean {
  if (!text) return false;
  const normalised = text
    .trim()
    .toLowerCase()
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')
    .replace(/\s+/g, ' ');
  return STOP_WORDS.has(normalised);
}

type OptOutRow = typeof optOuts.$inferSelect;

function toOptOut(row: OptOutRow): OptOut {
  return {
    session: row.sessionId,
    jid: row.jid,
    phone: phoneOfJid(row.jid),
    reason: row.reason,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** Numbers that never get campaign messages: they replied STOP, or were added by hand. */
export class OptOutService {
  private hasStatement: Statement | null = null;

  constructor(
    private readonly db: Db,
    private readonly sessions: SessionService,
    private readonly clock: () => Clock,
    private readonly logger: Logger,
  ) {}

  list(sessionId?: string): OptOut[] {
    return this.db
      .select()
      .from(optOuts)
      .where(sessionId ? eq(optOuts.sessionId, sessionId) : undefined)
      .orderBy(desc(optOuts.createdAt))
      .all()
      .map(toOptOut);
  }

  add(sessionId: string, phoneOrJid: string, reason: OptOutRow['reason'] = 'manual'): OptOut {
    this.sessions.get(sessionId);
    const jid = toJid(phoneOrJid, 'phone');
    if (jidKind(jid) !== 'user')
      throw new AppError('VALIDATION_FAILED', 'phone: must be a phone number', 'phone');
    this.db
      .insert(optOuts)
      .values({ sessionId, jid, reason, createdAt: this.clock().now() })
      .onConflictDoNothing()
      .run();
    const row = this.db
      .select()
      .from(optOuts)
      .where(and(eq(optOuts.sessionId, sessionId), eq(optOuts.jid, jid)))
      .get();
    return toOptOut(row!);
  }

  remove(sessionId: string, phoneOrJid: string): boolean {
    const jid = toJid(phoneOrJid, 'jid');
    return (
      this.db
        .delete(optOuts)
        .where(and(eq(optOuts.sessionId, sessionId), eq(optOuts.jid, jid)))
        .run().changes > 0
    );
  }

  has(sessionId: string, jid: string): boolean {
    // Prepared once: a campaign asks this for each of up to 10,000 recipients.
    this.hasStatement ??= this.db.$client.prepare(`SELECT 1 FROM opt_outs WHERE session_id = ? AND jid = ?`);
    return Boolean(this.hasStatement.get(sessionId, jid));
  }

  /** Bus listener: a customer's STOP reply puts them on the list. */
  readonly onEvent = (event: AnyEventEnvelope): void => {
    if (event.type !== 'message.received' || !event.session) return;
    const message = event.data;
    if (message.fromMe || !isStopReply(message.text)) return;
    const jid = this.phoneJidOf(event.session, message.chat);
    if (!jid) return;
    const inserted = this.db
      .insert(optOuts)
      .values({ sessionId: event.session, jid, reason: 'stop_reply', createdAt: this.clock().now() })
      .onConflictDoNothing()
      .run();
    if (inserted.changes)
      this.logger.info({ session: event.session }, 'a recipient replied STOP and was opted out');
  };

  /** The phone JID of a 1:1 chat (chats addressed by LID are mapped through contacts). */
  private phoneJidOf(sessionId: string, chat: string): string | null {
    const kind = jidKind(chat);
    if (kind === 'user') return chat;
    if (kind !== 'lid') return null;
    const row = this.db.$client
      .prepare(
        `SELECT jid FROM contacts WHERE session_id = ? AND lid = ? AND jid LIKE '%@s.whatsapp.net' LIMIT 1`,
      )
      .get(sessionId, chat) as { jid: string } | undefined;
    return row?.jid ?? null;
  }
}
