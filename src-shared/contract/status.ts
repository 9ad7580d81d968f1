/**
 * Status (stories, issue #19): the Status updates a number's contacts posted (kept 24 hours, like
 * WhatsApp), seen or not, a private reply to one, and posting a Status of our own to all
 * contacts or a chosen list. The REST routes (api/routes/status.ts) adapt onto these operations.
 */
import { z } from 'zod';
import { readSession, sendInSession } from '../access.js';
import { mediaSourceSchema } from '../send-schemas.js';
import { idempotencyKeySchema } from '../idempotency-key.js';
import { op } from './operation.js';
import { sessionIdSchema } from './sessions.js';

export const STATUS_KINDS = ['text', 'image', 'video'] as const;
export type StatusKind = (typeof STATUS_KINDS)[number];

/** WhatsApp keeps a Status this long after it was posted. */
export const STATUS_LIFETIME_MS = 24 * 60 * 60 * 1000;

import { STATUS_COLORS } from './constants/status.js';

export { STATUS_COLORS };

// Upper-cased by the service (a transform here would hide the type from the OpenAPI document).
const hexColor = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'must be a colour like #25D366');

export const statusUpdateSchema = z
  .object({
    session: z.string(),
    id: z.string().describe('The WhatsApp message id of the Status'),
    poster: z.string().describe("The poster's JID (this number's own for its posts)"),
    posterName: z.string().nullable().describe("The contact's name, or their push name"),
    fromMe: z.boolean(),
    kind: z.enum(STATUS_KINDS),
    text: z.string().nullable().describe('The text of a text Status, the caption of a photo or video'),
    backgroundColor: z.string().nullable().describe('#RRGGBB of a text Status'),
    font: z.number().int().nullable(),
    media: z
      .object({ mimetype: z.string(), size: z.number().int().nullable(), stored: z.boolean() })
      .nullable(),
    audience: z.array(z.string()).nullable().describe('Who our own post was sent to'),
    postedAt: z.string(),
    expiresAt: z.string().describe('24 hours after it was posted; then it is deleted'),
    seen: z.boolean(),
    seenAt: z.string().nullable(),
  })
  .meta({
    id: 'StatusUpdate',
    example: {
      session: 'shop',
      id: '3EB0C4A1B2C3D4E5F6A7',
      poster: '972501234567@s.whatsapp.net',
      posterName: 'Dana',
      fromMe: false,
      kind: 'text',
      text: 'Open on Sunday 🎉',
      backgroundColor: '#25D366',
      font: 1,
      media: null,
      audience: null,
      postedAt: '2026-11-21T09:00:00.000Z',
      expiresAt: '2026-11-22T09:00:00.000Z',
      seen: false,
      seenAt: null,
    },
  });
export type StatusUpdate = z.infer<typeof statusUpdateSchema>;

const caption = z.string().max(4096).optional();

/** What a Status says: text on a colour, a photo or a video (the media as for messages). */
export const statusContentSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('text'),
      text: z.string().trim().min(1, 'must not be empty').max(700),
      backgroundColor: hexColor.default('#25D366'),
      font: z.number().int().min(0).max(9).optional(),
    })
    .strict(),
  z.object({ type: z.literal('image'), media: mediaSourceSchema, caption }).strict(),
  z.object({ type: z.literal('video'), media: mediaSourceSchema, caption }).strict(),
]);
export type StatusContent = z.infer<typeof statusContentSchema>;

/** Who sees a Status: every contact of the number, or a chosen list (phone numbers or JIDs). */
export const statusAudienceSchema = z
  .union([
    z.literal('contacts'),
    z.array(z.string().min(1, 'is required')).min(1, 'must name at least one contact').max(5000),
  ])
  .default('contacts')
  .describe('"contacts" (every contact of the number) or a list of phone numbers / JIDs');

export const postStatusSchema = z
  .object({ status: statusContentSchema, audience: statusAudienceSchema })
  .strict()
  .meta({
    id: 'PostStatus',
    example: {
      status: { type: 'text', text: 'Open on Sunday 🎉', backgroundColor: '#25D366' },
      audience: 'contacts',
    },
  });
export type PostStatusInput = z.infer<typeof postStatusSchema>;

/**
 * A Status as a kind of scheduled message (`schedules.create` with `message.type: "status"`):
 * posted at `sendAt` like `status.post`.
 */
export const scheduledStatusSchema = z
  .object({ type: z.literal('status'), status: statusContentSchema, audience: statusAudienceSchema })
  .strict();
export type ScheduledStatus = z.infer<typeof scheduledStatusSchema>;

const statusRef = z
  .object({ session: sessionIdSchema, statusId: z.string().min(1, 'is required').max(128) })
  .strict();

export interface StatusMediaLink {
  url: string;
  mimetype: string;
}

export const statusOperations = {
  /**
   * The number's Status updates of the last 24 hours: unseen first, then newest first. `poster`
   * narrows to one contact; `mine` to our own posts (true) or the contacts' (false).
   */
  'status.list': op<{ items: StatusUpdate[] }>()(
    z
      .object({
        session: sessionIdSchema,
        poster: z.string().min(1).optional(),
        mine: z.boolean().optional(),
        limit: z.number().int().min(1).max(500).default(200),
      })
      .strict(),
    readSession,
  ),
  'status.get': op<StatusUpdate>()(statusRef, readSession),
  /** A short-lived URL of a photo or video Status (downloaded from WhatsApp first if needed). */
  'status.mediaLink': op<StatusMediaLink>()(statusRef, readSession),
  /** Marks a contact's Status seen: the read receipt goes to the poster, as on the phone. */
  'status.markSeen': op<StatusUpdate>()(statusRef, sendInSession),
  /**
   * Replies privately to a contact's Status: a message to the poster's chat quoting the Status,
   * as WhatsApp does.
   */
  'status.reply': op<{ chat: string; messageId: string }>()(
    statusRef.extend({ text: z.string().trim().min(1, 'must not be empty').max(4096) }),
    { ...sendInSession, limits: ['send'] },
  ),
  /**
   * Posts a Status now, to every contact or a chosen list. `idempotencyKey` is the /rpc caller's
   * Idempotency-Key (the UI sends one per post): a retry with it answers the first post.
   */
  'status.post': op<StatusUpdate>()(
    postStatusSchema.extend({ session: sessionIdSchema, idempotencyKey: idempotencyKeySchema.optional() }),
    { ...sendInSession, limits: ['send'] },
  ),
};
