/** The operations of the `sensitive` rate-limit kind (api/kind-limits.ts). */
const SENSITIVE_API = [
  /^\/api\/v1\/keys(\/|$)/,
  /^\/api\/v1\/sessions\/[^/]+\/key$/,
  /^\/api\/v1\/webhooks$/,
  /^\/api\/v1\/webhooks\/[^/]+\/(secret|test|retry)$/,
  /^\/api\/v1\/webhooks\/deliveries\/[^/]+\/retry$/,
  // What cannot be undone (a person's password is tried here: guesses must stay slow).
  /^\/api\/v1\/sessions\/[^/]+\/logout$/,
  /^\/api\/v1\/backups\/restore$/,
  // Loosening the limits is itself limited.
  /^\/api\/v1\/settings\/rate-limits$/,
];
/** Deleting a number or a person: only the DELETE of these paths (not renaming or editing). */
const SENSITIVE_DELETES = [/^\/api\/v1\/sessions\/[^/]+$/, /^\/api\/v1\/users\/[^/]+$/];
const SENSITIVE_RPC = new Set([
  'adminKey.rotate',
  'sessions.rotateKey',
  'keys.create',
  'keys.revoke',
  'webhooks.create',
  'webhooks.rotateSecret',
  'webhooks.test',
  'webhooks.retryFailed',
  'webhooks.retryDelivery',
  'sessions.logout',
  'sessions.delete',
  'users.delete',
  'backups.restore',
  'rateLimits.set',
]);

/**
 * Operations that create credentials, make Chatdock send requests, or cannot be undone (where a
 * signed-in person's password is checked): limited per key.
 */
export function isSensitive(method: string, path: string): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return false;
  if (path.startsWith('/rpc/')) return SENSITIVE_RPC.has(path.slice('/rpc/'.length));
  if (method === 'DELETE' && SENSITIVE_DELETES.some((pattern) => pattern.test(path))) return true;
  return SENSITIVE_API.some((pattern) => pattern.test(path));
}
