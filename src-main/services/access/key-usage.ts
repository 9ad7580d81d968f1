import type { Statement } from 'better-sqlite3';
import { USAGE_KINDS, type KeyUsage, type UsageKind } from '../../../src-shared/contract/key-usage.js';
import type { Db } from '../../db/connection.js';

/** How often counts in memory are written: at most this much is lost if the process dies. */
export const USAGE_FLUSH_INTERVAL_MS = 5000;
const DAY_MS = 86_400_000;

interface Counts {
  requests: number;
  clientErrors: number;
  serverErrors: number;
}

const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);

/**
 * Usage per key (issue #26 point 3). Every request with a valid key, session key, admin key or
 * personal token is counted in memory, per key, UTC day and kind; a timer writes the counts (and
 * each key's last use) in one transaction every few seconds, so a request costs a map update, not
 * a write. A crash loses at most the last interval's counts: they are statistics, not records
 * anything depends on (docs/ARCHITECTURE.md). Rows are kept `keepDays` (housekeeping, hourly) and
 * deleted with their key.
 */
export class KeyUsageCounter {
  private pending = new Map<string, Counts>();
  private lastUse = new Map<string, { at: number; address: string | null }>();
  private timer: NodeJS.Timeout | null = null;
  private readonly upsert: Statement;
  private readonly upsertLastUse: Statement;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.upsert = db.$client.prepare(
      `INSERT INTO api_key_usage (key_id, day, kind, requests, client_errors, server_errors)
       VALUES (@keyId, @day, @kind, @requests, @clientErrors, @serverErrors)
       ON CONFLICT (key_id, day, kind) DO UPDATE SET requests = requests + excluded.requests,
         client_errors = client_errors + excluded.client_errors,
         server_errors = server_errors + excluded.server_errors`,
    );
    this.upsertLastUse = db.$client.prepare(
      `INSERT INTO api_key_last_use (key_id, at, address) VALUES (?, ?, ?)
       ON CONFLICT (key_id) DO UPDATE SET at = excluded.at, address = excluded.address WHERE excluded.at >= at`,
    );
  }

  /** One answered request of `keyId` (its HTTP status decides whether it was an error). */
  record(keyId: string, kind: UsageKind, status: number, address: string | null): void {
    const at = this.now();
    const slot = `${keyId}\n${dayOf(at)}\n${kind}`;
    const counts = this.pending.get(slot) ?? { requests: 0, clientErrors: 0, serverErrors: 0 };
    counts.requests += 1;
    if (status >= 500) counts.serverErrors += 1;
    else if (status >= 400) counts.clientErrors += 1;
    this.pending.set(slot, counts);
    this.lastUse.set(keyId, { at, address });
  }

  /** Writes what was counted since the last flush, in one transaction. */
  flush(): void {
    if (this.pending.size === 0 && this.lastUse.size === 0) return;
    const pending = this.pending;
    const lastUse = this.lastUse;
    this.pending = new Map();
    this.lastUse = new Map();
    this.db.$client.transaction(() => {
      for (const [slot, counts] of pending) {
        const [keyId, day, kind] = slot.split('\n');
        this.upsert.run({ keyId, day, kind, ...counts });
      }
      for (const [keyId, use] of lastUse) this.upsertLastUse.run(keyId, use.at, use.address);
    })();
  }

  start(): void {
    this.timer ??= setInterval(() => this.flush(), USAGE_FLUSH_INTERVAL_MS).unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.flush();
  }

  /** A stored key's kind and person (for tokens), or null: whose usage may be read. */
  keyOf(keyId: string): { kind: string; userId: string | null } | null {
    const row = this.db.$client
      .prepare('SELECT kind, user_id AS userId FROM api_keys WHERE id = ?')
      .get(keyId) as { kind: string; userId: string | null } | undefined;
    return row ?? null;
  }

  /** The last `days` days (today included) of one key, oldest first. */
  usage(keyId: string, days: number): KeyUsage {
    this.flush();
    const today = this.now();
    const since = dayOf(today - (days - 1) * DAY_MS);
    const rows = this.db.$client
      .prepare(
        `SELECT day, kind, requests, client_errors AS clientErrors, server_errors AS serverErrors
           FROM api_key_usage WHERE key_id = ? AND day >= ? ORDER BY day`,
      )
      .all(keyId, since) as ({ day: string; kind: string } & Counts)[];
    const byDay = new Map<string, KeyUsage['days'][number]>();
    for (let n = days - 1; n >= 0; n -= 1) {
      const day = dayOf(today - n * DAY_MS);
      const requests = Object.fromEntries(USAGE_KINDS.map((kind) => [kind, 0])) as Record<UsageKind, number>;
      byDay.set(day, { day, requests, clientErrors: 0, serverErrors: 0 });
    }
    const totals = { requests: 0, clientErrors: 0, serverErrors: 0 };
    for (const row of rows) {
      const entry = byDay.get(row.day);
      if (!entry || !(USAGE_KINDS as readonly string[]).includes(row.kind)) continue;
      entry.requests[row.kind as UsageKind] += row.requests;
      entry.clientErrors += row.clientErrors;
      entry.serverErrors += row.serverErrors;
      totals.requests += row.requests;
      totals.clientErrors += row.clientErrors;
      totals.serverErrors += row.serverErrors;
    }
    const last = this.db.$client
      .prepare('SELECT at, address FROM api_key_last_use WHERE key_id = ?')
      .get(keyId) as { at: number; address: string | null } | undefined;
    return {
      keyId,
      days: [...byDay.values()],
      totals,
      lastUse: last ? { at: new Date(last.at).toISOString(), address: last.address } : null,
    };
  }

  /** Deletes days older than `keepDays`, and the usage of keys that no longer exist. */
  prune(keepDays: number): void {
    this.flush();
    const before = dayOf(this.now() - keepDays * DAY_MS);
    this.db.$client.transaction(() => {
      this.db.$client.prepare('DELETE FROM api_key_usage WHERE day < ?').run(before);
      this.db.$client
        .prepare('DELETE FROM api_key_usage WHERE key_id NOT IN (SELECT id FROM api_keys)')
        .run();
      this.db.$client
        .prepare('DELETE FROM api_key_last_use WHERE key_id NOT IN (SELECT id FROM api_keys)')
        .run();
    })();
  }

  /** A key was deleted (rotated, its number removed): its usage goes with it. */
  forget(keyId: string): void {
    for (const slot of [...this.pending.keys()]) if (slot.startsWith(`${keyId}\n`)) this.pending.delete(slot);
    this.lastUse.delete(keyId);
    this.db.$client.prepare('DELETE FROM api_key_usage WHERE key_id = ?').run(keyId);
    this.db.$client.prepare('DELETE FROM api_key_last_use WHERE key_id = ?').run(keyId);
  }
}
