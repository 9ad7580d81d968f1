import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { SCOPES, type Scope } from '../../../src-shared/contract/keys.js';
import type { CreatedToken, PersonalToken } from '../../../src-shared/contract/people.js';
import { AppError } from '../../../src-shared/errors.js';
import type { Db } from '../../db/connection.js';
import { apiKeys, type ApiKeyRow } from '../../db/schema.js';
import type { KeyHasher } from '../access/key-hasher.js';
import { generateKey, keyPrefix } from '../access/api-keys.js';
import type { KeyRevocations } from '../access/key-revocations.js';

/** Tokens from `POST /api/v1/auth/token` (name + password) live this long. */
export const EXCHANGED_TOKEN_TTL_MS = 60 * 60 * 1000;

/**
 * Personal tokens: API keys (the same table, hasher and `verify`) owned by a person, of kind
 * `token`. A token acts as its person with their current rights, narrowed to its scopes if it
 * has any; it dies with the person (foreign key) and when they are disabled.
 */
export class PersonalTokenService {
  constructor(
    private readonly db: Db,
    private readonly hasher: KeyHasher,
    private readonly revocations: KeyRevocations,
    private readonly now: () => number = Date.now,
  ) {}

  list(userId: string): PersonalToken[] {
    return this.db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.kind, 'token'), eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
      .orderBy(desc(apiKeys.createdAt))
      .all()
      .filter((row) => !row.expiresAt || row.expiresAt > new Date(this.now()).toISOString())
      .map(toToken);
  }

  create(
    userId: string,
    input: { name: string; scopes?: Scope[] | undefined },
    ttlMs?: number,
  ): CreatedToken {
    const key = generateKey();
    const id = randomUUID();
    this.db
      .insert(apiKeys)
      .values({
        id,
        kind: 'token',
        name: input.name.trim(),
        prefix: keyPrefix(key),
        hash: this.hasher.hash(key),
        userId,
        scopes: input.scopes ? [...new Set(input.scopes)] : null,
        expiresAt: ttlMs ? new Date(this.now() + ttlMs).toISOString() : null,
      })
      .run();
    return { token: toToken(this.row(userId, id)), key };
  }

  revoke(userId: string, id: string): PersonalToken {
    const row = this.row(userId, id);
    this.db
      .update(apiKeys)
      .set({ revokedAt: new Date(this.now()).toISOString() })
      .where(eq(apiKeys.id, id))
      .run();
    this.revocations.announce([id], 'revoked');
    return toToken({ ...row, revokedAt: new Date(this.now()).toISOString() });
  }

  /** Revokes every token of a person (disabled or deleted). */
  revokeAllOf(userId: string): void {
    const ids = this.db
      .update(apiKeys)
      .set({ revokedAt: new Date(this.now()).toISOString() })
      .where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id })
      .all()
      .map((row) => row.id);
    this.revocations.announce(ids, 'revoked');
  }

  private row(userId: string, id: string): ApiKeyRow {
    const row = this.db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.id, id), eq(apiKeys.kind, 'token'), eq(apiKeys.userId, userId)))
      .get();
    if (!row) throw new AppError('NOT_FOUND', `no token "${id}" of yours`, 'id');
    return row;
  }
}

function toToken(row: ApiKeyRow): PersonalToken {
  const known = new Set<string>(SCOPES);
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes ? (row.scopes.filter((scope) => known.has(scope)) as Scope[]) : null,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
  };
}
