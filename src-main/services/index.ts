import type { EventBus } from '../core/event-bus.js';
import type { Logger } from '../core/logger.js';
import type { Db } from '../db/connection.js';
import { ApiKeyService } from './api-keys.js';
import { HealthService } from './health.js';
import { SettingsService } from './settings.js';

/** Every service of the core, built once and shared by the RPC handlers and REST routes. */
export interface Services {
  settings: SettingsService;
  apiKeys: ApiKeyService;
  health: HealthService;
}

export function createServices(deps: { db: Db; bus: EventBus; logger: Logger }): Services {
  return {
    settings: new SettingsService(deps.db, deps.bus),
    apiKeys: new ApiKeyService(deps.db),
    health: new HealthService(),
  };
}
