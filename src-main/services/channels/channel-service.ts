/**
 * Channels (WhatsApp newsletters, issue #19): follow and unfollow by invite link (preview first),
 * create one, post to an owned one, and read its posts' reaction counts. Posts of followed
 * channels arrive as messages (the event sink stores them in the channel's chat and announces
 * `channel.message`); following also stores the channel's recent posts as history, so its chat
 * is not empty until the next post. WhatsApp is asked first, then the record is written and
 * announced in one transaction: a refusal writes nothing.
 */
import { AppError } from '../../../src-shared/errors.js';
import type {
  Channel,
  ChannelPostCounts,
  ChannelPostInput,
  ChannelPreview,
} from '../../../src-shared/contract/channels.js';
import { CHANNEL_LINK_PREFIX } from '../../../src-shared/contract/channels.js';
import type { Actor } from '../../../src-shared/contract/people.js';
import type { Message } from '../../../src-shared/messages.js';
import type { ChannelInfo, WaChannelActions } from '../../wa/channel-actions.js';
import type { Logger } from '../../core/logger.js';
import type { ChannelSink } from '../../wa/channel-events.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { MessageStore } from '../messages/message-store.js';
import type { SendService } from '../messages/send-service.js';
import type { SessionService } from '../sessions/sessions.js';
import type { ChannelStore } from './channel-store.js';

export class ChannelService implements ChannelSink {
  /** Channels whose counts are being read again; `again`: another reaction came meanwhile. */
  private readonly recounts = new Map<string, { again: boolean }>();

  constructor(
    private readonly actions: WaChannelActions,
    private readonly store: ChannelStore,
    private readonly messages: MessageStore,
    private readonly send: SendService,
    private readonly sessions: SessionService,
    private readonly events: EventRecorder,
    private readonly logger?: Logger,
  ) {}

  list(session: string): Channel[] {
    this.sessions.get(session);
    return this.store.list(session);
  }

  async preview(session: string, code: string): Promise<ChannelPreview> {
    this.sessions.get(session);
    const info = await this.actions.byInvite(session, code);
    return {
      jid: info.jid,
      name: info.name,
      description: info.description,
      inviteLink: info.inviteCode ? `${CHANNEL_LINK_PREFIX}${info.inviteCode}` : null,
      followers: info.followers,
      role: info.role,
    };
  }

  async follow(session: string, code: string, actor: Actor): Promise<Channel> {
    this.sessions.get(session);
    const info = await this.actions.byInvite(session, code);
    if (info.role === 'owner') {
      throw new AppError('VALIDATION_FAILED', 'link: this number owns that channel', 'link');
    }
    await this.actions.follow(session, info.jid);
    // The recent posts, as history (no unread count, no events); a failure leaves them for later.
    const recent = await this.actions.postUpdates(session, info.jid).catch(() => []);
    return this.events.transaction(() => {
      this.store.put(session, { ...info, role: 'follower' }, 'follower', Date.now());
      const records = recent.flatMap((post) => (post.record ? [post.record] : []));
      if (records.length) this.messages.ingest(session, records, 'history');
      this.store.putCounts(session, info.jid, recent, Date.now());
      return this.announce(session, info.jid, 'channel.followed', actor);
    });
  }

  async unfollow(session: string, jid: string, actor: Actor): Promise<void> {
    this.sessions.get(session);
    const channel = this.known(session, jid);
    if (channel.role === 'owner') {
      throw new AppError(
        'VALIDATION_FAILED',
        'chat: this number owns the channel; an owner cannot unfollow',
        'chat',
      );
    }
    await this.actions.unfollow(session, jid);
    this.events.transaction(() => {
      this.store.remove(session, jid);
      this.events.record('channel.unfollowed', session, { jid, name: channel.name }, actor);
      this.chatUpdated(session, jid);
    });
  }

  async create(
    session: string,
    name: string,
    description: string | undefined,
    actor: Actor,
  ): Promise<Channel> {
    this.sessions.get(session);
    const info: ChannelInfo = await this.actions.create(session, name, description);
    return this.events.transaction(() => {
      this.store.put(session, info, 'owner', Date.now());
      return this.announce(session, info.jid, 'channel.created', actor);
    });
  }

  /** Posts to a channel the number owns: an ordinary send to its JID (plaintext on WhatsApp). */
  async post(session: string, jid: string, post: ChannelPostInput, actor: Actor): Promise<Message> {
    this.sessions.get(session);
    const channel = this.known(session, jid);
    if (channel.role !== 'owner') {
      throw new AppError('READ_ONLY_CHAT', 'only the channel owner may post in a channel', 'chat');
    }
    return this.send.sendUnpaced(session, { ...post, to: jid }, undefined, actor);
  }

  /** Reads the posts' reaction counts from WhatsApp again, stores and announces them. */
  async reactions(session: string, jid: string): Promise<ChannelPostCounts[]> {
    this.sessions.get(session);
    this.known(session, jid);
    const updates = await this.actions.postUpdates(session, jid);
    return this.events.transaction(() => {
      const items = this.store.putCounts(session, jid, updates, Date.now());
      this.events.record('channel.reactions', session, { jid, items });
      return items;
    });
  }

  /**
   * A follower reacted to a post of a channel this number owns (wa/channel-events.ts): the counts
   * are read again and announced (`channel.reactions`), so an open conversation updates. A burst
   * of reactions costs one read in flight and at most one more after it, never one per reaction.
   */
  channelReacted(session: string, jid: string): void {
    if (this.store.get(session, jid)?.role !== 'owner') return;
    const key = `${session}|${jid}`;
    const running = this.recounts.get(key);
    if (running) {
      running.again = true;
      return;
    }
    const state = { again: false };
    this.recounts.set(key, state);
    void (async () => {
      try {
        do {
          state.again = false;
          await this.reactions(session, jid);
        } while (state.again);
      } catch (error) {
        this.logger?.warn({ err: error, session, jid }, 'reading channel reaction counts failed');
      } finally {
        this.recounts.delete(key);
      }
    })();
  }

  /** The counts stored when they were last read (no call to WhatsApp). */
  storedReactions(session: string, jid: string): ChannelPostCounts[] {
    this.sessions.get(session);
    this.known(session, jid);
    return this.store.counts(session, jid);
  }

  /** Renames an owned channel or changes its description on WhatsApp, then here. */
  async update(
    session: string,
    jid: string,
    changes: { name?: string | undefined; description?: string | undefined },
    actor: Actor,
  ): Promise<Channel> {
    this.sessions.get(session);
    const channel = this.owned(session, jid);
    if (changes.name !== undefined && changes.name !== channel.name) {
      await this.actions.rename(session, jid, changes.name);
    }
    if (changes.description !== undefined && changes.description !== channel.description) {
      await this.actions.describe(session, jid, changes.description);
    }
    return this.events.transaction(() => {
      this.store.rename(
        session,
        jid,
        changes.name ?? channel.name,
        changes.description ?? channel.description,
      );
      const updated = this.store.get(session, jid)!;
      this.events.record('channel.updated', session, updated, actor);
      this.chatUpdated(session, jid);
      return updated;
    });
  }

  /** Deletes an owned channel on WhatsApp; its chat and posts stay here, read-only. */
  async delete(session: string, jid: string, actor: Actor): Promise<void> {
    this.sessions.get(session);
    const channel = this.owned(session, jid);
    await this.actions.delete(session, jid);
    this.events.transaction(() => {
      this.store.remove(session, jid);
      this.events.record('channel.deleted', session, { jid, name: channel.name }, actor);
      this.chatUpdated(session, jid);
    });
  }

  private owned(session: string, jid: string): Channel {
    const channel = this.known(session, jid);
    if (channel.role !== 'owner') {
      throw new AppError('FORBIDDEN', 'chat: only the channel owner may change or delete it', 'chat');
    }
    return channel;
  }

  private known(session: string, jid: string): Channel {
    const channel = this.store.get(session, jid);
    if (!channel) {
      throw new AppError('NOT_FOUND', `chat: this number neither follows nor owns ${jid}`, 'chat');
    }
    return channel;
  }

  private announce(
    session: string,
    jid: string,
    type: 'channel.followed' | 'channel.created',
    actor: Actor,
  ): Channel {
    const channel = this.store.get(session, jid);
    if (!channel) throw new AppError('INTERNAL', 'the channel was not stored');
    this.events.record(type, session, channel, actor);
    this.chatUpdated(session, jid);
    return channel;
  }

  private chatUpdated(session: string, jid: string): void {
    const chat = this.messages.chat(session, jid);
    if (chat) this.events.record('chat.updated', session, chat);
  }
}
