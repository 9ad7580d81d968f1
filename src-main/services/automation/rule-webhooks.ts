import type { Statement } from 'better-sqlite3';
import type { AutomationSettings } from '../../../src-shared/contract/automation.js';
import { AppError } from '../../../src-shared/errors.js';
import type { Message } from '../../../src-shared/messages.js';
import type { Db } from '../../db/connection.js';
import type { EventRecorder } from '../events/event-recorder.js';

/**
 * The keyword rule action "call a webhook". The rule names a webhook of Settings → Webhooks; when
 * it matches, an `automation.rule_matched` event is recorded for that webhook alone
 * (services/webhooks/outbox.ts), so the call goes through the durable outbox: signed, retried,
 * listed in its deliveries, and its answer `{"reply": "…"}` sent like any webhook reply.
 */
export class RuleWebhooks {
  private readonly exists: Statement<[string], { id: string }>;

  constructor(
    db: Db,
    private readonly events: EventRecorder,
  ) {
    this.exists = db.$client.prepare('SELECT id FROM webhooks WHERE id = ?');
  }

  /** Refuses settings whose rules name a webhook that does not exist, naming the field. */
  check(settings: AutomationSettings): void {
    settings.rules.forEach((rule, index) => {
      if (rule.webhookId && !this.exists.get(rule.webhookId)) {
        const field = `rules.${index}.webhookId`;
        throw new AppError('VALIDATION_FAILED', `${field}: no webhook "${rule.webhookId}"`, field);
      }
    });
  }

  notify(
    sessionId: string,
    message: Message,
    webhook: { id: string; rule: { id: string; name: string } },
  ): void {
    this.events.record('automation.rule_matched', sessionId, {
      webhookId: webhook.id,
      chat: message.chat,
      rule: webhook.rule,
      message: {
        id: message.id,
        from: message.sender ?? message.chat,
        senderName: message.senderName ?? null,
        text: message.text ?? '',
      },
    });
  }
}
