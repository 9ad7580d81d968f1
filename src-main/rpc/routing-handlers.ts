import type { Handlers } from '../../src-shared/contract.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

type RoutingOps = Extract<keyof Handlers<RpcContext>, `routing.${string}`>;

/** Settings → Routing (issue #16); the REST routes (api/routes/routing.ts) call the same. */
export function routingHandlers({ routing }: Services): Pick<Handlers<RpcContext>, RoutingOps> {
  const { service } = routing;
  return {
    'routing.rules': () => service.rules(),
    'routing.saveRules': ({ rules }) => service.saveRules(rules),
    'routing.addRule': (rule) => service.addRule(rule),
    'routing.deleteRule': ({ id }) => service.deleteRule(id),
    'routing.reorderRules': ({ ids }) => service.reorderRules(ids),
    'routing.test': (input) => service.test(input),
    'routing.teams': () => service.teamsView(),
    'routing.updateTeam': (input) => service.updateTeam(input),
    'routing.ruleEngine': ({ session }) => service.ruleEngine(session),
    'routing.setRuleEngine': ({ session, ...config }) => service.setRuleEngine(session, config),
  };
}
