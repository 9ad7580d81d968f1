import type { EventBus } from '../../core/event-bus.js';
import type { Logger } from '../../core/logger.js';
import type { Db } from '../../db/connection.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { People } from '../people/index.js';
import type { InternalSettings } from '../settings/internal-settings.js';
import { AssignmentListener } from './assignment-listener.js';
import { AssignmentService } from './assignment-service.js';
import { AssignmentSettingsStore } from './assignment-settings.js';
import { Availability } from './availability.js';
import { ForeignReplyGuard } from './foreign-reply.js';
import { ChatHandover } from './handover.js';
import { ViewCountQueries } from './view-counts.js';

/** Chat status and assignee (issue #16): the rules, the settings, what happens by itself, availability. */
export interface Assignment {
  service: AssignmentService;
  settings: AssignmentSettingsStore;
  /** Reopens on customer messages, assigns on replies, wakes snoozes; starts and stops with the core. */
  listener: AssignmentListener;
  availability: Availability;
  /** The inbox views' counts (Mine, Unassigned, teams, All). */
  counts: ViewCountQueries;
  /** `foreignReply: forbid` on the server: people may not send in someone else's chat. */
  foreignReply: ForeignReplyGuard;
  /** A deleted team's or person's chats: counted, and moved where the delete says. */
  handover: ChatHandover;
}

export function createAssignment(deps: {
  db: Db;
  bus: EventBus;
  events: EventRecorder;
  people: People;
  internal: InternalSettings;
  logger: Logger;
  now?: () => number;
  /** Deleted numbers whose history is kept: neither listed nor counted. */
  hiddenSessions?: () => readonly string[];
}): Assignment {
  const service = new AssignmentService(deps.db, deps.events, deps.people, deps.now);
  const settings = new AssignmentSettingsStore(deps.internal);
  return {
    service,
    settings,
    listener: new AssignmentListener(deps.bus, service, settings, deps.logger),
    availability: new Availability(deps.db),
    counts: new ViewCountQueries(deps.db.$client, deps.hiddenSessions),
    foreignReply: new ForeignReplyGuard(service, settings),
    handover: new ChatHandover(deps.db, service),
  };
}
