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
 * anything is sent. `drain` sends what is still pending, one number at a time, in order.
 *
 * A label put on or taken off (or a label deleted) that WhatsApp refuses while the number is
 * connected is tried again after a growing wait (`RETRY_DELAYS_MS`), and given up after the last:
 * the change leaves the outbox and the tag label history records it as `failed` with WhatsApp's
 * error, announced as `tag.label_synced` (label-sync.ts `gaveUp`). A send cut short by the
 * connection dropping counts no attempt: it waits for the reconnect as before. Attempts are
 * counted in memory: a restart gives a pending change a fresh set of tries (still bounded).
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

/** The waits before each retry of a refused outbox change; past the last, it is given up. */
export const RETRY_DELAYS_MS: readonly number[] = [5_000, 30_000, 120_000, 600_000, 1_800_000];

/** An outbox change WhatsApp refused: how often, and when it may be tried again. */
interface Failure {
  sessionId: string;
  attempts: number;
  retryAt: number;
}

const key = (sessionId: string, labelId: string, chatJid: string, messageId: string) =>
  `${sessionId}\n${labelId}\n${chatJid}\n${messageId}`;

export class LabelPusher {
  private readonly ready = new Set<string>();
  private readonly chains = new Map<string, Promise<void>>();
  /** Outbox changes being sent: Baileys hands each back as a label event, which is not news. */
  private readonly inFlight = new Map<string, OutboxEntry['action']>();
  /** Refused outbox changes by id (a later change of the same thing has a new id: fresh tries). */
  private readonly failures = new Map<number, Failure>();
  /** One retry timer per number, for its earliest due change. */
  private readonly retryTimers = new Map<string, { at: number; timer: NodeJS.Timeout }>();
  private retryDelays: readonly number[] = RETRY_DELAYS_MS;

  constructor(
    private readonly deps: {
      events: EventRecorder;
      tags: TagService;
      links: LabelLinks;
      outbox: LabelOutbox;
      wa: LabelPort | null;
      logger: Logger;
      announceRename: RenameAnnouncer;
      /** A change refused on every try: dropped from the outbox, recorded and announced. */
      giveUp: (entry: OutboxEntry, attempts: number, error: string) => void;
    },
  ) {}

  /** The waits between tries (tests shorten them; their number bounds the tries). */
  useRetryDelays(delays: readonly number[]): void {
    this.retryDelays = delays;
  }

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
    const entries = this.deps.outbox.of(sessionId);
    this.forgetFailuresExcept(sessionId, entries);
    for (const entry of entries) {
      if (!this.isReady(sessionId)) return;
      // Refused before and not due yet: a timer drains again then (one per number, the earliest).
      const due = this.failures.get(entry.id)?.retryAt ?? 0;
      if (due > Date.now()) {
        this.retryAt(sessionId, due);
        continue;
      }
      const at = key(entry.sessionId, entry.labelId, entry.chatJid, entry.messageId);
      this.inFlight.set(at, entry.action);
      try {
        await this.send(wa, entry);
        this.deps.outbox.done(entry.id);
        this.failures.delete(entry.id);
      } catch (error) {
        this.deps.logger.warn({ err: error, session: sessionId }, `label sync: could not send ${at}`);
        // Refused while connected: an attempt. Cut by a disconnect: waits for the reconnect.
        if (wa.isConnected(sessionId)) this.refused(entry, error);
      } finally {
        this.inFlight.delete(at);
      }
    }
  }

  private refused(entry: OutboxEntry, error: unknown): void {
    const attempts = (this.failures.get(entry.id)?.attempts ?? 0) + 1;
    const delay = this.retryDelays[attempts - 1];
    if (delay === undefined) {
      this.failures.delete(entry.id);
      this.deps.giveUp(entry, attempts, error instanceof Error ? error.message : String(error));
      return;
    }
    this.failures.set(entry.id, { sessionId: entry.sessionId, attempts, retryAt: Date.now() + delay });
    this.retryAt(entry.sessionId, Date.now() + delay);
  }

  /** Drains the number again at `at` (or sooner, if a retry is due sooner). */
  private retryAt(sessionId: string, at: number): void {
    const current = this.retryTimers.get(sessionId);
    if (current && current.at <= at) return;
    if (current) clearTimeout(current.timer);
    const timer = setTimeout(
      () => {
        this.retryTimers.delete(sessionId);
        void this.drain(sessionId);
      },
      Math.max(0, at - Date.now()),
    );
    // A pending retry does not keep the process alive (the outbox is on disk).
    timer.unref();
    this.retryTimers.set(sessionId, { at, timer });
  }

  /** Failures of changes no longer pending (sent, replaced, overruled by the phone) are dropped. */
  private forgetFailuresExcept(sessionId: string, entries: readonly OutboxEntry[]): void {
    const pending = new Set(entries.map((entry) => entry.id));
    for (const [id, failure] of this.failures)
      if (failure.sessionId === sessionId && !pending.has(id)) this.failures.delete(id);
    if (!entries.some((entry) => this.failures.has(entry.id))) {
      const current = this.retryTimers.get(sessionId);
      if (current) clearTimeout(current.timer);
      this.retryTimers.delete(sessionId);
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
