/**
 * A message's sender, as stored and as read (issue #23 target 3, lever c). In a chat that is not
 * a group, a message we did not send was written by the chat itself: wa/message-mapping.ts sets
 * its sender to the chat's JID, always. Since session 20 such a row stores NULL in `sender_jid`
 * (one header byte instead of ~27) and every reader takes the sender from `senderColumn`, which
 * gives the chat's JID back. Rows written before keep the JID and read the same.
 *
 * Only that case: our own messages' sender is the number's JID at the time (null while it was not
 * known), and a session's JID is cleared when it logs out and may be another number when linked
 * again, so it cannot be derived from the row afterwards. A NULL sender of a group's message (no
 * participant) stays NULL: groups are excluded on both sides.
 */

/** The columns the rule reads, as a message record or row names them. */
interface SenderColumns {
  chatJid: string;
  fromMe: boolean;
  senderJid: string | null;
}

/** Group JIDs, as Baileys' `isJidGroup` tells them (the mapping's test for a participant). */
const GROUP_SUFFIX = '@g.us';

/** The value to store in `sender_jid`: NULL where `senderColumn` gives the same sender back. */
export function storedSender(record: SenderColumns): string | null {
  const implied = !record.fromMe && !record.chatJid.endsWith(GROUP_SUFFIX);
  return implied && record.senderJid === record.chatJid ? null : record.senderJid;
}

/**
 * SQL: the sender of the `messages` row (`prefix`: its alias and a dot, or `new.` in a trigger).
 * Migration 0059's trigger spells out the same expression.
 */
export function senderColumn(prefix = ''): string {
  return `coalesce(${prefix}sender_jid, CASE WHEN ${prefix}from_me = 0 AND substr(${prefix}chat_jid, -${GROUP_SUFFIX.length}) <> '${GROUP_SUFFIX}' THEN ${prefix}chat_jid END)`;
}
