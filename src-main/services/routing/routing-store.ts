import { randomBytes } from 'node:crypto';
import type { RoutingRule, RuleEngineConfig, TeamMethod } from '../../../src-shared/contract/routing.js';
import type { InternalSettings } from '../settings/internal-settings.js';

/** A team's routing: its method, the per-person limit, and round robin's cursor (the last person given a chat). */
export interface TeamConfig {
  method: TeamMethod;
  limit: number | null;
  cursor: string | null;
}

const RULES = 'routing.rules';
const TEAMS = 'routing.teams';
const ENGINE = 'routing.engine';

export const DEFAULT_TEAM: TeamConfig = { method: 'manual', limit: null, cursor: null };

/**
 * Routing's settings, as internal settings documents (no migration: a short list of rules, a few
 * teams and numbers, read once per event with one key lookup each, written rarely; round robin's
 * cursor is written in the transaction of the assignment it made, so a crash cannot skip anyone).
 * A deleted team or webhook leaves its entry behind; entries whose team or webhook is gone are
 * ignored where they are read.
 */
export class RoutingStore {
  constructor(private readonly internal: InternalSettings) {}

  rules(): RoutingRule[] {
    return this.internal.read<RoutingRule[]>(RULES) ?? [];
  }

  saveRules(rules: readonly RoutingRule[]): void {
    this.internal.write(RULES, rules);
  }

  team(teamId: string): TeamConfig {
    return { ...DEFAULT_TEAM, ...(this.teams()[teamId] ?? {}) };
  }

  teams(): Record<string, TeamConfig> {
    return this.internal.read<Record<string, TeamConfig>>(TEAMS) ?? {};
  }

  saveTeam(teamId: string, config: TeamConfig): void {
    this.internal.write(TEAMS, { ...this.teams(), [teamId]: config });
  }

  engine(sessionId: string): RuleEngineConfig {
    return (
      this.internal.read<Record<string, RuleEngineConfig>>(ENGINE)?.[sessionId] ?? {
        webhookId: null,
        timeoutMs: 5_000,
        events: ['conversation'],
      }
    );
  }

  saveEngine(sessionId: string, config: RuleEngineConfig | null): void {
    const all = { ...(this.internal.read<Record<string, RuleEngineConfig>>(ENGINE) ?? {}) };
    if (config === null || config.webhookId === null) delete all[sessionId];
    else all[sessionId] = config;
    this.internal.write(ENGINE, all);
  }
}

export function newRuleId(): string {
  return `rr_${randomBytes(6).toString('base64url')}`;
}
