import type { SavedReplyMedia } from '../../../src-shared/contract/organize.js';
import type { Actor } from '../../../src-shared/contract/people.js';
import type { RoutingAction, RuleEngineAnswer } from '../../../src-shared/contract/routing.js';
import { phoneOfJid } from '../../../src-shared/jid.js';
import type { SendMessageInput } from '../../../src-shared/send-schemas.js';
import type { Logger } from '../../core/logger.js';
import type { AssignmentService } from '../assignment/assignment-service.js';
import type { Messaging } from '../messaging/messaging.js';
import { systemAttribution } from '../organize/actors.js';
import { fillPlaceholders } from '../organize/placeholders.js';
import type { Organize } from '../organize/index.js';
import type { ChatFacts } from './chat-facts.js';
import type { TeamRouter } from './team-router.js';

/** Routing's events are attributed `Routing: <rule>` (or `Routing: webhook`); the loop guard knows them by it. */
export const ROUTING_ACTOR_PREFIX = 'Routing: ';
export const routingActor = (name: string): Actor => ({
  type: 'system',
  id: null,
  name: `${ROUTING_ACTOR_PREFIX}${name}`,
});
export const WEBHOOK_ACTOR = routingActor('webhook');

export function isRoutingActor(actor: Actor | undefined): boolean {
  return actor?.type === 'system' && actor.name.startsWith(ROUTING_ACTOR_PREFIX);
}

/**
 * Carries out what a rule (or the rule-engine webhook) decided. Each action stands alone: one
 * that cannot run (a person disabled since the rule was saved, a deleted tag) is logged and the
 * others still run, as with automation's actions.
 */
export class RoutingActions {
  constructor(
    private readonly assignment: AssignmentService,
    private readonly teams: TeamRouter,
    private readonly organize: Pick<Organize, 'taggings' | 'tags' | 'savedReplies'>,
    private readonly messaging: Messaging,
    private readonly facts: ChatFacts,
    private readonly logger: Logger,
  ) {}

  async runRule(
    sessionId: string,
    chat: string,
    rule: { id: string; name: string },
    action: RoutingAction,
  ): Promise<void> {
    const actor = routingActor(rule.name);
    const reason = `rule:${rule.id}`;
    await this.safely(sessionId, chat, action.type, async () => {
      switch (action.type) {
        case 'assignUser':
          return void this.assignment.assign(sessionId, chat, { user: action.user }, actor, reason);
        case 'assignTeam':
          return this.teams.route(sessionId, chat, action.team, actor, reason, null);
        case 'addTag':
          return void this.organize.taggings.addToChat(sessionId, chat, action.tag, attribution(actor));
        case 'removeTag':
          return void this.organize.taggings.removeFromChat(sessionId, chat, action.tag, attribution(actor));
        case 'setStatus':
          return void this.assignment.setStatus(sessionId, chat, { status: action.status }, actor, reason);
        case 'reply':
          return this.sendSavedReply(sessionId, chat, action.savedReply, actor);
        case 'stop':
          return;
      }
    });
  }

  /** The rule-engine webhook's answer: assign (reason `webhook`), tags by id or name, status, reply. */
  async runAnswer(sessionId: string, chat: string, answer: RuleEngineAnswer): Promise<void> {
    const actor = WEBHOOK_ACTOR;
    const assign = answer.assign;
    if (assign) {
      await this.safely(sessionId, chat, 'assign', () => {
        if ('user' in assign)
          this.assignment.assign(sessionId, chat, { user: assign.user }, actor, 'webhook');
        else this.teams.route(sessionId, chat, assign.team, actor, 'webhook', null);
      });
    }
    for (const tag of answer.tags ?? []) {
      await this.safely(sessionId, chat, 'tag', () => {
        const known = this.organize.tags.resolve(tag);
        this.organize.taggings.addToChat(sessionId, chat, known.id, attribution(actor));
      });
    }
    if (answer.status) {
      const status = answer.status;
      await this.safely(sessionId, chat, 'status', () => {
        this.assignment.setStatus(sessionId, chat, { status }, actor, 'webhook');
      });
    }
    if (answer.reply) {
      const text = answer.reply;
      await this.safely(sessionId, chat, 'reply', async () => {
        await this.messaging.send.send(sessionId, { type: 'text', to: chat, text }, undefined, actor);
      });
    }
  }

  private async sendSavedReply(sessionId: string, chat: string, id: string, actor: Actor): Promise<void> {
    const saved = this.organize.savedReplies.get(id);
    const contact = this.facts.contactOf(sessionId, chat);
    const phone = phoneOfJid(chat);
    const text = fillPlaceholders(saved.text, { name: contact.name, phone: phone ? `+${phone}` : null });
    await this.messaging.send.send(sessionId, outgoing(chat, text, saved.media), undefined, actor);
  }

  private async safely(sessionId: string, chat: string, what: string, work: () => unknown): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.warn(
        { err: error, session: sessionId, chat, action: what },
        'a routing action did not run',
      );
    }
  }
}

function attribution(actor: Actor) {
  return systemAttribution(actor.name);
}

/** A saved reply as one message: its text, or its media with the text as caption (audio takes none). */
function outgoing(to: string, text: string, media: SavedReplyMedia | null): SendMessageInput {
  if (!media) return { type: 'text', to, text };
  const { type, ...source } = media;
  if (type === 'audio') return { type, to, media: source };
  return { type, to, media: source, ...(text.trim() ? { caption: text } : {}) };
}
