/**
 * One chat's history folded into conversations (docs/API.md "Reports"): a conversation is the
 * assignment cycle from open to resolved. Pure: the facts come in, the conversations come out.
 */
import type { SenderKind } from '../../../../src-shared/contract/reports.js';
import { isResponse } from './sender-kind.js';

/** A message of the chat: the customer's (`customer`) or one of ours by who sent it. */
export interface MessageFact {
  at: number;
  kind: SenderKind | 'customer';
  /** The person who sent it, for `person` messages. */
  userId: string | null;
}

export interface StatusFact {
  at: number;
  status: 'open' | 'pending' | 'resolved';
}

export interface AssigneeFact {
  at: number;
  userId: string | null;
  teamId: string | null;
}

export interface Assignee {
  userId: string | null;
  teamId: string | null;
}

export interface ChatTimeline {
  session: string;
  chat: string;
  /** Each list oldest first. */
  messages: readonly MessageFact[];
  statuses: readonly StatusFact[];
  assignees: readonly AssigneeFact[];
  /** Who had the chat before the first of `assignees`. */
  initialAssignee: Assignee;
  /**
   * Where an earlier walk over the facts before these stopped (`FoldedChat.end`): the walk goes
   * on from there, so one long chat can be folded in pieces (conversation-table.ts).
   */
  resume?: FoldState;
}

/** The walk's state after its last fact: the conversation still open, and when the last fact was. */
export interface FoldState {
  open: Conversation | null;
  lastFactAt: number | null;
}

export interface Conversation {
  session: string;
  chat: string;
  openedAt: number;
  /** The first customer message of the cycle; null when a person reopened it and nobody wrote yet. */
  firstIncomingAt: number | null;
  /** The first response (a person's, the phone's or automation's) after `firstIncomingAt`. */
  firstResponseAt: number | null;
  resolvedAt: number | null;
  /** Who had it when it was resolved, or has it now. */
  assignee: Assignee;
}

/** A message with who had the chat when it was sent or received (for the person and team filters). */
export interface AttributedMessage extends MessageFact {
  assignee: Assignee;
}

export interface FoldedChat {
  session: string;
  chat: string;
  conversations: Conversation[];
  messages: AttributedMessage[];
  /** The state after the last fact (its open conversation is also the last of `conversations`). */
  end: FoldState & { assignee: Assignee };
}

/**
 * A chat with no message and no status change for this long starts afresh: an open conversation
 * ends there unresolved, and the next customer message begins a new one (docs/API.md).
 */
export const QUIET_MS = 30 * 86_400_000;

type Step =
  | { at: number; order: 0; assignee: AssigneeFact }
  | { at: number; order: 1; message: MessageFact }
  | { at: number; order: 2; status: StatusFact };

/**
 * Walks the chat's facts in time order. At equal times an assignee change comes first (a reply
 * that assigns the chat is the assignee's reply), then messages, then status changes (the
 * customer message that reopens a chat is stored before its `open` change is recorded).
 * Before its first fact the chat counts as closed: the caller starts the walk far enough back
 * (or at the opening of a conversation, before which the chat was closed).
 */
export function foldChat(timeline: ChatTimeline): FoldedChat {
  // Most chats of a period have no status or assignee change: their messages are the walk.
  const steps: readonly Step[] =
    timeline.statuses.length === 0 && timeline.assignees.length === 0
      ? timeline.messages.map((message) => ({ at: message.at, order: 1 as const, message }))
      : sortedSteps(timeline);
  const { session, chat } = timeline;

  const conversations: Conversation[] = [];
  const messages: AttributedMessage[] = [];
  let assignee: Assignee = timeline.initialAssignee;
  let open: Conversation | null = timeline.resume?.open ? { ...timeline.resume.open } : null;
  let lastFactAt: number | null = timeline.resume?.lastFactAt ?? null;
  const start = (at: number, firstIncomingAt: number | null): Conversation => ({
    session,
    chat,
    openedAt: at,
    firstIncomingAt,
    firstResponseAt: null,
    resolvedAt: null,
    assignee,
  });
  for (const step of steps) {
    if (step.order !== 0) {
      if (open && lastFactAt !== null && step.at - lastFactAt >= QUIET_MS) {
        conversations.push({ ...open, assignee });
        open = null;
      }
      lastFactAt = step.at;
    }
    if (step.order === 0) {
      assignee = { userId: step.assignee.userId, teamId: step.assignee.teamId };
    } else if (step.order === 1) {
      const message = step.message;
      messages.push({ at: message.at, kind: message.kind, userId: message.userId, assignee });
      if (message.kind === 'customer') {
        if (!open) open = start(message.at, message.at);
        else open.firstIncomingAt ??= message.at;
      } else if (
        open &&
        open.firstIncomingAt !== null &&
        open.firstResponseAt === null &&
        isResponse(message.kind)
      ) {
        open.firstResponseAt = message.at;
      }
    } else if (step.status.status === 'resolved') {
      if (open) conversations.push({ ...open, resolvedAt: step.at, assignee });
      open = null;
    } else if (step.status.status === 'open' && !open) {
      // Reopened by a person (or a customer message stored before the window): a new cycle.
      open = start(step.at, null);
    }
  }
  if (open) conversations.push({ ...open, assignee });
  return {
    session,
    chat,
    conversations,
    messages,
    end: { open: open ? { ...open, assignee } : null, lastFactAt, assignee },
  };
}

function sortedSteps(timeline: ChatTimeline): Step[] {
  return [
    ...timeline.assignees.map((assignee) => ({ at: assignee.at, order: 0 as const, assignee })),
    ...timeline.messages.map((message) => ({ at: message.at, order: 1 as const, message })),
    ...timeline.statuses.map((status) => ({ at: status.at, order: 2 as const, status })),
  ].sort((a, b) => a.at - b.at || a.order - b.order);
}
