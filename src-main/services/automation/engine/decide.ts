/**
 * What automation answers to one customer message, as a pure function of the settings, the
 * message and what the chat remembers. The live service and the test panel both call it, so
 * the panel shows exactly what would be sent.
 */
import type {
  AutomationReply,
  AutomationReplyKind,
  AutomationSettings,
} from '../../../../src-shared/contract/automation.js';
import { isOpen, nextOpening } from './hours.js';
import { firstMatchingRule } from './keyword-match.js';
import { answerMenu, menuText } from './menu.js';
import { renderAutomationText, type RenderValues } from './render.js';
import type { RegexTest } from './safe-regex.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What a chat remembers between messages (stored, so a restart keeps it). */
export interface ChatMemory {
  /** The customer's previous message (before this one), Unix ms; null for a first message ever. */
  lastInboundAt: number | null;
  awaySentAt: number | null;
  menuPath: string[] | null;
  /** When the chat last moved in the menu (for its timeout). */
  menuAt: number | null;
}

export interface IncomingText {
  text: string;
  /** Unix ms. */
  at: number;
  name: string | null;
  phone: string | null;
  /** Seeds the spintax choice: the WhatsApp message id. */
  seed: string;
}

export interface Decision {
  openNow: boolean;
  replies: AutomationReply[];
  actions: {
    addTag: string | null;
    stop: boolean;
    handover: boolean;
    /** A keyword rule that assigns the chat matched: to whom, and the rule's id (the reason). */
    assign: { user: string | null; team: string | null; ruleId: string } | null;
    /** A keyword rule that calls a webhook matched: which webhook, and the rule. */
    webhook: { id: string; rule: { id: string; name: string } } | null;
  };
  menuPath: string[] | null;
  /** The away message is among the replies (its window starts now). */
  sentAway: boolean;
  /** What placeholders are filled with, for texts rendered later (a saved reply's). */
  values: RenderValues;
}

export function decide(
  settings: AutomationSettings,
  incoming: IncomingText,
  memory: ChatMemory,
  regex: RegexTest,
): Decision {
  const { at } = incoming;
  const openNow = isOpen(settings, at);
  const values: RenderValues = {
    name: incoming.name,
    phone: incoming.phone,
    at,
    opensAt: openNow ? null : nextOpening(settings, at),
    timeZone: settings.timeZone,
    language: settings.language,
  };
  const replies: AutomationReply[] = [];
  const add = (kind: AutomationReplyKind, rule: string, template: string) => {
    const text = renderAutomationText(template, values, `${incoming.seed}\u0000${kind}`);
    if (text) replies.push({ kind, rule, text });
  };
  const actions: Decision['actions'] = {
    addTag: null,
    stop: false,
    handover: false,
    assign: null,
    webhook: null,
  };

  const { greeting, away, menu } = settings;
  const silentFor = memory.lastInboundAt === null ? Infinity : at - memory.lastInboundAt;
  if (
    greeting.enabled &&
    (memory.lastInboundAt === null || (greeting.afterDays > 0 && silentFor >= greeting.afterDays * DAY))
  )
    add('greeting', 'Greeting', greeting.text);
  const awayDue = memory.awaySentAt === null || at - memory.awaySentAt >= away.everyHours * HOUR;
  const sentAway = !openNow && away.enabled && awayDue;
  if (sentAway) add('away', 'Away message', away.text);

  const menuExpired = memory.menuAt !== null && at - memory.menuAt > menu.timeoutMinutes * 60_000;
  let menuPath = menu.enabled && !menuExpired ? memory.menuPath : null;

  if (menuPath !== null) {
    const step = answerMenu(menu, menuPath, incoming.text, settings.language);
    for (const reply of step.replies) add('menu', reply.rule, reply.text);
    actions.handover = step.handover;
    menuPath = step.path;
  } else {
    const rule = firstMatchingRule(settings.rules, incoming.text, regex);
    if (rule) {
      if (rule.reply.trim()) add('keyword', rule.name, rule.reply);
      // The saved reply's own text and media are filled in by the service (they live in organize).
      if (rule.savedReplyId)
        replies.push({ kind: 'keyword', rule: rule.name, text: '', savedReplyId: rule.savedReplyId });
      actions.addTag = rule.addTag;
      actions.stop = rule.stop;
      if (rule.assign) actions.assign = { ...rule.assign, ruleId: rule.id };
      if (rule.webhookId) actions.webhook = { id: rule.webhookId, rule: { id: rule.id, name: rule.name } };
    } else if (menu.enabled) {
      add('menu', 'Menu', menuText(menu, [], settings.language));
      menuPath = [];
    } else if (settings.defaultReply.enabled && replies.length === 0) {
      add('default', 'Default reply', settings.defaultReply.text);
    }
  }
  return { openNow, replies, actions, menuPath, sentAway, values };
}

/** What is known about a message and its chat before deciding whether to answer at all. */
export interface MessageFacts {
  fromMe: boolean;
  chatKind: 'user' | 'lid' | 'group' | 'newsletter' | 'broadcast' | null;
  optedOut: boolean;
  ignoredNumber: boolean;
  /** The sender is a saved contact (has an address-book name). */
  isContact: boolean;
  /** Unread messages in the chat before this one. */
  unreadBefore: number;
  pausedUntil: number | null;
  stopped: boolean;
  now: number;
}

/** Why automation stays silent for this message, or null when it may answer. */
export function skipReason(settings: AutomationSettings, facts: MessageFacts): string | null {
  if (!settings.enabled) return 'automation is switched off';
  if (facts.fromMe) return 'our own message';
  if (facts.chatKind === 'broadcast') return 'a status or broadcast';
  if (facts.chatKind === 'newsletter') return 'a channel (newsletter)';
  if (facts.chatKind === null) return 'not a chat with a person';
  if (facts.chatKind === 'group' && !settings.switches.replyInGroups) return 'groups are switched off';
  if (facts.optedOut) return 'the number opted out';
  if (facts.ignoredNumber) return 'the number is on the ignore list';
  if (settings.switches.audience === 'contacts' && !facts.isContact)
    return 'only saved contacts are answered';
  if (settings.switches.audience === 'unknown' && facts.isContact) return 'only unknown numbers are answered';
  if (!settings.switches.replyToUnread && facts.unreadBefore > 0)
    return 'the chat already had unread messages';
  if (facts.stopped) return 'a rule stopped automation in this chat';
  if (facts.pausedUntil !== null && facts.pausedUntil > facts.now)
    return 'paused while a person handles the chat';
  return null;
}
