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
  })
  .meta({
    id: 'Health',
    example: {
      status: 'ok',
      name: 'Chatdock',
      version: '0.1.0',
      uptimeSeconds: 42,
      sessions: { total: 1, connected: 1 },
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
