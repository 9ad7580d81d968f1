/**
 * What the default routing rules do with one event, as a pure function of the rules, the facts
 * about the chat and the hours of its number. The live listener and the editor's "test against a
 * message" both call it, so the preview shows exactly what would happen.
 *
 * Semantics (the editor's help text says the same):
 * - rules are looked at in order; a rule runs when it is enabled, listens to this trigger and all
 *   its conditions hold (no conditions: always);
 * - every rule that runs adds its actions; "stop" ends the list, later rules are not looked at;
 * - a chat is assigned once per event: an assign action after the first is dropped;
 * - loop guard: a rule that already ran in this chain of events (its own tag action re-triggered
 *   the rules) is skipped and reported in `loops`, so a rule runs at most once per outside event.
 *
 * Matching reuses automation's pieces: text through `patternMatches` (words folded like keyword
 * rules, `regex` through the time-limited matcher) and hours through `isOpen`.
 */
import type {
  RoutingAction,
  RoutingCondition,
  RoutingRule,
  RoutingTrigger,
} from '../../../../src-shared/contract/routing.js';
import type { AutomationSettings } from '../../../../src-shared/contract/automation.js';
import { isOpen } from '../../automation/engine/hours.js';
import { patternMatches } from '../../automation/engine/keyword-match.js';
import type { RegexTest } from '../../automation/engine/safe-regex.js';

export type Hours = Pick<AutomationSettings, 'timeZone' | 'hours' | 'closedDates'>;

/** What is known about the event and its chat. */
export interface RoutingFacts {
  trigger: RoutingTrigger;
  session: string;
  /** The customer's message (empty for a tag event). */
  text: string;
  /** Tags the chat carries now (ids). */
  chatTags: ReadonlySet<string>;
  /** With `trigger: 'tag'`: the tag just added. */
  tagAdded: string | null;
  customer: 'new' | 'returning';
  savedContact: boolean;
  /** Unix ms. */
  at: number;
}

export interface RoutingDecision {
  matched: { id: string; name: string; actions: RoutingAction[] }[];
  actions: { rule: { id: string; name: string }; action: RoutingAction }[];
  stoppedBy: string | null;
  /** Rules skipped because they already ran in this chain of events (a loop). */
  loops: string[];
  insideHours: boolean;
}

export interface DecideOptions {
  /** The number's business hours (automation's), or null when it has none set. */
  hours: Hours | null;
  regex: RegexTest;
  /** Ids of rules that already ran in this chain of events. */
  alreadyRan?: ReadonlySet<string>;
}

export function insideHours(hours: Hours | null, at: number): boolean {
  // A number without hours is always "inside" (nothing says it is closed).
  return hours === null ? true : isOpen(hours, at);
}

export function conditionHolds(
  condition: RoutingCondition,
  facts: RoutingFacts,
  options: DecideOptions,
): boolean {
  switch (condition.type) {
    case 'number':
      return condition.sessions.includes(facts.session);
    case 'contactTag':
      return facts.chatTags.has(condition.tag);
    case 'customer':
      return facts.customer === condition.is;
    case 'savedContact':
      return facts.savedContact === condition.saved;
    case 'text':
      return patternMatches(condition.match, condition.pattern, facts.text, options.regex);
    case 'hours':
      return insideHours(options.hours, facts.at) === (condition.when === 'inside');
    case 'tagAdded':
      return facts.trigger === 'tag' && facts.tagAdded === condition.tag;
  }
}

export function decide(
  rules: readonly RoutingRule[],
  facts: RoutingFacts,
  options: DecideOptions,
): RoutingDecision {
  const decision: RoutingDecision = {
    matched: [],
    actions: [],
    stoppedBy: null,
    loops: [],
    insideHours: insideHours(options.hours, facts.at),
  };
  let assigned = false;
  for (const rule of rules) {
    if (!rule.enabled || rule.on !== facts.trigger) continue;
    if (!rule.conditions.every((condition) => conditionHolds(condition, facts, options))) continue;
    if (options.alreadyRan?.has(rule.id)) {
      decision.loops.push(rule.id);
      continue;
    }
    decision.matched.push({ id: rule.id, name: rule.name, actions: rule.actions });
    const ref = { id: rule.id, name: rule.name };
    let stop = false;
    for (const action of rule.actions) {
      if (action.type === 'stop') {
        stop = true;
        continue;
      }
      if (action.type === 'assignUser' || action.type === 'assignTeam') {
        if (assigned) continue;
        assigned = true;
      }
      decision.actions.push({ rule: ref, action });
    }
    if (stop) {
      decision.stoppedBy = rule.id;
      break;
    }
  }
  return decision;
}
