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

/** POSTs one delivery with `fetch`; never throws: failures are described in the result. */
export const httpSend: Sender = async (request) => {
  const started = performance.now();
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal,
    });
    const responseText = await readBounded(response);
    return {
      statusCode: response.status,
      latencyMs: elapsed(),
      error: response.ok ? null : `HTTP ${response.status}`,
      responseText,
      retryAfter: response.headers.get('retry-after'),
    };
  } catch (error) {
    const message = timeout.aborted
      ? `timed out after ${request.timeoutMs} ms`
      : request.signal?.aborted
        ? 'stopped'
        : describeNetworkError(error);
    return { statusCode: null, latencyMs: elapsed(), error: message, responseText: null, retryAfter: null };
  }
};

async function readBounded(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < MAX_RESPONSE_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  if (size >= MAX_RESPONSE_BYTES) await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString('utf8');
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? `${error.message}: ${code}` : `${error.message}: ${cause.message}`;
  }
  return error.message;
}
