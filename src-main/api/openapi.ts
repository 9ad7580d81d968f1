import { z } from 'zod';
import { ERROR_CODES } from '../../src-shared/errors.js';
import { idempotencyHeaderParameter } from './idempotency-header.js';
import type { RouteDef } from './route.js';

type JsonSchema = Record<string, unknown>;

interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  security: Record<string, string[]>[];
  tags: { name: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, unknown> };
}

/** Every error answer; exported so the OpenAPI test can check its example. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      field: z.string().optional().describe('Dotted path of the input field that is wrong'),
    }),
  })
  .meta({
    id: 'Error',
    example: { error: { code: 'VALIDATION_FAILED', message: 'to: must be a phone number', field: 'to' } },
  });

const ERROR_RESPONSES: Record<string, string> = {
  '400': 'Invalid input; `error.field` names the field',
  '401': 'Missing, unknown or revoked API key',
  '403': 'The key may not do this',
  '404': 'Not found',
  '429': 'Too many requests; see Retry-After',
};

/** Converts zod to JSON Schema and moves named sub-schemas (`.meta({id})`) into components. */
class SchemaCollector {
  readonly components: Record<string, JsonSchema> = {};

  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', reused: 'inline' }) as JsonSchema;
    const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
    delete json.$defs;
    delete json.$schema;
    for (const [name, def] of Object.entries(defs)) this.components[name] ??= rewriteRefs(def) as JsonSchema;
    return rewriteRefs(json) as JsonSchema;
  }
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] =
      key === '$ref' && typeof inner === 'string'
        ? inner.replace('#/$defs/', '#/components/schemas/')
        : rewriteRefs(inner);
  }
  return out;
}

/** `/sessions/:id` → `/sessions/{id}` */
function openApiPath(koaPath: string): string {
  return koaPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function parameters(
  collector: SchemaCollector,
  schema: z.ZodObject<z.ZodRawShape> | undefined,
  where: 'path' | 'query',
): unknown[] {
  if (!schema) return [];
  const json = collector.convert(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

export function buildOpenApi(routes: readonly RouteDef[], version: string): OpenApiDocument {
  const collector = new SchemaCollector();
  const errorRef = collector.convert(errorSchema, 'output');
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const path = '/api/v1' + openApiPath(route.path);
    const responses: Record<string, unknown> = {
      [String(route.response.status)]: {
        description: route.response.description,
        ...(route.response.schema
          ? {
              content: { 'application/json': { schema: collector.convert(route.response.schema, 'output') } },
            }
          : route.response.contentType
            ? { content: { [route.response.contentType]: {} } }
            : {}),
      },
    };
    for (const [status, description] of Object.entries(ERROR_RESPONSES)) {
      if (route.access === 'public' && (status === '401' || status === '403')) continue;
      responses[status] = { description, content: { 'application/json': { schema: errorRef } } };
    }
    paths[path] ??= {};
    paths[path][route.method] = {
      tags: [route.tag],
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      operationId: `${route.method}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      ...(route.access === 'public' ? { security: [] } : { 'x-chatdock-access': accessDoc(route.access) }),
      parameters: [
        ...parameters(collector, route.params, 'path'),
        ...parameters(collector, route.query, 'query'),
        ...(route.idempotent ? [idempotencyHeaderParameter()] : []),
      ],
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': { schema: collector.convert(route.body, 'input') },
                ...(route.upload
                  ? {
                      'multipart/form-data': {
                        schema: {
                          type: 'object',
                          description: 'The same fields as the JSON body, with the media as the `file` part',
                          properties: { file: { type: 'string', format: 'binary' } },
                          additionalProperties: { type: 'string' },
                        },
                      },
                    }
                  : {}),
              },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Chatdock API',
      version,
      description:
        'The local HTTP API of Chatdock, a self-hosted WhatsApp gateway and team inbox. ' +
        'Send the key as `Authorization: Bearer <key>`, `X-Api-Key: <key>` or `Token: <key>`.',
    },
    servers: [{ url: '/' }],
    // The three headers auth.ts's presentedKey() accepts; any one of them is enough.
    security: [{ bearer: [] }, { apiKeyHeader: [] }, { tokenHeader: [] }],
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: collector.components,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
        tokenHeader: { type: 'apiKey', in: 'header', name: 'Token' },
      },
    },
  };
}

/** Who may call a keyed route, for readers of the OpenAPI document (the gate is api/route.ts). */
function accessDoc(access: Exclude<RouteDef['access'], 'public'>) {
  const scopes = typeof access.scope === 'string' ? [access.scope] : [...access.scope];
  const sessionKeys =
    access.sessionKeys ?? !scopes.every((scope) => scope === 'admin' || scope === 'widgets:manage');
  return { anyOfScopes: scopes, sessionKeys, perSession: Boolean(access.session) };
}
