/**
 * Sends Chatdock's label changes to WhatsApp (issue #19), including those made while the number
 * was offline:
 *
 * - a synced tag renamed or recoloured here: `tag_labels.synced_*` (what WhatsApp last had)
 *   differs from the tag — that difference is the pending change, on disk already;
 * - a label put on or taken off a chat or message, and a synced tag deleted: `label_outbox`
 *   rows (label-outbox.ts), written in the same transaction as the change.
 *
 * A number is "ready" once its connection's app-state is synced (wa/label-events.ts resyncs the
 * `regular` collection after the reconnect's offline notifications): only then are the phone's
 * offline changes known here, so the conflict rule (label-sync.ts) has been applied before
 * anything is sent. `drain` sends what is still pending, one number at a time, in order; a send
 * that fails while the number is connected is kept and tried again at the next drain.
 */
import type { TagRef } from '../../../../src-shared/contract/organize.js';
import type { Logger } from '../../../core/logger.js';
import type { EventRecorder } from '../../events/event-recorder.js';
import type { TagService } from '../tags.js';
import { colorOfIndex, indexOfColor } from './label-colors.js';
import type { LabelLink, LabelLinks } from './label-links.js';
import type { LabelOutbox, OutboxEntry } from './label-outbox.js';
import type { LabelPort } from './label-sync.js';

/** Announces a rename or recolour that reached WhatsApp (the tag label history, the event). */
export type RenameAnnouncer = (
  tag: TagRef,
  link: LabelLink,
  change: 'renamed' | 'recoloured',
  before: { name: string; color: string },
) => void;

const key = (sessionId: string, labelId: string, chatJid: string, messageId: string) =>
  `${sessionId}\n${labelId}\n${chatJid}\n${messageId}`;

export class LabelPusher {
  private readonly ready = new Set<string>();
  private readonly chains = new Map<string, Promise<void>>();
  /** Outbox changes being sent: Baileys hands each back as a label event, which is not news. */
  private readonly inFlight = new Map<string, OutboxEntry['action']>();

  constructor(
    private readonly deps: {
      events: EventRecorder;
      tags: TagService;
      links: LabelLinks;
      outbox: LabelOutbox;
      wa: LabelPort | null;
      logger: Logger;
      announceRename: RenameAnnouncer;
    },
  ) {}

  /** Connected, and the phone's offline changes have arrived. */
  isReady(sessionId: string): boolean {
    return this.ready.has(sessionId) && Boolean(this.deps.wa?.isConnected(sessionId));
  }

  /** The number's app-state is synced after a (re)connect: what is pending goes out. */
  online(sessionId: string): Promise<void> {
    this.ready.add(sessionId);
    return this.drain(sessionId);
  }

  /** A new connection is starting: nothing is sent until its app-state is synced. */
  offline(sessionId: string): void {
    this.ready.delete(sessionId);
  }

  /** Whether a label event is Baileys handing back a change being sent now. */
  isEcho(sessionId: string, labelId: string, chatJid: string, messageId: string, action: string): boolean {
    return this.inFlight.get(key(sessionId, labelId, chatJid, messageId)) === action;
  }

  /** Sends what is pending for a number (when ready), after any drain already running. */
  drain(sessionId: string): Promise<void> {
    const previous = this.chains.get(sessionId) ?? Promise.resolve();
    const next = previous.then(() => this.drainNow(sessionId));
    this.chains.set(sessionId, next);
    void next.finally(() => {
      if (this.chains.get(sessionId) === next) this.chains.delete(sessionId);
    });
    return next;
  }

  private async drainNow(sessionId: string): Promise<void> {
    const wa = this.deps.wa;
    if (!wa || !this.isReady(sessionId)) return;
    for (const link of this.deps.links.bySession(sessionId)) {
      if (!this.isReady(sessionId)) return;
      await this.pushEdit(wa, link);
    }
    for (const entry of this.deps.outbox.of(sessionId)) {
      if (!this.isReady(sessionId)) return;
      const at = key(entry.sessionId, entry.labelId, entry.chatJid, entry.messageId);
      this.inFlight.set(at, entry.action);
      try {
        await this.send(wa, entry);
        this.deps.outbox.done(entry.id);
      } catch (error) {
        this.deps.logger.warn({ err: error, session: sessionId }, `label sync: could not send ${at}`);
      } finally {
        this.inFlight.delete(at);
      }
    }
  }

  /** A rename or recolour made here that WhatsApp does not have yet. */
  private async pushEdit(wa: LabelPort, link: LabelLink): Promise<void> {
    const tag = this.deps.tags.ref(link.tagId);
    const color = indexOfColor(tag.color);
    if (link.syncedName === tag.name && link.syncedColor === color) return;
    const change = link.syncedName !== tag.name ? 'renamed' : 'recoloured';
    const before = { name: link.syncedName, color: colorOfIndex(link.syncedColor) };
    // Marked as WhatsApp's before sending: Baileys hands the label back while the send runs.
    this.deps.links.synced(tag.id, link.sessionId, tag.name, color);
    try {
      await wa.editLabel(link.sessionId, { id: link.labelId, name: tag.name, color, deleted: false });
    } catch (error) {
      // Still pending (unless the phone's change arrived meanwhile and set it).
      const now = this.deps.links.of(tag.id, link.sessionId);
      if (now && now.syncedName === tag.name && now.syncedColor === color)
        this.deps.links.synced(tag.id, link.sessionId, link.syncedName, link.syncedColor);
      this.deps.logger.warn({ err: error }, `label sync: could not send label ${link.labelId}`);
      return;
    }
    this.deps.events.transaction(() => this.deps.announceRename(tag, link, change, before));
  }

  private async send(wa: LabelPort, entry: OutboxEntry): Promise<void> {
    const { sessionId, labelId } = entry;
    if (entry.action === 'delete') {
      await wa.editLabel(sessionId, {
        id: labelId,
        name: entry.name ?? '',
        color: entry.color ?? 0,
        deleted: true,
      });
      return;
    }
    const labeled = entry.action === 'label';
    if (entry.messageId) {
      if (wa.labelMessage) await wa.labelMessage(sessionId, entry.chatJid, entry.messageId, labelId, labeled);
      return;
    }
    await wa.labelChat(sessionId, entry.chatJid, labelId, labeled);
  }
}
