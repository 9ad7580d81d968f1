import type {
  routingTestInput,
  RoutingRule,
  RoutingTestResult,
  RuleEngineConfig,
  TeamRouting,
} from '../../../src-shared/contract/routing.js';
import type { z } from 'zod';
import { AppError } from '../../../src-shared/errors.js';
import type { Db } from '../../db/connection.js';
import type { People } from '../people/index.js';
import type { RoutingEvaluator } from './routing-evaluator.js';
import { newRuleId, type RoutingStore } from './routing-store.js';
import type { RulesCheck } from './rules-check.js';
import type { TeamRouter } from './team-router.js';

type RuleInput = Omit<RoutingRule, 'id'> & { id?: string | undefined };
type TestInput = z.output<typeof routingTestInput>;

/**
 * Settings → Routing: the ordered rules (saved whole, or one added, deleted, reordered; every
 * save checks what the rules refer to), the teams' methods and limits, each number's
 * rule-engine webhook, and the editor's preview (nothing stored, sent or assigned).
 */
export class RoutingService {
  private readonly webhook;
  private readonly session;
  private readonly teamIds;

  constructor(
    db: Db,
    private readonly store: RoutingStore,
    private readonly check: RulesCheck,
    private readonly teams: TeamRouter,
    private readonly evaluator: RoutingEvaluator,
    private readonly people: Pick<People, 'users' | 'teams'>,
    private readonly now: () => number = Date.now,
  ) {
    this.webhook = db.$client.prepare<[string], { id: string }>('SELECT id FROM webhooks WHERE id = ?');
    this.session = db.$client.prepare<[string], { id: string }>('SELECT id FROM sessions WHERE id = ?');
    this.teamIds = db.$client.prepare<[], { id: string }>(
      'SELECT id FROM teams ORDER BY name COLLATE NOCASE',
    );
  }

  rules(): { rules: RoutingRule[] } {
    return { rules: this.store.rules() };
  }

  saveRules(input: readonly RuleInput[]): { rules: RoutingRule[] } {
    const rules = input.map((rule) => ({ ...rule, id: rule.id ?? newRuleId() }));
    this.check.check(rules);
    this.store.saveRules(rules);
    return this.rules();
  }

  addRule(input: RuleInput): RoutingRule {
    const rules = this.store.rules();
    if (input.id && rules.some((rule) => rule.id === input.id)) {
      throw new AppError('VALIDATION_FAILED', `id: another rule has the id "${input.id}"`, 'id');
    }
    const rule = { ...input, id: input.id ?? newRuleId() };
    this.check.checkOne(rule, '');
    this.store.saveRules([...rules, rule]);
    return rule;
  }

  deleteRule(id: string): { rules: RoutingRule[] } {
    const rules = this.store.rules();
    if (!rules.some((rule) => rule.id === id)) throw new AppError('NOT_FOUND', `no rule "${id}"`, 'id');
    this.store.saveRules(rules.filter((rule) => rule.id !== id));
    return this.rules();
  }

  /** `ids` must name every rule once: the new order. */
  reorderRules(ids: readonly string[]): { rules: RoutingRule[] } {
    const rules = this.store.rules();
    const byId = new Map(rules.map((rule) => [rule.id, rule]));
    ids.forEach((id, index) => {
      if (!byId.has(id))
        throw new AppError('VALIDATION_FAILED', `ids.${index}: no rule "${id}"`, `ids.${index}`);
    });
    if (new Set(ids).size !== ids.length || ids.length !== rules.length) {
      throw new AppError('VALIDATION_FAILED', 'ids: name every rule exactly once', 'ids');
    }
    this.store.saveRules(ids.map((id) => byId.get(id)!));
    return this.rules();
  }

  test(input: TestInput): RoutingTestResult {
    this.assertSession(input.session, 'session');
    if (input.on === 'tag' && !input.tagAdded) {
      throw new AppError('VALIDATION_FAILED', 'tagAdded: choose the tag that was added', 'tagAdded');
    }
    const rules = input.rules
      ? input.rules.map((rule, index) => ({ ...rule, id: rule.id ?? `draft_${index}` }))
      : this.store.rules();
    if (input.rules) this.check.check(rules);
    const at = input.at ? Date.parse(input.at) : this.now();
    const decision = this.evaluator.decideSafely(rules, {
      trigger: input.on,
      session: input.session,
      text: input.text,
      chatTags: new Set(input.chatTags),
      tagAdded: input.tagAdded ?? null,
      customer: input.customer,
      savedContact: input.savedContact,
      at,
    });
    return {
      matched: decision.matched,
      actions: decision.actions.map((item) => item.action),
      stoppedBy: decision.stoppedBy,
      insideHours: decision.insideHours,
      assignee: this.previewAssignee(
        decision.actions.map((item) => item.action),
        input.session,
      ),
    };
  }

  teamsView(): { items: TeamRouting[] } {
    return { items: this.teamIds.all().map((row) => this.teams.view(row.id)) };
  }

  updateTeam(input: {
    team: string;
    method?: TeamRouting['method'] | undefined;
    limit?: number | null | undefined;
  }): TeamRouting {
    const current = this.store.team(input.team);
    this.teams.view(input.team);
    this.store.saveTeam(input.team, {
      ...current,
      ...(input.method !== undefined ? { method: input.method } : {}),
      ...(input.limit !== undefined ? { limit: input.limit } : {}),
    });
    return this.teams.view(input.team);
  }

  ruleEngine(session: string): RuleEngineConfig {
    this.assertSession(session, 'session');
    return this.store.engine(session);
  }

  setRuleEngine(session: string, config: RuleEngineConfig): RuleEngineConfig {
    this.assertSession(session, 'session');
    if (config.webhookId !== null && !this.webhook.get(config.webhookId)) {
      throw new AppError('VALIDATION_FAILED', `webhookId: no webhook "${config.webhookId}"`, 'webhookId');
    }
    this.store.saveEngine(session, config);
    return this.store.engine(session);
  }

  /** A deleted number's rule-engine setting goes with it (a number created again starts without one). */
  forgetSession(session: string): void {
    this.store.saveEngine(session, null);
  }

  private previewAssignee(
    actions: RoutingTestResult['actions'],
    session: string,
  ): RoutingTestResult['assignee'] {
    const assign = actions.find((a) => a.type === 'assignUser' || a.type === 'assignTeam');
    if (!assign) return null;
    if (assign.type === 'assignUser') {
      const user = this.people.users.findRow(assign.user);
      return { user: user ? { id: user.id, name: user.name } : null, team: null };
    }
    const team = this.teams.view(assign.team).team;
    const picked = this.teams.preview(assign.team, session);
    const user = picked ? this.people.users.findRow(picked) : undefined;
    return { user: user ? { id: user.id, name: user.name } : null, team };
  }

  private assertSession(session: string, field: string): void {
    if (!this.session.get(session)) throw new AppError('NOT_FOUND', `no number "${session}"`, field);
  }
}
