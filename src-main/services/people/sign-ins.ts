import { randomBytes, randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { AppError } from '../../../src-shared/errors.js';
import type { SignInSession } from '../../../src-shared/contract/people.js';
import type { Db } from '../../db/connection.js';
import type { KeyHasher } from '../access/key-hasher.js';
import type { KeyRevocations } from '../access/key-revocations.js';
import type { PeopleSettingsStore } from './people-settings.js';

interface SignInDbRow {
  id: string;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  user_agent: string | null;
  address: string | null;
  created_at: string;
  last_seen_at: number;
}

/** What the cookie's token stands for: a person and the sign-in session. */
export interface SignedIn {
  sessionId: string;
  userId: string;
  csrfToken: string;
}

/** `last_seen_at` is written at most this often (reads must not all become writes). */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Browser sign-ins. The cookie holds a 256-bit random token (`cds_…`), stored as this install's
 * HMAC like API keys (services/access/key-hasher.ts). A sign-in idle longer than the setting
 * ends at its next use. Ending sign-ins (sign out, sign out everywhere, a person disabled,
 * deleted or their password changed) tells `KeyRevocations` their ids, so open event streams of
 * them close with 4401 at once.
 */
export class SignInService {
  private readonly byHash: Statement<[string], SignInDbRow>;
  private readonly touch: Statement<[number, string]>;

  constructor(
    private readonly db: Db,
    private readonly hasher: KeyHasher,
    private readonly settings: PeopleSettingsStore,
    private readonly revocations: KeyRevocations,
    private readonly now: () => number = Date.now,
  ) {
    this.byHash = db.$client.prepare('SELECT * FROM sign_in_sessions WHERE token_hash = ?');
    this.touch = db.$client.prepare('UPDATE sign_in_sessions SET last_seen_at = ? WHERE id = ?');
  }

  /** Starts a sign-in; the token goes into the cookie, the CSRF token to the page. */
  start(
    userId: string,
    meta: { userAgent: string | null; address: string | null },
  ): SignedIn & { token: string } {
    const token = 'cds_' + randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(18).toString('base64url');
    const id = `sis_${randomUUID()}`;
    this.db.$client
      .prepare(
        `INSERT INTO sign_in_sessions (id, user_id, token_hash, csrf_token, user_agent, address, last_seen_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        userId,
        this.hasher.hash(token),
        csrfToken,
        meta.userAgent?.slice(0, 300) ?? null,
        meta.address,
        this.now(),
      );
    return { sessionId: id, userId, csrfToken, token };
  }

  /** The sign-in a cookie token belongs to, or null (unknown, ended, or idle too long). */
  resolve(token: string): SignedIn | null {
    if (!token.startsWith('cds_')) return null;
    const row = this.byHash.get(this.hasher.hash(token));
    if (!row) return null;
    const now = this.now();
    if (now - row.last_seen_at > this.settings.get().idleMinutes * 60_000) {
      this.end([row.id]);
      return null;
    }
    if (now - row.last_seen_at > TOUCH_INTERVAL_MS) this.touch.run(now, row.id);
    return { sessionId: row.id, userId: row.user_id, csrfToken: row.csrf_token };
  }

  list(userId: string, currentId: string | null): SignInSession[] {
    return this.db.$client
      .prepare<[string], SignInDbRow>(
        'SELECT * FROM sign_in_sessions WHERE user_id = ? ORDER BY last_seen_at DESC',
      )
      .all(userId)
      .map((row) => ({
        id: row.id,
        current: row.id === currentId,
        userAgent: row.user_agent,
        address: row.address,
        createdAt: row.created_at,
        lastSeenAt: new Date(row.last_seen_at).toISOString(),
      }));
  }

  /** Ends one of the person's own sign-ins (NOT_FOUND for anyone else's). */
  revoke(userId: string, id: string): number {
    const row = this.db.$client
      .prepare<[string, string], { id: string }>(
        'SELECT id FROM sign_in_sessions WHERE id = ? AND user_id = ?',
      )
      .get(id, userId);
    if (!row) throw new AppError('NOT_FOUND', `no sign-in "${id}" of yours`, 'id');
    return this.end([id]);
  }

  /** Ends every sign-in of a person except `keep`. */
  endAllOf(userId: string, keep: string | null = null): number {
    const ids = this.db.$client
      .prepare<[string], { id: string }>('SELECT id FROM sign_in_sessions WHERE user_id = ?')
      .all(userId)
      .map((row) => row.id)
      .filter((id) => id !== keep);
    return this.end(ids);
  }

  end(ids: readonly string[]): number {
    if (ids.length === 0) return 0;
    const remove = this.db.$client.prepare('DELETE FROM sign_in_sessions WHERE id = ?');
    let ended = 0;
    for (const id of ids) ended += remove.run(id).changes;
    this.revocations.announce(ids, 'signed-out');
    return ended;
  }
}
