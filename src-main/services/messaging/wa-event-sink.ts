import type { Logger } from '../../core/logger.js';
import type { WaActions } from '../../wa/actions.js';
import type { MappedMessage, MessageRecord, PollVote } from '../../wa/message-mapping.js';
import type { WaEventSink } from '../../wa/session-events.js';
import type { AvatarService } from '../avatars/avatar-service.js';
import type { CallService } from '../calls/calls.js';
import type { ChatService } from '../chats/chats.js';
import type { ChatEraser } from '../chats/chat-erase.js';
import type { StarService, StarUpdate } from '../chats/stars.js';
import type { ContactService } from '../contacts/contacts.js';
import type { ContactPresenceService } from '../presence/contact-presence.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { GroupService } from '../groups/groups.js';
import type { GroupChange, GroupJoinRequestChange, GroupParticipantsChange } from '../../wa/group-records.js';
import type { MediaDownloader } from '../messages/media-downloader.js';
import type { MessageStore } from '../messages/message-store.js';
import type { StatusService } from '../status/status-service.js';
import { blockedContactOf } from '../privacy/block-event.js';
import { PHONE_ACTOR } from '../../../src-shared/contract/people.js';
import { sortableId } from '../../core/ids.js';
import { byTime, historyChunks } from './history-event-chunks.js';
import { storeInChunks } from './history-store-chunks.js';

const recordsOf = (mapped: MappedMessage[]): MessageRecord[] =>
  mapped.flatMap((item) => (item.kind === 'message' ? [item.record] : []));

/** More contacts than this in one update (a sync) are stored without one event each. */
const CONTACT_EVENT_LIMIT = 20;

/**
 * Where WhatsApp's events land: each fact is stored (idempotently) and announced once by the
 * store it belongs to.
 */
export class MessagingSink implements WaEventSink {
  constructor(
    private readonly deps: {
      store: MessageStore;
      chats: ChatService;
      stars: StarService;
      chatErase: ChatEraser;
      contacts: ContactService;
      avatars: AvatarService;
      groups: GroupService;
      calls: CallService;
      /** Customers' online / last seen / typing for the chat header (issue #19). */
      contactPresence: ContactPresenceService;
      media: MediaDownloader;
      /** Status (stories) posts and their deletions (issue #19). */
      status: StatusService;
      actions: WaActions;
      events: EventRecorder;
      logger: Logger;
      /**
       * Whether an enabled webhook subscribes to `history.messages` for this number (issue #26
       * point 9): only then are the synced messages recorded again as events, in chunks.
       */
      historyWanted?: (sessionId: string) => boolean;
      /** Before each chunk of a history slice: room in the WAL (db/checkpointer.ts `room`). */
      walRoom?: () => Promise<unknown>;
    },
  ) {}

  async messages(sessionId: string, mapped: MappedMessage[], source: 'live' | 'history'): Promise<void> {
    if (source === 'live') {
      this.storeIncoming(sessionId, mapped, () => {});
      return;
    }
    const { store } = this.deps;
    // A history entry WhatsApp itself could not decrypt will not be sent again: not kept.
    const records = recordsOf(mapped).filter((record) => record.type !== 'waiting');
    const wanted = this.deps.historyWanted?.(sessionId) ?? false;
    // One id for the slice's chunks, numbered from 1 in order; stored and announced together.
    const slice = sortableId('hist');
    // Oldest first, always: a chat's report mark is then written once per slice, by its oldest
    // new message (migration 0035), and the time-ordered indexes grow at their ends. The
    // `history.messages` chunks rely on this order too.
    records.sort(byTime);
    let chunk = 0;
    // Tens of thousands of messages: transactions sized to a time budget, the loop yielded
    // between them; each one's `history.messages` chunks are recorded with its messages.
    await storeInChunks(
      records,
      (batch) =>
        this.deps.events.transaction(() => {
          const stored = store.ingest(sessionId, batch, 'history', { messages: wanted });
          if (!wanted) return;
          for (const messages of historyChunks(stored)) {
            chunk += 1;
            this.deps.events.record('history.messages', sessionId, { slice, chunk, messages });
          }
        }),
      this.deps.walRoom ? { room: this.deps.walRoom } : {},
    );
    this.applyUpdates(sessionId, mapped);
  }

  /**
   * Stores live messages and the updates among them in one transaction, with `inTransaction`
   * (the Signal key writes of their decryption) inside it; media downloads start after commit.
   */
  storeIncoming(sessionId: string, mapped: MappedMessage[], inTransaction: () => void): void {
    const withMedia: string[] = [];
    const stored = this.deps.events.transaction(() => {
      const inserted = this.deps.store.ingest(sessionId, recordsOf(mapped), 'live');
      this.applyUpdates(sessionId, mapped);
      for (const item of mapped)
        if (item.kind === 'status' && this.deps.status.receive(sessionId, item.status))
          withMedia.push(item.status.id);
      inTransaction();
      return inserted;
    });
    for (const message of stored)
      if (message.media && !message.fromMe) this.deps.media.fetchSoon(sessionId, message);
    for (const id of withMedia) this.deps.status.fetchMediaSoon(sessionId, id);
    for (const item of mapped)
      if (item.kind === 'message' && item.record.type === 'waiting')
        // Counted in /health (waitingMessages); Baileys has sent a retry receipt and, for the
        // first tries, asked the phone to resend it.
        this.deps.logger.warn(
          { session: sessionId, chat: item.record.chatJid, message: item.record.id },
          'message could not be decrypted: waiting for it to be sent again',
        );
  }

  /** Reactions, edits, revokes and votes refer to messages stored before them (or earlier). */
  private applyUpdates(sessionId: string, mapped: MappedMessage[]): void {
    const { store } = this.deps;
    for (const item of mapped) {
      if (item.kind === 'reaction') store.applyReaction(sessionId, item);
      else if (item.kind === 'edit') store.applyEdit(sessionId, item);
      else if (item.kind === 'revoke') store.applyRevoke(sessionId, item);
      else if (item.kind === 'pollVote') this.countVote(sessionId, item);
      else if (item.kind === 'statusRevoke') this.deps.status.revoke(sessionId, item.id, item.posterJid);
      else if (item.kind === 'ignore' && item.update)
        this.deps.logger.debug(
          { session: sessionId, content: item.update },
          'update-only message not stored',
        );
    }
  }

  private countVote(sessionId: string, vote: PollVote): void {
    const outcome = this.deps.store.applyPollVote(sessionId, vote);
    if (outcome === 'counted' || outcome === 'unchanged') return;
    const context = { session: sessionId, chat: vote.chatJid, poll: vote.pollId };
    // A vote on a poll Chatdock never stored (older than the link) cannot be read: expected.
    if (outcome === 'poll-not-found') this.deps.logger.debug(context, 'vote on an unknown poll not counted');
    else this.deps.logger.warn(context, 'poll vote could not be decrypted');
  }

  statuses(
    sessionId: string,
    updates: { chatJid: string; id: string; status: Parameters<MessageStore['applyStatus']>[3] }[],
  ): void {
    for (const update of updates)
      this.deps.store.applyStatus(sessionId, update.chatJid, update.id, update.status);
  }

  serverAccepted(sessionId: string, id: string): void {
    const row = this.deps.store.findById(sessionId, id);
    // Not stored yet: the send reads it back as sent itself (wa/server-acks.ts sendWatchingAck).
    if (row?.fromMe) this.deps.store.applyStatus(sessionId, row.chatJid, id, 'server');
  }

  contacts(sessionId: string, contacts: Parameters<ContactService['upsert']>[1]): void {
    const changed = this.deps.contacts.upsert(sessionId, contacts);
    if (changed === 0 || contacts.length > CONTACT_EVENT_LIMIT) return;
    for (const record of contacts) {
      const contact = this.deps.contacts.get(sessionId, record.jid);
      if (contact) this.deps.events.record('contact.updated', sessionId, contact);
      // The chat's name comes from its contact, which WhatsApp may tell after the first message
      // was stored and announced: announce the chat again, so lists show the name, not the number.
      const chat = this.deps.store.chat(sessionId, record.jid);
      if (chat) this.deps.events.record('chat.updated', sessionId, chat);
    }
  }

  pictureChanged(sessionId: string, jid: string): void {
    this.deps.avatars.pictureChanged(sessionId, jid);
    // Announced as a contact update, so open inboxes fetch the new picture.
    const contact = this.deps.contacts.get(sessionId, jid);
    if (contact) this.deps.events.record('contact.updated', sessionId, contact);
  }

  chats(sessionId: string, chats: Parameters<ChatService['applyMeta']>[1]): void {
    if (chats.length) this.deps.chats.applyMeta(sessionId, chats);
  }

  starred(sessionId: string, updates: StarUpdate[]): void {
    this.deps.stars.fromPhone(sessionId, updates);
  }

  chatsDeleted(sessionId: string, jids: string[]): void {
    this.deps.chatErase.deletedOnPhone(sessionId, jids);
  }

  /** Blocked or unblocked on the phone or another linked device (an `account_sync` notification). */
  blocklist(sessionId: string, jids: string[], blocked: boolean): void {
    for (const jid of jids) {
      const data = blockedContactOf(this.deps.contacts, sessionId, jid);
      this.deps.events.record(
        blocked ? 'contact.blocked' : 'contact.unblocked',
        sessionId,
        data,
        PHONE_ACTOR,
      );
    }
  }

  groups(sessionId: string, groups: Parameters<GroupService['upsert']>[1]): void {
    this.deps.groups.upsert(sessionId, groups);
  }

  groupChanged(sessionId: string, change: GroupChange): void {
    this.deps.groups.applyChange(sessionId, change);
  }

  groupParticipants(sessionId: string, change: GroupParticipantsChange): void {
    this.deps.groups.applyParticipants(sessionId, change);
  }

  groupJoinRequest(sessionId: string, change: GroupJoinRequestChange): void {
    this.deps.groups.requests.applyChange(sessionId, change);
  }

  presence(
    sessionId: string,
    update: { chat: string; jid: string; presence: string; lastSeen?: number },
  ): void {
    const { lastSeen, ...documented } = update;
    this.deps.events.record('presence.updated', sessionId, documented);
    this.deps.contactPresence.apply(sessionId, { ...documented, lastSeen: lastSeen ?? null });
  }

  connected(sessionId: string): void {
    this.deps.contactPresence.renew(sessionId);
  }

  call(sessionId: string, call: Parameters<CallService['record']>[1]): void {
    this.deps.calls.record(sessionId, call);
  }

  historySynced(sessionId: string, counts: { messages: number; chats: number; contacts: number }): void {
    this.deps.events.record('history.synced', sessionId, counts);
  }
}
