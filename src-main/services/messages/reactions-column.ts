import type { ReactionRow } from './message-rows.js';

/**
 * A message's reactions as one more column of the statement that reads the message (`m` is
 * `messages`): a JSON array of reaction rows, or NULL when it has none. Read this way a page of
 * 50 messages is one statement instead of 51 (a lookup per message was most of what search did
 * beyond the FTS query itself; docs/PERFORMANCE.md, session 22). The lookup walks the table's
 * primary key, as the separate statement did, so the reactions keep its order.
 */
export const REACTIONS_COLUMN = `(SELECT json_group_array(json_object('sender_jid', r.sender_jid, 'emoji', r.emoji, 'timestamp', r.timestamp))
    FROM message_reactions r WHERE r.session_id = m.session_id AND r.chat_jid = m.chat_jid AND r.message_id = m.id
  HAVING count(*) > 0) AS reactions`;

/** The rows of a `REACTIONS_COLUMN` value. */
export function reactionsOf(column: string | null): ReactionRow[] {
  return column === null ? [] : (JSON.parse(column) as ReactionRow[]);
}
