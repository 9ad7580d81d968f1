/**
 * What a caller may send: one zod schema per message type, shared by the REST API, the UI
 * and (later) schedules and campaigns. Media comes by `url` (https), `data` (a `data:` URL or
 * plain base64), `mediaId` (the media library) or a multipart upload (the REST layer turns the
 * file into `data`).
 */
import { z } from 'zod';

export const mediaSourceSchema = z
  .object({
    url: z
      .string()
      .url('must be a URL')
      .refine((url) => url.startsWith('https://'), 'must be an https:// URL')
      .optional(),
    data: z.string().min(1, 'must not be empty').optional().describe('A data: URL or base64'),
    mimetype: z
      .string()
      .regex(/^[\w.+-]+\/[\w.+-]+/, 'must be a MIME type like image/png')
      .optional()
      .describe('Needed with plain base64 when the type cannot be recognised from the bytes'),
    fileName: z.string().min(1).max(255).optional(),
    mediaId: z
      .string()
      .regex(/^med_[A-Za-z0-9_-]{1,64}$/, 'must be a media id (med_…) from POST /media')
      .optional()
      .describe('A file of the media library (POST /media): uploaded once, sent many times'),
  })
  .strict()
  .refine((media) => [media.url, media.data, media.mediaId].filter(Boolean).length === 1, {
    message: 'give exactly one of url, data or mediaId',
  })
  .meta({ id: 'MediaSource', example: { url: 'https://example.com/menu.jpg' } });
export type MediaSource = z.infer<typeof mediaSourceSchema>;

const common = {
  to: z.string().min(1, 'is required').describe('Phone number in any common format, or a JID'),
  replyTo: z.string().min(1).optional().describe('Id of a message in the same chat to quote'),
  mentions: z.array(z.string().min(1)).max(256).optional().describe('Phone numbers or JIDs to mention'),
  id: z
    .string()
    .regex(/^[A-Za-z0-9]{8,64}$/, 'must be 8–64 letters or digits')
    .optional()
    .describe('Custom WhatsApp message id'),
};

const caption = z.string().max(4096).optional();

/** The fields of each media message, shared by single sends and several attachments in one call. */
const mediaShapes = {
  image: { type: z.literal('image'), media: mediaSourceSchema, caption },
  video: { type: z.literal('video'), media: mediaSourceSchema, caption, gif: z.boolean().optional() },
  audio: {
    type: z.literal('audio'),
    media: mediaSourceSchema,
    voiceNote: z
      .boolean()
      .optional()
      .describe(
        'Send as a voice note (ptt). WebM/Opus, as browsers record, is rewrapped as Ogg/Opus, the format phones play voice notes in',
      ),
  },
  document: {
    type: z.literal('document'),
    media: mediaSourceSchema,
    caption,
    fileName: z.string().min(1).max(255).optional(),
  },
  sticker: { type: z.literal('sticker'), media: mediaSourceSchema },
};

export const sendMessageSchema = z
  .discriminatedUnion('type', [
    z
      .object({
        ...common,
        type: z.literal('text'),
        text: z.string().trim().min(1, 'must not be empty').max(65536),
      })
      .strict(),
    z.object({ ...common, ...mediaShapes.image }).strict(),
    z.object({ ...common, ...mediaShapes.video }).strict(),
    z.object({ ...common, ...mediaShapes.audio }).strict(),
    z.object({ ...common, ...mediaShapes.document }).strict(),
    z.object({ ...common, ...mediaShapes.sticker }).strict(),
    z
      .object({
        ...common,
        type: z.literal('location'),
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        name: z.string().max(256).optional(),
        address: z.string().max(512).optional(),
      })
      .strict(),
    z
      .object({
        ...common,
        type: z.literal('contact'),
        contacts: z
          .array(
            z
              .object({
                name: z
                  .string()
                  .min(1, 'must not be empty')
                  .max(256)
                  .optional()
                  .describe('Required with phone or vcard; with contact, defaults to its name'),
                phone: z.string().min(1).optional(),
                vcard: z.string().min(1).optional(),
                contact: z
                  .string()
                  .min(1)
                  .max(256)
                  .optional()
                  .describe(
                    'A stored contact of this number, by its id (JID) or phone: the card carries its name and number (issue #26 point 8)',
                  ),
              })
              .strict()
              .refine(
                (c) => [c.phone, c.vcard, c.contact].filter(Boolean).length === 1,
                'give exactly one of phone, vcard or contact',
              )
              .refine((c) => Boolean(c.name) || Boolean(c.contact), {
                message: 'is required with phone or vcard',
                path: ['name'],
              }),
          )
          .min(1, 'must list at least one contact')
          .max(50),
      })
      .strict(),
    z
      .object({
        ...common,
        type: z.literal('reaction'),
        messageId: z.string().min(1, 'is required'),
        emoji: z.string().max(16).describe('An empty string removes the reaction'),
      })
      .strict(),
    z
      .object({
        ...common,
        type: z.literal('poll'),
        name: z.string().trim().min(1, 'must not be empty').max(255),
        options: z.array(z.string().trim().min(1, 'must not be empty').max(100)).min(2).max(12),
        selectableCount: z.number().int().min(0).max(12).optional(),
      })
      .strict(),
  ])
  .meta({
    id: 'SendMessage',
    example: { to: '+972 50-123-4567', type: 'text', text: 'Your order is ready 🎉' },
  });
export type SendMessageInput = z.infer<typeof sendMessageSchema>;
export type SendMessageType = SendMessageInput['type'];

/** At most this many attachments in one call (WhatsApp's own picker stops at 30). */
export const MAX_ATTACHMENTS = 30;

/**
 * Several attachments in one call (seed 003): sent in the order given, one message each, as
 * WhatsApp sends an album. `replyTo` quotes with the first only.
 */
export const sendAttachmentsSchema = z
  .object({
    to: common.to,
    replyTo: common.replyTo,
    attachments: z
      .array(
        z.discriminatedUnion('type', [
          z.object(mediaShapes.image).strict(),
          z.object(mediaShapes.video).strict(),
          z.object(mediaShapes.audio).strict(),
          z.object(mediaShapes.document).strict(),
          z.object(mediaShapes.sticker).strict(),
        ]),
      )
      .min(1, 'must list at least one attachment')
      .max(MAX_ATTACHMENTS, `must list at most ${MAX_ATTACHMENTS} attachments`),
  })
  .strict()
  .meta({
    id: 'SendAttachments',
    example: {
      to: '+972 50-123-4567',
      attachments: [
        { type: 'image', media: { mediaId: 'med_7QqP3kz9XbVd2LwF' }, caption: 'The menu' },
        { type: 'document', media: { url: 'https://example.com/prices.pdf' }, fileName: 'prices.pdf' },
      ],
    },
  });
export type SendAttachmentsInput = z.infer<typeof sendAttachmentsSchema>;
