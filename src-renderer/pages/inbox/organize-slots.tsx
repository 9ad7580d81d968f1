import {
  ChatOrganizePanel,
  ChatRowTags,
  InboxTagFilter,
  SavedRepliesButton,
} from '../../components/organize/inbox-organize';

/**
 * Where tags, notes and saved replies (issue 10) plug into the inbox. Each slot renders nothing
 * until it is filled; fill them here so the inbox files stay untouched.
 *
 * - ContactPanelOrganizeSlot: inside the contact panel, below the contact's details
 *   (e.g. `<ChatOrganizePanel session={session} jid={jid} />`: tags add/remove, the private note).
 * - ChatListTagFilterSlot: in the chat list's filter row. To filter by a tag call
 *   `useInbox.getState().setSubset(transport, { label, keys })` with the chatKey()s
 *   (`${session}|${jid}`) of the tagged chats, and `setSubset(transport, null)` to clear it.
 * - ChatListItemTagsSlot: under a chat's preview in the list (tag chips); keep it cheap, it renders
 *   for every visible row.
 * - ComposerSavedRepliesSlot: a button beside the emoji button; call `insert(text)` to put a saved
 *   reply into the message box, `attach(file, caption)` to send a reply's media with a caption.
 */
export function ContactPanelOrganizeSlot(props: { session: string; jid: string }) {
  return <ChatOrganizePanel {...props} />;
}

export function ChatListTagFilterSlot(props: { session: string | null }) {
  return <InboxTagFilter {...props} />;
}

export function ChatListItemTagsSlot(props: { session: string; jid: string }) {
  return <ChatRowTags {...props} />;
}

export function ComposerSavedRepliesSlot(props: {
  session: string;
  jid: string;
  insert: (text: string) => void;
  attach: (file: File, caption: string) => void;
}) {
  return <SavedRepliesButton {...props} />;
}
