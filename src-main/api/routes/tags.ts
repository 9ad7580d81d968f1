import { z } from 'zod';
import {
  createTagInput,
  deletedTagSchema,
  tagIdSchema,
  tagListSchema,
  tagSchema,
  updateTagInput,
} from '../../../src-shared/contract/organize.js';
import type { Services } from '../../services/index.js';
import { MANAGE_TAGS } from '../../../src-shared/access.js';
import { defineRoute } from '../route.js';

const idParams = z.object({ id: tagIdSchema });

export function tagRoutes({ organize }: Services) {
  const tag = 'tags';
  const { tags, actors } = organize;
  return [
    defineRoute({
      method: 'get',
      path: '/tags',
      tag,
      summary: 'List tags with how many chats and messages carry each',
      access: { scope: 'messages:read' },
      response: { status: 200, description: 'Every tag, by name', schema: tagListSchema },
      handler: () => {
        return { items: tags.list(), next: null };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/tags',
      tag,
      summary: 'Create a tag',
      description: 'Names are 1–40 characters and unique ignoring case (409 CONFLICT naming `name`).',
      access: MANAGE_TAGS,
      body: createTagInput,
      response: { status: 201, description: 'The tag', schema: tagSchema },
      handler: ({ body }) => {
        return tags.create(body);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/tags/:id',
      tag,
      summary: 'Get a tag',
      access: { scope: 'messages:read' },
      params: idParams,
      response: { status: 200, description: 'The tag', schema: tagSchema },
      handler: ({ params }) => {
        return tags.get(params.id);
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/tags/:id',
      tag,
      summary: 'Rename or recolour a tag',
      access: MANAGE_TAGS,
      params: idParams,
      body: updateTagInput,
      response: { status: 200, description: 'The tag', schema: tagSchema },
      handler: ({ params, body }) => {
        return tags.update(params.id, body);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/tags/:id',
      tag,
      summary: 'Delete a tag',
      description:
        'A tag in use is refused with 409 CONFLICT (`field`: `confirm`) whose `error.usage` gives ' +
        '`{chats, messages}`; repeat with `?confirm=true` to delete it and remove it from all of them ' +
        '(each removal is announced). The tag history keeps its entries.',
      access: MANAGE_TAGS,
      params: idParams,
      query: z.object({
        confirm: z
          .enum(['true', 'false'])
          .transform((value) => value === 'true')
          .optional()
          .describe('Delete even when chats or messages carry the tag'),
      }),
      response: { status: 200, description: 'What was removed with the tag', schema: deletedTagSchema },
      handler: ({ params, query, principal }) => {
        return tags.delete(params.id, {
          confirm: query.confirm ?? false,
          actor: actors.attribution(principal),
        });
      },
    }),
  ];
}
