import http from 'node:http';
import https from 'node:https';

/** The largest answer read from a receiver (enough for a reply; the rest is ignored). */
const MAX_RESPONSE_BYTES = 64 * 1024;

interface SendRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Aborted when the worker stops. */
  signal?: AbortSignal;
}

interface SendResult {
  /** Null after a network error or timeout. */
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  /** The answer's text, at most MAX_RESPONSE_BYTES. */
  responseText: string | null;
  retryAfter: string | null;
}

export type Sender = (request: SendRequest) => Promise<SendResult>;

/**
 * Kept-alive connections per receiver, reused across deliveries. node:http rather than `fetch`:
 * fetch (undici) builds a Request, a ReadableStream body and combined AbortSignals for every
 * POST, and a drain of the outbox spent more of its time there than in the delivery itself
 * (docs/PERFORMANCE.md, "Session 13"). Neither follows redirects: a 3xx is the answer.
 */
// An idle connection is closed after 4 s (undici's default too): before the 5 s after which
// Node servers, and many others, close theirs, so a POST is not sent on a connection the
// receiver is closing at that moment (it would fail as ECONNRESET and wait for a retry).
const AGENT_OPTIONS = { keepAlive: true, maxSockets: 32, keepAliveMsecs: 1000, timeout: 4000 };
const AGENTS = { 'http:': new http.Agent(AGENT_OPTIONS), 'https:': new https.Agent(AGENT_OPTIONS) };

/** POSTs one delivery; never throws: failures are described in the result. */
export const httpSend: Sender = (request) =>
  new Promise((resolve) => {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let settled = false;
    let timer: NodeJS.Timeout | null = null;
    let failure: string | null = null;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const fail = (message: string) =>
      finish({
        statusCode: null,
        latencyMs: elapsed(),
        error: message,
        responseText: null,
        retryAfter: null,
      });
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return fail('the URL is not valid');
    }
    const agent = url.protocol === 'http:' || url.protocol === 'https:' ? AGENTS[url.protocol] : null;
    if (!agent) return fail(`unsupported protocol ${url.protocol}`);
    const body = Buffer.from(request.body, 'utf8');
    const options: http.RequestOptions = {
      method: 'POST',
      agent,
      headers: { ...request.headers, 'content-length': String(body.length) },
    };
    const outgoing = (url.protocol === 'https:' ? https : http).request(url, options, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        if (size >= MAX_RESPONSE_BYTES) return;
        chunks.push(chunk);
        size += chunk.length;
        // Enough for a reply: the rest is not read (the connection is closed, not reused).
        if (size >= MAX_RESPONSE_BYTES) response.destroy();
      });
      const answered = () => {
        const statusCode = response.statusCode ?? 0;
        const ok = statusCode >= 200 && statusCode < 300;
        const retryAfter = response.headers['retry-after'];
        finish({
          statusCode,
          latencyMs: elapsed(),
          error: ok ? null : `HTTP ${statusCode}`,
          responseText: Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString('utf8'),
          retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
        });
      };
      response.on('end', answered);
      response.on('close', () => {
        if (size >= MAX_RESPONSE_BYTES) answered();
        else if (!response.complete) fail(failure ?? 'the connection closed before the answer ended');
      });
      response.on('error', () => undefined);
    });
    function onAbort() {
      failure = 'stopped';
      outgoing.destroy();
      fail('stopped');
    }
    if (request.signal?.aborted) return onAbort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    // The whole exchange (connect, send, answer) within the timeout, as fetch's AbortSignal.timeout.
    timer = setTimeout(() => {
      failure = `timed out after ${request.timeoutMs} ms`;
      outgoing.destroy();
      fail(failure);
    }, request.timeoutMs);
    outgoing.on('error', (error) => fail(failure ?? describeNetworkError(error)));
    outgoing.end(body);
  });

/** "connection failed: ECONNREFUSED" (the system's code where there is one), else the message. */
function describeNetworkError(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `connection failed: ${code}` : `connection failed: ${error.message}`;
}
