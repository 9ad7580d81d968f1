import type { Database } from 'better-sqlite3';

/** Connections inside a history slice's inserts (see `inBulkSlice`). */
const inSlice = new WeakSet<Database>();

/**
 * The SQL function `bulk_slice()` (migration 0049): 1 while this connection is inside
 * `inBulkSlice`, else 0. Per-row triggers whose work a history slice does set-wise once per
 * slice (the report marks) skip themselves when it is 1. Every connection that writes messages
 * needs it, as it needs `search_text()`.
 */
export function registerBulkSlice(sqlite: Database): void {
  sqlite.function('bulk_slice', { deterministic: false, varargs: false }, () =>
    inSlice.has(sqlite) ? 1 : 0,
  );
}

/**
 * Runs `work` (a history slice's message inserts, inside its transaction) with `bulk_slice()` at 1.
 * The caller must do, in the same transaction, what the skipped triggers would have done: the
 * flag is cleared whatever happens, so any other insert, even after a failed slice, fires them.
 */
export function inBulkSlice<T>(sqlite: Database, work: () => T): T {
  if (!sqlite.inTransaction) throw new Error('inBulkSlice: only inside a transaction');
  inSlice.add(sqlite);
  try {
    return work();
  } finally {
    inSlice.delete(sqlite);
  }
}
