/**
 * The media library (issue #26 point 6; seed 001 `POST /media`, seed 003 attachments): a file
 * uploaded once gets an id (`med_…`) that sends name in `media.mediaId`, as often as wanted,
 * until it expires or is deleted.
 */
import { z } from 'zod';
import { sessionField } from '../access.js';
import { op } from './operation.js';

export const MEDIA_KINDS = ['image', 'video', 'audio', 'document', 'sticker'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** How long an upload is kept when it does not say (30 days), and the bounds of `ttlSeconds`. */
export const DEFAULT_MEDIA_TTL_SECONDS = 30 * 24 * 60 * 60;
export const MIN_MEDIA_TTL_SECONDS = 60;
export const MAX_MEDIA_TTL_SECONDS = 365 * 24 * 60 * 60;

export const mediaItemSchema = z
  .object({
    id: z.string().describe('`med_…`: give it as `media.mediaId` in a send'),
    session: z
      .string()
      .nullable()
      .describe('The number it belongs to (deleted with it; only that number may send it), or null'),
    type: z.enum(MEDIA_KINDS).describe('What it was checked as at upload'),
    mimetype: z.string(),
    size: z.number().int().describe('Bytes'),
    fileName: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string().describe('When it is deleted by itself (UTC ISO-8601)'),
  })
  .meta({
    id: 'MediaItem',
    example: {
      id: 'med_7QqP3kz9XbVd2LwF',
      session: null,
      type: 'image',
      mimetype: 'image/jpeg',
      size: 48213,
      fileName: 'menu.jpg',
      createdAt: '2026-12-06T00:10:00.000Z',
      expiresAt: '2027-01-05T00:10:00.000Z',
    },
  });
export type MediaItem = z.infer<typeof mediaItemSchema>;

export const mediaListSchema = z
  .object({
    items: z.array(mediaItemSchema),
    next: z.string().nullable().describe('Give as `cursor` for the next (older) page; null at the end'),
  })
  .meta({
    id: 'MediaList',
    example: {
      items: [
        {
          id: 'med_7QqP3kz9XbVd2LwF',
          session: null,
          type: 'image',
          mimetype: 'image/jpeg',
          size: 48213,
          fileName: 'menu.jpg',
          createdAt: '2026-12-06T00:10:00.000Z',
          expiresAt: '2027-01-05T00:10:00.000Z',
        },
      ],
      next: null,
    },
  });
export type MediaList = z.infer<typeof mediaListSchema>;

const ttlSeconds = z
  .number()
  .int('must be whole seconds')
  .min(MIN_MEDIA_TTL_SECONDS, `must be at least ${MIN_MEDIA_TTL_SECONDS}`)
  .max(MAX_MEDIA_TTL_SECONDS, `must be at most ${MAX_MEDIA_TTL_SECONDS} (a year)`)
  .optional()
  .describe('How long to keep it, in seconds (default 30 days)');

export const mediaUploadInput = z
  .object({
    data: z.string().min(1, 'must not be empty').describe('A data: URL or base64'),
    mimetype: z
      .string()
      .regex(/^[\w.+-]+\/[\w.+-]+/, 'must be a MIME type like image/png')
      .optional()
      .describe('Needed with plain base64 when the type cannot be recognised from the bytes'),
    fileName: z.string().min(1).max(255).optional(),
    type: z
      .enum(MEDIA_KINDS)
      .optional()
      .describe("Check it as this kind (WhatsApp's size and format limits); default: from the MIME type"),
    session: z.string().min(1).optional().describe('The number it belongs to (a session key: its own)'),
    ttlSeconds,
  })
  .strict()
  .meta({ example: { data: 'data:image/png;base64,iVBORw0KGgo=', fileName: 'logo.png', ttlSeconds: 86400 } });
export type MediaUploadInput = z.infer<typeof mediaUploadInput>;

export const mediaListInput = z
  .object({
    session: z.string().min(1).optional().describe('Only the files of this number'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z
      .string()
      .regex(/^\d+$/, 'must be a cursor this API returned')
      .optional()
      .describe('`next` of the previous page'),
  })
  .strict();

export const mediaIdInput = z.object({ id: z.string().min(1, 'is required').describe('`med_…`') }).strict();

export const mediaLibraryOperations = {
  'media.upload': op<MediaItem>()(mediaUploadInput, { scope: 'messages:send', session: sessionField }),
  'media.list': op<MediaList>()(mediaListInput, { scope: 'messages:read', session: sessionField }),
  'media.get': op<MediaItem>()(mediaIdInput, { scope: 'messages:read' }),
  'media.delete': op<void>()(mediaIdInput, { scope: 'messages:send', limits: ['delete'] }),
};

/** `media.uploaded` and `media.deleted` (`reason`: deleted by someone, or its time was up). */
export type MediaUploadedEvent = MediaItem;
export interface MediaDeletedEvent {
  id: string;
  reason: 'deleted' | 'expired';
}
