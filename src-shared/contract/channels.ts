/**
 * Channels (WhatsApp newsletters, issue #19): the channels a number follows or owns, following
 * and unfollowing by invite link (with a preview first), creating one, posting to an owned one
 * and reading its posts' reaction counts. The posts are messages of the channel's chat (kind
 * `newsletter`): read with the conversation operations. REST (api/routes/channels.ts) validates
 * with the same schemas.
 */
import { z } from 'zod';
import { readChat, readSession, sendInChat, sendInSession } from '../access.js';
import type { Message } from '../messages.js';
import { mediaSourceSchema } from '../send-schemas.js';
import { op } from './operation.js';
import { sessionIdSchema } from './sessions.js';

export const CHANNEL_LINK_PREFIX = 'https://whatsapp.com/channel/';

/**
 * A `https://whatsapp.com/channel/<code>` link or the bare code. Codes are base64url; anything
 * else is refused here, naming the field.
 */
export const channelLinkSchema = z
  .string()
  .trim()
  .transform((value) =>
    value.replace(/^(https?:\/\/)?(www\.)?whatsapp\.com\/channel\//i, '').replace(/[/?#].*$/, ''),
  )
  .pipe(z.string().regex(/^[\w-]{6,64}$/, `must be a WhatsApp channel link (${CHANNEL_LINK_PREFIX}…)`))
  .describe(`The channel's invite link (${CHANNEL_LINK_PREFIX}<code>) or its code`);

/** A channel's JID: digits `@newsletter`. */
export const channelJidSchema = z
  .string()
  .trim()
  .regex(/^\d{5,30}@newsletter$/, 'must be a channel JID (…@newsletter)')
  .describe('The channel JID (…@newsletter)');

export const channelSchema = z
  .object({
    session: z.string(),
    jid: z.string(),
    name: z.string(),
    description: z.string(),
    inviteLink: z.string().nullable(),
    role: z.enum(['owner', 'follower']).describe('owner: this number posts; follower: it reads'),
    followers: z.number().int().nullable().describe('As WhatsApp last said'),
    /** Unix ms. */
    followedAt: z.number().int().describe('Unix ms the number followed or created it'),
    unreadCount: z.number().int(),
    lastMessageAt: z.number().int().nullable(),
    lastMessagePreview: z.string().nullable(),
  })
  .meta({
    id: 'Channel',
    example: {
      session: 'shop',
      jid: '120363144038483540@newsletter',
      name: 'Market news',
      description: 'Prices and opening hours',
      inviteLink: `${CHANNEL_LINK_PREFIX}0029VaExample1234567890`,
      role: 'follower',
      followers: 1520,
      followedAt: 1764000000000,
      unreadCount: 2,
      lastMessageAt: 1764000300000,
      lastMessagePreview: 'Open until 22:00 today',
    },
  });
export type Channel = z.infer<typeof channelSchema>;

export const channelPreviewSchema = z
  .object({
    jid: z.string(),
    name: z.string(),
    description: z.string(),
    inviteLink: z.string().nullable(),
    followers: z.number().int().nullable(),
    role: z.enum(['owner', 'follower', 'guest']).describe('What the number is to the channel now'),
  })
  .meta({
    id: 'ChannelPreview',
    example: {
      jid: '120363144038483540@newsletter',
      name: 'Market news',
      description: 'Prices and opening hours',
      inviteLink: `${CHANNEL_LINK_PREFIX}0029VaExample1234567890`,
      followers: 1520,
      role: 'guest',
    },
  });
export type ChannelPreview = z.infer<typeof channelPreviewSchema>;

export const channelPostCountsSchema = z
  .object({
    messageId: z.string(),
    serverId: z.string().describe("WhatsApp's number of the post in the channel"),
    reactions: z.array(z.object({ emoji: z.string(), count: z.number().int() })),
    total: z.number().int(),
  })
  .meta({
    id: 'ChannelPostCounts',
    example: {
      messageId: '3EB0C767D26A1D5',
      serverId: '100',
      reactions: [{ emoji: '👍', count: 3 }],
      total: 3,
    },
  });
export type ChannelPostCounts = z.infer<typeof channelPostCountsSchema>;

const caption = z.string().max(4096).optional();
/** What an owner posts: text, or a photo or video with a caption. */
export const channelPostSchema = z
  .discriminatedUnion('type', [
    z
      .object({ type: z.literal('text'), text: z.string().trim().min(1, 'must not be empty').max(65536) })
      .strict(),
    z.object({ type: z.literal('image'), media: mediaSourceSchema, caption }).strict(),
    z.object({ type: z.literal('video'), media: mediaSourceSchema, caption }).strict(),
  ])
  .meta({ id: 'ChannelPost', example: { type: 'text', text: 'Open until 22:00 today' } });
export type ChannelPostInput = z.infer<typeof channelPostSchema>;

export const channelCreateSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(100),
    description: z.string().trim().max(2048).optional(),
  })
  .strict()
  .meta({ id: 'ChannelCreate', example: { name: 'Market news', description: 'Prices and opening hours' } });

/** What an owner may change of a channel: either or both. */
const channelUpdateShape = {
  name: z.string().trim().min(1, 'must not be empty').max(100).optional(),
  description: z.string().trim().max(2048).optional(),
};
const changesSomething: [
  (value: { name?: string | undefined; description?: string | undefined }) => boolean,
  { message: string; path: string[] },
] = [
  (value) => value.name !== undefined || value.description !== undefined,
  { message: 'give a name or a description to change', path: ['name'] },
];
export const channelUpdateSchema = z
  .object(channelUpdateShape)
  .strict()
  .refine(...changesSomething)
  .meta({ id: 'ChannelUpdate', example: { name: 'Market news', description: 'Prices and opening hours' } });

/** A channel unfollowed (`channel.unfollowed`) or deleted by its owner (`channel.deleted`). */
export interface ChannelUnfollowedEvent {
  jid: string;
  name: string;
}

/** Reaction counts of an owned channel's posts, as just read from WhatsApp (`channel.reactions`). */
export interface ChannelReactionsEvent {
  jid: string;
  items: ChannelPostCounts[];
}

const sessionRef = z.object({ session: sessionIdSchema }).strict();
const channelRef = z.object({ session: sessionIdSchema, chat: channelJidSchema }).strict();

/** Sending to WhatsApp in the number's name: counted against the send budgets too. */
const postInChannel = { ...sendInChat, limits: ['send'] } as const;

export const channelOperations = {
  'channels.list': op<Channel[]>()(sessionRef, readSession),
  'channels.preview': op<ChannelPreview>()(
    sessionRef.extend({ link: channelLinkSchema }).strict(),
    readSession,
  ),
  'channels.follow': op<Channel>()(sessionRef.extend({ link: channelLinkSchema }).strict(), sendInSession),
  'channels.unfollow': op<{ ok: true }>()(channelRef, { ...sendInChat, limits: ['delete'] }),
  'channels.create': op<Channel>()(
    z.object({ session: sessionIdSchema, ...channelCreateSchema.shape }).strict(),
    sendInSession,
  ),
  'channels.post': op<Message>()(
    z.object({ session: sessionIdSchema, chat: channelJidSchema, post: channelPostSchema }).strict(),
    postInChannel,
  ),
  'channels.reactions': op<ChannelPostCounts[]>()(channelRef, readChat),
  'channels.counts': op<ChannelPostCounts[]>()(channelRef, readChat),
  'channels.update': op<Channel>()(
    z
      .object({ session: sessionIdSchema, chat: channelJidSchema, ...channelUpdateShape })
      .strict()
      .refine(...changesSomething),
    sendInChat,
  ),
  'channels.delete': op<{ ok: true }>()(channelRef, { ...sendInChat, limits: ['delete'] }),
};
