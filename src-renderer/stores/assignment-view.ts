import { jidKind } from '../../src-shared/jid';
import type { Chat } from '../../src-shared/messages';
import { inView, isNarrowed } from '../model/assignment/views';
import { chatKey, type ChatFilter } from '../model/inbox/chat-order';
import type { Transport } from '../transport/types';
import { useInbox } from './inbox';
import { useMe } from './me';

/**
 * Keeps the chat list's view (Mine / Unassigned / a team, and the status) true while events
 * arrive. A chat's assignment is not part of `Chat`, so for a chat the list does not show yet, or
 * one whose assignment or status changed, the list asks `assignment.get` whether it belongs, then
 * adds it (fetching it if needed) or drops it. Checks of one chat run one at a time, newest wins.
 */
const checking = new Map<string, number>();
let seq = 0;

/** Whether the list shown is narrowed by a view or status (the Channels filter is not: it has none). */
function narrowed(filter: ChatFilter): boolean {
  return !filter.channels && isNarrowed(filter.view, filter.status);
}

function me(): string | null {
  return useMe.getState().principal?.user?.id ?? null;
}

async function recheck(transport: Transport, session: string, jid: string, chat?: Chat): Promise<void> {
  const key = chatKey(session, jid);
  const mine = ++seq;
  checking.set(key, mine);
  const { filter } = useInbox.getState();
  try {
    // Channels are not conversations to assign: never in Mine, Unassigned or a team (as the core
    // lists); under All only the Channels filter shows them (chat-order.ts `matchesFilter`).
    const channelOutOfView = filter.view.kind !== 'all' && jidKind(jid) === 'newsletter';
    const assignment = channelOutOfView
      ? null
      : await transport.call('assignment.get', { session, chat: jid });
    if (checking.get(key) !== mine) return;
    const now = useInbox.getState();
    // The view changed meanwhile: its own load decides.
    if (now.filter.view !== filter.view || now.filter.status !== filter.status) return;
    if (!assignment || !inView(assignment, filter.view, filter.status, me())) {
      now.hideChat(key);
      // Still kept up to date for the open conversation's header.
      if (chat) useInbox.getState().applyChat(chat);
      return;
    }
    const known = chat ?? now.chats[key] ?? (await transport.call('chats.get', { session, chat: jid }));
    if (checking.get(key) === mine) useInbox.getState().showChat(known);
  } catch {
    // A chat we may no longer read (or that is gone) simply is not shown.
    if (checking.get(key) === mine) useInbox.getState().hideChat(key);
  } finally {
    if (checking.get(key) === mine) checking.delete(key);
  }
}

/**
 * `chat.updated`: a chat the list shows (or any chat, in the unnarrowed list) updates as before;
 * one it does not show (new, further down, or moved out) is checked first.
 */
export function admitChat(transport: Transport | null, chat: Chat): void {
  const inbox = useInbox.getState();
  const key = chatKey(chat.session, chat.jid);
  if (!transport || !narrowed(inbox.filter)) {
    // Every chat belongs: one that was out of the list (another view's leftover) comes back.
    if (inbox.outside[key]) inbox.showChat(chat);
    else inbox.applyChat(chat);
    return;
  }
  if (inbox.chats[key] && !inbox.outside[key]) {
    inbox.applyChat(chat);
    return;
  }
  void recheck(transport, chat.session, chat.jid, chat);
}

/**
 * A chat opened by a link or a search hit that the list had not loaded: known at once (the
 * conversation's header), listed only if it belongs in the view.
 */
export function admitOpenedChat(transport: Transport, chat: Chat): void {
  const inbox = useInbox.getState();
  if (!narrowed(inbox.filter)) {
    inbox.applyChat(chat);
    return;
  }
  const key = chatKey(chat.session, chat.jid);
  // The list's answer came in while this read was on its way and lists the chat: it is in the
  // view, and the list (kept current by events) is as new as this read. Hiding it "until checked"
  // emptied it from the list of a reload into the chat until assignment.get answered.
  if (inbox.chats[key] && !inbox.outside[key]) return;
  inbox.knowChat(chat);
  void recheck(transport, chat.session, chat.jid);
}

/** `chat.assigned` / `chat.status_changed`: the chat may join or leave the list shown. */
export function recheckChat(transport: Transport | null, session: string, jid: string): void {
  const { filter } = useInbox.getState();
  if (!transport || !narrowed(filter)) return;
  void recheck(transport, session, jid);
}
