/**
 * Messages stored as `unknown` because Chatdock could not show their kind when they came (a
 * business's buttons or list before issue #19, say) are read again from their raw protobuf with
 * today's mapping, once per start: those it now understands get their type, text (so search
 * finds them) and content. Found through a partial index, so a start with none costs nothing.
 */
import type { Database } from 'better-sqlite3';
import { decodeRawMessage, mapMessage } from '../../wa/message-mapping.js';
import { RAW_WITH_COLUMNS, packRaw, unpackRaw, type StoredRaw } from './raw-pack.js';

/** Reclassifies what it can; answers how many messages changed. */
export function reclassifyUnknown(sqlite: Database): number {
  const rows = sqlite
    .prepare(
      `SELECT row_id AS rowId, ${RAW_WITH_COLUMNS} FROM messages WHERE type = 'unknown' AND raw IS NOT NULL`,
    )
    .all() as (StoredRaw & { rowId: number; raw: Buffer })[];
  const update = sqlite.prepare(
    `UPDATE messages SET type = ?, text = ?, content = ?, raw = ? WHERE row_id = ?`,
  );
  let changed = 0;
  sqlite.transaction(() => {
    for (const row of rows) {
      let mapped;
      let raw: Buffer;
      try {
        raw = unpackRaw(row.raw, row);
        mapped = mapMessage(decodeRawMessage(raw), null);
      } catch {
        continue; // raw bytes we cannot decode stay as they are
      }
      if (mapped.kind !== 'message' || mapped.record.type === 'unknown') continue;
      const { type, text, content } = mapped.record;
      // The text column changes: the raw is packed again against it (raw-pack.ts).
      const packed = packRaw(raw, { ...row, text });
      update.run(type, text, content === null ? null : JSON.stringify(content), packed, row.rowId);
      changed += 1;
    }
  })();
  return changed;
}
