// Which REST route files may still import from src-main/services/ (docs/ARCHITECTURE.md, "A route
// is an adapter"). A route is an adapter onto a contract operation (src-main/api/operation-route.ts):
// authorization and the service call live on the operation, so a route file imports the `Services`
// type (services/index.ts) to build its handlers and nothing else from services/. Files on these
// lists are the exceptions, each for a stated reason.

/** The folder of the route files, and the one services module they may import (the Services type). */
export const ROUTES_DIR = 'src-main/api/routes';
export const SERVICES_DIR = 'src-main/services';
export const SERVICES_TYPE = 'src-main/services/index.js';

/** Hand-written for HTTP reasons, for good. */
export const HTTP_ONLY = [
  // Sign-in, sign-out and token exchange set and clear the HttpOnly session cookie and its CSRF
  // token, and are rate-limited per account and address before any principal exists.
  'auth.ts',
  // Its paths name only the message, while the tag operations need the chat the authorizer checks
  // for an "assigned" reader; the routes check the whole number instead (the stricter of the two).
  'message-tags.ts',
];

/**
 * Being converted to adapters this session (issue #15) by other branches; the lead trims this
 * list as they merge. Each file is already pinned by api/routes/adapter-openapi.test.ts.
 */
export const BEING_CONVERTED = [];

/**
 * Not converted yet and nobody's this session: they still hold their own policy code (per-key
 * session filters, readable-session lists). Sending stays partly hand-written (multipart upload,
 * Idempotency-Key), but its reads and the chat list should become adapters.
 */
export const NOT_YET_CONVERTED = [
  // Its answers (GroupDetail, a 204 leave) differ from groupInfo.*; list, create, picture and
  // detail need operations first.
  'groups.ts',
];

/** Route files (relative to ROUTES_DIR) that may import any services module. */
export const MAY_IMPORT_SERVICES = new Set([...HTTP_ONLY, ...BEING_CONVERTED, ...NOT_YET_CONVERTED]);
