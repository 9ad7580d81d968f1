/**
 * Named API keys: created in Settings (or by an admin over the API) with a name and scopes,
 * shown once, stored hashed, revocable. Scopes are defined in src-shared/access.ts and enforced by
 * src-main/services/access/authorizer.ts.
 */
import { z } from 'zod';
import { exampleOf } from '../examples.js';
import { ADMIN_ONLY } from '../access.js';
import { op } from './operation.js';

export { SCOPES, SCOPE_DESCRIPTIONS, type Scope } from '../access.js';
import { SCOPES } from '../access.js';

export const namedKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe('The first characters of the key, to recognise it'),
    scopes: z.array(z.enum(SCOPES)),
    createdAt: z.string().describe('UTC ISO-8601'),
    lastUsedAt: z.string().nullable().describe('Updated at most once a minute'),
    revokedAt: z.string().nullable(),
  })
  .meta({
    id: 'ApiKey',
    example: {
      id: '5b8f2c4e-8d1a-4f0e-9a57-0c7d2f6e1b3a',
      name: 'CRM sync',
      prefix: 'cd_Q2x9v',
      scopes: ['messages:send', 'messages:read'],
      createdAt: '2026-11-21T10:00:00.000Z',
      lastUsedAt: '2026-11-21T12:30:00.000Z',
      revokedAt: null,
    },
  });
export type NamedKey = z.infer<typeof namedKeySchema>;

export const namedKeyListSchema = z
  .object({ items: z.array(namedKeySchema), next: z.null() })
  .meta({ id: 'ApiKeyList', example: { items: [exampleOf(namedKeySchema)], next: null } });
export type NamedKeyList = z.infer<typeof namedKeyListSchema>;

export const createKeyInput = z
  .strictObject({
    name: z.string().trim().min(1, 'is required').max(80),
    scopes: z.array(z.enum(SCOPES)).min(1, 'choose at least one scope'),
  })
  .meta({ id: 'CreateApiKey', example: { name: 'CRM sync', scopes: ['messages:send', 'messages:read'] } });

export const createdKeySchema = z
  .object({
    apiKey: namedKeySchema,
    key: z.string().describe('The key itself. Shown once, stored hashed: copy it now.'),
  })
  .meta({
    id: 'CreatedApiKey',
    example: {
      apiKey: { ...exampleOf(namedKeySchema), lastUsedAt: null },
      key: 'cd_Q2x9vJ7mKp4RtY8wZb3nLc6dFh1gSa5eUo0iWq2XyEk',
    },
  });
export type CreatedKey = z.infer<typeof createdKeySchema>;

const byId = z.strictObject({ id: z.string().min(1, 'is required') });

export const keyOperations = {
  'keys.list': op<NamedKeyList>()(z.strictObject({}), ADMIN_ONLY),
  'keys.create': op<CreatedKey>()(createKeyInput, { ...ADMIN_ONLY, limits: ['sensitive'] }),
  /** Revoking is immediate and final: the key answers 401 from then on. */
  'keys.revoke': op<NamedKey>()(byId, { ...ADMIN_ONLY, limits: ['sensitive', 'delete'] }),
};
