import type { RoutingRule, RoutingTrigger } from '../../../src-shared/contract/routing.js';
import { hasNoHours } from '../../../src-shared/widget-hours.js';
import type { Logger } from '../../core/logger.js';
import type { Db } from '../../db/connection.js';
import { AutomationStore } from '../automation/automation-store.js';
import { createRegexTest, RegexTimeout, type RegexTest } from '../automation/engine/safe-regex.js';
import type { ChatFacts } from './chat-facts.js';
import { decide, type Hours, type RoutingDecision, type RoutingFacts } from './engine/decide.js';
import type { RoutingStore } from './routing-store.js';

/**
 * Feeds the pure `decide` with what is stored: the saved rules, the chat's facts, and the hours
 * of the number (automation's business hours, one definition per number). A regular expression
 * that runs past its time limit counts as no match (logged), as in keyword rules.
 */
export class RoutingEvaluator {
  private readonly automation: AutomationStore;
  private readonly regex: RegexTest = createRegexTest();

  constructor(
    db: Db,
    private readonly store: RoutingStore,
    private readonly facts: ChatFacts,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.automation = new AutomationStore(db);
  }

  evaluate(
    session: string,
    chat: string,
    work: { trigger: RoutingTrigger; text: string; tagAdded: { id: string } | null },
    alreadyRan: ReadonlySet<string>,
  ): RoutingDecision {
    const contact = this.facts.contactOf(session, chat);
    return this.decideSafely(
      this.store.rules(),
      {
        trigger: work.trigger,
        session,
        text: work.text,
        chatTags: new Set(this.facts.tagsOf(session, chat).map((tag) => tag.id)),
        tagAdded: work.tagAdded?.id ?? null,
        customer: this.facts.customer(session, chat),
        savedContact: contact.saved,
        at: this.now(),
      },
      alreadyRan,
    );
  }

  /** The number's hours, or null when it has none set (then it is never "outside hours"). */
  hoursOf(session: string): Hours | null {
    const { settings } = this.automation.settings(session);
    return hasNoHours(settings.hours) && settings.closedDates.length === 0 ? null : settings;
  }

  decideSafely(
    rules: readonly RoutingRule[],
    facts: RoutingFacts,
    alreadyRan: ReadonlySet<string> = new Set(),
  ): RoutingDecision {
    const hours = this.hoursOf(facts.session);
    const slow = new Set<string>();
    for (;;) {
      try {
        const regex: RegexTest = (pattern, text) => !slow.has(pattern) && this.regex(pattern, text);
        return decide(rules, facts, { hours, regex, alreadyRan });
      } catch (error) {
        if (!(error instanceof RegexTimeout)) throw error;
        this.logger.warn({ pattern: error.pattern }, 'a routing pattern took too long and was skipped');
        slow.add(error.pattern);
      }
    }
  }
}
