import { z } from 'zod';
import {
  createTagInput,
  deletedTagSchema,
  setTagLabelSyncInput,
  tagIdSchema,
  tagLabelSyncSchema,
  tagListSchema,
  tagSchema,
  updateTagInput,
} from '../../../src-shared/contract/organize.js';
import type { Services } from '../../services/index.js';
import { organizeHandlers } from '../../rpc/organize-handlers.js';
import { operationRoutes } from '../operation-route.js';
import { defineRoute } from '../route.js';
import { onePage } from './common.js';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';

const idParams = z.object({ id: tagIdSchema });

/**
 * Tags: adapters onto the `tags.*` operations; only "get one tag", which has no operation (the
 * UI reads the list), is written here.
 */
export function tagRoutes(services: Services) {
  const tag = 'tags';
  const { tags } = services.organize;
  const route = operationRoutes(organizeHandlers(services));
  return [
    route('tags.list', {
      method: 'get',
      path: '/tags',
      tag,
      summary: 'List tags with how many chats and messages carry each',
      response: { status: 200, description: 'Every tag, by name', schema: tagListSchema },
      answer: onePage,
    }),
    route('tags.create', {
      method: 'post',
      path: '/tags',
      tag,
      summary: 'Create a tag',
      description: 'Names are 1–40 characters and unique ignoring case (409 CONFLICT naming `name`).',
      body: createTagInput,
      response: { status: 201, description: 'The tag', schema: tagSchema },
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
    route('tags.update', {
      method: 'patch',
      path: '/tags/:id',
      tag,
      summary: 'Rename or recolour a tag',
      params: idParams,
      body: updateTagInput,
      response: { status: 200, description: 'The tag', schema: tagSchema },
    }),
    route('tags.labelSync', {
      method: 'get',
      path: '/tags/:id/labels',
      tag,
      summary: "A tag's WhatsApp Business label sync",
      description:
        'The numbers the tag is synced with (its label id on each) and what the sync did, newest first: ' +
        'labels made, renamed, recoloured or deleted on the phone or here, links made and undone, and ' +
        'conflicts (`conflict: true`: the later change won over one the other side had not seen).',
      params: idParams,
      response: { status: 200, description: 'The sync', schema: tagLabelSyncSchema },
    }),
    route('tags.setLabelSync', {
      method: 'put',
      path: '/tags/:id/labels/:session',
      tag,
      summary: 'Turn label sync on or off for one number',
      description:
        'On: the tag becomes a WhatsApp Business label on the number (with the chats carrying it), and ' +
        'from then on renames, recolours, deletion and taggings go both ways. The number must be a ' +
        'business account (409 CONFLICT naming `session`) and connected (409 NOT_CONNECTED). Off: the ' +
        'link goes; the label stays on the phone as an ordinary label. Needs tag management on the number.',
      params: z.object({ id: tagIdSchema, session: sessionIdSchema }),
      body: setTagLabelSyncInput,
      response: { status: 200, description: 'The sync', schema: tagLabelSyncSchema },
    }),
    route('tags.delete', {
      method: 'delete',
      path: '/tags/:id',
      tag,
      summary: 'Delete a tag',
      description:
        'A tag in use is refused with 409 CONFLICT (`field`: `confirm`) whose `error.usage` gives ' +
        '`{chats, messages}`; repeat with `?confirm=true` to delete it and remove it from all of them ' +
        '(each removal is announced). The tag history keeps its entries.',
      params: idParams,
      query: z.object({
        confirm: z
          .enum(['true', 'false'])
          .transform((value) => value === 'true')
          .optional()
          .describe('Delete even when chats or messages carry the tag'),
      }),
      response: { status: 200, description: 'What was removed with the tag', schema: deletedTagSchema },
    }),
  ];
}
