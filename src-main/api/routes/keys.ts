import { z } from 'zod';
import {
  createdKeySchema,
  createKeyInput,
  namedKeyListSchema,
  namedKeySchema,
} from '../../../src-shared/contract/keys.js';
import type { Services } from '../../services/index.js';
import { defineRoute } from '../route.js';

const idParams = z.object({ id: z.string().min(1).describe('API key id') });

const SCOPES_NOTE =
  'Scopes: `messages:send`, `messages:read` (also the event stream), `sessions:manage`, `webhooks:manage`, ' +
  '`admin` (everything, including keys and logs). Needs the admin key or the `admin` scope.';

export function keyRoutes({ namedKeys }: Services) {
  const tag = 'keys';
  return [
    defineRoute({
      method: 'get',
      path: '/keys',
      tag,
      summary: 'List named API keys',
      description: `Revoked keys stay listed with \`revokedAt\`. ${SCOPES_NOTE}`,
      access: { scope: 'admin' },
      response: { status: 200, description: 'Newest first', schema: namedKeyListSchema },
      handler: () => {
        return { items: namedKeys.list(), next: null };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/keys',
      tag,
      summary: 'Create a named API key',
      description: `The key is in the answer only: it is stored hashed. ${SCOPES_NOTE}`,
      access: { scope: 'admin', limits: ['sensitive'] },
      body: createKeyInput,
      response: { status: 201, description: 'The key, shown once', schema: createdKeySchema },
      handler: ({ body }) => {
        return namedKeys.create(body);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/keys/:id',
      tag,
      summary: 'Revoke a named API key',
      description: 'Immediate: the key answers 401 from now on and its open event streams close.',
      access: { scope: 'admin', limits: ['sensitive'] },
      params: idParams,
      response: { status: 200, description: 'The revoked key', schema: namedKeySchema },
      handler: ({ params }) => {
        return namedKeys.revoke(params.id);
      },
    }),
  ];
}
