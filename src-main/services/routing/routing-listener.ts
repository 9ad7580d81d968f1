import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import type { RoutingTrigger } from '../../../src-shared/contract/routing.js';
import { jidKind } from '../../../src-shared/jid.js';
import type { EventBus } from '../../core/event-bus.js';
import type { Logger } from '../../core/logger.js';
import type { AssignmentService } from '../assignment/assignment-service.js';
import type { ChatFacts } from './chat-facts.js';
import type { RoutingEvaluator } from './routing-evaluator.js';
import type { RuleEngine } from './rule-engine.js';
import { isRoutingActor, type RoutingActions } from './routing-actions.js';
import type { RoutingStore } from './routing-store.js';

/** The events routing looks at; every other one is ignored before any read. */
const ROUTED_EVENTS: ReadonlySet<string> = new Set([
  'message.received',
  'chat.status_changed',
  'chat.tagged',
]);

interface Work {
  trigger: RoutingTrigger;
  text: string;
  messageId: string | null;
  tagAdded: { id: string; name: string } | null;
  /** True when routing's own action caused the event (a tag it added): same chain, loop guard on. */
  chained: boolean;
}

/**
 * Routing, after the facts are stored (the event bus), one chat at a time in arrival order:
 * - a customer's first message in a chat, or a message that opened a resolved chat again
 *   (`chat.status_changed` with reason `customer`), is a new conversation;
 * - every other customer message is a `message` event; a tag added to a chat is a `tag` event.
 * The number's rule-engine webhook is asked first (for the events it was chosen for); when it
 * does not decide (no webhook, timeout, error, garbage, empty answer), the default rules do.
 *
 * Loop guard: the rules that ran for an outside event are remembered per chat until the next
 * outside event; a tag event routing itself caused is evaluated with them excluded, so a rule
 * that re-triggers the rules runs once per event (the skipped ones are logged).
 */
export class RoutingListener {
  private unsubscribe: (() => void) | null = null;
  private readonly chains = new Map<string, Promise<void>>();
  /** Per chat: the rules that ran in the current chain of events. */
  private readonly ran = new Map<string, Set<string>>();

  constructor(
    private readonly bus: EventBus,
    private readonly store: RoutingStore,
    private readonly facts: ChatFacts,
    private readonly evaluator: RoutingEvaluator,
    private readonly engine: RuleEngine,
    private readonly actions: RoutingActions,
    private readonly assignment: AssignmentService,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.unsubscribe ??= this.bus.subscribe((event) => this.onEvent(event));
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.idle();
  }

  /** Resolves when every event handed to routing so far has been handled (tests wait on it). */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  private onEvent(event: AnyEventEnvelope): void {
    const session = event.session;
    if (!session || !ROUTED_EVENTS.has(event.type) || !this.configured(session)) return;
    if (event.type === 'message.received') {
      const { chat, fromMe, id, text } = event.data;
      if (fromMe || (jidKind(chat) !== 'user' && jidKind(chat) !== 'lid')) return;
      const first = this.facts.isFirstMessage(session, chat, id);
      this.enqueue(session, chat, {
        trigger: first ? 'conversation' : 'message',
        text: text ?? '',
        messageId: id,
        tagAdded: null,
        chained: false,
      });
    } else if (
      event.type === 'chat.status_changed' &&
      event.data.reason === 'customer' &&
      event.data.from === 'resolved'
    ) {
      const latest = this.facts.latestMessage(session, event.data.chat);
      this.enqueue(session, event.data.chat, {
        trigger: 'conversation',
        text: latest?.text ?? '',
        messageId: latest?.id ?? null,
        tagAdded: null,
        chained: false,
      });
    } else if (event.type === 'chat.tagged' && event.data.action === 'added' && !event.data.messageId) {
      this.enqueue(session, event.data.chat, {
        trigger: 'tag',
        text: '',
        messageId: null,
        tagAdded: { id: event.data.tag.id, name: event.data.tag.name },
        chained: isRoutingActor(event.actor),
      });
    }
  }

  /** Nothing to do (no rules, no rule-engine webhook): every customer message skips routing's reads. */
  private configured(session: string): boolean {
    return this.store.rules().length > 0 || this.store.engine(session).webhookId !== null;
  }

  private enqueue(session: string, chat: string, work: Work): void {
    const key = `${session}|${chat}`;
    const next = (this.chains.get(key) ?? Promise.resolve())
      .then(() => this.handle(session, chat, key, work))
      .catch((error: unknown) =>
        this.logger.warn({ err: error, session, chat }, 'routing failed for an event'),
      )
      .finally(() => {
        if (this.chains.get(key) !== next) return;
        // Nothing more queued for the chat: its chain of events is over (the tag events an
        // action caused were queued while it ran).
        this.chains.delete(key);
        this.ran.delete(key);
      });
    this.chains.set(key, next);
  }

  private async handle(session: string, chat: string, key: string, work: Work): Promise<void> {
    const ran = work.chained ? (this.ran.get(key) ?? new Set<string>()) : new Set<string>();
    this.ran.set(key, ran);
    if (!work.chained && (await this.askWebhook(session, chat, work))) return;
    const decision = this.evaluator.evaluate(session, chat, work, ran);
    if (decision.loops.length > 0) {
      this.logger.warn(
        { session, chat, rules: decision.loops },
        'routing loop stopped: these rules already ran for this event and were skipped',
      );
    }
    for (const rule of decision.matched) ran.add(rule.id);
    for (const { rule, action } of decision.actions) {
      await this.actions.runRule(session, chat, rule, action);
    }
  }

  /** True when the rule-engine webhook decided (its answer was applied). */
  private async askWebhook(session: string, chat: string, work: Work): Promise<boolean> {
    const config = this.store.engine(session);
    if (!config.webhookId || !config.events.includes(work.trigger)) return false;
    const contact = this.facts.contactOf(session, chat);
    const outcome = await this.engine.ask(
      session,
      {
        chat,
        trigger: work.trigger,
        message: work.messageId ? { id: work.messageId, text: work.text } : null,
        tagAdded: work.tagAdded,
        contact: {
          name: contact.name,
          phone: chat.endsWith('@s.whatsapp.net') ? `+${chat.split('@')[0]}` : null,
          saved: contact.saved,
          returning: this.facts.customer(session, chat) === 'returning',
        },
        tags: this.facts.tagsOf(session, chat),
        assignee: this.assignment.assigneeOf(session, chat),
      },
      config.webhookId,
      config.timeoutMs,
    );
    if (!outcome.ok || outcome.answer === null) return false;
    await this.actions.runAnswer(session, chat, outcome.answer);
    return true;
  }
}
