/**
 * Automation per number: listens for customers' messages, asks the pure engine (engine/decide.ts)
 * what to answer, and sends it like any other message, marked "Automation: <rule>".
 *
 * Order of work for one message (one chat at a time, in arrival order):
 * 1. the safety checks (`skipReason`): switched off, our own, status/newsletter, groups, opted
 *    out, ignored, audience, unread, stopped, paused; then the per-hour loop guard;
 * 2. the decision, and the chat's new state stored *before* anything is sent, so a restart in the
 *    middle of a menu keeps the place (at worst one answer is lost, never sent twice);
 * 3. each reply: "typing…" for 1–3 s, then SendService with an id chosen here, so the
 *    `message.sent` it causes is known as ours and does not pause the chat as a staff reply would;
 *    the reply is logged and `automation.replied` recorded in one transaction.
 * Staff (the inbox, the API, the phone) replying in a chat pauses it for `pauseHours`.
 */
import {
  automationSettingsSchema,
  type AutomationChatState,
  type AutomationReply,
  type AutomationSettings,
  type AutomationTestInput,
  type AutomationTestResult,
  type AutomationView,
} from '../../../src-shared/contract/automation.js';
import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import { jidKind, phoneOfJid, toJid } from '../../../src-shared/jid.js';
import type { Message } from '../../../src-shared/messages.js';
import type { EventBus } from '../../core/event-bus.js';
import type { Logger } from '../../core/logger.js';
import type { Db } from '../../db/connection.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { Messaging } from '../messaging/messaging.js';
import type { SavedReplyService } from '../organize/saved-replies.js';
import { systemAttribution } from '../organize/actors.js';
import type { TaggingService } from '../organize/taggings.js';
import type { SavedReplyMedia } from '../../../src-shared/contract/organize.js';
import type { SendMessageInput } from '../../../src-shared/send-schemas.js';
import { systemClock, type Clock } from '../schedule/clock.js';
import type { OptOutService } from '../schedule/opt-outs.js';
import type { SessionService } from '../sessions/sessions.js';
import { AutomationStore, type ChatState } from './automation-store.js';
import { decide, skipReason, type ChatMemory } from './engine/decide.js';
import { isOpen, nextOpening } from './engine/hours.js';
import { renderAutomationText, type RenderValues } from './engine/render.js';
import { createRegexTest, RegexTimeout, type RegexTest } from './engine/safe-regex.js';
import { automationWarnings } from './warnings.js';
import { RuleWebhooks } from './rule-webhooks.js';
import { RuleAssign, type AssignChat } from './rule-assign.js';

const HOUR = 3_600_000;
/** The actor automatic messages are recorded under: "Automation: <rule>". */
export const automationActor = (rule: string) => `Automation: ${rule}`;

export interface AutomationDeps {
  db: Db;
  bus: EventBus;
  events: EventRecorder;
  sessions: SessionService;
  messaging: Messaging;
  taggings: TaggingService;
  savedReplies: SavedReplyService;
  optOuts: OptOutService;
  logger: Logger;
  clock?: Clock;
  /** The assignment service's assign, for the keyword rule action (absent: the action does nothing). */
  assignChat?: AssignChat;
}

export class AutomationService {
  private readonly store: AutomationStore;
  private readonly ruleWebhooks: RuleWebhooks;
  private readonly ruleAssign: RuleAssign;
  private clock: Clock;
  private readonly regex: RegexTest;
  private unsubscribe: (() => void) | null = null;
  /** Work per chat runs one message at a time, in order. */
  private readonly chains = new Map<string, Promise<void>>();
  /** Ids of messages automation is sending right now (their `message.sent` must not pause the chat). */
  private readonly ownSends = new Set<string>();
  private readonly contactName;
  private readonly unread;

  constructor(private readonly deps: AutomationDeps) {
    this.store = new AutomationStore(deps.db);
    this.ruleWebhooks = new RuleWebhooks(deps.db, deps.events);
    this.ruleAssign = new RuleAssign(deps.db, deps.logger, deps.assignChat);
    this.clock = deps.clock ?? systemClock;
    this.regex = createRegexTest();
    this.contactName = deps.db.$client.prepare<
      [string, string],
      { name: string | null; notify: string | null }
    >('SELECT name, notify FROM contacts WHERE session_id = ? AND jid = ?');
    this.unread = deps.db.$client.prepare<[string, string], { unread_count: number }>(
      'SELECT unread_count FROM chats WHERE session_id = ? AND jid = ?',
    );
  }

  /** Tests move time by hand (a ManualClock for "now", with real or manual timers). */
  useClock(clock: Clock): void {
    this.clock = clock;
  }

  start(): void {
    this.unsubscribe ??= this.deps.bus.subscribe((event) => this.onEvent(event));
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.idle();
  }

  /** Resolves when every message handed to automation so far has been handled. */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  view(sessionId: string): AutomationView {
    this.deps.sessions.get(sessionId);
    const { settings, updatedAt } = this.store.settings(sessionId);
    const now = this.clock.now();
    const opening = nextOpening(settings, now);
    return {
      session: sessionId,
      settings,
      warnings: automationWarnings(settings),
      openNow: isOpen(settings, now),
      nextOpening: opening === null ? null : new Date(opening).toISOString(),
      updatedAt: updatedAt === null ? null : new Date(updatedAt).toISOString(),
    };
  }

  update(sessionId: string, settings: AutomationSettings): AutomationView {
    this.deps.sessions.get(sessionId);
    const parsed = automationSettingsSchema.parse(settings);
    this.ruleWebhooks.check(parsed);
    this.ruleAssign.check(parsed);
    this.store.saveSettings(sessionId, parsed, this.clock.now());
    return this.view(sessionId);
  }

  /** What the settings answer to a pretend message; nothing is stored or sent. */
  test(sessionId: string, input: AutomationTestInput): AutomationTestResult {
    this.deps.sessions.get(sessionId);
    const { settings } = this.store.settings(sessionId);
    const at = input.at ? Date.parse(input.at) : this.clock.now();
    const memory: ChatMemory = {
      lastInboundAt: input.firstMessage ? null : at - 60_000,
      awaySentAt: null,
      menuPath: input.menuPath,
      menuAt: input.menuPath === null ? null : at,
    };
    const phone = input.phone.startsWith('+') ? input.phone : `+${input.phone}`;
    const decision = this.decideSafely(
      settings,
      { text: input.text, at, name: input.name || null, phone, seed: 'test' },
      memory,
    );
    return {
      openNow: decision.openNow,
      replies: this.withSavedReplies(decision.replies, decision.values, 'test').map(({ reply }) => reply),
      actions: decision.actions,
      menuPath: decision.menuPath,
      skipped: settings.enabled
        ? null
        : 'automation is switched off for this number (this is what it would send)',
      skippedReason: settings.enabled ? null : 'automation_off',
    };
  }

  chatState(sessionId: string, chatInput: string): AutomationChatState {
    this.deps.sessions.get(sessionId);
    const chat = toJid(chatInput, 'chat');
    const state = this.store.chat(sessionId, chat);
    const paused = state.pausedUntil !== null && state.pausedUntil > this.clock.now();
    return {
      session: sessionId,
      chat,
      pausedUntil: paused ? new Date(state.pausedUntil!).toISOString() : null,
      pauseReason: paused ? state.pauseReason : null,
      stopped: state.stopped,
      menuPath: state.menuPath,
    };
  }

  /** "Resume": automation answers this chat again (a pause or a stop rule is lifted). */
  resume(sessionId: string, chatInput: string): AutomationChatState {
    this.deps.sessions.get(sessionId);
    const chat = toJid(chatInput, 'chat');
    const { known: _known, ...state } = this.store.chat(sessionId, chat);
    this.store.saveChat(sessionId, chat, { ...state, pausedUntil: null, pauseReason: null, stopped: false });
    return this.chatState(sessionId, chat);
  }

  /** The chat's last 500 automatic messages: the conversation labels them "Automation: <rule>". */
  senders(sessionId: string, chatInput: string): { messageId: string; rule: string }[] {
    this.deps.sessions.get(sessionId);
    return this.store.senders(sessionId, toJid(chatInput, 'chat'), 500);
  }

  private onEvent(event: AnyEventEnvelope): void {
    if (!event.session) return;
    if (event.type === 'message.received') this.enqueue(event.session, event.data);
    else if (event.type === 'message.sent') this.onSent(event.session, event.data);
  }

  private enqueue(sessionId: string, message: Message): void {
    const key = `${sessionId}|${message.chat}`;
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous
      .then(() => this.handle(sessionId, message))
      .catch((error: unknown) =>
        this.deps.logger.warn(
          { err: error, session: sessionId, chat: message.chat },
          'automation failed for a message',
        ),
      )
      .finally(() => {
        if (this.chains.get(key) === next) this.chains.delete(key);
      });
    this.chains.set(key, next);
  }

  /** Staff (or the API, or the phone) wrote in the chat: automation steps back there. */
  private onSent(sessionId: string, message: Message): void {
    if (this.ownSends.has(message.id)) return;
    const { settings } = this.store.settings(sessionId);
    if (!settings.enabled || jidKind(message.chat) === 'broadcast') return;
    const { known: _known, ...state } = this.store.chat(sessionId, message.chat);
    this.store.saveChat(sessionId, message.chat, {
      ...state,
      menuPath: null,
      pausedUntil: this.clock.now() + settings.pauseHours * HOUR,
      pauseReason: 'staff',
    });
  }

  private async handle(sessionId: string, message: Message): Promise<void> {
    const { settings } = this.store.settings(sessionId);
    if (!settings.enabled) return;
    const now = this.clock.now();
    const chat = message.chat;
    const { known, ...state } = this.store.chat(sessionId, chat);
    const phone = phoneOfJid(message.sender ?? chat) ?? phoneOfJid(chat);
    const contact = this.contactName.get(sessionId, message.sender ?? chat);
    const ignored = new Set(settings.switches.ignoreNumbers.map((n) => n.replace(/\D/g, '')));
    const reason = skipReason(settings, {
      fromMe: message.fromMe,
      chatKind: jidKind(chat),
      optedOut: this.deps.optOuts.has(sessionId, chat),
      ignoredNumber: phone !== null && ignored.has(phone),
      isContact: Boolean(contact?.name),
      unreadBefore: Math.max(0, (this.unread.get(sessionId, chat)?.unread_count ?? 1) - 1),
      pausedUntil: state.pausedUntil,
      stopped: state.stopped,
      now,
    });
    const lastInboundAt = known
      ? state.lastInboundAt
      : this.store.previousReceivedAt(sessionId, chat, message.id);
    if (reason) {
      this.deps.logger.debug({ session: sessionId, chat, reason }, 'automation stays silent');
      if (!message.fromMe && jidKind(chat) !== 'broadcast')
        this.store.saveChat(sessionId, chat, { ...state, lastInboundAt: now });
      return;
    }
    const budget = settings.maxPerChatPerHour - this.store.sentSince(sessionId, chat, now - HOUR);
    const decision = this.decideSafely(
      settings,
      {
        text: message.text ?? '',
        at: now,
        name: message.senderName ?? contact?.notify ?? null,
        phone: phone ? `+${phone}` : null,
        seed: message.id,
      },
      { lastInboundAt, awaySentAt: state.awaySentAt, menuPath: state.menuPath, menuAt: state.menuAt },
    );
    const next: ChatState = {
      lastInboundAt: now,
      awaySentAt: decision.sentAway ? now : state.awaySentAt,
      menuPath: decision.menuPath,
      menuAt: decision.menuPath === null ? null : now,
      pausedUntil: decision.actions.handover ? now + settings.pauseHours * HOUR : state.pausedUntil,
      pauseReason: decision.actions.handover ? 'handover' : state.pauseReason,
      stopped: decision.actions.stop || state.stopped,
    };
    this.store.saveChat(sessionId, chat, next);
    if (budget <= 0) {
      this.deps.logger.warn(
        { session: sessionId, chat, limit: settings.maxPerChatPerHour },
        'automation reached its per-chat hourly limit (a loop with another bot?); staying silent',
      );
      return;
    }
    if (decision.actions.addTag)
      this.tag(sessionId, chat, decision.actions.addTag, decision.replies[0]?.rule);
    if (decision.actions.assign) {
      const rule = decision.replies[0]?.rule ?? decision.actions.assign.ruleId;
      const actor = { type: 'system' as const, id: null, name: automationActor(rule) };
      this.ruleAssign.run(sessionId, chat, decision.actions.assign, actor);
    }
    if (decision.actions.webhook) this.ruleWebhooks.notify(sessionId, message, decision.actions.webhook);
    const outgoing = this.withSavedReplies(decision.replies, decision.values, message.id);
    for (const item of outgoing.slice(0, budget)) {
      await this.sendReply(sessionId, chat, item, settings.typingDelay);
    }
  }

  /**
   * Fills in the saved replies a rule sends: their text (spintax and the same placeholders as the
   * other texts, for this customer) and media. Audio takes no caption, so its text goes first as a
   * message of its own. A saved reply deleted since the rule was saved is skipped (and logged).
   */
  private withSavedReplies(
    replies: AutomationReply[],
    values: RenderValues,
    seed: string,
  ): { reply: AutomationReply; media: SavedReplyMedia | null }[] {
    return replies.flatMap((reply) => {
      if (!reply.savedReplyId) return [{ reply, media: null }];
      try {
        const saved = this.deps.savedReplies.get(reply.savedReplyId);
        const text = renderAutomationText(saved.text, values, `${seed}\u0000saved`);
        const media = saved.media;
        if (!media) return [{ reply: { ...reply, text }, media: null }];
        const withMedia = {
          reply: { ...reply, text: media.type === 'audio' ? '' : text, media: media.type },
          media,
        };
        return media.type === 'audio' && text
          ? [{ reply: { ...reply, text }, media: null }, withMedia]
          : [withMedia];
      } catch (error) {
        this.deps.logger.warn(
          { err: error, savedReplyId: reply.savedReplyId },
          'automation skipped a saved reply it could not read',
        );
        return [];
      }
    });
  }

  private decideSafely(...args: [AutomationSettings, Parameters<typeof decide>[1], ChatMemory]) {
    try {
      return decide(args[0], args[1], args[2], this.regex);
    } catch (error) {
      if (!(error instanceof RegexTimeout)) throw error;
      this.deps.logger.warn({ pattern: error.pattern }, 'a keyword pattern took too long and was skipped');
      // Decide again with the slow pattern treated as no match.
      const slow = error.pattern;
      return decide(args[0], args[1], args[2], (pattern, text) =>
        pattern === slow ? false : this.regex(pattern, text),
      );
    }
  }

  private tag(sessionId: string, chat: string, tagId: string, rule = 'rule'): void {
    try {
      this.deps.taggings.addToChat(sessionId, chat, tagId, systemAttribution(automationActor(rule)));
    } catch (error) {
      this.deps.logger.warn(
        { err: error, session: sessionId, chat, tagId },
        'automation could not tag the chat',
      );
    }
  }

  private async sendReply(
    sessionId: string,
    chat: string,
    { reply, media }: { reply: AutomationReply; media: SavedReplyMedia | null },
    typing: boolean,
  ): Promise<void> {
    const { send, actions } = this.deps.messaging;
    if (typing) {
      await actions.presence(sessionId, chat, 'composing').catch(() => undefined);
      await new Promise<void>((resolve) =>
        this.clock.setTimer(resolve, 1000 + Math.floor(Math.random() * 2000)),
      );
    }
    const id = actions.newMessageId(sessionId);
    this.ownSends.add(id);
    try {
      const by = systemAttribution(automationActor(reply.rule));
      const sent = await send.send(
        sessionId,
        outgoingMessage(chat, reply.text, media, id),
        undefined,
        by.actor,
      );
      this.deps.events.transaction(() => {
        this.store.logReply(sessionId, chat, sent.id, reply.kind, reply.rule, this.clock.now());
        this.deps.events.record(
          'automation.replied',
          sessionId,
          {
            chat,
            messageId: sent.id,
            kind: reply.kind,
            rule: reply.rule,
            actor: by.label,
            text: reply.text,
          },
          by.actor,
        );
      });
    } finally {
      this.ownSends.delete(id);
      if (typing) await actions.presence(sessionId, chat, 'paused').catch(() => undefined);
    }
  }
}

/** What SendService sends for one automatic message: text, or a saved reply's media with its text as caption. */
function outgoingMessage(
  to: string,
  text: string,
  media: SavedReplyMedia | null,
  id: string,
): SendMessageInput {
  if (!media) return { type: 'text', to, text, id };
  const { type, ...source } = media;
  if (type === 'audio') return { type, to, media: source, id };
  return { type, to, media: source, ...(text.trim() ? { caption: text } : {}), id };
}
