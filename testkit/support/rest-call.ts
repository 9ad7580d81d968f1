import type { TestCore } from './test-core.js';

/** A REST call under `/api/v1` on a test core: its status and parsed body (null when empty). */
export async function restCall<T>(
  app: Pick<TestCore, 'request'>,
  method: string,
  path: string,
  json?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await app.request(`/api/v1${path}`, { method, ...(json === undefined ? {} : { json }) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}
