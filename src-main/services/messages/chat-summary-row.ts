/**
 * The columns a `Chat` is read from (the chat row and its contact's name), and a row of them
 * read back: one way for the chat list's pages and the single chat (`MessageStore.chat`).
 *
 * Rows are read as arrays (better-sqlite3's raw mode), not as row objects: the driver builds a
 * row object one property at a time through V8's API, ~80 ns per column, which for a page of 50
 * chats × 28 columns cost more than the SQL itself — ~120 of a page's ~300 µs, and the rows were
 * then copied again by a spread (docs/PERFORMANCE.md, "Session 23: REST throughput"). Here each
 * row becomes one object literal of a fixed shape. The column list below is both the SELECT's
 * column list and the array's index, so the two cannot drift apart.
 */
import { KEPT_KIND_COLUMNS, keptKindKey, type KeptKindRow } from './last-message-kind.js';
import type { ChatSummaryRow } from './message-rows.js';

/** A summary row's values: what `toChat` and `keptKind` read, and the contact's name for the chat. */
export type SummaryRow = ChatSummaryRow & KeptKindRow & { displayName: string | null };

/** `[SQL expression, SummaryRow key]`, in the SELECT's order. */
const COLUMNS = [
  ['c.session_id', 'sessionId'],
  ['c.jid', 'jid'],
  ['c.kind', 'kind'],
  ['c.name', 'name'],
  ['c.unread_count', 'unreadCount'],
  ['c.last_message_id', 'lastMessageId'],
  ['c.last_message_at', 'lastMessageAt'],
  ['c.last_message_preview', 'lastMessagePreview'],
  ['c.last_message_from_me', 'lastMessageFromMe'],
  ['c.last_message_status', 'lastMessageStatus'],
  ['c.archived', 'archived'],
  ['c.pinned_at', 'pinnedAt'],
  ['c.muted_until', 'mutedUntil'],
  ['c.read_only', 'readOnly'],
  ['c.ephemeral_seconds', 'ephemeralSeconds'],
  ...KEPT_KIND_COLUMNS.map((column) => [`c.${column}`, keptKindKey(column)] as const),
  ['coalesce(ct.name, ct.verified_name, ct.notify)', 'displayName'],
] as const satisfies readonly (readonly [string, keyof SummaryRow])[];

/** The SELECT's columns of a summary row (`c`: the chat, `ct`: its contact as `CONTACT_JOIN` joins it); extra columns follow them. */
export const SUMMARY_COLUMNS = COLUMNS.map(([sql, key]) => `${sql} AS ${key}`).join(', ');

/** The chat's contact, whose name is the chat's when it has none of its own. */
export const CONTACT_JOIN = 'LEFT JOIN contacts ct ON ct.session_id = c.session_id AND ct.jid = c.jid';

/** How many columns `SUMMARY_COLUMNS` is: the index of the first extra column. */
export const SUMMARY_COLUMN_COUNT = COLUMNS.length;

const at = Object.fromEntries(COLUMNS.map(([, key], index) => [key, index])) as Record<
  keyof SummaryRow,
  number
>;

/** One row, as read in raw mode with `SUMMARY_COLUMNS` first. */
export function summaryRow(values: readonly unknown[]): SummaryRow {
  return {
    sessionId: values[at.sessionId] as string,
    jid: values[at.jid] as string,
    kind: values[at.kind] as SummaryRow['kind'],
    name: values[at.name] as string | null,
    unreadCount: values[at.unreadCount] as number,
    lastMessageId: values[at.lastMessageId] as string | null,
    lastMessageAt: values[at.lastMessageAt] as number | null,
    lastMessagePreview: values[at.lastMessagePreview] as string | null,
    lastMessageFromMe: flag(values[at.lastMessageFromMe]),
    lastMessageStatus: values[at.lastMessageStatus] as string | null,
    archived: values[at.archived] === 1,
    pinnedAt: values[at.pinnedAt] as number | null,
    mutedUntil: values[at.mutedUntil] as number | null,
    readOnly: values[at.readOnly] === 1,
    ephemeralSeconds: values[at.ephemeralSeconds] as number,
    lastMessageType: values[at.lastMessageType] as string | null,
    lastMessageText: values[at.lastMessageText] as string | null,
    lastMessageRevoked: values[at.lastMessageRevoked] as number | null,
    lastMessageSender: values[at.lastMessageSender] as string | null,
    lastMessageSenderName: values[at.lastMessageSenderName] as string | null,
    lastMessageFileName: values[at.lastMessageFileName] as string | null,
    lastMessageSeconds: values[at.lastMessageSeconds] as number | null,
    lastMessageVoiceNote: values[at.lastMessageVoiceNote] as number | null,
    lastMessageVideoNote: values[at.lastMessageVideoNote] as number | null,
    lastMessagePollName: values[at.lastMessagePollName] as string | null,
    displayName: values[at.displayName] as string | null,
  };
}

/** A nullable 0/1 column as a nullable boolean. */
function flag(value: unknown): boolean | null {
  return value === null ? null : value === 1;
}
