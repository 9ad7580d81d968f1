import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { CreatedKey, NamedKey, Scope } from '../../../src-shared/contract/keys.js';
import { SCOPES } from '../../../src-shared/contract/keys.js';
import { AppError } from '../../../src-shared/errors.js';
import type { Db } from '../../db/connection.js';
import { apiKeys, type ApiKeyRow } from '../../db/schema.js';
import { generateKey, keyPrefix } from './api-keys.js';
import { KeyHasher } from './key-hasher.js';
import { KeyRevocations } from './key-revocations.js';

/**
 * Named API keys with scopes, for scripts and integrations. The key is shown once at creation
 * and stored as a hash (ApiKeyService.verify checks it); revoking is immediate.
 */
export class NamedKeyService {
  constructor(
    private readonly db: Db,
    /** Told about each revocation (open event streams of that key close). */
    private readonly revocations = new KeyRevocations(),
    private readonly hasher: KeyHasher = KeyHasher.ephemeral(),
  ) {}

  list(): NamedKey[] {
    return this.db
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.kind, 'named'))
      .orderBy(desc(apiKeys.createdAt))
      .all()
      .map(toNamedKey);
  }

  create(input: { name: string; scopes: Scope[] }): CreatedKey {
    const key = generateKey();
    const id = randomUUID();
    this.db
      .insert(apiKeys)
      .values({
        id,
        kind: 'named',
        name: input.name.trim(),
        prefix: keyPrefix(key),
        hash: this.hasher.hash(key),
        scopes: [...new Set(input.scopes)],
      })
      .run();
    return { apiKey: this.get(id), key };
  }

  revoke(id: string): NamedKey {
    const row = this.row(id);
    if (!row.revokedAt) {
      this.db
        .update(apiKeys)
        .set({ revokedAt: new Date().toISOString() })
        .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
        .run();
      this.revocations.announce([id], 'revoked');
    }
    return this.get(id);
  }

  private get(id: string): NamedKey {
    return toNamedKey(this.row(id));
  }

  private row(id: string): ApiKeyRow {
    const row = this.db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.id, id), eq(apiKeys.kind, 'named')))
      .get();
    if (!row) throw new AppError('NOT_FOUND', `no API key "${id}"`);
    return row;
  }
}

function toNamedKey(row: ApiKeyRow): NamedKey {
  const known = new Set<string>(SCOPES);
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: (row.scopes ?? []).filter((scope): scope is Scope => known.has(scope)),
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}
