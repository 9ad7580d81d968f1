/**
 * Routing (issue #16): who a conversation goes to. Per team an assignment method (manual, round
 * robin, let the group decide) and a per-person limit of open chats; an ordered list of default
 * rules (conditions → actions) evaluated on a new conversation, a customer message or a tag added;
 * and per number an optional rule-engine webhook that decides first. Settings → Routing edits it;
 * the REST routes (api/routes/routing.ts) are thin adapters onto these operations.
 */
import { z } from 'zod';
import { sessionField, type Access } from '../access.js';
import { exampleOf } from '../examples.js';
import { op } from './operation.js';
import { CHAT_STATUSES } from './assignment.js';
import { sessionIdSchema } from './sessions.js';

export const TEAM_METHODS = ['manual', 'round_robin', 'let_group_decide'] as const;
export type TeamMethod = (typeof TEAM_METHODS)[number];

/** What a rule listens to: a new conversation, every customer message, or a tag added to the chat. */
export const ROUTING_TRIGGERS = ['conversation', 'message', 'tag'] as const;
export type RoutingTrigger = (typeof ROUTING_TRIGGERS)[number];

const id = z.string().trim().min(1, 'is required').max(64);

export const routingConditionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('number'),
    sessions: z.array(sessionIdSchema).min(1, 'choose at least one number').max(50),
  }),
  z.strictObject({ type: z.literal('contactTag'), tag: id.describe('The chat carries this tag') }),
  z.strictObject({
    type: z.literal('customer'),
    is: z.enum(['new', 'returning']).describe('returning: an earlier conversation of theirs was resolved'),
  }),
  z.strictObject({ type: z.literal('savedContact'), saved: z.boolean() }),
  z.strictObject({
    type: z.literal('text'),
    match: z.enum(['contains', 'regex']),
    pattern: z.string().trim().min(1, 'is required').max(500),
  }),
  z.strictObject({ type: z.literal('hours'), when: z.enum(['inside', 'outside']) }),
  z.strictObject({ type: z.literal('tagAdded'), tag: id.describe('Only with `on: "tag"`') }),
]);
export type RoutingCondition = z.infer<typeof routingConditionSchema>;

export const routingActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('assignUser'), user: id.describe('Person id') }),
  z.strictObject({
    type: z.literal('assignTeam'),
    team: id.describe('Team id: the team’s method picks the person'),
  }),
  z.strictObject({ type: z.literal('addTag'), tag: id }),
  z.strictObject({ type: z.literal('removeTag'), tag: id }),
  z.strictObject({ type: z.literal('setStatus'), status: z.enum(CHAT_STATUSES) }),
  z.strictObject({ type: z.literal('reply'), savedReply: id.describe('Saved reply id') }),
  z.strictObject({ type: z.literal('stop') }),
]);
export type RoutingAction = z.infer<typeof routingActionSchema>;

export const routingRuleSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only')
      .optional()
      .describe('Kept when given; a new rule gets one'),
    name: z.string().trim().min(1, 'is required').max(80),
    enabled: z.boolean().default(true),
    on: z.enum(ROUTING_TRIGGERS),
    conditions: z.array(routingConditionSchema).max(20),
    actions: z.array(routingActionSchema).min(1, 'add at least one action').max(10),
  })
  .meta({
    id: 'RoutingRule',
    example: {
      id: 'rr_sales',
      name: 'Prices go to Sales',
      enabled: true,
      on: 'conversation',
      conditions: [{ type: 'text', match: 'contains', pattern: 'price' }],
      actions: [{ type: 'assignTeam', team: 'team_sales' }, { type: 'stop' }],
    },
  });
export type RoutingRuleInput = z.input<typeof routingRuleSchema>;
export type RoutingRule = z.output<typeof routingRuleSchema> & { id: string };

const RULE_EXAMPLE = exampleOf(routingRuleSchema);

export const routingRulesSchema = z
  .object({ rules: z.array(routingRuleSchema) })
  .meta({ id: 'RoutingRules', example: { rules: [RULE_EXAMPLE] } });

export const saveRulesInput = z
  .strictObject({ rules: z.array(routingRuleSchema).max(100) })
  .meta({ id: 'SaveRoutingRules', example: { rules: [RULE_EXAMPLE] } });

export const reorderRulesInput = z
  .strictObject({ ids: z.array(z.string().min(1).max(64)).max(100) })
  .meta({ id: 'ReorderRoutingRules', example: { ids: ['rr_sales', 'rr_night'] } });

export const ruleIdInput = z.strictObject({ id: z.string().min(1).max(64) });

/** A pretend event for the editor's preview: nothing is stored, sent or assigned. */
export const routingTestInput = z
  .strictObject({
    session: sessionIdSchema,
    on: z.enum(ROUTING_TRIGGERS).default('conversation'),
    text: z.string().max(4096).default(''),
    tagAdded: id.optional().describe('With `on: "tag"`: the tag added'),
    chatTags: z.array(id).max(50).default([]).describe('Tags the chat already carries'),
    customer: z.enum(['new', 'returning']).default('new'),
    savedContact: z.boolean().default(false),
    at: z.iso.datetime({ offset: true }).optional().describe('When (default: now)'),
    rules: z
      .array(routingRuleSchema)
      .max(100)
      .optional()
      .describe('Unsaved rules to try (the editor’s draft); default: the saved ones'),
  })
  .meta({
    id: 'RoutingTest',
    example: { session: 'shop', on: 'conversation', text: 'What are your prices?' },
  });
export type RoutingTestInput = z.input<typeof routingTestInput>;

export interface RoutingTestResult {
  /** Rules that matched, in order, with the actions each would run. */
  matched: { id: string; name: string; actions: RoutingAction[] }[];
  /** Everything that would happen, in order (an assign after the first one is dropped). */
  actions: RoutingAction[];
  /** The rule whose "stop" ended the list, or null. */
  stoppedBy: string | null;
  insideHours: boolean;
  /** Who a team assignment would reach now (round robin looks at who is available). */
  assignee: { user: { id: string; name: string } | null; team: { id: string; name: string } | null } | null;
}

export const teamRoutingSchema = z
  .object({
    team: z.object({ id: z.string(), name: z.string() }),
    method: z.enum(TEAM_METHODS),
    limit: z.number().int().nullable().describe('Open chats per person, or null for no limit'),
    members: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        available: z.boolean(),
        open: z.number().int().describe('Open chats assigned to them now'),
      }),
    ),
  })
  .meta({
    id: 'TeamRouting',
    example: {
      team: { id: 'team_support', name: 'Support' },
      method: 'round_robin',
      limit: 10,
      members: [{ id: 'usr_7Qm2', name: 'Dana Levi', available: true, open: 3 }],
    },
  });
export type TeamRouting = z.infer<typeof teamRoutingSchema>;

export const teamRoutingListSchema = z
  .object({ items: z.array(teamRoutingSchema) })
  .meta({ id: 'TeamRoutingList', example: { items: [exampleOf(teamRoutingSchema)] } });

export const updateTeamRoutingInput = z
  .strictObject({
    team: id,
    method: z.enum(TEAM_METHODS).optional(),
    limit: z.number().int().min(1).max(1000).nullable().optional(),
  })
  .meta({ id: 'UpdateTeamRouting', example: { team: 'team_support', method: 'round_robin', limit: 10 } });

export const RULE_ENGINE_EVENTS = ['conversation', 'message', 'tag'] as const;

export const ruleEngineSchema = z
  .strictObject({
    webhookId: z
      .string()
      .min(1)
      .max(64)
      .nullable()
      .describe('A webhook of Settings → Webhooks (its URL and secret), or null for none'),
    timeoutMs: z.number().int().min(500).max(30_000).default(5_000),
    events: z
      .array(z.enum(RULE_ENGINE_EVENTS))
      .min(1, 'choose at least one')
      .max(3)
      .default(['conversation'])
      .describe('What is sent: new conversations, and optionally every message or tag added'),
  })
  .meta({
    id: 'RuleEngineWebhook',
    example: { webhookId: 'wh_router', timeoutMs: 5000, events: ['conversation'] },
  });
export type RuleEngineConfig = z.output<typeof ruleEngineSchema>;

export const ruleEngineInput = z
  .strictObject({ session: sessionIdSchema, ...ruleEngineSchema.shape })
  .meta({ id: 'SetRuleEngineWebhook', example: { session: 'shop', webhookId: 'wh_router' } });

/** The answer a rule-engine webhook may give; every field optional. */
export const ruleEngineAnswerSchema = z.strictObject({
  assign: z.union([z.strictObject({ user: id }), z.strictObject({ team: id })]).optional(),
  tags: z.array(id).max(20).optional(),
  status: z.enum(CHAT_STATUSES).optional(),
  reply: z.string().min(1).max(4096).optional(),
});
export type RuleEngineAnswer = z.infer<typeof ruleEngineAnswerSchema>;

/** `routing.requested`: what a number's rule-engine webhook is sent (that webhook only). */
export interface RoutingRequestedEvent {
  webhookId: string;
  chat: string;
  trigger: RoutingTrigger;
  message: { id: string; text: string } | null;
  tagAdded: { id: string; name: string } | null;
  contact: { name: string | null; phone: string | null; saved: boolean; returning: boolean };
  tags: { id: string; name: string }[];
  assignee: {
    user: { id: string; name: string } | null;
    team: { id: string; name: string } | null;
  } | null;
}

/** Routing is set by owners and admins (Settings → Routing). */
const ADMIN_PEOPLE = { scope: 'admin', people: 'admin' } as const satisfies Access;
const ADMIN_NUMBER = { ...ADMIN_PEOPLE, session: sessionField } as const satisfies Access;

export const routingOperations = {
  'routing.rules': op<{ rules: RoutingRule[] }>()(z.strictObject({}), ADMIN_PEOPLE),
  /** The whole ordered list at once (create, edit, delete and reorder); refusals name `rules.N.…`. */
  'routing.saveRules': op<{ rules: RoutingRule[] }>()(saveRulesInput, ADMIN_PEOPLE),
  'routing.addRule': op<RoutingRule>()(routingRuleSchema, ADMIN_PEOPLE),
  'routing.deleteRule': op<{ rules: RoutingRule[] }>()(ruleIdInput, { ...ADMIN_PEOPLE, limits: ['delete'] }),
  'routing.reorderRules': op<{ rules: RoutingRule[] }>()(reorderRulesInput, ADMIN_PEOPLE),
  'routing.test': op<RoutingTestResult>()(routingTestInput, ADMIN_NUMBER),
  'routing.teams': op<{ items: TeamRouting[] }>()(z.strictObject({}), ADMIN_PEOPLE),
  'routing.updateTeam': op<TeamRouting>()(updateTeamRoutingInput, ADMIN_PEOPLE),
  'routing.ruleEngine': op<RuleEngineConfig>()(z.strictObject({ session: sessionIdSchema }), ADMIN_NUMBER),
  'routing.setRuleEngine': op<RuleEngineConfig>()(ruleEngineInput, ADMIN_NUMBER),
};
