import type { Message } from '../../../src-shared/messages';
import { isGroupJid } from '../../../src-shared/jid';
import { mergeMessages, PAGE_SIZE } from '../../model/inbox/history';
import type { Transport } from '../../transport/types';

export interface NewestPage {
  messages: Message[];
  next: string | null;
}

/**
 * The chat's newest page, oldest first, with a group's API sends still waiting their human pause
 * after it (they are not stored messages yet: without them a reload would lose the "sending in
 * N s" bubble until the send went out).
 */
export async function newestPage(transport: Transport, session: string, jid: string): Promise<NewestPage> {
  const [page, waiting] = await Promise.all([
    transport.call('messages.page', { session, chat: jid, limit: PAGE_SIZE }),
    isGroupJid(jid) ? transport.call('messages.waiting', { session, chat: jid }) : { items: [] },
  ]);
  // A send that went out between the two answers is on the page too: the sent copy wins.
  return { messages: mergeMessages(waiting.items, [...page.items].reverse()), next: page.next };
}
