import type { Statement } from 'better-sqlite3';
import type { Actor, AuditEntry, AuditList } from '../../../src-shared/contract/people.js';
import type { Db } from '../../db/connection.js';

/** What a caller filters the audit log by (`audit.list`, GET /api/v1/audit). */
export interface AuditQuery {
  /** Exact action, or a prefix ending in "." (`auth.` matches every sign-in action). */
  action?: string;
  /** Actor id or name, exact. */
  actor?: string;
  from?: string;
  to?: string;
  /** `next` of the previous page: entries older than this id. */
  cursor?: string;
  limit: number;
}

export interface AuditRecord {
  actor: Actor;
  action: string;
  target?: string | null;
  detail?: Record<string, unknown> | null;
  address?: string | null;
}

interface AuditDbRow {
  id: number;
  at: number;
  actor_type: Actor['type'];
  actor_id: string | null;
  actor_name: string;
  action: string;
  target: string | null;
  detail: string | null;
  address: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const CSV_PAGE = 500;

/**
 * Who did what sensitive thing and when: sign-ins (and failed ones), people, roles, teams and
 * permissions, numbers linked or deleted, keys and webhooks, exports. Append-only; entries older
 * than the retention (Settings → Audit, 365 days by default) are pruned hourly with the events.
 * An entry names its actor by value, so it outlives a deleted person or key.
 */
export class AuditLog {
  private readonly insert: Statement<
    [number, string, string | null, string, string, string | null, string | null, string | null]
  >;
  private readonly deleteBefore: Statement<[number]>;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.insert = db.$client.prepare(
      `INSERT INTO audit_log (at, actor_type, actor_id, actor_name, action, target, detail, address)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.deleteBefore = db.$client.prepare('DELETE FROM audit_log WHERE at < ?');
  }

  record(entry: AuditRecord): void {
    this.insert.run(
      this.now(),
      entry.actor.type,
      entry.actor.id,
      entry.actor.name,
      entry.action,
      entry.target ?? null,
      entry.detail ? JSON.stringify(entry.detail) : null,
      entry.address ?? null,
    );
  }

  list(query: AuditQuery): AuditList {
    const rows = this.select(query, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return { items: page.map(toEntry), next: rows.length > query.limit && last ? String(last.id) : null };
  }

  /** Every matching entry, newest first, as CSV (RFC 4180; formula-looking cells defused). */
  csv(query: Omit<AuditQuery, 'limit' | 'cursor'>): string {
    return [...this.csvLines(query)].join('');
  }

  /**
   * The same CSV line by line (each ending in CRLF), read in pages of 500 so a long log is
   * streamed to the client instead of being built in memory first.
   */
  *csvLines(query: Omit<AuditQuery, 'limit' | 'cursor'>): Generator<string> {
    const header = ['time', 'actor_type', 'actor_id', 'actor', 'action', 'target', 'detail', 'address'];
    yield header.join(',') + '\r\n';
    let cursor: string | undefined;
    for (;;) {
      const rows = this.select({ ...query, ...(cursor ? { cursor } : {}) }, CSV_PAGE);
      for (const row of rows) yield csvLine(toEntry(row));
      if (rows.length < CSV_PAGE) return;
      cursor = String(rows.at(-1)!.id);
    }
  }

  /** Deletes entries older than `retentionDays`. */
  prune(retentionDays: number): number {
    return this.deleteBefore.run(this.now() - retentionDays * DAY_MS).changes;
  }

  private select(query: Omit<AuditQuery, 'limit'>, limit: number): AuditDbRow[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (query.action) {
      if (query.action.endsWith('.')) {
        // A prefix: a range on the (action, at) index rather than LIKE (whose _ and % are wildcards).
        where.push('action >= ? AND action < ?');
        params.push(query.action, query.action.slice(0, -1) + '/');
      } else {
        where.push('action = ?');
        params.push(query.action);
      }
    }
    if (query.actor) {
      where.push('(actor_id = ? OR actor_name = ?)');
      params.push(query.actor, query.actor);
    }
    if (query.from) {
      where.push('at >= ?');
      params.push(Date.parse(query.from));
    }
    if (query.to) {
      where.push('at <= ?');
      params.push(Date.parse(query.to));
    }
    if (query.cursor) {
      where.push('id < ?');
      params.push(Number(query.cursor));
    }
    const sql = `SELECT * FROM audit_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT ?`;
    return this.db.$client.prepare<(string | number)[], AuditDbRow>(sql).all(...params, limit);
  }
}

function toEntry(row: AuditDbRow): AuditEntry {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    actor: { type: row.actor_type, id: row.actor_id, name: row.actor_name },
    action: row.action,
    target: row.target,
    detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null,
    address: row.address,
  };
}

function csvLine(entry: AuditEntry): string {
  const cells = [
    entry.at,
    entry.actor.type,
    entry.actor.id ?? '',
    entry.actor.name,
    entry.action,
    entry.target ?? '',
    entry.detail ? JSON.stringify(entry.detail) : '',
    entry.address ?? '',
  ];
  return cells.map(csvCell).join(',') + '\r\n';
}

/** A CSV cell: quoted when needed; a leading =, +, - or @ is defused for spreadsheets. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
