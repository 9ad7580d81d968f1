import type { RoutingRule } from '../../../src-shared/contract/routing.js';
import { AppError } from '../../../src-shared/errors.js';
import type { Db } from '../../db/connection.js';
import type { People } from '../people/index.js';

type PeopleReader = Pick<People, 'users' | 'permissions'>;

/**
 * Why a person cannot take chats of a number, or null when they can: the rule AssignmentService
 * applies (enabled, and owners/admins or read on the number), asked ahead so a rule is refused
 * when saved rather than failing quietly when it fires.
 */
export function whyNotAssignable(people: PeopleReader, userId: string, sessionId: string): string | null {
  const person = people.users.findRow(userId);
  if (!person) return `no person with id "${userId}"`;
  if (person.disabled) return `${person.name} is disabled and cannot be assigned`;
  if (person.role === 'owner' || person.role === 'admin') return null;
  const read = people.permissions.rightsOf(userId).get(sessionId)?.read ?? 'none';
  return read === 'none' ? `${person.name} may not read the chats of number "${sessionId}"` : null;
}

/**
 * Checks what rules refer to before they are saved, naming the field (`rules.2.conditions.0.pattern`):
 * tags, teams, people, saved replies and numbers must exist; a person must be able to take chats
 * of every number the rule can fire on (its "number" conditions, or every number); a regular
 * expression must compile; "tag added" only makes sense in a rule that listens to tags.
 */
export class RulesCheck {
  private readonly tag;
  private readonly team;
  private readonly savedReply;
  private readonly session;
  private readonly sessions;

  constructor(
    db: Db,
    private readonly people: PeopleReader,
  ) {
    const sqlite = db.$client;
    this.tag = sqlite.prepare<[string], { id: string }>('SELECT id FROM tags WHERE id = ?');
    this.team = sqlite.prepare<[string], { id: string }>('SELECT id FROM teams WHERE id = ?');
    this.savedReply = sqlite.prepare<[string], { id: string }>('SELECT id FROM saved_replies WHERE id = ?');
    this.session = sqlite.prepare<[string], { id: string }>('SELECT id FROM sessions WHERE id = ?');
    this.sessions = sqlite.prepare<[], { id: string }>('SELECT id FROM sessions ORDER BY id');
  }

  /** The whole list: fields are named `rules.N.…`. */
  check(rules: readonly RoutingRule[]): void {
    const ids = new Set<string>();
    rules.forEach((rule, index) => {
      const at = `rules.${index}`;
      if (ids.has(rule.id)) refuse(`${at}.id`, `another rule has the id "${rule.id}"`);
      ids.add(rule.id);
      this.checkOne(rule, at);
    });
  }

  /** One rule; `at` prefixes its fields (empty: `conditions.0.pattern`). */
  checkOne(rule: RoutingRule, at: string): void {
    this.checkConditions(rule, at);
    this.checkActions(rule, at);
  }

  private checkConditions(rule: RoutingRule, at: string): void {
    rule.conditions.forEach((condition, index) => {
      const field = join(at, `conditions.${index}`);
      switch (condition.type) {
        case 'number':
          condition.sessions.forEach((session, i) => {
            if (!this.session.get(session)) refuse(`${field}.sessions.${i}`, `no number "${session}"`);
          });
          return;
        case 'contactTag':
          return this.known(this.tag, condition.tag, `${field}.tag`, 'tag');
        case 'tagAdded':
          if (rule.on !== 'tag') refuse(`${field}.type`, '"tag added" needs a rule that listens to tags');
          return this.known(this.tag, condition.tag, `${field}.tag`, 'tag');
        case 'text':
          if (condition.match === 'regex') checkRegex(condition.pattern, `${field}.pattern`);
          return;
        default:
          return;
      }
    });
  }

  private checkActions(rule: RoutingRule, at: string): void {
    const numbers = rule.conditions.flatMap((c) => (c.type === 'number' ? [c.sessions] : []));
    // The numbers the rule can fire on: those every "number" condition allows, or all of them.
    const sessions =
      numbers.length === 0
        ? this.sessions.all().map((row) => row.id)
        : numbers.reduce((common, list) => common.filter((id) => list.includes(id)));
    rule.actions.forEach((action, index) => {
      const field = join(at, `actions.${index}`);
      switch (action.type) {
        case 'assignUser':
          for (const session of sessions) {
            const why = whyNotAssignable(this.people, action.user, session);
            if (why) refuse(`${field}.user`, why);
          }
          return;
        case 'assignTeam':
          return this.known(this.team, action.team, `${field}.team`, 'team');
        case 'addTag':
        case 'removeTag':
          return this.known(this.tag, action.tag, `${field}.tag`, 'tag');
        case 'reply':
          return this.known(this.savedReply, action.savedReply, `${field}.savedReply`, 'saved reply');
        default:
          return;
      }
    });
  }

  private known(statement: { get(id: string): unknown }, id: string, field: string, what: string): void {
    if (!statement.get(id)) refuse(field, `no ${what} "${id}"`);
  }
}

function join(at: string, rest: string): string {
  return at ? `${at}.${rest}` : rest;
}

function checkRegex(pattern: string, field: string): void {
  try {
    new RegExp(pattern, 'iu');
  } catch (error) {
    refuse(field, `not a valid regular expression (${(error as Error).message})`);
  }
}

function refuse(field: string, why: string): never {
  throw new AppError('VALIDATION_FAILED', `${field}: ${why}`, field);
}
