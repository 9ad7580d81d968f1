import type { Principal } from '../services/access/principal.js';

/** Who is calling an RPC operation and through which transport. */
export interface RpcContext {
  transport: 'ipc' | 'http';
  /** The admin key for the browser UI; the desktop principal for the window over IPC. */
  principal: Principal;
  /** The sign-in's CSRF token, for a cookie caller (the page learns it from `people.me`). */
  csrfToken?: string | null;
  /** The caller's address, for the audit log. */
  address?: string | null;
  /** The origin a REST call reached (`http://192.168.1.5:3456`), for links its answer gives. */
  origin?: string;
  /** A REST call's `Idempotency-Key` (routes declared `idempotent`): retries get the first answer. */
  idempotencyKey?: string;
}
