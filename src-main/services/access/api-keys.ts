import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../../src-shared/errors.js';
import type { AdminKeyStatus, RotatedKey } from '../../../src-shared/model.js';
import type { Db } from '../../db/connection.js';
import { apiKeys, type ApiKeyRow } from '../../db/schema.js';
import { KeyHasher } from './key-hasher.js';
import { KeyRevocations } from './key-revocations.js';

/** Who a valid key belongs to; what routes check permissions against. */
export interface KeyPrincipal {
  keyId: string;
  kind: Exclude<ApiKeyRow['kind'], 'token'>;
  sessionId: string | null;
  scopes: string[] | null;
}

/** A personal token: it acts as its person (services/people/ turns it into a UserPrincipal). */
export interface TokenKey {
  keyId: string;
  kind: 'token';
  userId: string;
  scopes: string[] | null;
}

/** Writing last_used_at on every request would turn reads into writes; once a minute is enough. */
const LAST_USED_WRITE_INTERVAL_MS = 60_000;

/** A short, non-secret part of a key to recognise it in lists (half of a short key at most). */
export function keyPrefix(key: string): string {
  return key.slice(0, Math.min(8, Math.floor(key.length / 2)));
}

export function generateKey(): string {
  return 'cd_' + randomBytes(32).toString('base64url');
}

export class ApiKeyService {
  /** The admin key in clear, kept only in memory until the owner has seen it. */
  private adminReveal: string | null = null;
  private adminFromEnvironment = false;
  private readonly lastUsedWrites = new Map<string, number>();
  /**
   * Every keyed request looks its key up: the query is built and prepared once, not per request
   * (building drizzle SQL and preparing it cost more than running it). Nothing is cached but the
   * statement, so a revoked, rotated or removed key fails on the very next request.
   */
  private readonly candidatesByPrefix;

  constructor(
    private readonly db: Db,
    /** Told about every key this service replaces or removes (open event streams close). */
    private readonly revocations = new KeyRevocations(),
    /** Keys are stored as this install's HMAC (services/access/key-hasher.ts). */
    readonly hasher: KeyHasher = KeyHasher.ephemeral(),
  ) {
    this.candidatesByPrefix = db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.prefix, sql.placeholder('prefix')), isNull(apiKeys.revokedAt)))
      .prepare();
    this.upgradeLegacyHashes();
  }

  /** Earlier versions stored plain SHA-256 hashes: turned into this install's HMAC once. */
  private upgradeLegacyHashes(): void {
    const rows = this.db.select({ id: apiKeys.id, hash: apiKeys.hash }).from(apiKeys).all();
    const legacy = rows.filter((row) => KeyHasher.isLegacy(row.hash));
    if (legacy.length === 0) return;
    this.db.transaction((tx) => {
      for (const row of legacy) {
        tx.update(apiKeys)
          .set({ hash: this.hasher.upgrade(row.hash) })
          .where(eq(apiKeys.id, row.id))
          .run();
      }
    });
  }

  /**
   * Makes sure an admin key exists. With `environmentKey` (CHATDOCK_API_KEY) that key becomes
   * the admin key; otherwise one is created on first run and returned so it can be shown once.
   */
  ensureAdminKey(environmentKey: string | undefined): { created: string | null } {
    const existing = this.adminRow();
    if (environmentKey) {
      this.adminFromEnvironment = true;
      if (!existing || !this.hasher.matches(existing.hash, environmentKey)) this.replaceAdmin(environmentKey);
      return { created: null };
    }
    // An admin key hashed with another secret (the secret file was lost) can never be checked
    // again: make a new one, shown once, rather than lock the owner out.
    if (existing && this.hasher.isCurrent(existing.hash)) return { created: null };
    const key = generateKey();
    this.replaceAdmin(key);
    this.adminReveal = key;
    return { created: key };
  }

  adminStatus(): AdminKeyStatus {
    const row = this.adminRow();
    if (!row) throw new AppError('NOT_FOUND', 'no admin key yet');
    return {
      prefix: row.prefix,
      createdAt: row.createdAt,
      managedByEnvironment: this.adminFromEnvironment,
      revealOnce: this.adminReveal,
    };
  }

  acknowledgeAdminReveal(): AdminKeyStatus {
    this.adminReveal = null;
    return this.adminStatus();
  }

  rotateAdmin(): RotatedKey {
    if (this.adminFromEnvironment) {
      throw new AppError(
        'CONFLICT',
        'the admin key is set by CHATDOCK_API_KEY; change the environment variable instead',
      );
    }
    const key = generateKey();
    this.replaceAdmin(key);
    this.adminReveal = key;
    return { key, prefix: keyPrefix(key) };
  }

  /**
   * Issues the key of one WhatsApp session (it can only touch that session), replacing any
   * earlier one. Returned in clear once; stored hashed.
   */
  issueSessionKey(sessionId: string): RotatedKey {
    const key = generateKey();
    const replaced = this.db.transaction((tx) => {
      const old = tx
        .delete(apiKeys)
        .where(and(eq(apiKeys.kind, 'session'), eq(apiKeys.sessionId, sessionId)))
        .returning({ id: apiKeys.id })
        .all();
      tx.insert(apiKeys)
        .values({
          id: randomUUID(),
          kind: 'session',
          name: `Session ${sessionId}`,
          prefix: keyPrefix(key),
          hash: this.hasher.hash(key),
          sessionId,
        })
        .run();
      return old;
    });
    this.revocations.announce(
      replaced.map((row) => row.id),
      'rotated',
    );
    return { key, prefix: keyPrefix(key) };
  }

  /** Removes every key bound to a session (the session is deleted). */
  removeSessionKeys(sessionId: string): void {
    const removed = this.db
      .delete(apiKeys)
      .where(eq(apiKeys.sessionId, sessionId))
      .returning({ id: apiKeys.id })
      .all();
    this.revocations.announce(
      removed.map((row) => row.id),
      'session-removed',
    );
  }

  /** The principal of a presented key, or null if it is unknown, revoked or expired. */
  verify(presented: string): KeyPrincipal | TokenKey | null {
    if (!presented) return null;
    const candidates = this.candidatesByPrefix.all({ prefix: keyPrefix(presented) });
    const row = candidates.find((candidate) => this.hasher.matches(candidate.hash, presented));
    if (!row) return null;
    if (row.expiresAt && row.expiresAt <= new Date().toISOString()) return null;
    this.touch(row.id);
    if (row.kind === 'token') {
      if (!row.userId) return null;
      return { keyId: row.id, kind: 'token', userId: row.userId, scopes: row.scopes };
    }
    return { keyId: row.id, kind: row.kind, sessionId: row.sessionId, scopes: row.scopes };
  }

  private adminRow(): ApiKeyRow | undefined {
    return this.db.select().from(apiKeys).where(eq(apiKeys.kind, 'admin')).get();
  }

  private replaceAdmin(key: string): void {
    const replaced = this.db.transaction((tx) => {
      const old = tx.delete(apiKeys).where(eq(apiKeys.kind, 'admin')).returning({ id: apiKeys.id }).all();
      tx.insert(apiKeys)
        .values({
          id: randomUUID(),
          kind: 'admin',
          name: 'Admin key',
          prefix: keyPrefix(key),
          hash: this.hasher.hash(key),
        })
        .run();
      return old;
    });
    this.revocations.announce(
      replaced.map((row) => row.id),
      'rotated',
    );
  }

  private touch(keyId: string): void {
    const now = Date.now();
    if (now - (this.lastUsedWrites.get(keyId) ?? 0) < LAST_USED_WRITE_INTERVAL_MS) return;
    this.lastUsedWrites.set(keyId, now);
    this.db
      .update(apiKeys)
      .set({ lastUsedAt: new Date(now).toISOString() })
      .where(eq(apiKeys.id, keyId))
      .run();
  }
}
