import type { Actor } from '../../../src-shared/contract/people.js';
import { AppError } from '../../../src-shared/errors.js';
import { toJid } from '../../../src-shared/jid.js';
import type { AssignmentService } from './assignment-service.js';
import type { AssignmentSettingsStore } from './assignment-settings.js';

/**
 * The `foreignReply` setting, on the server: with `forbid`, a person may not send in a chat that
 * is assigned to someone else (403 naming the owner), whatever their window does. `warn` is the
 * composer's question (the person confirmed it, so the server lets it through); `allow` lets
 * everyone answer. Keys, the desktop, automation and schedules are not people and always send.
 */
export class ForeignReplyGuard {
  constructor(
    private readonly assignment: AssignmentService,
    private readonly settings: AssignmentSettingsStore,
  ) {}

  /** `to` is the chat as the send names it (a JID or a phone number); `field` names it in the refusal. */
  assertMayReply(sessionId: string, to: string, actor: Actor, field = 'to'): void {
    if (actor.type !== 'user' || !actor.id) return;
    if (this.settings.get().foreignReply !== 'forbid') return;
    let jid: string;
    try {
      jid = toJid(to, field);
    } catch {
      return; // Not a chat: the send itself refuses it, naming the field.
    }
    const owner = this.assignment.assigneeOf(sessionId, jid)?.user;
    if (!owner || owner.id === actor.id) return;
    throw new AppError(
      'FORBIDDEN',
      `${owner.name} has this chat, and replies by others are turned off (assignment setting foreignReply: forbid)`,
      field,
    );
  }
}
