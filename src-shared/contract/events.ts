/**
 * Every event the core pushes, with its data type. The envelope is identical for webhooks,
 * the WebSocket stream and the UI (see docs/API.md).
 */
import type { GroupJoinDecision, GroupJoinRequest } from './group-admin.js';
import type { Call, Chat, Contact, Group, Message, MessageStatus } from '../messages.js';
import type { SessionStatusEvent, Settings } from '../model.js';
import type { CampaignProgressEvent, ScheduleFailedEvent, ScheduleSentEvent } from './schedule.js';
import type { Actor, SessionPermissions, Team, User } from './people.js';
import type { AutomationRepliedEvent, AutomationRuleMatchedEvent } from './automation.js';
import type { ChatAssignedEvent, ChatStatusChangedEvent } from './assignment.js';
import type { StaffPresenceEvent } from './presence.js';
import type { RoutingRequestedEvent } from './routing.js';
import type { NumberProfileEvent } from './number-profile.js';
import type { PrivacySettings } from './privacy.js';
import type { ContactPresence } from './contact-presence.js';
import type { RateLimitSettings } from './rate-limits.js';
import type { MediaDeletedEvent, MediaUploadedEvent } from './media-library.js';
import type { ChatEphemeralChangedEvent } from './disappearing.js';
import type { Channel, ChannelReactionsEvent, ChannelUnfollowedEvent } from './channels.js';
import type { StatusUpdate } from './status.js';

export interface MessageRef {
  id: string;
  chat: string;
}

/** A tag added to or removed from a chat or a message (`chat.tagged`, `message.tagged`). */
export interface TaggingEvent {
  chat: string;
  /** Set for `message.tagged`. */
  messageId?: string;
  tag: { id: string; name: string; color: string };
  action: 'added' | 'removed';
  /**
   * Who did it, as a label (`user:<name>`, `admin`, `key:<name>`, `session:<id>`, `desktop`,
   * `Automation: <rule>`): the documented webhook field, kept; the envelope's `actor` has the object.
   */
  actor: string;
  /** Free JSON a bot attached to the tagging, or null. */
  extra: Record<string, unknown> | null;
}

/**
 * A tag's WhatsApp Business label changed (`tag.label_synced`): a label made, renamed,
 * recoloured or deleted on the number's phone arrived, or a tag's change was sent as a label, or
 * a tag was linked to / unlinked from a label. `session` (the envelope's) is the number.
 */
export interface TagLabelSyncedEvent {
  /** The tag as it is now (as it was, for `deleted`). */
  tag: { id: string; name: string; color: string };
  labelId: string;
  origin: 'whatsapp' | 'chatdock';
  /**
   * `labeled` / `unlabeled`: the phone's label on a chat or message overruled one made here not
   * sent yet (`conflict: true`). `failed`: a change made here that WhatsApp refused on every try
   * was given up (`failure` says which and why).
   */
  change:
    | 'created'
    | 'renamed'
    | 'recoloured'
    | 'deleted'
    | 'linked'
    | 'unlinked'
    | 'labeled'
    | 'unlabeled'
    | 'failed';
  /** `{name, color}` before a rename or recolour, else null. */
  before: { name: string; color: string } | null;
  /** It overwrote a change the other side had not seen yet (the later change wins). */
  conflict: boolean;
  /** The chat (and message) of a label put on or taken off: `labeled`, `unlabeled`, `failed`. */
  chat?: string;
  messageId?: string;
  /**
   * `failed`: what was not sent (the label put on, taken off, deleted, renamed or recoloured —
   * `before` then has what WhatsApp keeps), after how many tries, and WhatsApp's last error.
   */
  failure?: {
    action: 'label' | 'unlabel' | 'delete' | 'rename' | 'recolour';
    attempts: number;
    error: string;
  };
}

/** A chat cleared or deleted (`chat.cleared`, `chat.deleted`): how many messages went. */
export interface ChatErasedEvent {
  chat: string;
  messages: number;
}

/** A contact blocked or unblocked (`contact.blocked`, `contact.unblocked`). */
export interface BlockEvent {
  /** The contact's JID; also `chat`, so readers of that chat only see it. */
  jid: string;
  chat: string;
  phone: string | null;
  name: string | null;
}

export interface EventMap {
  'settings.updated': Settings;
  /** The rate limits by kind were changed in Settings or over the API (the limits now in force). */
  'rate_limits.updated': RateLimitSettings;
  'session.status': SessionStatusEvent;
  /** A session was deleted with its data, or with its chat history kept (`historyKept`). */
  'session.deleted': { id: string; historyKept: boolean };
  /** The number's own WhatsApp profile (name, about, photo, business profile) was changed here. */
  'session.profile_updated': NumberProfileEvent;
  /** A message from someone else was stored (live or replayed after being offline). */
  'message.received': Message;
  /** A message we sent (from Chatdock, the API or the phone itself) was stored. */
  'message.sent': Message;
  /**
   * A human-paced group send (issue #26 point 5): accepted and waiting its pause (`status:
   * pending`, `sendAt`), or failed for good when its time came (`status: error`). When it goes
   * out, `message.sent` follows with the same `id`.
   */
  'message.paced': Message;
  'message.ack': MessageRef & { status: MessageStatus };
  'message.reaction': MessageRef & { sender: string; emoji: string; removed: boolean };
  'message.edited': Message;
  /** A stored message changed in place other than by an edit: new poll votes (see `poll`), starred or not. */
  'message.updated': Message;
  'message.deleted': MessageRef;
  'chat.updated': Chat;
  /** A chat's disappearing-messages timer changed: from Chatdock, the phone, or the customer. */
  'chat.ephemeral_changed': ChatEphemeralChangedEvent;
  /** Every message of a chat was removed, here and on the phone (the chat stays); `messages` removed. */
  'chat.cleared': ChatErasedEvent;
  /** A chat was deleted with its messages, here and on the phone. */
  'chat.deleted': ChatErasedEvent;
  /** The number blocked a contact (here or on the phone): they can no longer call or message it. */
  'contact.blocked': BlockEvent;
  'contact.unblocked': BlockEvent;
  /** The number's privacy settings were changed here (all of them, as they are now). */
  'session.privacy_updated': PrivacySettings;
  'presence.updated': { chat: string; jid: string; presence: string };
  /**
   * A contact of a one-to-one chat came online, went offline (with `lastSeen` where they share
   * it), or is typing / recording audio in the chat. Sent once the chat was opened here
   * (`contactPresence.watch` subscribes); the actor is the system (WhatsApp's fact).
   */
  'contact.presence': ContactPresence;
  /** A contact posted a Status (story) this number may see. */
  'status.received': StatusUpdate;
  /** This number posted a Status (from Chatdock, over the API, or a schedule). */
  'status.posted': StatusUpdate;
  /** A contact's Status was marked seen here (the read receipt went to the poster). */
  'status.seen': StatusUpdate;
  /** A Status was deleted by its poster (data: the Status as it was). */
  'status.deleted': StatusUpdate;
  'call.received': Call;
  'call.rejected': Call;
  /** A logged call changed state after its offer: answered elsewhere, hung up, or rang out (missed). */
  'call.updated': Call;
  'history.synced': { messages: number; chats: number; contacts: number };
  /**
   * Messages of a history sync, for integrations that mirror everything (issue #26 point 9):
   * opt-in (`OPT_IN_EVENT_TYPES`). Each slice the phone sends comes as chunks numbered from 1
   * (`slice` is their common id), oldest message first, each at most 100 messages / ~256 KB, in
   * the shape of `message.received`; `history.synced` follows the last chunk.
   */
  'history.messages': { slice: string; chunk: number; messages: Message[] };
  'group.updated': Group;
  /**
   * A post of a channel the number follows arrived (live, or replayed after being offline): the
   * message, stored in the channel's chat. Channel posts are not `message.received` (they are not
   * customers writing: no automation, assignment or webhook reply acts on them).
   */
  'channel.message': Message;
  /** The number followed a channel (here, by link). */
  'channel.followed': Channel;
  /** The number created a channel it now owns. */
  'channel.created': Channel;
  /** The number unfollowed a channel; its posts stay in the chat. */
  'channel.unfollowed': ChannelUnfollowedEvent;
  /** The owner renamed a channel or changed its description. */
  'channel.updated': Channel;
  /** The owner deleted a channel on WhatsApp; its posts stay in the (read-only) chat. */
  'channel.deleted': ChannelUnfollowedEvent;
  /**
   * Reaction counts of an owned channel's posts, read again from WhatsApp: when asked, and by
   * itself whenever WhatsApp says a follower reacted (live).
   */
  'channel.reactions': ChannelReactionsEvent;
  /** Someone asked to join a group we administer by link (its admins approve newcomers). */
  'group.join_requested': GroupJoinRequest;
  /** A join request was approved or rejected (here or on a phone), or withdrawn. */
  'group.join_request_decided': GroupJoinDecision;
  'contact.updated': Contact;
  'chat.tagged': TaggingEvent;
  'message.tagged': TaggingEvent & { messageId: string };
  'tag.label_synced': TagLabelSyncedEvent;
  /** Sent from Settings (or POST /webhooks/{id}/test) to one webhook only, to check the receiver. */
  'webhook.test': { webhookId: string; text: string };
  /** A scheduled message was sent (a repeating one moves on to its next time). */
  'schedule.sent': ScheduleSentEvent;
  /** A scheduled message failed for good, or was missed (overdue past the limit). */
  'schedule.failed': ScheduleFailedEvent;
  /** A campaign started, sent to a recipient, paused, resumed, finished or was cancelled. */
  'campaign.progress': CampaignProgressEvent;
  /** People, teams and per-number permissions changed (seen by owners and admins only). */
  'user.created': User;
  'user.updated': User;
  'user.deleted': { id: string; name: string };
  'team.created': Team;
  'team.updated': Team;
  'team.deleted': { id: string; name: string };
  'permissions.updated': SessionPermissions;
  /** Automation sent a message (greeting, away, keyword rule, menu, default reply); `message.sent` announces the message too. */
  'automation.replied': AutomationRepliedEvent;
  /** A keyword rule that calls a webhook matched; only that webhook receives it. */
  'automation.rule_matched': AutomationRuleMatchedEvent;
  /**
   * A chat's assignee changed (reason: manual, reply, handoff, round_robin, webhook, rule:<id>,
   * team_deleted, person_deleted).
   */
  'chat.assigned': ChatAssignedEvent;
  /** A chat was resolved, reopened or snoozed (reason: manual, customer, snooze_ended, handoff, …). */
  'chat.status_changed': ChatStatusChangedEvent;
  /** Someone of the staff started or stopped viewing or typing in a chat (the collision guard). */
  'staff.presence': StaffPresenceEvent;
  /** A conversation was sent to its number's rule-engine webhook (that webhook only, answered at once). */
  'routing.requested': RoutingRequestedEvent;
  /** A file was added to the media library (`session` is its number, or null when shared). */
  'media.uploaded': MediaUploadedEvent;
  /** A file left the media library: deleted by someone, or expired. */
  'media.deleted': MediaDeletedEvent;
}

/**
 * Event types that go only to those who name them: a webhook listing the type (not one taking
 * "every type") and a stream asking for it in `types` (not the UI's). They are large and only
 * recorded when a webhook wants them (`history.messages`: a mirror of the phone's history).
 */
export const OPT_IN_EVENT_TYPES: ReadonlySet<string> = new Set(['history.messages']);

/** Every event type, for webhook subscriptions and stream filters. */
export const EVENT_TYPES = [
  'settings.updated',
  'rate_limits.updated',
  'session.status',
  'session.deleted',
  'session.profile_updated',
  'message.received',
  'message.sent',
  'message.paced',
  'message.ack',
  'message.reaction',
  'message.edited',
  'message.updated',
  'message.deleted',
  'chat.updated',
  'chat.cleared',
  'chat.deleted',
  'chat.ephemeral_changed',
  'contact.blocked',
  'contact.unblocked',
  'session.privacy_updated',
  'presence.updated',
  'contact.presence',
  'status.received',
  'status.posted',
  'status.seen',
  'status.deleted',
  'call.received',
  'call.rejected',
  'call.updated',
  'history.synced',
  'history.messages',
  'group.updated',
  'channel.message',
  'channel.followed',
  'channel.created',
  'channel.unfollowed',
  'channel.updated',
  'channel.deleted',
  'channel.reactions',
  'group.join_requested',
  'group.join_request_decided',
  'contact.updated',
  'chat.tagged',
  'message.tagged',
  'tag.label_synced',
  'webhook.test',
  'schedule.sent',
  'schedule.failed',
  'campaign.progress',
  'user.created',
  'user.updated',
  'user.deleted',
  'team.created',
  'team.updated',
  'team.deleted',
  'permissions.updated',
  'automation.replied',
  'automation.rule_matched',
  'chat.assigned',
  'chat.status_changed',
  'staff.presence',
  'routing.requested',
  'media.uploaded',
  'media.deleted',
] as const satisfies readonly (keyof EventMap)[];

export type EventType = keyof EventMap;

export interface EventEnvelope<T extends EventType = EventType> {
  /** `evt_` + a sortable unique id. */
  id: string;
  type: T;
  /** The WhatsApp session the event belongs to, or null for app-wide events. */
  session: string | null;
  /** UTC ISO-8601. */
  timestamp: string;
  data: EventMap[T];
  /**
   * Who caused it: a person, a key, the desktop, or `system` (WhatsApp's own facts, schedules,
   * campaigns, automation, and `Phone` for messages sent from the handset). Always present.
   */
  actor: Actor;
}

export type AnyEventEnvelope = { [T in EventType]: EventEnvelope<T> }[EventType];

/** Compile-time proof that EVENT_TYPES lists every event of EventMap. */
type UnlistedEventType = Exclude<EventType, (typeof EVENT_TYPES)[number]>;
export const EVENT_TYPES_ARE_COMPLETE: UnlistedEventType extends never ? true : never = true;

/**
 * The event stream may be unable to replay everything after `after`; the client should then
 * re-read what it shows (chats, messages) instead of trusting the replay alone.
 * `expired`: `after` is older than the event log keeps (7 days), so events after it may be gone.
 * `unknown`: no stored event has that id (another Chatdock, or a database restored from a backup).
 */
export interface EventStreamGap {
  reason: 'expired' | 'unknown';
  /** The id the client asked to resume after. */
  after: string;
  /** UTC ISO-8601: every event stored since then is replayed; older ones may be missing. */
  retainedSince: string;
}

/** The stream's answer to an accepted first message, before any event. */
export interface EventStreamReady {
  type: 'ready';
  /**
   * Where the stream starts: the client's `after`; without one, the id of the newest event
   * before it (or, with none, the current time shaped like an event id). A client that
   * reconnects before any event arrived passes it as `after`, so nothing published while it
   * was away is missed.
   */
  cursor: string;
  /** Present only when resuming from `after` may have missed events. */
  gap?: EventStreamGap;
}
