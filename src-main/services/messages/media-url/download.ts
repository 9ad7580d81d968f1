import type { IncomingMessage } from 'node:http';
import { request } from 'node:https';
import type { LookupFunction } from 'node:net';
import { AppError } from '../../../../src-shared/errors.js';
import {
  InternalTargetError,
  resolveTarget,
  systemResolver,
  type HostResolver,
  type ResolvedAddress,
} from './resolve-target.js';

export interface MediaUrlOptions {
  /** CHATDOCK_MEDIA_URL_ALLOW_PRIVATE: also fetch from this PC, the LAN and reserved ranges. */
  allowInternal: boolean;
  /** For the whole download, redirects included. */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Injected in tests; dns.lookup otherwise. */
  resolve?: HostResolver;
  /**
   * Injected in tests, which can only use loopback targets: which addresses count as internal
   * (`isInternalAddress` otherwise).
   */
  isInternal?: (address: string) => boolean;
}

interface DownloadedMedia {
  bytes: Buffer;
  mimetype: string | null;
}

/** Downloads a media URL given by an API caller, at most `maxBytes` of it. */
export type UrlDownload = (url: string, maxBytes: number) => Promise<DownloadedMedia>;

const FIELD = 'media.url';
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MB = 1024 * 1024;

/**
 * One message for every way a host can fail to give us the file before it answered: refused by
 * the address policy, unknown name, refused connection, TLS failure, too slow. A caller probing
 * the network learns nothing from the difference.
 */
export const UNREACHABLE_MESSAGE = `${FIELD}: could not be downloaded (not reachable in time, or not a public address)`;

function fail(message: string): AppError {
  return new AppError('VALIDATION_FAILED', `${FIELD}: ${message}`, FIELD);
}

export function tooLarge(maxBytes: number, field: string): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    `${field}: is larger than WhatsApp allows (${maxBytes / MB} MB)`,
    field,
  );
}

/** A lookup that answers with the address already checked, whatever family Node asks for. */
function pinnedLookup(target: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

function get(url: URL, target: ResolvedAddress, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'GET',
      agent: false, // no pooled socket: each hop connects to its own checked address
      lookup: pinnedLookup(target),
      signal,
      headers: { accept: '*/*' }, // no Accept-Encoding: the byte limit applies to what is stored
    });
    req.once('response', resolve);
    req.once('error', reject);
    req.end();
  });
}

/** `promise`, or a rejection as soon as `signal` aborts (a DNS lookup cannot be cancelled). */
function beforeDeadline<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The body, read chunk by chunk so a lying or missing Content-Length cannot make us buffer more. */
async function readAtMost(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length'] ?? 0);
  if (declared > maxBytes) {
    response.destroy();
    throw tooLarge(maxBytes, FIELD);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      response.destroy();
      throw tooLarge(maxBytes, FIELD);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Media by URL: https only on every hop, redirects followed by hand (each target checked again),
 * every host resolved once and checked against the address policy before connecting to exactly
 * that address, the body streamed up to the size limit, one deadline for the whole download.
 */
export function mediaUrlDownloader(options: MediaUrlOptions): UrlDownload {
  const resolve = options.resolve ?? systemResolver;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  return async (url, maxBytes) => {
    const signal = AbortSignal.timeout(timeoutMs);
    let current: URL;
    try {
      current = new URL(url);
    } catch {
      throw fail('is not a URL');
    }
    for (let hop = 0; ; hop += 1) {
      if (current.protocol !== 'https:') throw fail('must be an https:// URL, also after redirects');
      let response: IncomingMessage;
      try {
        const target = await beforeDeadline(resolveTarget(current.hostname, { ...options, resolve }), signal);
        signal.throwIfAborted();
        response = await get(current, target, signal);
      } catch (error) {
        if (error instanceof InternalTargetError || !(error instanceof AppError)) {
          throw new AppError('VALIDATION_FAILED', UNREACHABLE_MESSAGE, FIELD);
        }
        throw error;
      }
      const status = response.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        response.destroy();
        if (hop >= maxRedirects) throw fail(`was redirected more than ${maxRedirects} times`);
        const location = response.headers.location;
        if (!location || !URL.canParse(location, current.href)) {
          throw fail(`the server answered ${status} without a usable Location`);
        }
        current = new URL(location, current);
        continue;
      }
      if (status < 200 || status > 299) {
        response.destroy();
        throw fail(`the server answered ${status}`);
      }
      try {
        const bytes = await readAtMost(response, maxBytes);
        return { bytes, mimetype: response.headers['content-type'] ?? null };
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError('VALIDATION_FAILED', UNREACHABLE_MESSAGE, FIELD);
      }
    }
  };
}
