/**
 * Two-way sync between tags and WhatsApp Business labels (issue #19), per number.
 *
 * The model: a tag is synced with a number when a `tag_labels` row links it to one of that
 * number's labels; a tag may be synced with several numbers (one label on each), and a label is
 * one tag. Only business numbers have labels (WhatsApp syncs them as app-state; we ask the number
 * when sync is turned on, and a label event proves it).
 *
 * - From WhatsApp (`labelEdited`, `labelAssociated`): every label of a business number becomes a
 *   tag (an existing tag of the same name is linked instead), its name and colour follow the
 *   label, and the label on a chat or message is the tag on it, recorded as `whatsapp:<number>`
 *   in the tag history. A label deleted on the phone takes the tag off the number's chats and
 *   unlinks it; the tag itself is deleted when nothing else uses it (no other number, no other
 *   tagging).
 * - To WhatsApp: a synced tag's rename, recolour and deletion, and the tag put on or taken off a
 *   chat (or a message) of a synced number, are sent as label patches (label-pusher.ts). Made
 *   while the number is offline, they are kept on disk (a rename as `synced_*` ≠ the tag, the
 *   rest in `label_outbox`) and sent once the reconnect has synced WhatsApp's app-state. What
 *   WhatsApp refuses is retried on a bounded schedule kept on disk, then given up (label-pusher.ts).
 * - Conflicts, decided per label property (name, colour) and per label on a chat/message:
 *   `synced_name` / `synced_color` (and the outbox) are what WhatsApp last had and what is still
 *   to send. A change only one side made is kept and reaches the other side. When both changed
 *   the same thing before they met (the phone's change arrives while ours is pending), the
 *   phone's wins: it reached WhatsApp first, and WhatsApp tells linked devices no time for label
 *   changes to compare. The tag label history records it with `conflict`, and our pending change
 *   is dropped. A label deleted here while the phone renamed or recoloured it comes back as a tag
 *   (the phone's change wins); a label deleted on the phone takes the tag's link however it was
 *   changed here.
 *
 * Baileys hands our own patches back as label events: they match what we already have, so they
 * change nothing.
 */
import type { TagLabelSync, TagRef } from '../../../../src-shared/contract/organize.js';
import type { TagLabelSyncedEvent } from '../../../../src-shared/contract/events.js';
import type { AnyEventEnvelope } from '../../../../src-shared/contract/events.js';
import { AppError } from '../../../../src-shared/errors.js';
import type { EventBus } from '../../../core/event-bus.js';
import type { Logger } from '../../../core/logger.js';
import type { Db } from '../../../db/connection.js';
import type { LabelAssociationFact, LabelEditFact, LabelSink } from '../../../wa/label-events.js';
import type { LabelWrite } from '../../../wa/label-actions.js';
import type { EventRecorder } from '../../events/event-recorder.js';
import type { Attribution } from '../actors.js';
import type { TaggingService } from '../taggings.js';
import type { TagService } from '../tags.js';
import { colorOfIndex, indexOfColor } from './label-colors.js';
import { LabelLinks, type LabelLink } from './label-links.js';
import { LabelOutbox, type OutboxEntry } from './label-outbox.js';
import { LabelPusher } from './label-pusher.js';

/** What label sync needs of WhatsApp (wa/label-actions.ts; tests may pass their own). */
export interface LabelPort {
  isConnected(sessionId: string): boolean;
  isBusiness(sessionId: string): Promise<boolean>;
  markBusiness(sessionId: string): void;
  editLabel(sessionId: string, label: LabelWrite): Promise<void>;
  labelChat(sessionId: string, chatJid: string, labelId: string, labeled: boolean): Promise<void>;
  labelMessage?(
    sessionId: string,
    chatJid: string,
    messageId: string,
    labelId: string,
    labeled: boolean,
  ): Promise<void>;
}

const TAG_NAME_MAX = 40;

/** How changes from a number are attributed in the tag history and events. */
export function whatsappAttribution(sessionId: string): Attribution {
  return { label: `whatsapp:${sessionId}`, actor: { type: 'system', id: null, name: 'WhatsApp' } };
}

export class LabelSync implements LabelSink {
  readonly links: LabelLinks;
  readonly outbox: LabelOutbox;
  private readonly pusher: LabelPusher;

  constructor(
    private readonly deps: {
      db: Db;
      events: EventRecorder;
      tags: TagService;
      taggings: TaggingService;
      wa: LabelPort | null;
      /** Makes sure a chat row exists, so a label on a chat we have no message of yet still shows. */
      ensureChat: (sessionId: string, jid: string) => void;
      assertSession: (sessionId: string) => void;
      logger: Logger;
    },
  ) {
    this.links = new LabelLinks(deps.db);
    this.outbox = new LabelOutbox(deps.db);
    this.pusher = new LabelPusher({
      events: deps.events,
      tags: deps.tags,
      links: this.links,
      outbox: this.outbox,
      wa: deps.wa,
      logger: deps.logger,
      announceRename: (tag, link, change, before) =>
        this.announce(tag, link, 'chatdock', change, before, false, 'chatdock'),
      giveUp: (entry, attempts, error) => this.gaveUp(entry, attempts, error),
      giveUpEdit: (tag, link, change, attempts, error) => this.gaveUpEdit(tag, link, change, attempts, error),
    });
  }

  /** The waits between tries of a refused change (tests shorten them). */
  useRetryDelays(delays: readonly number[]): void {
    this.pusher.useRetryDelays(delays);
  }

  /**
   * Tagging changes of synced tags are queued for WhatsApp in the transaction that stores them
   * (so they survive a crash or restart), and sent after it commits.
   */
  listen(bus: EventBus): void {
    this.deps.events.addOutboxWriter((event) => this.queueTagging(event));
    bus.subscribe((event) => {
      if (!event.session) return;
      if (event.type === 'chat.tagged' || event.type === 'message.tagged')
        void this.pusher.drain(event.session);
      // The app-state resync may finish before the number counts as connected here: sent then.
      if (event.type === 'session.status' && event.data.session.status === 'connected')
        void this.pusher.drain(event.session);
    });
  }

  /** Sends nothing more (the core is stopping): pending changes and their schedule stay on disk. */
  stop(): void {
    this.pusher.stop();
  }

  // ---- the number's connection (wa/label-events.ts) -----------------------------------------

  /** Only numbers with synced tags or pending changes need their labels resynced on connect. */
  wantsResync(sessionId: string): boolean {
    return this.links.bySession(sessionId).length > 0 || this.outbox.of(sessionId).length > 0;
  }

  /** A new connection is starting: hold our changes until its app-state is synced. */
  connecting(sessionId: string): void {
    this.pusher.offline(sessionId);
  }

  /** The phone's offline changes have arrived (the conflict rule applied): send what is left. */
  labelsSynced(sessionId: string): Promise<void> {
    return this.pusher.online(sessionId);
  }

  get(tagId: string): TagLabelSync {
    this.deps.tags.get(tagId);
    return {
      tagId,
      labels: this.links.byTag(tagId).map((link) => ({ session: link.sessionId, labelId: link.labelId })),
      history: this.links.history(tagId, 50),
    };
  }

  /**
   * Turns sync on (the tag becomes a label on the number's phone, with its chats) or off (the link
   * goes; the label stays on the phone as it is, now an ordinary label).
   */
  async set(tagId: string, sessionId: string, enabled: boolean, actor: Attribution): Promise<TagLabelSync> {
    const tag = this.deps.tags.ref(tagId);
    this.deps.assertSession(sessionId);
    const existing = this.links.of(tagId, sessionId);
    if (!enabled) {
      if (existing) {
        this.deps.events.transaction(() => {
          this.links.unlink(tagId, sessionId);
          this.announce(tag, existing, 'chatdock', 'unlinked', null, false, actor.label);
        });
      }
      return this.get(tagId);
    }
    if (existing) return this.get(tagId);
    const wa = this.deps.wa;
    if (!wa?.isConnected(sessionId)) {
      throw new AppError(
        'NOT_CONNECTED',
        `number "${sessionId}" is not connected: connect it to turn on label sync`,
        'session',
      );
    }
    if (!(await wa.isBusiness(sessionId))) {
      throw new AppError(
        'CONFLICT',
        `number "${sessionId}" is not a WhatsApp Business account: only business numbers have labels`,
        'session',
      );
    }
    const link: LabelLink = {
      tagId,
      sessionId,
      labelId: this.links.nextLabelId(sessionId, this.outbox.topLabelId(sessionId)),
      syncedName: tag.name,
      syncedColor: indexOfColor(tag.color),
    };
    // Linked before sending: Baileys hands the label back while the send is still running.
    this.deps.events.transaction(() => this.links.link(link));
    try {
      await wa.editLabel(sessionId, {
        id: link.labelId,
        name: tag.name,
        color: link.syncedColor,
        deleted: false,
      });
    } catch (error) {
      this.links.unlink(tagId, sessionId);
      throw error;
    }
    this.deps.events.transaction(() =>
      this.announce(tag, link, 'chatdock', 'linked', null, false, actor.label),
    );
    this.deps.events.transaction(() => {
      for (const chat of this.chatsOf(sessionId, tagId))
        this.outbox.put(this.entry(sessionId, link.labelId, chat, '', 'label'));
    });
    await this.pusher.drain(sessionId);
    return this.get(tagId);
  }

  // ---- from WhatsApp -------------------------------------------------------------------------

  labelEdited(sessionId: string, fact: LabelEditFact): void {
    this.deps.wa?.markBusiness(sessionId);
    const link = this.links.byLabel(sessionId, fact.id);
    const deletion = this.outbox.find(sessionId, fact.id, '', '');
    if (fact.deleted) {
      if (deletion) this.outbox.done(deletion.id);
      if (link) this.deletedOnPhone(sessionId, link);
      return;
    }
    const name = labelName(fact);
    if (!link) {
      if (deletion) {
        // Deleted here, not sent yet. The phone's label as it was: the deletion stands.
        if (deletion.name === name && deletion.color === fact.color) return;
        // Renamed or recoloured on the phone meanwhile: the phone's change wins, the tag is back.
        this.outbox.done(deletion.id);
        this.adopt(sessionId, fact.id, name, colorOfIndex(fact.color), true);
        return;
      }
      this.adopt(sessionId, fact.id, name, colorOfIndex(fact.color));
      return;
    }
    const tag = this.deps.tags.ref(link.tagId);
    // Per property: the phone's value if the phone changed it (it differs from what WhatsApp
    // last had), else ours (changed here or not at all). Both changed: the phone's wins.
    const phoneRenamed = name !== link.syncedName;
    const phoneRecoloured = fact.color !== link.syncedColor;
    const localRenamed = tag.name !== link.syncedName;
    const localRecoloured = indexOfColor(tag.color) !== link.syncedColor;
    const newName = phoneRenamed ? name : tag.name;
    const color =
      phoneRecoloured && indexOfColor(tag.color) !== fact.color ? colorOfIndex(fact.color) : tag.color;
    const renamed = newName !== tag.name;
    const recoloured = color !== tag.color;
    const conflict = (renamed && localRenamed) || (recoloured && localRecoloured);
    this.deps.events.transaction(() => {
      this.links.synced(link.tagId, sessionId, name, fact.color);
      if (!renamed && !recoloured) return;
      const updated = this.deps.tags.update(link.tagId, {
        name: this.freeName(newName, link.tagId),
        color,
      });
      const change: TagLabelSyncedEvent['change'] = renamed ? 'renamed' : 'recoloured';
      const before = { name: tag.name, color: tag.color };
      this.announce(
        updated,
        link,
        'whatsapp',
        change,
        before,
        conflict,
        whatsappAttribution(sessionId).label,
      );
    });
    // What only we changed (the other property) is still pending: it goes once we are ready.
    if (this.pusher.isReady(sessionId)) void this.pusher.drain(sessionId);
  }

  labelAssociated(sessionId: string, fact: LabelAssociationFact): void {
    this.deps.wa?.markBusiness(sessionId);
    let link = this.links.byLabel(sessionId, fact.labelId);
    if (!link) {
      if (!fact.labeled) return;
      // The label's edit has not come yet (or never will): a tag stands in, renamed when it does.
      link = this.adopt(sessionId, fact.labelId, `Label ${fact.labelId}`, colorOfIndex(0));
    }
    const messageId = fact.messageId ?? '';
    const action = fact.labeled ? 'label' : 'unlabel';
    // Our own change handed back while it is being sent: nothing new.
    if (this.pusher.isEcho(sessionId, fact.labelId, fact.chatJid, messageId, action)) return;
    const pending = this.outbox.find(sessionId, fact.labelId, fact.chatJid, messageId);
    if (pending) {
      // The phone changed the same label on the same chat/message before ours was sent: the
      // phone's change wins (the same as ours: nothing to send either).
      this.outbox.done(pending.id);
      if (pending.action !== action) this.overruled(sessionId, link, fact);
    }
    const actor = whatsappAttribution(sessionId);
    const { taggings } = this.deps;
    if (fact.messageId) {
      try {
        if (fact.labeled)
          taggings.addToMessage(sessionId, fact.messageId, link.tagId, actor, null, fact.chatJid);
        else taggings.removeFromMessage(sessionId, fact.messageId, link.tagId, actor, fact.chatJid);
      } catch (error) {
        // A label on a message we do not have: nothing to tag.
        if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
      }
      return;
    }
    if (fact.labeled) {
      this.deps.ensureChat(sessionId, fact.chatJid);
      taggings.addToChat(sessionId, fact.chatJid, link.tagId, actor);
    } else {
      taggings.removeFromChat(sessionId, fact.chatJid, link.tagId, actor);
    }
  }

  // ---- to WhatsApp ---------------------------------------------------------------------------

  /** A tag was renamed or recoloured here: every synced number whose label differs gets it. */
  tagUpdated(tag: TagRef): void {
    // A new name/colour (made here, or the phone's): tries of the one before no longer count.
    this.links.editSettled(tag.id);
    // The difference from `synced_*` is the pending change; numbers not ready get it on connect.
    for (const link of this.links.byTag(tag.id)) {
      if (this.pusher.isReady(link.sessionId)) void this.pusher.drain(link.sessionId);
    }
  }

  /**
   * A synced tag is being deleted here (inside the deletion's transaction, before its links go):
   * each number's label is to be deleted too, queued with the deletion; returns what to do
   * after it commits (send).
   */
  tagDeleting(tag: TagRef): () => void {
    const links = this.links.byTag(tag.id);
    for (const link of links) {
      this.announce(tag, link, 'chatdock', 'deleted', null, false, 'chatdock');
      this.outbox.put({
        ...this.entry(link.sessionId, link.labelId, '', '', 'delete'),
        name: link.syncedName,
        color: link.syncedColor,
      });
    }
    return () => {
      for (const link of links) void this.pusher.drain(link.sessionId);
    };
  }

  /** A number was removed: its links and pending changes go. */
  forgetSession(sessionId: string): void {
    this.links.forgetSession(sessionId);
    this.outbox.forgetSession(sessionId);
  }

  /** A synced tag put on or taken off a chat/message here: queued (in the tagging's transaction). */
  private queueTagging(event: AnyEventEnvelope): void {
    if (event.type !== 'chat.tagged' && event.type !== 'message.tagged') return;
    const sessionId = event.session;
    if (!sessionId) return;
    const { data } = event;
    // Came from this number's labels: it has it already.
    if (data.actor === whatsappAttribution(sessionId).label) return;
    const link = this.links.of(data.tag.id, sessionId);
    if (!link) return;
    const messageId = event.type === 'message.tagged' ? event.data.messageId : '';
    if (messageId && !this.deps.wa?.labelMessage) return;
    const action = data.action === 'added' ? 'label' : 'unlabel';
    this.outbox.put(this.entry(sessionId, link.labelId, data.chat, messageId, action));
  }

  private entry(
    sessionId: string,
    labelId: string,
    chatJid: string,
    messageId: string,
    action: 'label' | 'unlabel' | 'delete',
  ) {
    return { sessionId, labelId, chatJid, messageId, action, name: null, color: null };
  }

  /**
   * The phone's label on a chat/message overruled ours, not yet sent: recorded as a conflict and
   * announced (`tag.label_synced`, `conflict: true`).
   */
  private overruled(sessionId: string, link: LabelLink, fact: LabelAssociationFact): void {
    const tag = this.deps.tags.ref(link.tagId);
    const where = fact.messageId ? { chat: fact.chatJid, message: fact.messageId } : { chat: fact.chatJid };
    const change = fact.labeled ? 'labeled' : 'unlabeled';
    const actor = whatsappAttribution(sessionId);
    this.deps.events.transaction(() => {
      this.links.record({
        tag,
        sessionId,
        labelId: link.labelId,
        origin: 'whatsapp',
        change,
        before: { ...where, labeled: !fact.labeled },
        after: { ...where, labeled: fact.labeled },
        conflict: true,
        actor: actor.label,
      });
      const data: TagLabelSyncedEvent = {
        tag: { id: tag.id, name: tag.name, color: tag.color },
        labelId: link.labelId,
        origin: 'whatsapp',
        change,
        before: null,
        conflict: true,
        chat: fact.chatJid,
        ...(fact.messageId ? { messageId: fact.messageId } : {}),
      };
      this.deps.events.record('tag.label_synced', sessionId, data, actor.actor);
    });
  }

  /**
   * A change made here that WhatsApp refused on every try (label-pusher.ts): it leaves the
   * outbox, and the tag label history records it as `failed` with WhatsApp's error, announced
   * as `tag.label_synced` — what the tag editor shows beside the number.
   */
  private gaveUp(entry: OutboxEntry, attempts: number, error: string): void {
    const { sessionId, labelId } = entry;
    this.deps.events.transaction(() => {
      this.outbox.done(entry.id);
      const link = this.links.byLabel(sessionId, labelId);
      // A deleted label's tag is gone: named as the history last had it.
      const named = link ? this.deps.tags.ref(link.tagId) : this.links.lastTagOf(sessionId, labelId);
      if (!named) return;
      const tag = {
        id: named.id,
        name: named.name,
        color: link ? this.deps.tags.ref(link.tagId).color : colorOfIndex(entry.color ?? 0),
      };
      const where = {
        ...(entry.chatJid ? { chat: entry.chatJid } : {}),
        ...(entry.messageId ? { message: entry.messageId } : {}),
      };
      const failure = { action: entry.action, attempts, error };
      this.links.record({
        tag,
        sessionId,
        labelId,
        origin: 'chatdock',
        change: 'failed',
        before: null,
        after: { ...where, ...failure },
        conflict: false,
        actor: 'chatdock',
      });
      const data: TagLabelSyncedEvent = {
        tag: { id: tag.id, name: tag.name, color: tag.color },
        labelId,
        origin: 'chatdock',
        change: 'failed',
        before: null,
        conflict: false,
        ...(entry.chatJid ? { chat: entry.chatJid } : {}),
        ...(entry.messageId ? { messageId: entry.messageId } : {}),
        failure,
      };
      this.deps.events.record('tag.label_synced', sessionId, data, {
        type: 'system',
        id: null,
        name: 'Chatdock',
      });
    });
    this.deps.logger.warn(
      { session: sessionId, label: labelId, chat: entry.chatJid, attempts, error },
      'label sync: WhatsApp refused a label change on every try; given up',
    );
  }

  /**
   * A rename/recolour WhatsApp refused on every try (label-pusher.ts, inside the transaction that
   * counts the last refusal): the tag keeps its name and colour here, WhatsApp its own; the tag
   * label history records it as `failed` (what WhatsApp has, what was refused, how often, why)
   * and `tag.label_synced` announces it — what the tag editor shows beside the number.
   */
  private gaveUpEdit(
    tag: TagRef,
    link: LabelLink,
    change: 'renamed' | 'recoloured',
    attempts: number,
    error: string,
  ): void {
    const failure = {
      action: change === 'renamed' ? ('rename' as const) : ('recolour' as const),
      attempts,
      error,
    };
    const before = { name: link.syncedName, color: colorOfIndex(link.syncedColor) };
    this.links.record({
      tag,
      sessionId: link.sessionId,
      labelId: link.labelId,
      origin: 'chatdock',
      change: 'failed',
      before,
      after: { name: tag.name, color: tag.color, ...failure },
      conflict: false,
      actor: 'chatdock',
    });
    const data: TagLabelSyncedEvent = {
      tag: { id: tag.id, name: tag.name, color: tag.color },
      labelId: link.labelId,
      origin: 'chatdock',
      change: 'failed',
      before,
      conflict: false,
      failure,
    };
    this.deps.events.record('tag.label_synced', link.sessionId, data, {
      type: 'system',
      id: null,
      name: 'Chatdock',
    });
    this.deps.logger.warn(
      { session: link.sessionId, label: link.labelId, tag: tag.id, attempts, error },
      `label sync: WhatsApp refused the label's ${failure.action} on every try; given up`,
    );
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** A label new to us: linked to the tag of that name, or to a new tag. */
  private adopt(
    sessionId: string,
    labelId: string,
    name: string,
    color: string,
    conflict = false,
  ): LabelLink {
    return this.deps.events.transaction(() => {
      const existing = this.deps.tags.list().find((tag) => tag.name.toLowerCase() === name.toLowerCase());
      const free = existing && !this.links.of(existing.id, sessionId);
      const tag = free ? existing : this.deps.tags.create({ name: this.freeName(name, null), color });
      const link: LabelLink = {
        tagId: tag.id,
        sessionId,
        labelId,
        syncedName: name,
        syncedColor: indexOfColor(color),
      };
      this.links.link(link);
      const ref = { id: tag.id, name: tag.name, color: tag.color };
      this.announce(
        ref,
        link,
        'whatsapp',
        free ? 'linked' : 'created',
        null,
        conflict,
        whatsappAttribution(sessionId).label,
      );
      return link;
    });
  }

  private deletedOnPhone(sessionId: string, link: LabelLink): void {
    const actor = whatsappAttribution(sessionId);
    this.deps.events.transaction(() => {
      const tag = this.deps.tags.get(link.tagId);
      for (const chat of this.chatsOf(sessionId, link.tagId))
        this.deps.taggings.removeFromChat(sessionId, chat, link.tagId, actor);
      this.links.unlink(link.tagId, sessionId);
      const ref = { id: tag.id, name: tag.name, color: tag.color };
      this.announce(ref, link, 'whatsapp', 'deleted', null, false, actor.label);
      const after = this.deps.tags.get(link.tagId);
      const unused = after.usage.chats + after.usage.messages === 0;
      if (unused && this.links.byTag(link.tagId).length === 0) {
        this.deps.tags.delete(link.tagId, { confirm: true, actor });
      }
    });
  }

  /** The chats of a number carrying a tag. */
  private chatsOf(sessionId: string, tagId: string): string[] {
    return this.deps.db.$client
      .prepare<[string, string], { chat: string }>(
        'SELECT chat_jid AS chat FROM chat_tags WHERE session_id = ? AND tag_id = ? ORDER BY added_at',
      )
      .all(sessionId, tagId)
      .map((row) => row.chat);
  }

  /** A label's name as a tag name: free of other tags (names are unique ignoring case). */
  private freeName(name: string, tagId: string | null): string {
    const taken = new Set(
      this.deps.tags
        .list()
        .filter((tag) => tag.id !== tagId)
        .map((tag) => tag.name.toLowerCase()),
    );
    if (!taken.has(name.toLowerCase())) return name;
    for (let n = 2; ; n += 1) {
      const suffix = ` (${n})`;
      const candidate = `${name.slice(0, TAG_NAME_MAX - suffix.length)}${suffix}`;
      if (!taken.has(candidate.toLowerCase())) return candidate;
    }
  }

  private announce(
    tag: TagRef,
    link: LabelLink,
    origin: 'whatsapp' | 'chatdock',
    change: TagLabelSyncedEvent['change'],
    before: { name: string; color: string } | null,
    conflict: boolean,
    actorLabel: string,
  ): void {
    this.links.record({
      tag,
      sessionId: link.sessionId,
      labelId: link.labelId,
      origin,
      change,
      before,
      after: change === 'deleted' || change === 'unlinked' ? null : { name: tag.name, color: tag.color },
      conflict,
      actor: actorLabel,
    });
    const data: TagLabelSyncedEvent = {
      tag: { id: tag.id, name: tag.name, color: tag.color },
      labelId: link.labelId,
      origin,
      change,
      before,
      conflict,
    };
    const actor =
      origin === 'whatsapp'
        ? whatsappAttribution(link.sessionId).actor
        : { type: 'system' as const, id: null, name: 'Chatdock' };
    this.deps.events.record('tag.label_synced', link.sessionId, data, actor);
  }
}

function labelName(fact: LabelEditFact): string {
  const name = fact.name.trim().slice(0, TAG_NAME_MAX);
  return name || `Label ${fact.id}`;
}
