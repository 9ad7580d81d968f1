import type { Services } from '../../services/index.js';
import type { RouteDef } from '../route.js';
import { healthRoutes } from './health.js';
import { backupRoutes } from './backups.js';
import { exportRoutes } from './exports.js';
import { housekeepingRoutes } from './housekeeping.js';
import { callRoutes } from './calls.js';
import { chatRoutes } from './chats.js';
import { contactRoutes } from './contacts.js';
import { contactDetailRoutes } from './contact-details.js';
import { groupJoinRoutes } from './group-joins.js';
import { sendPacingRoutes } from './send-pacing.js';
import { groupRoutes } from './groups.js';
import { messageRoutes } from './messages.js';
import { messageActionRoutes } from './message-actions.js';
import { messageTagRoutes } from './message-tags.js';
import { noteRoutes } from './notes.js';
import { savedReplyRoutes } from './saved-replies.js';
import { scheduleRoutes } from './schedules.js';
import { campaignRoutes } from './campaigns.js';
import { optOutRoutes } from './opt-outs.js';
import { sessionRoutes } from './sessions.js';
import { tagRoutes } from './tags.js';
import { chatTagRoutes } from './chat-tags.js';
import { widgetRoutes } from './widgets.js';
import { eventRoutes } from './events.js';
import { keyRoutes } from './keys.js';
import { logRoutes } from './logs.js';
import { webhookRoutes } from './webhooks.js';
import { webhookDeliveryRoutes } from './webhook-deliveries.js';
import { authRoutes } from './auth.js';
import { peopleRoutes } from './people.js';
import { automationRoutes } from './automation.js';
import { assignmentRoutes } from './assignment.js';
import { presenceRoutes } from './presence.js';
import { routingRoutes } from './routing.js';
import { numberProfileRoutes } from './number-profile.js';
import { privacyRoutes } from './privacy.js';
import { channelRoutes } from './channels.js';
import { chatActionRoutes } from './chat-actions.js';
import { disappearingRoutes } from './disappearing.js';
import { reportRoutes } from './reports.js';
import { rateLimitRoutes } from './rate-limits.js';
import { keyUsageRoutes } from './key-usage.js';
import { mediaLibraryRoutes } from './media-library.js';
import { messageAttachmentRoutes } from './message-attachments.js';
import { contactPresenceRoutes } from './contact-presence.js';
import { starredRoutes } from './starred.js';
import { statusRoutes } from './status.js';

/** Every public REST route, one list per domain. */
export function allRoutes(services: Services): RouteDef[] {
  return [
    ...healthRoutes(services),
    ...sessionRoutes(services),
    ...messageRoutes(services),
    ...messageActionRoutes(services),
    ...chatRoutes(services),
    ...tagRoutes(services),
    ...chatTagRoutes(services),
    ...messageTagRoutes(services),
    ...savedReplyRoutes(services),
    ...noteRoutes(services),
    ...contactRoutes(services),
    ...contactDetailRoutes(services),
    ...groupJoinRoutes(services),
    ...sendPacingRoutes(services),
    ...groupRoutes(services),
    ...callRoutes(services),
    ...statusRoutes(services),
    ...scheduleRoutes(services),
    ...campaignRoutes(services),
    ...optOutRoutes(services),
    ...widgetRoutes(services),
    ...webhookRoutes(services),
    ...webhookDeliveryRoutes(services),
    ...keyRoutes(services),
    ...logRoutes(services),
    ...backupRoutes(services),
    ...exportRoutes(services),
    ...automationRoutes(services),
    ...assignmentRoutes(services),
    ...presenceRoutes(services),
    ...routingRoutes(services),
    ...numberProfileRoutes(services),
    ...privacyRoutes(services),
    ...channelRoutes(services),
    ...chatActionRoutes(services),
    ...disappearingRoutes(services),
    ...reportRoutes(services),
    ...rateLimitRoutes(services),
    ...keyUsageRoutes(services),
    ...mediaLibraryRoutes(services),
    ...messageAttachmentRoutes(services),
    ...contactPresenceRoutes(services),
    ...starredRoutes(services),
    ...housekeepingRoutes(services),
    ...eventRoutes(),
    ...authRoutes(services),
    ...peopleRoutes(services),
  ];
}
