import type { Services } from '../../services/index.js';
import type { RouteDef } from '../route.js';
import { healthRoutes } from './health.js';
import { sessionRoutes } from './sessions.js';
import { widgetRoutes } from './widgets.js';
import { eventRoutes } from './events.js';
import { keyRoutes } from './keys.js';
import { logRoutes } from './logs.js';
import { webhookRoutes } from './webhooks.js';

/** Every public REST route, one list per domain. */
export function allRoutes(services: Services): RouteDef[] {
  return [
    ...healthRoutes(services), ...sessionRoutes(services), ...widgetRoutes(services),
    ...webhookRoutes(services),
    ...keyRoutes(services),
    ...logRoutes(services),
    ...eventRoutes(),
  ];
}
