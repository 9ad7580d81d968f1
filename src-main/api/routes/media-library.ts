import { z } from 'zod';
import {
  DEFAULT_MEDIA_TTL_SECONDS,
  mediaItemSchema,
  mediaListInput,
  mediaListSchema,
  mediaUploadInput,
} from '../../../src-shared/contract/media-library.js';
import { AppError } from '../../../src-shared/errors.js';
import { mediaLibraryHandlers } from '../../rpc/media-library-handlers.js';
import type { Services } from '../../services/index.js';
import type { UploadedForm } from '../multipart.js';
import { operationRoutes, restContext } from '../operation-route.js';
import { defineRoute } from '../route.js';

const ABOUT =
  'The media library: upload a file once, then send it as often as wanted with `media: {"mediaId": "med_…"}` ' +
  'in POST /sessions/{id}/messages or …/messages/attachments. A file of a number (`session`) is sent by that ' +
  `number only and deleted with it. Files expire after \`ttlSeconds\` (default ${DEFAULT_MEDIA_TTL_SECONDS / 86400} days).`;

const idParams = z.object({ id: z.string().min(1).describe('Media id (`med_…`)') });

/** A multipart upload (`file` part, other fields as text) becomes the JSON body. */
function uploadFormToBody({ fields, file }: UploadedForm): unknown {
  const body: Record<string, unknown> = { ...fields };
  if ('ttlSeconds' in fields) body.ttlSeconds = Number(fields.ttlSeconds);
  if (file) {
    body.data = `data:${file.mimetype};base64,${file.bytes.toString('base64')}`;
    if (file.fileName && !fields.fileName) body.fileName = file.fileName;
  }
  return body;
}

/** The media library: upload (JSON or multipart), list, read and delete by id. */
export function mediaLibraryRoutes(services: Services) {
  const tag = 'media';
  const handlers = mediaLibraryHandlers(services);
  const route = operationRoutes(handlers);
  return [
    // Hand-written: a multipart upload is HTTP-only; JSON bodies go to the same operation.
    defineRoute({
      method: 'post',
      path: '/media',
      tag,
      summary: 'Upload a file to the media library',
      description:
        `${ABOUT} Send JSON (\`data\`: a data: URL or base64) or \`multipart/form-data\` (a \`file\` part, the ` +
        "other fields as text). Size and format are checked now, with WhatsApp's limits for `type` (default: from " +
        'the MIME type), the same as a send.',
      largeBody: true,
      access: { scope: 'messages:send', session: ({ body }) => body.session },
      body: mediaUploadInput,
      upload: uploadFormToBody,
      response: { status: 201, description: 'The stored file', schema: mediaItemSchema },
      handler: ({ body, principal, ctx }) => {
        try {
          return handlers['media.upload'](body, restContext(ctx, principal));
        } catch (error) {
          // A multipart caller sent a `file`, not `data`: name what they sent.
          if (error instanceof AppError && error.field === 'data' && ctx.request.is('multipart')) {
            throw new AppError(error.code, error.message.replace(/^data:/, 'file:'), 'file');
          }
          throw error;
        }
      },
    }),
    route('media.list', {
      method: 'get',
      path: '/media',
      tag,
      summary: 'List the media library, newest first',
      description: `${ABOUT} Expired files are not listed.`,
      query: mediaListInput,
      response: { status: 200, description: 'A page of files', schema: mediaListSchema },
    }),
    route('media.get', {
      method: 'get',
      path: '/media/:id',
      tag,
      summary: 'One file of the media library',
      params: idParams,
      response: {
        status: 200,
        description: 'The file (its details, not its bytes)',
        schema: mediaItemSchema,
      },
    }),
    route('media.delete', {
      method: 'delete',
      path: '/media/:id',
      tag,
      summary: 'Delete a file from the media library',
      description: 'Messages already sent with it keep their copy.',
      params: idParams,
      response: { status: 204, description: 'Deleted' },
    }),
  ];
}
