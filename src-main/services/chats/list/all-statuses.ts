/**
 * Every number's list without a sparser walk (no session, no state, tag, view or few names): a
 * merge of `chats_status_order_idx`'s runs, one per status, instead of an order index of its own
 * (migration 0044 dropped `chats_order_idx`, one less index for every new message to move).
 *
 * Within one status the index is in list order, so each arm of the `UNION ALL` is an index walk
 * from its top (or from the cursor) and SQLite merges the three ordered runs (`MERGE (UNION ALL)`
 * in the plan, pinned in query-plans.test.ts), reading each arm only as far as the page needs: a
 * page costs about what one walk of the old index did, plus one row per arm. The other filters
 * are conditions in every arm, as they were on the old walk, so the result is the same set in
 * the same order (chat-list.test.ts compares it with the naive query).
 */
import { CHAT_STATUSES } from '../../../../src-shared/contract/assignment.js';

/** The page's SQL: `columns` must name the session `sessionId` and the chat `jid`. */
export function allStatusesMerge(columns: string, join: string, where: readonly string[]): string {
  // A status is one of CHAT_STATUSES (the column's enum); each is a literal so that every arm
  // is a range of the index led by that status.
  const arms = CHAT_STATUSES.map(
    (status) =>
      `SELECT ${columns}, coalesce(c.last_message_at, 0) AS orderAt
       FROM chats c INDEXED BY chats_status_order_idx ${join}
       WHERE ${[`c.status = '${status}'`, ...where].join(' AND ')}`,
  );
  return `${arms.join('\n UNION ALL ')}
    ORDER BY orderAt DESC, sessionId DESC, jid DESC
    LIMIT @limit`;
}
