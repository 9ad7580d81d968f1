import type { Handlers } from '../../src-shared/contract.js';
import type { Services } from '../services/index.js';
import { appHandlers, type RuntimeInfo } from './app-handlers.js';
import { backupHandlers } from './backup-handlers.js';
import { callHandlers } from './call-handlers.js';
import { statusHandlers } from './status-handlers.js';
import type { RpcContext } from './context.js';
import { messagingHandlers } from './messaging-handlers.js';
import { organizeHandlers } from './organize-handlers.js';
import { scheduleHandlers } from './schedule-handlers.js';
import { sessionHandlers } from './session-handlers.js';
import { widgetHandlers } from './widget-handlers.js';
import { keyHandlers } from './key-handlers.js';
import { logHandlers } from './log-handlers.js';
import { webhookHandlers } from './webhook-handlers.js';
import { contactDetailHandlers } from './contact-detail-handlers.js';
import { peopleHandlers } from './people-handlers.js';
import { desktopHandlers } from './desktop-handlers.js';
import { automationHandlers } from './automation-handlers.js';
import { assignmentHandlers } from './assignment-handlers.js';
import { presenceHandlers } from './presence-handlers.js';
import { routingHandlers } from './routing-handlers.js';
import { numberProfileHandlers } from './number-profile-handlers.js';
import { privacyHandlers } from './privacy-handlers.js';
import { channelHandlers } from './channel-handlers.js';
import { chatActionHandlers } from './chat-action-handlers.js';
import { disappearingHandlers } from './disappearing-handlers.js';
import { reportHandlers } from './report-handlers.js';
import { groupHandlers } from './group-handlers.js';
import { rateLimitHandlers } from './rate-limit-handlers.js';
import { keyUsageHandlers } from './key-usage-handlers.js';
import { contactHandlers } from './contact-handlers.js';
import { mediaLibraryHandlers } from './media-library-handlers.js';
import { contactPresenceHandlers } from './contact-presence-handlers.js';
import { sendPacingHandlers } from './send-pacing-handlers.js';

/** All RPC handlers, one spread per domain; `satisfies` proves every operation is handled. */
export function createHandlers(services: Services, runtime: () => RuntimeInfo): Handlers<RpcContext> {
  return {
    ...appHandlers(services, runtime),
    ...sessionHandlers(services),
    ...messagingHandlers(services, runtime),
    ...groupHandlers(services),
    ...callHandlers(services),
    ...statusHandlers(services, runtime),
    ...organizeHandlers(services),
    ...scheduleHandlers(services),
    ...widgetHandlers(services, runtime),
    ...webhookHandlers(services),
    ...contactDetailHandlers(services),
    ...keyHandlers(services),
    ...logHandlers(services),
    ...backupHandlers(services),
    ...peopleHandlers(services),
    ...desktopHandlers(services),
    ...automationHandlers(services),
    ...assignmentHandlers(services),
    ...presenceHandlers(services),
    ...routingHandlers(services),
    ...numberProfileHandlers(services),
    ...privacyHandlers(services),
    ...channelHandlers(services),
    ...chatActionHandlers(services),
    ...disappearingHandlers(services),
    ...reportHandlers(services),
    ...rateLimitHandlers(services),
    ...keyUsageHandlers(services),
    ...contactHandlers(services),
    ...mediaLibraryHandlers(services),
    ...contactPresenceHandlers(services),
    ...sendPacingHandlers(services),
  } satisfies Handlers<RpcContext>;
}
