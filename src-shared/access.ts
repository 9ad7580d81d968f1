/**
 * Who may call an operation: every REST route and every contract operation declares one of these
 * next to its schema, and `src-main/services/access/authorizer.ts` alone enforces them, for REST,
 * the browser's `/rpc` and the desktop's IPC alike (`access-declarations.test.ts` fails when one
 * declares nothing).
 */
export const SCOPES = [
  'messages:send',
  'messages:read',
  'sessions:manage',
  'webhooks:manage',
  'widgets:manage',
  'admin',
] as const;
export type Scope = (typeof SCOPES)[number];

/** What each scope allows, for the key form and the docs. */
export const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  'messages:send': 'Send, edit and delete messages',
  'messages:read': 'Read chats and messages; follow the event stream',
  'sessions:manage': 'Create, link, connect and remove sessions',
  'webhooks:manage': 'Create and change webhooks, see and retry deliveries',
  'widgets:manage': 'Create and change the website chat widgets (they decide which number visitors reach)',
  admin: 'Everything, including API keys and logs',
};

/**
 * What a signed-in person (or a personal token acting as one) needs, besides the scope a token may
 * narrow: `owner` / `admin` a role (owners are admins too); `self` nothing (their own profile);
 * `read` / `write` / `tags` / `savedReplies` that right on the number the input names (or, with
 * no number in the input, on at least one: lists are then filtered to the readable numbers).
 * Undeclared, it follows from the scope (`services/access/authorizer.ts`, `peopleNeedOf`).
 */
export type PeopleNeed = 'owner' | 'admin' | 'self' | 'read' | 'write' | 'tags' | 'savedReplies';

export interface Access<Input = never> {
  /** The caller needs one of these scopes (`admin` includes every other). */
  scope: Scope | readonly Scope[];
  /**
   * Whether a session key may call it (then only for its own session). Default: yes, unless the
   * scope is `admin` or `widgets:manage` (a session key has neither).
   */
  sessionKeys?: boolean;
  /**
   * The WhatsApp session the call touches, read from its validated input: a session key may only
   * touch its own. Calls that find their session by looking something up (a schedule's, a
   * webhook's) check it in the handler with `checkSession`.
   */
  session?: (input: Input) => string | null | undefined;
  /**
   * The chat (JID or phone) of that session the call touches: a person whose read on the number
   * is "assigned" may only touch their own chats and their teams' unassigned ones.
   */
  chat?: (input: Input) => string | null | undefined;
  /**
   * The chats of that session a bulk call touches: each is checked as `chat` is, so an "assigned"
   * reader may act on her own chats only (one chat not hers refuses the whole call).
   */
  chats?: (input: Input) => readonly string[] | undefined;
  /** What a person needs (see `PeopleNeed`); derived from `scope` when not given. */
  people?: PeopleNeed;
  /** Whether API keys (admin, named, session) may call it; false for a person's own profile. */
  keys?: boolean;
  /**
   * The call lists or counts a number's chats and filters them per chat itself (the chat list,
   * search, view counts: `assignedOnlySessions`), so a person whose read on the number is
   * "assigned" may call it for that number and gets only their own chats (issue #16).
   */
  filtersChats?: boolean;
  /**
   * Cannot be undone (deleting or logging out a number, rotating the admin key, deleting a
   * person, restoring a backup): the input carries `confirm: true` (`contract/confirmation.ts`),
   * an API key or personal token needs the `admin` scope, and a person signed in by browser or
   * on the desktop gives their password again (`services/access/confirmation.ts`).
   */
  confirm?: boolean;
  /**
   * Only the desktop window may call it (the switcher's `desktop.*`): the PC owner's window, a
   * person seated at it, or the locked window, which may call nothing else. A browser or a key
   * gets 403.
   */
  desktopOnly?: boolean;
  /**
   * The budgets it counts against besides the global one (issue #26 point 2,
   * `src-main/api/kind-limits.ts`): `sensitive` creates credentials or makes Chatdock send
   * requests (every `confirm` operation is sensitive too), `delete` removes something (every REST
   * `DELETE` is), `send` sends a chat message (per key, and per number of `session`).
   */
  limits?: readonly LimitKind[];
}

/** A rate-limit budget an operation declares (`Access.limits`). */
export type LimitKind = 'sensitive' | 'delete' | 'send';

/** Reads `session` from an input that has one: the common case of `Access.session`. */
export const sessionField = (input: { session?: string | null }) => input.session;

/** Reads `chat` from an input that has one (`Access.chat`). */
export const chatField = (input: { chat?: string | null }) => input.chat;

/** Reads `id` as the session: the session operations name their session `id`. */
const sessionIdField = (input: { id: string }) => input.id;

/** Scope-only declarations shared by many operations (no session in their input). */
export const ANY_SCOPE = {
  scope: ['messages:read', 'messages:send', 'sessions:manage', 'webhooks:manage', 'widgets:manage'],
} as const satisfies Access;
export const ADMIN_ONLY = { scope: 'admin' } as const satisfies Access;
export const READ_MESSAGES = { scope: 'messages:read' } as const satisfies Access;
export const SEND_MESSAGES = { scope: 'messages:send' } as const satisfies Access;
export const MANAGE_WEBHOOKS = { scope: 'webhooks:manage' } as const satisfies Access;
/**
 * The webhook operations (issue #26 point 12): every person may keep webhooks of their own (they
 * receive only what the person may read); admins and keys see and manage all of them, agents
 * only their own (the handlers check the owner: `checkWebhookOwner`).
 */
export const OWN_WEBHOOKS = { scope: 'webhooks:manage', people: 'read' } as const satisfies Access;
export const MANAGE_WIDGETS = { scope: 'widgets:manage' } as const satisfies Access;
/** Shared by every session (tags, saved replies): a session key may not change them. */
export const SEND_MESSAGES_ALL_SESSIONS = {
  scope: 'messages:send',
  sessionKeys: false,
} as const satisfies Access;
/** Tags (shared by every number): a person needs `can_use_tags` on some number. */
export const MANAGE_TAGS = { ...SEND_MESSAGES_ALL_SESSIONS, people: 'tags' } as const satisfies Access;
/** Saved replies (shared by every number): a person needs saved-reply management on some number. */
export const MANAGE_SAVED_REPLIES = {
  ...SEND_MESSAGES_ALL_SESSIONS,
  people: 'savedReplies',
} as const satisfies Access;

/** Reads or changes one session's data; the session comes from the input's `session`. */
export const readSession = { scope: 'messages:read', session: sessionField } as const;
/** A list of one session's chats (or every readable one's), filtered per chat for "assigned" readers. */
export const listChats = { ...readSession, filtersChats: true } as const;
export const sendInSession = { scope: 'messages:send', session: sessionField } as const;
/** One chat of one session: a person whose read is "assigned" needs it to be theirs (issue #16). */
export const readChat = { ...readSession, chat: chatField } as const;
export const sendInChat = { ...sendInSession, chat: chatField } as const;
/** Tags a chat or message of one session: a person needs `can_use_tags` on that number. */
export const tagInSession = { scope: 'messages:send', session: sessionField, people: 'tags' } as const;
/** Tags one chat (or a message in it): an "assigned" reader only their own chats, like `sendInChat`. */
export const tagInChat = { ...tagInSession, chat: chatField } as const;
/** Tags many chats of one number at once: each checked like `tagInChat`'s one. */
export const tagInChats = {
  ...tagInSession,
  chats: (input: { chats?: readonly string[] }) => input.chats,
} as const;
export const manageSession = { scope: 'sessions:manage', session: sessionIdField } as const;
