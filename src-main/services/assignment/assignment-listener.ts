import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import type { Actor } from '../../../src-shared/contract/people.js';
import { jidKind } from '../../../src-shared/jid.js';
import type { EventBus } from '../../core/event-bus.js';
import type { Logger } from '../../core/logger.js';
import type { AssignmentService } from './assignment-service.js';
import type { AssignmentSettingsStore } from './assignment-settings.js';

const CUSTOMER: Actor = Object.freeze({ type: 'system', id: null, name: 'Customer message' });
/** How often snoozed chats are checked for their time (a snooze is minutes to days long). */
const SNOOZE_CHECK_MS = 15_000;

/**
 * What happens to assignment by itself, after the facts are stored (the event bus):
 * - a customer's message opens a resolved or snoozed chat;
 * - a person's reply to a chat nobody owns makes it theirs (setting `replyAssigns`);
 * - a snoozed chat opens when its time comes.
 * Its own events (`chat.assigned`, `chat.status_changed`) are recorded from the listener and
 * queued behind the one being handed out (services/events/event-recorder.ts).
 */
export class AssignmentListener {
  private unsubscribe: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly bus: EventBus,
    private readonly assignment: AssignmentService,
    private readonly settings: AssignmentSettingsStore,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.unsubscribe ??= this.bus.subscribe((event) => this.onEvent(event));
    this.timer ??= setInterval(() => this.wake(), SNOOZE_CHECK_MS);
    this.timer.unref();
    this.wake();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Opens the snoozed chats whose time came (also called by tests). */
  wake(): void {
    try {
      this.assignment.wakeDueSnoozes();
    } catch (error) {
      this.logger.error({ err: error }, 'waking snoozed chats failed');
    }
  }

  private onEvent(event: AnyEventEnvelope): void {
    if (!event.session) return;
    if (event.type === 'message.received' && !event.data.fromMe) {
      this.assignment.reopen(event.session, event.data.chat, CUSTOMER, 'customer');
      return;
    }
    if (event.type === 'message.sent' && event.actor?.type === 'user' && event.actor.id) {
      if (!this.settings.get().replyAssigns || jidKind(event.data.chat) === 'newsletter') return;
      const assignee = this.assignment.assigneeOf(event.session, event.data.chat);
      if (!assignee || assignee.user) return;
      try {
        this.assignment.assign(
          event.session,
          event.data.chat,
          { user: event.actor.id, ifAssignee: null },
          event.actor,
          'reply',
        );
      } catch (error) {
        // Someone took it meanwhile, or the sender may no longer read the number: nothing to do.
        this.logger.info({ err: error, chat: event.data.chat }, 'a reply did not assign its chat');
      }
    }
  }
}
