import type { Context } from 'koa';
import { AppError } from '../../src-shared/errors.js';

/**
 * Media may come inline as base64 in JSON (a 100 MB document is ~134 MB of base64): routes that
 * take media declare `largeBody` and get this limit; every other JSON body gets the small one.
 */
export const LARGE_BODY_LIMIT = 140 * 1024 * 1024;
export const SMALL_BODY_LIMIT = 4 * 1024 * 1024;
/** A body that sends nothing for this long is given up (a slow sender must not hold a socket). */
const BODY_IDLE_MS = 20_000;

/**
 * The bytes all requests may hold in memory at once while their bodies are read. A request that
 * would go past it is refused (429, try again shortly) instead of growing the process without
 * bound when many large bodies arrive together.
 */
export class BodyBudget {
  private inFlight = 0;

  constructor(
    readonly limit: number,
    /** A body that sends nothing for this long is given up (tests shorten it). */
    readonly idleMs = BODY_IDLE_MS,
  ) {}

  take(bytes: number): void {
    if (this.inFlight + bytes > this.limit) {
      throw new AppError('RATE_LIMITED', 'too many large requests at once; try again in a few seconds');
    }
    this.inFlight += bytes;
  }

  give(bytes: number): void {
    this.inFlight -= bytes;
  }

  get used(): number {
    return this.inFlight;
  }
}

export const DEFAULT_BODY_BUDGET_BYTES = 320 * 1024 * 1024;

/**
 * Reads a whole body, at most `limit` bytes, counting it against `budget` while it is held.
 * Returns the bytes and a release function the caller runs once it no longer needs them.
 */
export async function readBody(
  ctx: Context,
  limit: number,
  budget: BodyBudget,
): Promise<{ bytes: Buffer; release: () => void }> {
  const declared = Number(ctx.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  const release = () => budget.give(size);
  const idle = idleTimer(ctx, budget.idleMs);
  try {
    for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
      idle.touch();
      if (size + chunk.length > limit) throw tooLarge(limit);
      budget.take(chunk.length);
      size += chunk.length;
      chunks.push(chunk);
    }
  } catch (error) {
    release();
    // Stop reading what is left: nothing more of this body will be used.
    ctx.req.unpipe();
    ctx.req.resume();
    ctx.set('Connection', 'close');
    throw idle.expired ? new AppError('VALIDATION_FAILED', 'body: was not sent in time', 'body') : error;
  } finally {
    idle.stop();
  }
  return { bytes: Buffer.concat(chunks), release };
}

/** Aborts the body read of `ctx` (and its connection) when no byte arrives for `idleMs`. */
function idleTimer(ctx: Context, idleMs: number) {
  let expired = false;
  const fire = () => {
    expired = true;
    ctx.req.destroy();
  };
  let timer = setTimeout(fire, idleMs);
  return {
    get expired() {
      return expired;
    },
    touch() {
      clearTimeout(timer);
      timer = setTimeout(fire, idleMs);
    },
    stop() {
      clearTimeout(timer);
    },
  };
}

function tooLarge(limit: number): AppError {
  const mb = Math.round(limit / (1024 * 1024));
  return new AppError('PAYLOAD_TOO_LARGE', `body: is larger than ${mb} MB`, 'body');
}

/**
 * The JSON body of a request, read only when the route or operation asks for it (after the caller
 * was authorized). Other content types give `undefined`; malformed JSON is a 400 naming `body`.
 */
export async function readJsonBody(ctx: Context, limit: number, budget: BodyBudget): Promise<unknown> {
  if (!ctx.request.is('application/json', '+json')) return undefined;
  const { bytes, release } = await readBody(ctx, limit, budget);
  try {
    const text = bytes.toString('utf8');
    return text.trim() ? (JSON.parse(text) as unknown) : {};
  } catch {
    throw new AppError('VALIDATION_FAILED', 'body: not valid JSON', 'body');
  } finally {
    release();
  }
}
