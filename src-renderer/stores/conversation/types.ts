import type { StateCreator } from 'zustand';
import type { MessageRef } from '../../../src-shared/contract/events';
import type { Message, MessageStatus } from '../../../src-shared/messages';
import type { SendMessageInput } from '../../../src-shared/send-schemas';
import type { Transport } from '../../transport/types';

export interface Highlight {
  id: string;
  /** The search that led here, to mark its words in the message. */
  query: string | null;
  /** Bumped on every jump, so jumping to the same message again scrolls again. */
  seq: number;
}

/** Which chat is open and the part of its history that is loaded (paging-slice.ts). */
export interface PagingSlice {
  session: string | null;
  jid: string | null;
  /** Loaded history, oldest first. */
  messages: Message[];
  hasOlder: boolean;
  /** True after a jump into the past: the newest messages are not loaded. */
  hasNewer: boolean;
  loading: boolean;
  loadingOlder: boolean;
  loadingNewer: boolean;
  error: string | null;
  /** Bumped when the conversation is (re)loaded at its newest message, to scroll to the end. */
  openedSeq: number;
  /**
   * Asks for a chat's newest page now, on the click that is about to open it (before its pane
   * renders); the pane's `open` of that chat then takes that answer (prefetch.ts). Settles when
   * the answer is in (or failed); null when the chat is already the one shown.
   */
  preopen(transport: Transport, session: string, jid: string): Promise<void> | null;
  open(
    transport: Transport,
    session: string,
    jid: string,
    focus?: { id: string; query: string | null },
  ): Promise<void>;
  /** No chat is open (so its messages are not shown as seen and notifications resume). */
  close(): void;
  loadOlder(transport: Transport): Promise<void>;
  loadNewer(transport: Transport): Promise<void>;
  /** Merges the newest page again (after the live link was down). */
  refresh(transport: Transport): Promise<void>;
}

/** Jumps to a message (a search hit, a quote) and back to the newest (jump-slice.ts). */
export interface JumpSlice {
  highlight: Highlight | null;
  jumpTo(transport: Transport, id: string, query?: string | null): Promise<void>;
  jumpToLatest(transport: Transport): Promise<void>;
}

/** Live events applied to the open chat (live-slice.ts). */
export interface LiveSlice {
  applyMessage(message: Message): void;
  applyAck(session: string, ack: MessageRef & { status: MessageStatus }): void;
  applyReaction(
    session: string,
    reaction: MessageRef & { sender: string; emoji: string; removed: boolean },
  ): void;
  applyDeleted(session: string, ref: MessageRef): void;
  /** A number was deleted (`session.deleted`): its open chat empties, its unsent messages go. */
  forgetSession(session: string, historyKept: boolean): void;
}

/** Sending to the open chat (sending-slice.ts). */
export interface SendingSlice {
  /** Sends to the open chat (queued while its number is offline: stores/outgoing.ts). */
  send(transport: Transport, input: SendMessageInput, previewUrl?: string | null): Promise<void>;
}

/** The message being replied to, edited or forwarded (selection-slice.ts). */
export interface SelectionSlice {
  replyTo: Message | null;
  editing: Message | null;
  /** The message being forwarded (the forward dialog is open). */
  forwarding: Message | null;
  setReplyTo(message: Message | null): void;
  setEditing(message: Message | null): void;
  setForwarding(message: Message | null): void;
}

/** A short message about an action that failed, shown as an alert (notice-slice.ts). */
export interface NoticeSlice {
  notice: string | null;
  setNotice(notice: string | null): void;
}

export type ConversationState = PagingSlice &
  JumpSlice &
  LiveSlice &
  SendingSlice &
  SelectionSlice &
  NoticeSlice;

/** One slice of the conversation store: it may read and set the whole state. */
export type ConversationSlice<Slice> = StateCreator<ConversationState, [], [], Slice>;
