import type { Actor } from '../../../src-shared/contract/people.js';
import { settles, SessionWaiters, type ConnectWait } from './session-waiters.js';
import { randomBytes } from 'node:crypto';
import { asc, eq, ne, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { AppError } from '../../../src-shared/errors.js';
import { normalisePhone } from '../../../src-shared/jid.js';
import type { RotatedKey, Session, SessionReason, SessionStatus } from '../../../src-shared/model.js';
import type { Logger } from '../../core/logger.js';
import type { Db } from '../../db/connection.js';
import { sessions, type SessionRow } from '../../db/schema.js';
import type { WaSessionManager } from '../../wa/session-manager.js';
import type { LinkedIdentity, StatusChange } from '../../wa/session-runner.js';
import type { ApiKeyService } from '../access/api-keys.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { SessionPurge } from './removal/session-purge.js';

const SESSION_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,31}$/;

interface CreateSessionInput {
  id?: string | undefined;
  name?: string | undefined;
}

export interface SessionQr {
  qr: string;
  /** A PNG data URL of the QR code, ready for an <img>. */
  dataUrl: string;
}

/** Reasons after which a session should not come back by itself at the next start. */
const NO_AUTO_CONNECT_AFTER: ReadonlySet<SessionReason> = new Set([
  'user_disconnect',
  'user_logout',
  'logged_out',
  'replaced',
  'forbidden',
  'qr_expired',
]);

/**
 * WhatsApp sessions (one per linked number): their stored rows, their keys, and the commands
 * the UI and API give them. Status changes come back from the session manager, are stored,
 * then published once as `session.status`.
 */
export class SessionService {
  private readonly reconnectAt = new Map<string, string>();

  private readonly waiters = new SessionWaiters();
  /** Read by every per-session request (routes/session-guard.ts): prepared once. */
  private readonly rowById;

  constructor(
    private readonly db: Db,
    private readonly events: EventRecorder,
    private readonly apiKeys: ApiKeyService,
    private readonly manager: WaSessionManager,
    private readonly logger: Logger,
    private readonly purge: SessionPurge,
  ) {
    this.rowById = db
      .select()
      .from(sessions)
      .where(eq(sessions.id, sql.placeholder('id')))
      .prepare();
    manager.setListener({
      onStatus: (sessionId, change) => this.recordStatus(sessionId, change),
      onLinked: (sessionId, identity) => this.recordIdentity(sessionId, identity),
    });
  }

  list(): Session[] {
    return this.db
      .select()
      .from(sessions)
      .orderBy(asc(sessions.createdAt))
      .all()
      .map((row) => this.toSession(row));
  }

  get(id: string): Session {
    return this.toSession(this.row(id));
  }

  counts(): { total: number; connected: number } {
    const all = this.db.select({ status: sessions.status }).from(sessions).all();
    return { total: all.length, connected: all.filter((row) => row.status === 'connected').length };
  }

  create(input: CreateSessionInput): { session: Session; apiKey: string } {
    const name = input.name?.trim() || `WhatsApp ${this.list().length + 1}`;
    const id = input.id ?? this.freeId(name);
    if (!SESSION_ID_PATTERN.test(id)) {
      throw new AppError(
        'VALIDATION_FAILED',
        'id: use 1–32 lowercase letters, digits, "-" or "_", starting with a letter or digit',
        'id',
      );
    }
    if (this.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, id)).get()) {
      throw new AppError('CONFLICT', `id: a session "${id}" already exists`, 'id');
    }
    let key: RotatedKey | null = null;
    this.db.transaction(() => {
      this.db.insert(sessions).values({ id, name }).run();
      this.purge.adoptKeptHistory(id);
      key = this.apiKeys.issueSessionKey(id);
    });
    const session = this.get(id);
    this.publish(session);
    return { session, apiKey: (key as RotatedKey | null)?.key ?? '' };
  }

  rename(id: string, name: string): Session {
    this.row(id);
    this.db.update(sessions).set({ name: name.trim() }).where(eq(sessions.id, id)).run();
    const session = this.get(id);
    this.publish(session);
    return session;
  }

  rotateKey(id: string): RotatedKey {
    this.row(id);
    return this.apiKeys.issueSessionKey(id);
  }

  /**
   * Connects, then waits until the QR code is shown (`qr`) or the number is connected
   * (`connected`), or it stopped trying, or `timeoutMs` passed. `reached` says whether the wait
   * was met; the QR code comes along when there is one.
   */
  async connectAndWait(
    id: string,
    wait: ConnectWait,
    timeoutMs: number,
  ): Promise<{ session: Session; reached: boolean; qr: SessionQr | null }> {
    const waiting = this.waiters.until(id, wait, timeoutMs);
    const started = await this.connect(id);
    // Already there (an open connection, or a QR shown before this call): no change will come.
    const session =
      settles(started, wait) && started.status !== 'disconnected'
        ? started
        : ((await waiting) ?? this.get(id));
    const reached =
      session.status === 'connected' ||
      (wait === 'qr' && (session.status === 'qr' || session.status === 'pairing'));
    const qr = session.status === 'qr' ? await this.qr(id).catch(() => null) : null;
    return { session, reached, qr };
  }

  /**
   * Starts linking or reconnecting. Idempotent while a connection is open or opening. Answers
   * once connecting has started (the first time, after the WhatsApp layer loaded), so the
   * session it returns says `connecting`.
   */
  async connect(id: string): Promise<Session> {
    this.row(id);
    this.db.update(sessions).set({ autoConnect: true }).where(eq(sessions.id, id)).run();
    await this.manager.connect(id, 'user_connect');
    return this.get(id);
  }

  async disconnect(id: string): Promise<Session> {
    this.row(id);
    await this.manager.disconnect(id, 'user_disconnect');
    return this.get(id);
  }

  async logout(id: string): Promise<Session> {
    this.row(id);
    await this.manager.logout(id, 'user_logout');
    this.db
      .update(sessions)
      .set({ phone: null, pushName: null, meJid: null, meLid: null })
      .where(eq(sessions.id, id))
      .run();
    const session = this.get(id);
    this.publish(session);
    return session;
  }

  /**
   * Logs out, then removes the session, its WhatsApp login, its keys and its data (chats,
   * contacts, …; see session-purge.ts) in one transaction, and announces `session.deleted`.
   * Its messages are hidden in that transaction and removed in the background afterwards
   * (history-removal.ts). `keepHistory` keeps the chat history (hidden until a session with the
   * same id is created again); schedules, campaigns and the session's webhooks go either way.
   */
  async remove(id: string, options: { keepHistory?: boolean; actor?: Actor } = {}): Promise<void> {
    this.row(id);
    if (this.manager.isLinked(id)) await this.manager.logout(id, 'user_logout');
    await this.manager.remove(id);
    const keepHistory = options.keepHistory ?? false;
    const purged = this.events.transaction(() => {
      // Two deletes at once both pass the check above; the second finds nothing left to do.
      if (!this.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, id)).get()) return null;
      const result = this.purge.run(id, { keepHistory });
      this.apiKeys.removeSessionKeys(id);
      this.db.delete(sessions).where(eq(sessions.id, id)).run();
      this.events.record('session.deleted', id, { id, historyKept: keepHistory }, options.actor);
      return result;
    });
    if (purged) {
      this.purge.afterCommit(purged);
      this.logger.info({ session: id, keepHistory, deleted: purged.deleted }, 'session deleted');
    }
    this.reconnectAt.delete(id);
  }

  async qr(id: string): Promise<SessionQr> {
    const session = this.get(id);
    const qr = this.manager.qr(id);
    if (!qr) {
      throw new AppError(
        'CONFLICT',
        session.status === 'connected'
          ? 'the session is already linked; no QR code is needed'
          : `no QR code right now (status: ${session.status}); POST /sessions/${id}/connect first`,
      );
    }
    return { qr, dataUrl: await QRCode.toDataURL(qr, { margin: 1, width: 320 }) };
  }

  qrPng(qr: string): Promise<Buffer> {
    return QRCode.toBuffer(qr, { type: 'png', margin: 2, width: 320 });
  }

  async pairingCode(id: string, phoneInput: string): Promise<{ code: string; session: Session }> {
    const session = this.get(id);
    if (session.status === 'connected') throw new AppError('CONFLICT', 'the session is already linked');
    const phone = normalisePhone(phoneInput);
    if (!phone) {
      throw new AppError(
        'VALIDATION_FAILED',
        'phone: must be a phone number in international format',
        'phone',
      );
    }
    this.db.update(sessions).set({ autoConnect: true }).where(eq(sessions.id, id)).run();
    const code = await this.manager.requestPairingCode(id, phone);
    return { code, session: this.get(id) };
  }

  /** At start-up: every session that was linked and meant to be connected reconnects, without a QR. */
  resumeAll(): void {
    // Statuses stored by a process that was killed are stale; nothing is connected yet.
    this.db
      .update(sessions)
      .set({ status: 'disconnected', statusReason: 'startup' })
      .where(ne(sessions.status, 'logged_out'))
      .run();
    for (const row of this.db.select().from(sessions).where(eq(sessions.autoConnect, true)).all()) {
      // Each waits for the WhatsApp layer, which loads once the API listens (lazy-layer.ts).
      if (this.manager.isLinked(row.id)) {
        this.manager
          .connect(row.id, 'startup')
          .catch((error: unknown) =>
            this.logger.error({ err: error, session: row.id }, 'reconnecting at start failed'),
          );
      } else this.db.update(sessions).set({ autoConnect: false }).where(eq(sessions.id, row.id)).run();
    }
  }

  shutdown(): Promise<void> {
    return this.manager.stopAll();
  }

  private recordStatus(id: string, change: StatusChange): void {
    const exists = this.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, id)).get();
    if (!exists) return;
    const patch: Partial<SessionRow> = {
      status: change.status,
      statusReason: change.reason,
      statusChangedAt: new Date().toISOString(),
    };
    if (change.status === 'connected') patch.autoConnect = true;
    // A shutdown keeps the wish to reconnect next start; these reasons end it.
    if (NO_AUTO_CONNECT_AFTER.has(change.reason)) patch.autoConnect = false;
    if (change.status === 'logged_out')
      Object.assign(patch, { phone: null, pushName: null, meJid: null, meLid: null });
    this.db.update(sessions).set(patch).where(eq(sessions.id, id)).run();
    if (change.reconnectAt) this.reconnectAt.set(id, change.reconnectAt.toISOString());
    else this.reconnectAt.delete(id);
    this.logger.info({ session: id, status: change.status, reason: change.reason }, 'session status');
    this.publish(this.get(id), change.qr, change.pairingCode);
  }

  /** The number's profile name was changed here (the socket's own name follows by app-state). */
  notePushName(id: string, pushName: string): void {
    this.db.update(sessions).set({ pushName }).where(eq(sessions.id, id)).run();
  }

  private recordIdentity(id: string, identity: LinkedIdentity): void {
    this.db
      .update(sessions)
      .set({ phone: identity.phone, pushName: identity.pushName, meJid: identity.jid, meLid: identity.lid })
      .where(eq(sessions.id, id))
      .run();
  }

  private publish(session: Session, qr: string | null = null, pairingCode: string | null = null): void {
    this.events.record('session.status', session.id, { session, qr, pairingCode });
    this.waiters.changed(session);
  }

  private row(id: string): SessionRow {
    const row = this.rowById.get({ id });
    if (!row) throw new AppError('SESSION_NOT_FOUND', `no session "${id}"`, 'id');
    return row;
  }

  private toSession(row: SessionRow): Session {
    return {
      id: row.id,
      name: row.name,
      status: row.status as SessionStatus,
      statusReason: row.statusReason as SessionReason,
      statusChangedAt: row.statusChangedAt,
      phone: row.phone,
      pushName: row.pushName,
      reconnectAt: this.reconnectAt.get(row.id) ?? null,
      createdAt: row.createdAt,
    };
  }

  /** A readable, unused id from the name ("Shop phone" → "shop-phone"), random if none fits. */
  private freeId(name: string): string {
    const slug = name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 24);
    const taken = (id: string) =>
      Boolean(this.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, id)).get());
    if (slug && !taken(slug)) return slug;
    for (let n = 2; slug && n < 100; n++) if (!taken(`${slug}-${n}`)) return `${slug}-${n}`;
    return 's' + randomBytes(5).toString('hex');
  }
}
