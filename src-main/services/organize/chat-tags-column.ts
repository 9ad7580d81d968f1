/**
 * A chat's tags read as one column of the query that reads the chat (the chat list's page,
 * `TaggingService.ofChats`): a correlated subquery per chat instead of a second query over the
 * page's chats and a grouping in JS, which cost a REST chat-list page more than twice as much
 * (docs/PERFORMANCE.md, "Session 21: REST throughput").
 *
 * The tags come unsorted from SQL and are put in tagging order here (oldest first, then by name):
 * an ORDER BY in the subquery is a temporary B-tree per chat, and most chats carry one tag.
 */
import type { TagRef } from '../../../src-shared/contract/organize.js';

/** One tag of a chat as the column lists it: the tag, then when it was put on the chat. */
type TagTuple = [id: string, name: string, color: string, addedAt: number];

/**
 * The SQL expression of a chat's tags (`[]` when none). `session` and `jid` are the outer
 * query's expressions for the chat; the aliases inside (`tg`, `tn`) are not used by the callers.
 * `tagged`, the chat row's `tagged` mark (migration 0060) where the query reads the row: a chat
 * without a tag is then answered without probing `chat_tags`.
 */
export function chatTagsColumn(session: string, jid: string, tagged?: string): string {
  const tags = `(SELECT json_group_array(json_array(tn.id, tn.name, tn.color, tg.added_at))
    FROM chat_tags tg JOIN tags tn ON tn.id = tg.tag_id
    WHERE tg.session_id = ${session} AND tg.chat_jid = ${jid})`;
  return tagged ? `CASE WHEN ${tagged} THEN ${tags} ELSE '[]' END` : tags;
}

/** The column's value as the API answers it: `{ id, name, color }` in tagging order. */
export function parseChatTags(column: string): TagRef[] {
  if (column === '[]') return [];
  const tuples = JSON.parse(column) as TagTuple[];
  if (tuples.length > 1) tuples.sort(byTaggingOrder);
  return tuples.map(([id, name, color]) => ({ id, name, color }));
}

/** `ORDER BY added_at, name` as SQLite sorts it: names by their UTF-8 bytes (BINARY). */
function byTaggingOrder(a: TagTuple, b: TagTuple): number {
  return a[3] - b[3] || Buffer.compare(Buffer.from(a[1]), Buffer.from(b[1]));
}
