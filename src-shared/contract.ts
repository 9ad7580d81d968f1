/**
 * The one contract between the UI and the core: every operation the UI can call, with a zod
 * input schema and an output type. Main registers handlers that `satisfies Handlers`; the
 * renderer's client is typed from it. Domains add their operations in contract/<domain>.ts.
 */
import type { z } from 'zod';
import { appOperations } from './contract/app.js';
import { backupOperations } from './contract/backups.js';
import { exportOperations } from './contract/exports.js';
import { storageOperations } from './contract/storage.js';
import { housekeepingOperations } from './contract/housekeeping.js';
import { contactsImportOperations } from './contract/contacts-import.js';
import { contactDataOperations } from './contract/contact-data.js';
import { callOperations } from './contract/calls.js';
import { statusOperations } from './contract/status.js';
import { messagingOperations } from './contract/messaging.js';
import { organizeOperations } from './contract/organize.js';
import type { Operation } from './contract/operation.js';
import { scheduleOperations } from './contract/schedule.js';
import { sessionOperations } from './contract/sessions.js';
import { widgetOperations } from './contract/widgets.js';
import { keyOperations } from './contract/keys.js';
import { logOperations } from './contract/logs.js';
import { webhookOperations } from './contract/webhooks.js';
import { peopleOperations } from './contract/people.js';
import { desktopOperations } from './contract/desktop.js';
import { automationOperations } from './contract/automation.js';
import { assignmentOperations } from './contract/assignment.js';
import { presenceOperations } from './contract/presence.js';
import { routingOperations } from './contract/routing.js';
import { numberProfileOperations } from './contract/number-profile.js';
import { privacyOperations } from './contract/privacy.js';
import { channelOperations } from './contract/channels.js';
import { chatActionOperations } from './contract/chat-actions.js';
import { disappearingOperations } from './contract/disappearing.js';
import { reportOperations } from './contract/reports.js';
import { groupAdminOperations } from './contract/group-admin.js';
import { groupOperations } from './contract/groups.js';
import { rateLimitOperations } from './contract/rate-limits.js';
import { keyUsageOperations } from './contract/key-usage.js';
import { contactDetailOperations } from './contract/contact-details.js';
import { contactProfileOperations } from './contract/contact-profile.js';
import { mediaLibraryOperations } from './contract/media-library.js';
import { contactPresenceOperations } from './contract/contact-presence.js';
import { sendPacingOperations } from './contract/send-pacing.js';

export const contract = {
  ...appOperations,
  ...sessionOperations,
  ...messagingOperations,
  ...groupOperations,
  ...groupAdminOperations,
  ...callOperations,
  ...statusOperations,
  ...organizeOperations,
  ...scheduleOperations,
  ...widgetOperations,
  ...webhookOperations,
  ...keyOperations,
  ...logOperations,
  ...backupOperations,
  ...exportOperations,
  ...storageOperations,
  ...peopleOperations,
  ...desktopOperations,
  ...automationOperations,
  ...housekeepingOperations,
  ...contactsImportOperations,
  ...contactDataOperations,
  ...contactDetailOperations,
  ...assignmentOperations,
  ...presenceOperations,
  ...routingOperations,
  ...numberProfileOperations,
  ...privacyOperations,
  ...channelOperations,
  ...chatActionOperations,
  ...disappearingOperations,
  ...reportOperations,
  ...rateLimitOperations,
  ...keyUsageOperations,
  ...contactProfileOperations,
  ...mediaLibraryOperations,
  ...contactPresenceOperations,
  ...sendPacingOperations,
};

type Contract = typeof contract;
export type OpName = keyof Contract;

/** What a caller passes (before defaults are applied). */
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
/** What a handler receives (validated, defaults applied). */
type OpParsedInput<K extends OpName> = z.output<Contract[K]['input']>;
export type OpOutput<K extends OpName> = Contract[K] extends Operation<z.ZodType, infer O> ? O : never;

export type Handlers<Ctx> = {
  [K in OpName]: (input: OpParsedInput<K>, ctx: Ctx) => Promise<OpOutput<K>> | OpOutput<K>;
};

export function isOpName(name: string): name is OpName {
  return Object.hasOwn(contract, name);
}
