import { z } from 'zod';
import {
  reorderRulesInput,
  routingRuleSchema,
  routingRulesSchema,
  routingTestInput,
  ruleEngineSchema,
  saveRulesInput,
  teamRoutingListSchema,
  teamRoutingSchema,
  updateTeamRoutingInput,
} from '../../../src-shared/contract/routing.js';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import { routingHandlers } from '../../rpc/routing-handlers.js';
import type { Services } from '../../services/index.js';
import { csrfTokenOf } from '../auth.js';
import { operationRoute, type RestContext } from '../operation-route.js';

const testResultSchema = z
  .object({
    matched: z.array(z.object({ id: z.string(), name: z.string(), actions: z.array(z.unknown()) })),
    actions: z.array(z.unknown()),
    stoppedBy: z.string().nullable(),
    insideHours: z.boolean(),
    assignee: z.unknown().nullable(),
  })
  .meta({
    id: 'RoutingTestResult',
    example: {
      matched: [
        { id: 'rr_sales', name: 'Prices go to Sales', actions: [{ type: 'assignTeam', team: 'team_sales' }] },
      ],
      actions: [{ type: 'assignTeam', team: 'team_sales' }],
      stoppedBy: null,
      insideHours: true,
      assignee: { user: { id: 'usr_7Qm2', name: 'Dana Levi' }, team: { id: 'team_sales', name: 'Sales' } },
    },
  });

const RULES_NOTE =
  'Rules run in order on the event they listen to (`conversation`, `message` or `tag`); every rule whose ' +
  'conditions all hold adds its actions, `stop` ends the list, and a chat is assigned once per event. ' +
  'Refusals name the field (`rules.2.conditions.0.pattern`). Owners and admins only.';

/** Settings → Routing over REST (issue #16): thin adapters onto the `routing.*` operations. */
export function routingRoutes(services: Services) {
  const ops = routingHandlers(services);
  const rest: RestContext = (ctx, principal) => ({
    transport: 'http',
    principal,
    csrfToken: csrfTokenOf(ctx),
    address: ctx.socket.remoteAddress ?? null,
  });
  const tag = 'routing';
  const rules = { status: 200, description: 'The rules, in order', schema: routingRulesSchema };
  const sessionParams = z.object({ session: sessionIdSchema });
  return [
    operationRoute(
      ops,
      'routing.rules',
      {
        method: 'get',
        path: '/routing/rules',
        tag,
        summary: 'The default routing rules, in order',
        response: rules,
      },
      rest,
    ),
    operationRoute(
      ops,
      'routing.saveRules',
      {
        method: 'put',
        path: '/routing/rules',
        tag,
        summary: 'Replace the whole ordered list of rules',
        description: `Creates, changes, deletes and reorders in one step (a rule without \`id\` gets one). ${RULES_NOTE}`,
        body: saveRulesInput,
        response: rules,
      },
      rest,
    ),
    operationRoute(
      ops,
      'routing.addRule',
      {
        method: 'post',
        path: '/routing/rules',
        tag,
        summary: 'Add a rule at the end of the list',
        description: RULES_NOTE,
        body: routingRuleSchema,
        response: { status: 201, description: 'The rule, with its id', schema: routingRuleSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'routing.deleteRule',
      {
        method: 'delete',
        path: '/routing/rules/:id',
        tag,
        summary: 'Delete a rule',
        params: z.object({ id: z.string().min(1).max(64) }),
        response: rules,
      },
      rest,
    ),
    operationRoute(
      ops,
      'routing.reorderRules',
      {
        method: 'put',
        path: '/routing/rules/order',
        tag,
        summary: 'Reorder the rules',
        description: '`ids` names every rule exactly once, in the new order.',
        body: reorderRulesInput,
        response: rules,
      },
      rest,
    ),
    operationRoute(
      ops,
      'routing.test',
      {
        method: 'post',
        path: '/routing/test',
        tag,
        summary: 'Try the rules against a pretend message',
        description:
          'What the saved rules (or the unsaved `rules` given) would do: nothing is stored, sent or assigned. ' +
          '`assignee` is who a team assignment would reach now.',
        body: routingTestInput,
        response: { status: 200, description: 'What would happen', schema: testResultSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'routing.teams',
      {
        method: 'get',
        path: '/routing/teams',
        tag,
        summary: 'Each team’s assignment method and limit, with its members’ availability and open chats',
        response: { status: 200, description: 'Teams', schema: teamRoutingListSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'routing.updateTeam',
      {
        method: 'patch',
        path: '/routing/teams/:team',
        tag,
        summary: 'Set a team’s assignment method and per-person limit of open chats',
        description:
          '`round_robin`: the next available member in turn, skipping people who are away or at the limit ' +
          '(nobody: the team’s queue, history note “nobody available”); `let_group_decide`: the team’s queue, ' +
          'the first to take or answer owns it; `manual`: the team’s queue. `limit` null: no limit.',
        params: z.object({ team: z.string().min(1).max(64) }),
        body: updateTeamRoutingInput
          .omit({ team: true })
          .meta({ example: { method: 'round_robin', limit: 10 } }),
        response: { status: 200, description: 'The team', schema: teamRoutingSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'routing.ruleEngine',
      {
        method: 'get',
        path: '/sessions/:session/routing/webhook',
        tag,
        summary: 'The number’s rule-engine webhook',
        params: sessionParams,
        response: { status: 200, description: 'The setting', schema: ruleEngineSchema },
      },
      rest,
    ),
    operationRoute(
      ops,
      'routing.setRuleEngine',
      {
        method: 'put',
        path: '/sessions/:session/routing/webhook',
        tag,
        summary: 'Set (or clear, `webhookId: null`) the number’s rule-engine webhook',
        description:
          'The webhook (Settings → Webhooks: its URL, secret and headers) is POSTed a `routing.requested` event ' +
          'for each new conversation (and the chosen `events`), signed like every delivery, and its answer ' +
          '`{"assign": {"user"|"team": id}, "tags": [...], "status": ..., "reply": "..."}` is applied. On a ' +
          'timeout (`timeoutMs`), an error or an answer that is not that JSON, the default rules decide and the ' +
          'failure is on the webhook’s delivery log. See docs/API.md “Rule-engine webhook”.',
        params: sessionParams,
        body: ruleEngineSchema,
        response: { status: 200, description: 'The setting', schema: ruleEngineSchema },
      },
      rest,
    ),
  ];
}
