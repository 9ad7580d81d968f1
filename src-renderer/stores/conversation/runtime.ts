import type { Message } from '../../../src-shared/messages';
import { EventsDuringLoad } from '../events-during-load';
import { PagePrefetch } from './prefetch';
import type { ConversationState, PagingSlice, SelectionSlice } from './types';

/**
 * What the slices share outside the rendered state: the open chat's generation and paging
 * cursors change on every answer and must not re-render anything.
 */
export class ConversationRuntime {
  /** Answers to a conversation that is no longer open are dropped. */
  generation = 0;
  /** Where the next older / newer page starts (exact positions from the server); null: that end is loaded. */
  olderCursor: string | null = null;
  newerCursor: string | null = null;
  /** Messages changed by events while a chat opens are changed again on top of its first page. */
  readonly eventsDuringLoad = new EventsDuringLoad();
  /** The newest page of the chat being opened, asked on the click (kept across `restart`). */
  readonly prefetch = new PagePrefetch(this.eventsDuringLoad);

  /** A new chat (or none) is shown: answers still on their way are for the old one. */
  restart(): number {
    this.olderCursor = null;
    this.newerCursor = null;
    return ++this.generation;
  }

  isCurrent(generation: number): boolean {
    return generation === this.generation;
  }
}

/** Nothing is being replied to, edited or forwarded (a chat opens, closes or goes away). */
export const NO_SELECTION: Pick<SelectionSlice, 'replyTo' | 'editing' | 'forwarding'> = {
  replyTo: null,
  editing: null,
  forwarding: null,
};

/** No history loaded and nothing loading (before a chat's first page, or after its number went). */
export const NO_HISTORY: Pick<
  PagingSlice,
  'messages' | 'hasOlder' | 'hasNewer' | 'loading' | 'loadingOlder' | 'loadingNewer'
> = {
  messages: [],
  hasOlder: false,
  hasNewer: false,
  loading: false,
  loadingOlder: false,
  loadingNewer: false,
};

/** Whether `chat` of `session` is the open conversation. */
export function isOpen(state: ConversationState, session: string, chat: string): boolean {
  return state.session === session && state.jid === chat;
}

export type MessageChange = (message: Message) => Message;
