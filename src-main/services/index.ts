import type { EventBus } from '../core/event-bus.js';
import type { Logger } from '../core/logger.js';
import type { Db } from '../db/connection.js';
import { WaSessionManager } from '../wa/session-manager.js';
import type { WaServerOptions } from '../wa/server-options.js';
import { ApiKeyService } from './api-keys.js';
import { EventRecorder } from './event-recorder.js';
import { HealthService } from './health.js';
import { SessionService } from './sessions.js';
import { SettingsService } from './settings.js';
import { WidgetService } from './widgets.js';

/** Every service of the core, built once and shared by the RPC handlers and REST routes. */
export interface Services {
  events: EventRecorder;
  settings: SettingsService;
  apiKeys: ApiKeyService;
  health: HealthService;
  sessions: SessionService;
  widgets: WidgetService;
}

export interface ServiceDeps {
  db: Db;
  bus: EventBus;
  logger: Logger;
  waServer: WaServerOptions;
}

export function createServices(deps: ServiceDeps): Services {
  const { db, bus, logger } = deps;
  const events = new EventRecorder(db, bus);
  const apiKeys = new ApiKeyService(db);
  const manager = new WaSessionManager({ db, logger, server: deps.waServer });
  const sessions = new SessionService(db, events, apiKeys, manager, logger);
  const health = new HealthService();
  health.useSessionCounter(sessions);
  return {
    events,
    settings: new SettingsService(db, events),
    apiKeys,
    health,
    sessions,
    widgets: new WidgetService(db),
  };
}
