import type { Logger } from '../../core/logger.js';
import type { EventBus } from '../../core/event-bus.js';
import type { Db } from '../../db/connection.js';
import type { Assignment } from '../assignment/index.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { Messaging } from '../messaging/messaging.js';
import type { Organize } from '../organize/index.js';
import type { People } from '../people/index.js';
import type { InternalSettings } from '../settings/internal-settings.js';
import { httpSend, type Sender } from '../webhooks/http-sender.js';
import { ChatFacts } from './chat-facts.js';
import { RoutingActions } from './routing-actions.js';
import { RoutingEvaluator } from './routing-evaluator.js';
import { RoutingListener } from './routing-listener.js';
import { RoutingService } from './routing-service.js';
import { RoutingStore } from './routing-store.js';
import { RuleEngine } from './rule-engine.js';
import { RulesCheck } from './rules-check.js';
import { TeamRouter } from './team-router.js';

/** Routing (issue #16): team methods, the default rules, the rule-engine webhook, and the listener that applies them. */
export interface Routing {
  service: RoutingService;
  /** Routes conversations as events arrive; starts and stops with the core. */
  listener: RoutingListener;
}

export function createRouting(deps: {
  db: Db;
  bus: EventBus;
  events: EventRecorder;
  people: People;
  assignment: Assignment;
  organize: Organize;
  messaging: Messaging;
  internal: InternalSettings;
  logger: Logger;
  userAgent: string;
  send?: Sender;
  now?: () => number;
}): Routing {
  const logger = deps.logger.child({ component: 'routing' });
  const store = new RoutingStore(deps.internal);
  const facts = new ChatFacts(deps.db);
  const teams = new TeamRouter(deps.db, deps.events, deps.assignment.service, deps.people, store);
  const evaluator = new RoutingEvaluator(deps.db, store, facts, logger, deps.now);
  const engine = new RuleEngine(deps.db, deps.events, deps.send ?? httpSend, deps.userAgent, logger);
  const actions = new RoutingActions(
    deps.assignment.service,
    teams,
    deps.organize,
    deps.messaging,
    facts,
    logger,
  );
  return {
    service: new RoutingService(
      deps.db,
      store,
      new RulesCheck(deps.db, deps.people),
      teams,
      evaluator,
      deps.people,
      deps.now,
    ),
    listener: new RoutingListener(
      deps.bus,
      store,
      facts,
      evaluator,
      engine,
      actions,
      deps.assignment.service,
      logger,
    ),
  };
}
