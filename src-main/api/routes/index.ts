import type { Services } from '../../services/index.js';
import type { RouteDef } from '../route.js';
import { healthRoutes } from './health.js';

/** Every public REST route, one list per domain. */
export function allRoutes(services: Services): RouteDef[] {
  return [...healthRoutes(services)];
}
