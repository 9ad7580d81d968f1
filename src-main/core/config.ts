import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { defaultDataDir } from './paths.js';

/**
 * Start-up configuration. Precedence: environment variable > settings file in the data
 * dir (`config.json`, for values needed before the database opens) > default.
 */
export interface Config {
  dataDir: string;
  /** Set by CHATDOCK_HOST or config.json; when null the "LAN access" setting decides. */
  host: string | null;
  port: number;
  /** Admin API key set from the environment; replaces the stored one at start. */
  apiKey: string | undefined;
  logLevel: LogLevel;
  /** Pretty console logs instead of JSON lines (interactive terminals). */
  prettyLogs: boolean;
  /** Another WhatsApp Web server to use instead of WhatsApp (tests, self-hosters). */
  waServerUrl: string | null;
  /** Hex root key of that server's certificate chain; ignored without `waServerUrl`. */
  waServerRootKey: string | null;
  /** How long each QR code is offered before the next; null: WhatsApp Web's 60 s, then 20 s each. */
  qrTimeoutMs: number | null;
  /**
   * Where websites reach this app (a reverse proxy or tunnel, e.g. `https://chat.example.com`),
   * used in the hosted widget snippet. Null: this PC's own address.
   */
  publicUrl: string | null;
  /** Incoming messages stored before their receipt (docs/RELIABILITY.md); CHATDOCK_DURABLE_RECEIVE=0 turns it off. */
  durableReceive: boolean;
  /** More host names the app answers to (reverse proxies, tunnels), from CHATDOCK_ALLOWED_HOSTS. */
  allowedHosts: string[];
  /** CHATDOCK_MEDIA_URL_ALLOW_PRIVATE=1: media URLs may point at this PC, the LAN and reserved ranges. */
  mediaUrlAllowPrivate: boolean;
  /** Overrides of the webhook delivery worker's defaults (tests shorten the delays). */
  webhookDelivery: WebhookDeliveryOverrides;
  /** CHATDOCK_KEY_USAGE_DAYS: days of usage per key kept (default 90). */
  keyUsageDays: number;
  /**
   * TEST ONLY — CHATDOCK_TEST_DESKTOP_BRIDGE_PORT (0: any free port): a loopback listener that
   * answers as the desktop window's IPC (api/desktop-test-bridge.ts), so browser tests can drive
   * the desktop window's renderer where Electron cannot run. Null (unset, the default): no listener.
   * Never set it on a real install: whoever reaches the port acts as the PC's window.
   */
  desktopTestBridgePort: number | null;
  /**
   * CHATDOCK_GROUP_PACE_MS: the random pause before a human-paced group send, `min-max` or one
   * value in ms (default 2000-5000, seed 002's 2–5 s; tests and demos set a fixed one).
   */
  groupPace: PaceRange;
}

/**
 * `CHATDOCK_WEBHOOK_RETRY_BASE_MS`, `…_RETRY_MAX_MS`, `…_MAX_ATTEMPTS`, `…_TIMEOUT_MS` and
 * `…_CONCURRENCY`; unset ones keep the worker's defaults (1 min doubling to 6 h, 12 attempts, 10 s, 8).
 */
interface WebhookDeliveryOverrides {
  retryBaseMs?: number;
  retryMaxMs?: number;
  maxAttempts?: number;
  timeoutMs?: number;
  concurrency?: number;
}

/** The shortest admin key CHATDOCK_API_KEY may set: shorter ones are guessable. */
const MIN_API_KEY_LENGTH = 24;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULT_PORT = 8787;
const LOOPBACK_HOST = '127.0.0.1';

const fileSchema = z
  .object({
    host: z.string().min(1).optional(),
    port: z.number().int().min(0).max(65535).optional(),
    logLevel: z.enum(LOG_LEVELS).optional(),
    publicUrl: z.string().optional(),
  })
  .strict();

type ConfigFile = z.infer<typeof fileSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function readConfigFile(dataDir: string): ConfigFile {
  const file = path.join(dataDir, 'config.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  const parsed = fileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${file}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

function parsePort(text: string, name = 'CHATDOCK_PORT'): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`${name} must be a whole number from 0 to 65535, got "${text}"`);
  }
  return port;
}

function parseLogLevel(text: string): LogLevel {
  if (!(LOG_LEVELS as readonly string[]).includes(text)) {
    throw new ConfigError(`CHATDOCK_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${text}"`);
  }
  return text as LogLevel;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = dataDirFromEnv(env);
  const file = readConfigFile(dataDir);
  const apiKey = parseApiKey(env.CHATDOCK_API_KEY);
  return {
    dataDir,
    host: env.CHATDOCK_HOST || file.host || null,
    port: env.CHATDOCK_PORT ? parsePort(env.CHATDOCK_PORT) : (file.port ?? DEFAULT_PORT),
    apiKey: apiKey || undefined,
    logLevel: env.CHATDOCK_LOG_LEVEL ? parseLogLevel(env.CHATDOCK_LOG_LEVEL) : (file.logLevel ?? 'info'),
    prettyLogs: Boolean(process.stdout.isTTY) && env.CHATDOCK_LOG_FORMAT !== 'json',
    waServerUrl: parseServerUrl(env.CHATDOCK_WA_SERVER_URL),
    waServerRootKey: parseRootKey(env.CHATDOCK_WA_SERVER_ROOT_KEY),
    qrTimeoutMs: parseQrTimeout(env.CHATDOCK_QR_TIMEOUT_MS),
    publicUrl: parsePublicUrl(env.CHATDOCK_PUBLIC_URL || file.publicUrl),
    allowedHosts: parseAllowedHosts(env.CHATDOCK_ALLOWED_HOSTS),
    durableReceive: env.CHATDOCK_DURABLE_RECEIVE !== '0',
    mediaUrlAllowPrivate: env.CHATDOCK_MEDIA_URL_ALLOW_PRIVATE === '1',
    webhookDelivery: parseWebhookDelivery(env),
    keyUsageDays: parseKeyUsageDays(env.CHATDOCK_KEY_USAGE_DAYS),
    desktopTestBridgePort: env.CHATDOCK_TEST_DESKTOP_BRIDGE_PORT
      ? parsePort(env.CHATDOCK_TEST_DESKTOP_BRIDGE_PORT, 'CHATDOCK_TEST_DESKTOP_BRIDGE_PORT')
      : null,
    groupPace: parseGroupPace(env.CHATDOCK_GROUP_PACE_MS),
  };
}

/** A pause drawn uniformly between two bounds, in ms. */
export interface PaceRange {
  minMs: number;
  maxMs: number;
}

export const DEFAULT_GROUP_PACE: PaceRange = { minMs: 2000, maxMs: 5000 };

function parseGroupPace(text: string | undefined): PaceRange {
  if (!text) return DEFAULT_GROUP_PACE;
  const match = /^(\d{1,6})(?:-(\d{1,6}))?$/.exec(text.trim());
  const min = Number(match?.[1]);
  const max = Number(match?.[2] ?? match?.[1]);
  if (!match || max < min || max > 600_000) {
    throw new ConfigError(
      `CHATDOCK_GROUP_PACE_MS must be whole milliseconds from 0 to 600000 ("3000" or "2000-5000"), got "${text}"`,
    );
  }
  return { minMs: min, maxMs: max };
}

function parseKeyUsageDays(text: string | undefined): number {
  if (!text) return 90;
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new ConfigError(`CHATDOCK_KEY_USAGE_DAYS must be whole days from 1 to 3650, got "${text}"`);
  }
  return days;
}

/** The data dir alone, for tools that need nothing else (the backup command line). */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.CHATDOCK_DATA_DIR || defaultDataDir());
}

/** CHATDOCK_BACKUP_PASSPHRASE: lets scripts verify or restore a backup without a prompt. */
export function backupPassphraseFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.CHATDOCK_BACKUP_PASSPHRASE;
}

function parseWebhookDelivery(env: NodeJS.ProcessEnv): WebhookDeliveryOverrides {
  const overrides: WebhookDeliveryOverrides = {};
  const names = {
    retryBaseMs: 'CHATDOCK_WEBHOOK_RETRY_BASE_MS',
    retryMaxMs: 'CHATDOCK_WEBHOOK_RETRY_MAX_MS',
    maxAttempts: 'CHATDOCK_WEBHOOK_MAX_ATTEMPTS',
    timeoutMs: 'CHATDOCK_WEBHOOK_TIMEOUT_MS',
    concurrency: 'CHATDOCK_WEBHOOK_CONCURRENCY',
  } as const;
  for (const [field, name] of Object.entries(names) as [keyof WebhookDeliveryOverrides, string][]) {
    const text = env[name];
    if (!text) continue;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) {
      throw new ConfigError(`${name} must be a whole number above 0, got "${text}"`);
    }
    overrides[field] = value;
  }
  return overrides;
}

function parseApiKey(text: string | undefined): string | undefined {
  const key = text?.trim();
  if (!key) return undefined;
  if (key.length < MIN_API_KEY_LENGTH) {
    throw new ConfigError(
      `CHATDOCK_API_KEY must be at least ${MIN_API_KEY_LENGTH} characters (it has ${key.length}); ` +
        'a shorter key can be guessed. Leave it unset to have Chatdock create a random one.',
    );
  }
  return key;
}

function parseAllowedHosts(text: string | undefined): string[] {
  if (!text) return [];
  const hosts = text
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
  const bad = hosts.find(
    (host) => !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(host),
  );
  if (bad !== undefined) {
    throw new ConfigError(`CHATDOCK_ALLOWED_HOSTS must be host names separated by commas, got "${bad}"`);
  }
  return hosts;
}

function parsePublicUrl(text: string | undefined): string | null {
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`CHATDOCK_PUBLIC_URL must be an http:// or https:// URL, got "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`CHATDOCK_PUBLIC_URL must be an http:// or https:// URL, got "${text}"`);
  }
  // A base to append paths to: no trailing slash, no query or fragment.
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function parseQrTimeout(text: string | undefined): number | null {
  if (!text) return null;
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms < 100 || ms > 600_000) {
    throw new ConfigError(
      `CHATDOCK_QR_TIMEOUT_MS must be whole milliseconds from 100 to 600000, got "${text}"`,
    );
  }
  return ms;
}

function parseServerUrl(text: string | undefined): string | null {
  if (!text) return null;
  if (!/^wss?:\/\/[^\s]+$/.test(text)) {
    throw new ConfigError(`CHATDOCK_WA_SERVER_URL must be a ws:// or wss:// URL, got "${text}"`);
  }
  return text;
}

function parseRootKey(text: string | undefined): string | null {
  if (!text) return null;
  if (!/^[0-9a-fA-F]{64}$/.test(text)) {
    throw new ConfigError('CHATDOCK_WA_SERVER_ROOT_KEY must be 64 hex digits (a 32-byte public key)');
  }
  return text.toLowerCase();
}

/** The address to listen on: an explicit host wins, else loopback unless LAN access is on. */
export function listenHost(config: Config, lanAccess: boolean): string {
  return config.host ?? (lanAccess ? '0.0.0.0' : LOOPBACK_HOST);
}

/** The address a local client uses to reach a server bound to `boundHost` (any-address → loopback). */
export function reachableHost(boundHost: string): string {
  return boundHost === '0.0.0.0' || boundHost === '::' ? LOOPBACK_HOST : boundHost;
}
