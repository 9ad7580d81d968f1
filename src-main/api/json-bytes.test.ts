/** JSON answers go out as their UTF-8 bytes (json-bytes.ts): same body, type and length as Koa's own. */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore, TEST_ADMIN_KEY, type TestCore } from '../../testkit/support/test-core.js';

let app: TestCore;

beforeAll(async () => {
  app = await startTestCore();
});

afterAll(async () => {
  await app.stop();
});

/** The raw answer: status, headers and the exact bytes (fetch would hide the length). */
function rawGet(path: string, key: string | null = TEST_ADMIN_KEY) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: Buffer }>(
    (resolve, reject) => {
      const request = http.get(
        app.url + path,
        { headers: key ? { authorization: `Bearer ${key}` } : {} },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              bytes: Buffer.concat(chunks),
            }),
          );
        },
      );
      request.on('error', reject);
    },
  );
}

describe('JSON answers', () => {
  it('carry the UTF-8 length of a body with Hebrew and emoji, as JSON', async () => {
    const created = await app.request('/api/v1/sessions', {
      method: 'POST',
      json: { id: 'bakery', name: 'מאפייה 🥐' },
    });
    expect(created.status).toBe(201);
    const answer = await rawGet('/api/v1/sessions/bakery');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(answer.headers['content-length'])).toBe(answer.bytes.length);
    expect(JSON.parse(answer.bytes.toString('utf8'))).toMatchObject({ id: 'bakery', name: 'מאפייה 🥐' });
  });

  it('and so do errors', async () => {
    const answer = await rawGet('/api/v1/sessions/nobody');
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(answer.headers['content-length'])).toBe(answer.bytes.length);
    expect(JSON.parse(answer.bytes.toString('utf8'))).toMatchObject({ error: { code: 'SESSION_NOT_FOUND' } });
  });
});
