import type { Services } from '../../services/index.js';
import type { RouteDef } from '../route.js';
import { healthRoutes } from './health.js';
import { sessionRoutes } from './sessions.js';
import { widgetRoutes } from './widgets.js';

/** Every public REST route, one list per domain. */
export function allRoutes(services: Services): RouteDef[] {
  return [...healthRoutes(services), ...sessionRoutes(services), ...widgetRoutes(services)];
}
