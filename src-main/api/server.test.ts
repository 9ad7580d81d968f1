import { Validator } from '@seriousme/openapi-schema-validator';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestCore, TEST_ADMIN_KEY, type TestCore } from '../../testkit/support/test-core.js';
import { errorSchema } from './openapi.js';
import type { RouteDef } from './route.js';
import { allRoutes } from './routes/index.js';

let app: TestCore;

beforeAll(async () => {
  app = await startTestCore();
});

afterAll(async () => {
  await app.stop();
});

describe('public REST API basics', () => {
  it('answers health without a key', async () => {
    const response = await app.request('/api/v1/health', { key: null });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; name: string; sessions: unknown };
    expect(body).toMatchObject({ status: 'ok', name: 'Chatdock', sessions: { total: 0, connected: 0 } });
  });

  it('serves a valid OpenAPI 3.1 document without a key', async () => {
    const response = await app.request('/api/v1/openapi.json', { key: null });
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(document.paths['/api/v1/health']).toBeDefined();
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('gives every component schema and JSON request body an example its zod schema accepts', async () => {
    const document = (await (await app.request('/api/v1/openapi.json', { key: null })).json()) as OpenApi;
    const components = document.components.schemas;
    const routes = allRoutes(app.core.services);
    const zodById = namedSchemas(routes);

    const withoutExample: string[] = [];
    const invalid: string[] = [];
    for (const [id, component] of Object.entries(components)) {
      const schema = zodById.get(id);
      if (component.example === undefined) withoutExample.push(id);
      else if (!schema) invalid.push(`${id}: no zod schema found`);
      else invalid.push(...problems(id, schema, component.example));
    }
    const bodiesWithoutExample: string[] = [];
    for (const route of routes) {
      if (!route.body) continue;
      const name = `${route.method.toUpperCase()} ${route.path}`;
      const operation = document.paths['/api/v1' + route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method];
      const body = operation?.requestBody?.content['application/json']?.schema;
      const resolved = body?.$ref ? components[body.$ref.replace('#/components/schemas/', '')] : body;
      if (resolved?.example === undefined) bodiesWithoutExample.push(name);
      else invalid.push(...problems(name, route.body, resolved.example));
    }
    // One assertion, so a failure lists every gap at once.
    expect({ withoutExample, bodiesWithoutExample, invalid }).toEqual({
      withoutExample: [],
      bodiesWithoutExample: [],
      invalid: [],
    });
  });

  it('declares each way to send the key, and Idempotency-Key where it is honoured', async () => {
    const document = (await (await app.request('/api/v1/openapi.json', { key: null })).json()) as OpenApi;
    expect(document.components.securitySchemes).toEqual({
      bearer: { type: 'http', scheme: 'bearer' },
      apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      tokenHeader: { type: 'apiKey', in: 'header', name: 'Token' },
    });
    expect(document.security).toEqual([{ bearer: [] }, { apiKeyHeader: [] }, { tokenHeader: [] }]);
    const withIdempotencyKey = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => operation.parameters?.some((p) => p.name === 'Idempotency-Key'))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(withIdempotencyKey.sort()).toEqual([
      'POST /api/v1/campaigns',
      'POST /api/v1/schedules',
      'POST /api/v1/sessions/{id}/messages',
      'POST /api/v1/sessions/{id}/messages/attachments',
      'POST /api/v1/sessions/{id}/status',
    ]);
  });

  it('refuses any other /api/v1 route without a key, in the error format', async () => {
    for (const path of ['/api/v1/sessions', '/api/v1/anything/else', '/api/v1']) {
      const response = await app.request(path, { key: null });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: 'UNAUTHORIZED', message: expect.stringContaining('API key') },
      });
    }
  });

  it('refuses a wrong key', async () => {
    const response = await app.request('/api/v1/nothing', { key: 'wrong-key' });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
  });

  it('accepts the key as Bearer, X-Api-Key or Token', async () => {
    const variants: Record<string, string>[] = [
      { authorization: `Bearer ${TEST_ADMIN_KEY}` },
      { 'x-api-key': TEST_ADMIN_KEY },
      { token: TEST_ADMIN_KEY },
    ];
    for (const headers of variants) {
      const response = await app.request('/api/v1/no-such-route', { key: null, headers });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    }
  });

  it('serves the docs page and its assets locally', async () => {
    const page = await app.request('/docs', { key: null });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/docs/assets/swagger-ui-bundle.js');
    const asset = await app.request('/docs/assets/swagger-ui-bundle.js', { key: null });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    // `..` cannot climb out of the Swagger UI folder to the app's own files.
    const escape = await app.request('/docs/assets/..%2F..%2F..%2Fpackage.json', { key: null });
    const text = await escape.text();
    expect(text).not.toContain('"name": "chatdock"');
  });
});

describe('RPC bridge', () => {
  it('calls a contract operation with the admin key', async () => {
    const response = await app.request('/rpc/app.health', { method: 'POST', json: {} });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { result: { status: string } }).result.status).toBe('ok');
  });

  it('rejects bad input naming the field, and changes nothing', async () => {
    const response = await app.request('/rpc/settings.update', {
      method: 'POST',
      json: { lanAccess: 'yes' },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; field: string } };
    expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'lanAccess' });
    const settings = await app.request('/rpc/settings.get', { method: 'POST', json: {} });
    expect(((await settings.json()) as { result: { lanAccess: boolean } }).result.lanAccess).toBe(false);
  });

  it('answers malformed JSON with a 400 naming the body', async () => {
    const response = await app.request('/rpc/settings.update', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe('body');
  });

  it('names an unknown operation', async () => {
    const response = await app.request('/rpc/nope.nothing', { method: 'POST', json: {} });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNKNOWN_OPERATION');
  });

  it('requires a key', async () => {
    const response = await app.request('/rpc/app.info', { method: 'POST', json: {}, key: null });
    expect(response.status).toBe(401);
  });
});

describe('event stream', () => {
  it('sends nothing before the token and then pushes bus events', async () => {
    const socket = new WebSocket(app.url.replace('http', 'ws') + '/rpc/events');
    const messages: { type: string; data?: unknown }[] = [];
    const ready = new Promise<void>((resolve) => {
      socket.addEventListener('message', (message) => {
        const parsed = JSON.parse(String(message.data)) as { type: string };
        messages.push(parsed);
        if (parsed.type === 'ready') resolve();
      });
    });
    await new Promise((resolve) => socket.addEventListener('open', resolve));
    socket.send(JSON.stringify({ token: TEST_ADMIN_KEY }));
    await ready;
    const next = new Promise<{ type: string; data?: unknown }>((resolve) =>
      socket.addEventListener('message', (message) =>
        resolve(JSON.parse(String(message.data)) as { type: string }),
      ),
    );
    await app.request('/rpc/settings.update', { method: 'POST', json: { lanAccess: true } });
    const event = await next;
    expect(event).toMatchObject({ type: 'settings.updated', session: null, data: { lanAccess: true } });
    expect(event).toHaveProperty('id', expect.stringMatching(/^evt_/));
    socket.close();
  });

  it('closes with 4401 on a wrong token', async () => {
    const socket = new WebSocket(app.url.replace('http', 'ws') + '/rpc/events');
    await new Promise((resolve) => socket.addEventListener('open', resolve));
    const closed = new Promise<number>((resolve) =>
      socket.addEventListener('close', (event) => resolve(event.code)),
    );
    socket.send(JSON.stringify({ token: 'wrong' }));
    expect(await closed).toBe(4401);
  });
});

type JsonSchema = { example?: unknown; $ref?: string } & Record<string, unknown>;
interface OpenApi {
  security: unknown;
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string }[];
        requestBody?: { content: Record<string, { schema?: JsonSchema } | undefined> };
      }
    >
  >;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: unknown };
}

/** Every named zod schema (`.meta({ id })`) the document uses, by id: the components' sources. */
function namedSchemas(routes: readonly RouteDef[]): Map<string, z.core.$ZodType> {
  const found = new Map<string, z.core.$ZodType>();
  const collect = (schema: z.ZodType | undefined, io: 'input' | 'output') => {
    if (!schema) return;
    z.toJSONSchema(schema, {
      io,
      unrepresentable: 'any',
      override: ({ zodSchema }) => {
        const id = z.globalRegistry.get(zodSchema)?.id;
        if (id) found.set(id, zodSchema);
      },
    });
  };
  collect(errorSchema, 'output');
  for (const route of routes) {
    collect(route.params, 'input');
    collect(route.query, 'input');
    collect(route.body, 'input');
    collect(route.response.schema, 'output');
  }
  return found;
}

/** Why `schema` refuses `example` (first issue), or nothing. */
function problems(name: string, schema: z.core.$ZodType, example: unknown): string[] {
  const result = z.safeParse(schema, example);
  if (result.success) return [];
  const issue = result.error.issues[0];
  return [`${name}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`];
}
