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
 *   chat (or a message) of a synced number, are sent as label patches while the number is
 *   connected (nothing is queued while it is not: WhatsApp keeps the phone's state).
 * - Conflicts: `synced_name` / `synced_color` are what WhatsApp last had. When the phone's change
 *   arrives while the tag differs from them (changed here, not yet sent), the phone's change is
 *   the later one and wins; the tag label history records it with `conflict`. Both sides then
 *   agree again (the new values are sent to the tag's other numbers).
 *
 * Baileys hands our own patches back as label events: they match what we already have, so they
 * change nothing.
 */
import type { TagLabelChange, TagLabelSync, TagRef } from '../../../../src-shared/contract/organize.js';
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
  }

  /** Sends tagging changes of synced tags to WhatsApp (after they are stored). */
  listen(bus: EventBus): void {
    bus.subscribe((event) => this.onEvent(event));
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
      labelId: this.links.nextLabelId(sessionId),
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
    for (const chat of this.chatsOf(sessionId, tagId)) {
      await this.push(`label chat ${chat}`, () => wa.labelChat(sessionId, chat, link.labelId, true));
    }
    return this.get(tagId);
  }

  // ---- from WhatsApp -------------------------------------------------------------------------

  labelEdited(sessionId: string, fact: LabelEditFact): void {
    this.deps.wa?.markBusiness(sessionId);
    const link = this.links.byLabel(sessionId, fact.id);
    if (fact.deleted) {
      if (link) this.deletedOnPhone(sessionId, link);
      return;
    }
    const name = labelName(fact);
    if (!link) {
      this.adopt(sessionId, fact.id, name, colorOfIndex(fact.color));
      return;
    }
    const tag = this.deps.tags.ref(link.tagId);
    const keepColor = indexOfColor(tag.color) === fact.color;
    const color = keepColor ? tag.color : colorOfIndex(fact.color);
    const renamed = tag.name !== name;
    const recoloured = color !== tag.color;
    // The tag changed here and the change has not reached WhatsApp: the phone's is the later one.
    const pending = tag.name !== link.syncedName || indexOfColor(tag.color) !== link.syncedColor;
    this.deps.events.transaction(() => {
      this.links.synced(link.tagId, sessionId, name, fact.color);
      if (!renamed && !recoloured) return;
      const updated = this.deps.tags.update(link.tagId, { name: this.freeName(name, link.tagId), color });
      const change: TagLabelChange = renamed ? 'renamed' : 'recoloured';
      const before = { name: tag.name, color: tag.color };
      this.announce(updated, link, 'whatsapp', change, before, pending, whatsappAttribution(sessionId).label);
    });
  }

  labelAssociated(sessionId: string, fact: LabelAssociationFact): void {
    this.deps.wa?.markBusiness(sessionId);
    let link = this.links.byLabel(sessionId, fact.labelId);
    if (!link) {
      if (!fact.labeled) return;
      // The label's edit has not come yet (or never will): a tag stands in, renamed when it does.
      link = this.adopt(sessionId, fact.labelId, `Label ${fact.labelId}`, colorOfIndex(0));
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
    const wa = this.deps.wa;
    if (!wa) return;
    const color = indexOfColor(tag.color);
    for (const link of this.links.byTag(tag.id)) {
      if (link.syncedName === tag.name && link.syncedColor === color) continue;
      if (!wa.isConnected(link.sessionId)) continue;
      const change: TagLabelChange = link.syncedName !== tag.name ? 'renamed' : 'recoloured';
      const before = { name: link.syncedName, color: colorOfIndex(link.syncedColor) };
      this.deps.events.transaction(() => {
        this.links.synced(tag.id, link.sessionId, tag.name, color);
        this.announce(tag, link, 'chatdock', change, before, false, 'chatdock');
      });
      void this.push(`rename label ${link.labelId}`, () =>
        wa.editLabel(link.sessionId, { id: link.labelId, name: tag.name, color, deleted: false }),
      );
    }
  }

  /** A synced tag was deleted here (its links went with it): its labels are deleted too. */
  tagDeleted(tag: TagRef, links: LabelLink[]): void {
    const wa = this.deps.wa;
    for (const link of links) {
      this.deps.events.transaction(() =>
        this.announce(tag, link, 'chatdock', 'deleted', null, false, 'chatdock'),
      );
      if (!wa?.isConnected(link.sessionId)) continue;
      void this.push(`delete label ${link.labelId}`, () =>
        wa.editLabel(link.sessionId, {
          id: link.labelId,
          name: link.syncedName,
          color: link.syncedColor,
          deleted: true,
        }),
      );
    }
  }

  /** A number was removed: its links go. */
  forgetSession(sessionId: string): void {
    this.links.forgetSession(sessionId);
  }

  private onEvent(event: AnyEventEnvelope): void {
    if (event.type !== 'chat.tagged' && event.type !== 'message.tagged') return;
    const sessionId = event.session;
    const wa = this.deps.wa;
    if (!sessionId || !wa?.isConnected(sessionId)) return;
    const { data } = event;
    // Came from this number's labels: it has it already.
    if (data.actor === whatsappAttribution(sessionId).label) return;
    const link = this.links.of(data.tag.id, sessionId);
    if (!link) return;
    const labeled = data.action === 'added';
    if (event.type === 'message.tagged') {
      const messageId = event.data.messageId;
      if (wa.labelMessage) {
        void this.push(`label message ${messageId}`, () =>
          wa.labelMessage!(sessionId, data.chat, messageId, link.labelId, labeled),
        );
      }
      return;
    }
    void this.push(`label chat ${data.chat}`, () =>
      wa.labelChat(sessionId, data.chat, link.labelId, labeled),
    );
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** A label new to us: linked to the tag of that name, or to a new tag. */
  private adopt(sessionId: string, labelId: string, name: string, color: string): LabelLink {
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
        false,
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
    change: TagLabelChange,
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

  private async push(what: string, send: () => Promise<void>): Promise<void> {
    try {
      await send();
    } catch (error) {
      this.deps.logger.warn({ err: error }, `label sync: could not ${what}`);
    }
  }
}

function labelName(fact: LabelEditFact): string {
  const name = fact.name.trim().slice(0, TAG_NAME_MAX);
  return name || `Label ${fact.id}`;
}
