/**
 * The sensitive operations the audit log records besides what the people services record
 * themselves: numbers, keys, webhooks and exports. Recorded by the gate (api/route.ts for REST,
 * rpc/dispatcher.ts for /rpc and IPC) after the operation succeeded, so both ways in are audited
 * alike and no service needs to know who called it.
 */
export const AUDITED_OPERATIONS: Readonly<Record<string, string>> = {
  'sessions.create': 'session.created',
  'sessions.logout': 'session.unlinked',
  'sessions.delete': 'session.deleted',
  'sessions.rotateKey': 'session.key_rotated',
  // The name, photo and business details customers see are the shop's public face.
  'numberProfile.update': 'session.profile_updated',
  'adminKey.rotate': 'key.admin_rotated',
  'keys.create': 'key.created',
  'keys.revoke': 'key.revoked',
  'webhooks.create': 'webhook.created',
  'webhooks.update': 'webhook.updated',
  'webhooks.delete': 'webhook.deleted',
  'webhooks.rotateSecret': 'webhook.secret_rotated',
  'exports.chat': 'export.chat',
  'contactData.export': 'export.contact_data',
  'backups.run': 'backup.created',
  'backups.restore': 'backup.restore_prepared',
  // Who set up sends in the number's name: schedules and campaigns keep no author column.
  'schedules.create': 'schedule.created',
  'campaigns.create': 'campaign.created',
  'campaigns.cancel': 'campaign.cancelled',
};

/** The same actions for REST routes, by method and path pattern. */
export const AUDITED_ROUTES: Readonly<Record<string, string>> = {
  'POST /sessions': 'session.created',
  'POST /sessions/:id/logout': 'session.unlinked',
  'DELETE /sessions/:id': 'session.deleted',
  'POST /sessions/:id/key': 'session.key_rotated',
  'PATCH /sessions/:id/profile': 'session.profile_updated',
  'POST /keys': 'key.created',
  'DELETE /keys/:id': 'key.revoked',
  'POST /webhooks': 'webhook.created',
  'PATCH /webhooks/:id': 'webhook.updated',
  'DELETE /webhooks/:id': 'webhook.deleted',
  'POST /webhooks/:id/secret': 'webhook.secret_rotated',
  'GET /sessions/:id/chats/:chat/export': 'export.chat',
  'GET /contacts/export': 'export.contacts',
  'GET /contacts/:phone/data': 'export.contact_data',
  'POST /backups': 'backup.created',
  'POST /backups/restore': 'backup.restore_prepared',
  'POST /schedules': 'schedule.created',
  'POST /campaigns': 'campaign.created',
};

/** What an audited call names as its target: the session or record id in its input. */
export function auditTarget(input: unknown): string | null {
  if (!input || typeof input !== 'object') return null;
  const record = input as Record<string, unknown>;
  for (const key of ['id', 'session', 'name']) {
    const value = record[key];
    if (typeof value === 'string' && value) return `${key}:${value.slice(0, 120)}`;
  }
  return null;
}
