/**
 * Domain types shared by main and renderer. Plain data only: no classes, no I/O.
 * Types that the public API returns are zod schemas first, so the OpenAPI document is
 * generated from the same definition the code is typed by.
 */
import { z } from 'zod';

export const healthSchema = z
  .object({
    status: z.literal('ok'),
    name: z.literal('Chatdock'),
    version: z.string(),
    uptimeSeconds: z.number().int(),
    sessions: z.object({ total: z.number().int(), connected: z.number().int() }),
    /** Messages WhatsApp announced whose content has not arrived yet (asked again; see README). */
    waitingMessages: z.number().int(),
  })
  .meta({
    id: 'Health',
    example: {
      status: 'ok',
      name: 'Chatdock',
      version: '0.1.0',
      uptimeSeconds: 42,
      sessions: { total: 1, connected: 1 },
      waitingMessages: 0,
    },
  });
export type Health = z.infer<typeof healthSchema>;

/** User-editable settings, stored in the database (env vars override some at start). */
export interface Settings {
  /** Listen on all interfaces instead of 127.0.0.1. Takes effect at the next start. */
  lanAccess: boolean;
}

export interface AppInfo {
  name: 'Chatdock';
  version: string;
  /** Base URL of the public REST API, e.g. http://127.0.0.1:8787/api/v1 */
  apiBaseUrl: string;
  /** The host the API is bound to right now (settings may differ until restart). */
  boundHost: string;
  dataDir: string;
  /** How this UI reaches the core. */
  transport: 'ipc' | 'http';
}

export interface AdminKeyStatus {
  /** First characters of the key, to recognise it without revealing it. */
  prefix: string;
  createdAt: string;
  /** Set by CHATDOCK_API_KEY: rotating in the app is refused, the environment wins at every start. */
  managedByEnvironment: boolean;
  /**
   * The full key, only until the owner has seen it once (first run or rotation).
   * Keys are stored hashed, so after that it cannot be shown again.
   */
  revealOnce: string | null;
}

export interface RotatedKey {
  key: string;
  prefix: string;
}

export const SESSION_STATUSES = [
  'disconnected',
  'connecting',
  'qr',
  'pairing',
  'connected',
  'logged_out',
] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/**
 * Why a session is in its status, as a stable code the UI turns into a sentence:
 * `qr_expired` (nobody scanned in time), `replaced` (another WhatsApp Web took over),
 * `logged_out` (removed from the phone), `network` (reconnecting with backoff), …
 */
export const SESSION_REASONS = [
  'created',
  'user_connect',
  'user_disconnect',
  'user_logout',
  'startup',
  'qr_shown',
  'pairing_code_shown',
  'qr_expired',
  'paired',
  'restart_required',
  'opened',
  'network',
  'replaced',
  'logged_out',
  'forbidden',
  'bad_session',
  'shutdown',
] as const;
export type SessionReason = (typeof SESSION_REASONS)[number];

export const sessionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(SESSION_STATUSES),
    statusReason: z.enum(SESSION_REASONS),
    statusChangedAt: z.string().describe('UTC ISO-8601'),
    /** The linked phone number (digits, international), once paired. */
    phone: z.string().nullable(),
    /** The WhatsApp profile name of the linked phone. */
    pushName: z.string().nullable(),
    /** Next automatic reconnect attempt, while reconnecting after a network loss. */
    reconnectAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({
    id: 'Session',
    example: {
      id: 'shop',
      name: 'Shop phone',
      status: 'connected',
      statusReason: 'opened',
      statusChangedAt: '2026-11-21T10:00:00.000Z',
      phone: '972501234567',
      pushName: 'Falafel House',
      reconnectAt: null,
      createdAt: '2026-11-20T09:00:00.000Z',
    },
  });
export type Session = z.infer<typeof sessionSchema>;

/** Data of the `session.status` event: the session as it is now, plus the QR or code to show. */
export interface SessionStatusEvent {
  session: Session;
  /** Raw QR text while status is `qr` (render it as a QR code). */
  qr: string | null;
  /** The 8-character code to type on the phone while status is `pairing`. */
  pairingCode: string | null;
}
