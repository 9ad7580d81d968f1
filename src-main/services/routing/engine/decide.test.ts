import { describe, expect, it } from 'vitest';
import type { RoutingRule } from '../../../../src-shared/contract/routing.js';
import { createRegexTest } from '../../automation/engine/safe-regex.js';
import { decide, type Hours, type RoutingFacts } from './decide.js';

// Monday 7 December 2026 in Lisbon (UTC+0 in winter).
const MONDAY_10 = Date.parse('2026-12-07T10:00:00Z');
const MONDAY_22 = Date.parse('2026-12-07T22:00:00Z');
const HOURS: Hours = {
  timeZone: 'Europe/Lisbon',
  hours: { MO: [{ availableFrom: '09:00:00', availableUntil: '18:00:00' }] },
  closedDates: [],
};
const regex = createRegexTest();

function facts(overrides: Partial<RoutingFacts> = {}): RoutingFacts {
  return {
    trigger: 'conversation',
    session: 'shop',
    text: 'Hello, what are your prices?',
    chatTags: new Set(),
    tagAdded: null,
    customer: 'new',
    savedContact: false,
    at: MONDAY_10,
    ...overrides,
  };
}

function rule(id: string, overrides: Partial<RoutingRule> = {}): RoutingRule {
  return {
    id,
    name: id,
    enabled: true,
    on: 'conversation',
    conditions: [],
    actions: [{ type: 'assignTeam', team: `team_${id}` }],
    ...overrides,
  };
}

const run = (rules: RoutingRule[], f: RoutingFacts, alreadyRan?: Set<string>) =>
  decide(rules, f, { hours: HOURS, regex, ...(alreadyRan ? { alreadyRan } : {}) });

describe('routing decide', () => {
  it('runs matching rules in order and "stop" ends the list', () => {
    const rules = [
      rule('prices', {
        conditions: [{ type: 'text', match: 'contains', pattern: 'PRICES' }],
        actions: [
          { type: 'addTag', tag: 'tag_sales' },
          { type: 'assignTeam', team: 'team_sales' },
          { type: 'stop' },
        ],
      }),
      rule('everyone'),
    ];
    const decision = run(rules, facts());
    expect(decision.matched.map((m) => m.id)).toEqual(['prices']);
    expect(decision.stoppedBy).toBe('prices');
    expect(decision.actions.map((a) => a.action)).toEqual([
      { type: 'addTag', tag: 'tag_sales' },
      { type: 'assignTeam', team: 'team_sales' },
    ]);
    // Without the keyword the second rule catches it.
    expect(run(rules, facts({ text: 'hi' })).matched.map((m) => m.id)).toEqual(['everyone']);
  });

  it('assigns once per event: a later assign is dropped, other actions still run', () => {
    const rules = [
      rule('first'),
      rule('second', {
        actions: [
          { type: 'assignUser', user: 'usr_x' },
          { type: 'setStatus', status: 'pending' },
        ],
      }),
    ];
    const actions = run(rules, facts()).actions.map((a) => a.action.type);
    expect(actions).toEqual(['assignTeam', 'setStatus']);
  });

  it('listens only to its trigger, and skips disabled rules', () => {
    const rules = [rule('off', { enabled: false }), rule('messages', { on: 'message' })];
    expect(run(rules, facts()).matched).toEqual([]);
    expect(run(rules, facts({ trigger: 'message' })).matched.map((m) => m.id)).toEqual(['messages']);
  });

  it('decides inside / outside hours on the injected time', () => {
    const rules = [rule('night', { conditions: [{ type: 'hours', when: 'outside' }] })];
    expect(run(rules, facts({ at: MONDAY_10 })).matched).toEqual([]);
    const night = run(rules, facts({ at: MONDAY_22 }));
    expect(night.matched.map((m) => m.id)).toEqual(['night']);
    expect(night.insideHours).toBe(false);
    // A number without hours is never "outside".
    expect(decide(rules, facts({ at: MONDAY_22 }), { hours: null, regex }).matched).toEqual([]);
  });

  it('matches the number, contact tag, new or returning, saved contact and a regex', () => {
    const rules = [
      rule('vip', {
        conditions: [
          { type: 'number', sessions: ['shop'] },
          { type: 'contactTag', tag: 'tag_vip' },
          { type: 'customer', is: 'returning' },
          { type: 'savedContact', saved: true },
          { type: 'text', match: 'regex', pattern: 'order\\s*#?\\d{4}' },
        ],
      }),
    ];
    const vip = facts({
      chatTags: new Set(['tag_vip']),
      customer: 'returning',
      savedContact: true,
      text: 'Where is order #1234?',
    });
    expect(run(rules, vip).matched).toHaveLength(1);
    expect(run(rules, { ...vip, session: 'other' }).matched).toHaveLength(0);
    expect(run(rules, { ...vip, customer: 'new' }).matched).toHaveLength(0);
    expect(run(rules, { ...vip, savedContact: false }).matched).toHaveLength(0);
    expect(run(rules, { ...vip, chatTags: new Set() }).matched).toHaveLength(0);
    expect(run(rules, { ...vip, text: 'Where is my order?' }).matched).toHaveLength(0);
  });

  it('a tag-added rule fires on that tag only', () => {
    const rules = [rule('agent', { on: 'tag', conditions: [{ type: 'tagAdded', tag: 'tag_agent' }] })];
    expect(run(rules, facts({ trigger: 'tag', tagAdded: 'tag_agent', text: '' })).matched).toHaveLength(1);
    expect(run(rules, facts({ trigger: 'tag', tagAdded: 'tag_other', text: '' })).matched).toHaveLength(0);
  });

  it('loop guard: a rule that already ran in this chain is skipped and reported', () => {
    const rules = [
      rule('retag', {
        on: 'tag',
        conditions: [{ type: 'tagAdded', tag: 'tag_a' }],
        actions: [
          { type: 'removeTag', tag: 'tag_a' },
          { type: 'addTag', tag: 'tag_a' },
        ],
      }),
    ];
    const again = run(rules, facts({ trigger: 'tag', tagAdded: 'tag_a' }), new Set(['retag']));
    expect(again.matched).toEqual([]);
    expect(again.actions).toEqual([]);
    expect(again.loops).toEqual(['retag']);
  });
});
