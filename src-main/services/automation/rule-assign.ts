import type { Statement } from 'better-sqlite3';
import type { AutomationSettings } from '../../../src-shared/contract/automation.js';
import type { Actor } from '../../../src-shared/contract/people.js';
import { AppError } from '../../../src-shared/errors.js';
import type { Db } from '../../db/connection.js';
import type { Logger } from '../../core/logger.js';

/** How automation hands a chat to people: the assignment service's `assign`, wired by the app. */
export type AssignChat = (
  sessionId: string,
  chat: string,
  target: { user: string | null; team: string | null },
  actor: Actor,
  reason: string,
) => unknown;

/**
 * The keyword rule action "assign": the chat goes to a person and/or a team, announced as
 * `chat.assigned` with reason `rule:<id>`. Unknown people and teams are refused when the rules are
 * saved; a person who cannot take the chat when the rule fires (disabled since, or without read on
 * the number) is logged and the rest of the rule still runs, as for a deleted saved reply.
 */
export class RuleAssign {
  private readonly user: Statement<[string], { id: string }>;
  private readonly team: Statement<[string], { id: string }>;

  constructor(
    db: Db,
    private readonly logger: Logger,
    private readonly assignChat: AssignChat | undefined,
  ) {
    this.user = db.$client.prepare('SELECT id FROM users WHERE id = ?');
    this.team = db.$client.prepare('SELECT id FROM teams WHERE id = ?');
  }

  check(settings: AutomationSettings): void {
    settings.rules.forEach((rule, index) => {
      const target = rule.assign;
      if (!target) return;
      for (const [kind, id, known] of [
        ['user', target.user, this.user],
        ['team', target.team, this.team],
      ] as const) {
        if (id !== null && !known.get(id)) {
          const field = `rules.${index}.assign.${kind}`;
          throw new AppError(
            'VALIDATION_FAILED',
            `${field}: no ${kind === 'user' ? 'person' : 'team'} "${id}"`,
            field,
          );
        }
      }
    });
  }

  run(
    sessionId: string,
    chat: string,
    assign: { user: string | null; team: string | null; ruleId: string },
    actor: Actor,
  ): void {
    if (!this.assignChat) return;
    try {
      this.assignChat(
        sessionId,
        chat,
        { user: assign.user, team: assign.team },
        actor,
        `rule:${assign.ruleId}`,
      );
    } catch (error) {
      this.logger.warn(
        { err: error, session: sessionId, chat, rule: assign.ruleId },
        'automation could not assign the chat',
      );
    }
  }
}
