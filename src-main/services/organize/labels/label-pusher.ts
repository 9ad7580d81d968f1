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
 * Any change WhatsApp refuses while the number is connected — a label put on or taken off, a
 * label deleted, a rename or recolour — is tried again after a growing wait (`RETRY_DELAYS_MS`)
 * and given up after the last; a refusal WhatsApp means for good (not allowed, not found:
 * `isFinalRefusal`) is given up at once. Given up, the tag label history records it as `failed`
 * with WhatsApp's error, announced as `tag.label_synced` (label-sync.ts `gaveUp`, `gaveUpEdit`):
 * an outbox change leaves the outbox; a rename/recolour is marked given up on its link, so it is
 * not sent again (the tag keeps its name here, WhatsApp its own) until the tag changes. A send
 * cut short by the connection dropping counts no attempt: it waits for the reconnect as before.
 *
 * The attempts and the next try are on disk (migration 0055: `label_outbox.attempts/retry_at`,
 * `tag_labels.edit_*`), written in the transaction that records the refusal: a restart continues
 * the schedule (a crash loop cannot retry forever), a later change of the same thing starts
 * afresh. Rows from before have no attempts: they are due at once, with the whole schedule.
 */
import type { TagRef } from '../../../../src-shared/contract/organize.js';
import { AppError } from '../../../../src-shared/errors.js';
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

/** Gives up a rename/recolour refused on every try (inside the refusal's transaction). */
export type EditGiveUp = (
  tag: TagRef,
  link: LabelLink,
  change: 'renamed' | 'recoloured',
  attempts: number,
  error: string,
) => void;

/**
 * A refusal that no retry can change: WhatsApp said the number may not do it (401/403) or the
 * label/chat/message is not there (404) — wa/wa-errors.ts. Anything else (a 5xx, a timeout, an
 * unknown code) may pass later and keeps the schedule.
 */
export function isFinalRefusal(error: unknown): boolean {
  return error instanceof AppError && (error.code === 'WA_FORBIDDEN' || error.code === 'WA_NOT_FOUND');
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

const key = (sessionId: string, labelId: string, chatJid: string, messageId: string) =>
  `${sessionId}\n${labelId}\n${chatJid}\n${messageId}`;

export class LabelPusher {
  private readonly ready = new Set<string>();
  private readonly chains = new Map<string, Promise<void>>();
  /** Outbox changes being sent: Baileys hands each back as a label event, which is not news. */
  private readonly inFlight = new Map<string, OutboxEntry['action']>();
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
      /** A rename/recolour refused on every try: recorded and announced. */
      giveUpEdit: EditGiveUp;
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

  /** Stops sending: every number counts as offline, and no retry timer is left (the schedule is on disk). */
  stop(): void {
    this.ready.clear();
    for (const sessionId of [...this.retryTimers.keys()]) this.clearRetry(sessionId);
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
    // This drain sees every pending change: it arms the timer again for those not due yet.
    this.clearRetry(sessionId);
    if (!wa || !this.isReady(sessionId)) return;
    for (const link of this.deps.links.bySession(sessionId)) {
      if (!this.isReady(sessionId)) return;
      await this.pushEdit(wa, link);
    }
    for (const entry of this.deps.outbox.of(sessionId)) {
      if (!this.isReady(sessionId)) return;
      // Refused before and not due yet: a timer drains again then (one per number, the earliest).
      if (entry.retryAt !== null && entry.retryAt > Date.now()) {
        this.retryAt(sessionId, entry.retryAt);
        continue;
      }
      const at = key(entry.sessionId, entry.labelId, entry.chatJid, entry.messageId);
      this.inFlight.set(at, entry.action);
      try {
        await this.send(wa, entry);
        this.deps.outbox.done(entry.id);
      } catch (error) {
        this.deps.logger.warn({ err: error, session: sessionId }, `label sync: could not send ${at}`);
        // Refused while connected: an attempt. Cut by a disconnect: waits for the reconnect.
        if (wa.isConnected(sessionId)) this.refused(entry, error);
      } finally {
        this.inFlight.delete(at);
      }
    }
  }

  /**
   * When a change refused for the `attempts`-th time may be tried again; null: given up (the
   * waits are used up, or the refusal is final).
   */
  private nextTry(attempts: number, error: unknown): number | null {
    if (isFinalRefusal(error)) return null;
    const delay = this.retryDelays[attempts - 1];
    return delay === undefined ? null : Date.now() + delay;
  }

  /** An outbox change refused: counted on its row (a replaced row is left alone), or given up. */
  private refused(entry: OutboxEntry, error: unknown): void {
    const attempts = entry.attempts + 1;
    const next = this.nextTry(attempts, error);
    if (next === null) {
      // Dropped, recorded and announced in one transaction (label-sync.ts `gaveUp`).
      this.deps.giveUp(entry, attempts, errorText(error));
      return;
    }
    this.deps.outbox.refused(entry.id, attempts, next);
    this.retryAt(entry.sessionId, next);
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

  private clearRetry(sessionId: string): void {
    const current = this.retryTimers.get(sessionId);
    if (current) clearTimeout(current.timer);
    this.retryTimers.delete(sessionId);
  }

  /** A rename or recolour made here that WhatsApp does not have yet. */
  private async pushEdit(wa: LabelPort, link: LabelLink): Promise<void> {
    const tag = this.deps.tags.ref(link.tagId);
    const color = indexOfColor(tag.color);
    if (link.syncedName === tag.name && link.syncedColor === color) return;
    const schedule = this.deps.links.editSchedule(link.tagId, link.sessionId, tag.name, color);
    // Given up: not sent again until the tag changes (label-sync.ts `tagUpdated` starts afresh).
    if (schedule.givenUp) return;
    if (schedule.retryAt !== null && schedule.retryAt > Date.now()) {
      this.retryAt(link.sessionId, schedule.retryAt);
      return;
    }
    const change = link.syncedName !== tag.name ? 'renamed' : 'recoloured';
    const before = { name: link.syncedName, color: colorOfIndex(link.syncedColor) };
    // Marked as WhatsApp's before sending: Baileys hands the label back while the send runs.
    this.deps.links.synced(tag.id, link.sessionId, tag.name, color);
    try {
      await wa.editLabel(link.sessionId, { id: link.labelId, name: tag.name, color, deleted: false });
    } catch (error) {
      this.deps.logger.warn({ err: error }, `label sync: could not send label ${link.labelId}`);
      const next = this.editRefused(wa, tag, link, change, schedule.attempts + 1, error);
      if (next !== null) this.retryAt(link.sessionId, next);
      return;
    }
    this.deps.events.transaction(() => {
      this.deps.links.editSettled(tag.id, link.sessionId);
      this.deps.announceRename(tag, link, change, before);
    });
  }

  /**
   * A rename/recolour that did not reach WhatsApp: still pending (unless the phone's change
   * arrived meanwhile and set it), and — refused while connected, of the tag as it still is — one
   * more attempt, counted in the same transaction, or given up. Answers the next try's time.
   */
  private editRefused(
    wa: LabelPort,
    tag: TagRef,
    link: LabelLink,
    change: 'renamed' | 'recoloured',
    attempts: number,
    error: unknown,
  ): number | null {
    const color = indexOfColor(tag.color);
    const refused = wa.isConnected(link.sessionId);
    return this.deps.events.transaction(() => {
      const now = this.deps.links.of(tag.id, link.sessionId);
      if (!now || now.syncedName !== tag.name || now.syncedColor !== color) return null;
      this.deps.links.synced(tag.id, link.sessionId, link.syncedName, link.syncedColor);
      const current = this.deps.tags.ref(tag.id);
      // Cut by a disconnect, or the tag changed meanwhile (its new value has fresh tries).
      if (!refused || current.name !== tag.name || current.color !== tag.color) return null;
      const next = this.nextTry(attempts, error);
      this.deps.links.editRefused(tag.id, link.sessionId, { name: tag.name, color }, attempts, next);
      if (next === null) this.deps.giveUpEdit(tag, link, change, attempts, errorText(error));
      return next;
    });
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
