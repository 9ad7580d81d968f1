import { jidKind } from '../../../src-shared/jid';

export interface ChatRef {
  session: string;
  chat: string;
}

/**
 * What select mode's Assign and Resolve act on: the conversations ticked. Channels have no
 * assignee or status (the core refuses them, a 400 on `chat`), so they are left out and
 * counted, for the note that says so, rather than failing the run part-way.
 */
export function bulkTargets(selected: readonly ChatRef[]): { conversations: ChatRef[]; channels: number } {
  const conversations = selected.filter((ref) => jidKind(ref.chat) !== 'newsletter');
  return { conversations, channels: selected.length - conversations.length };
}
