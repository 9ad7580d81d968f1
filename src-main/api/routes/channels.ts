import { z } from 'zod';
import {
  channelCreateSchema,
  channelPostCountsSchema,
  channelPostSchema,
  channelPreviewSchema,
  channelSchema,
  channelUpdateSchema,
  type Channel,
  type ChannelPostCounts,
} from '../../../src-shared/contract/channels.js';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import { exampleOf } from '../../../src-shared/examples.js';
import { messageSchema } from '../../../src-shared/messages.js';
import { channelHandlers } from '../../rpc/channel-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';
import { sessionParams } from './common.js';
import { sessionBodyInput, sessionInput } from './session-input.js';

const channelList = z
  .object({ items: z.array(channelSchema), next: z.null() })
  .meta({ id: 'ChannelList', example: { items: [exampleOf(channelSchema)], next: null } });
const countsList = z.object({ items: z.array(channelPostCountsSchema), next: z.null() }).meta({
  id: 'ChannelPostCountsList',
  example: { items: [exampleOf(channelPostCountsSchema)], next: null },
});
const linkBody = z
  .object({ link: z.string().describe('`https://whatsapp.com/channel/…` or the code') })
  .strict()
  .meta({ id: 'ChannelFollow', example: { link: 'https://whatsapp.com/channel/0029VaExample1234567890' } });
const channelParams = z.object({
  id: sessionIdSchema,
  jid: z.string().min(1).describe('The channel JID (…@newsletter)'),
});

type ChannelRequest = { params: z.output<typeof channelParams> };
const channelInput = ({ params }: ChannelRequest) => ({ session: params.id, chat: params.jid });
/** REST's lists are pages (`next: null`); the operations' are the lists. */
const asPage = <T>(items: T[]) => ({ items, next: null });

/** Channels (newsletters, issue #19): adapters onto `channels.*`. */
export function channelRoutes(services: Services) {
  const tag = 'channels';
  const route = operationRoutes(channelHandlers(services));
  return [
    route('channels.list', {
      method: 'get',
      path: '/sessions/:id/channels',
      tag,
      summary: 'Channels the number follows or owns, with unread counts and the newest post',
      params: sessionParams,
      input: sessionInput,
      response: { status: 200, description: 'Channels', schema: channelList },
      answer: (items: Channel[]) => asPage(items),
    }),
    route('channels.preview', {
      method: 'get',
      path: '/sessions/:id/channels/preview',
      tag,
      summary: 'What a channel invite link leads to, before following',
      params: sessionParams,
      // Required, but checked by the operation (after the caller's access).
      query: z.object({
        link: z.string().optional().describe('Required: `https://whatsapp.com/channel/…` or the code'),
      }),
      input: ({ params, query }: { params: { id: string }; query: { link?: string } }) => ({
        session: params.id,
        link: query.link,
      }),
      response: { status: 200, description: 'The channel behind the link', schema: channelPreviewSchema },
    }),
    route('channels.follow', {
      method: 'post',
      path: '/sessions/:id/channels/follow',
      tag,
      summary: 'Follow a channel by invite link; its recent posts are stored with it',
      params: sessionParams,
      body: linkBody,
      input: sessionBodyInput,
      response: { status: 200, description: 'The followed channel', schema: channelSchema },
    }),
    route('channels.create', {
      method: 'post',
      path: '/sessions/:id/channels',
      tag,
      summary: 'Create a channel the number owns',
      params: sessionParams,
      body: channelCreateSchema,
      input: sessionBodyInput,
      response: { status: 201, description: 'The new channel', schema: channelSchema },
    }),
    route('channels.unfollow', {
      method: 'delete',
      path: '/sessions/:id/channels/:jid',
      tag,
      summary: 'Unfollow a channel; its stored posts stay',
      params: channelParams,
      input: channelInput,
      response: {
        status: 200,
        description: 'Unfollowed',
        schema: z.object({ ok: z.literal(true) }).meta({ id: 'ChannelUnfollowed', example: { ok: true } }),
      },
    }),
    route('channels.update', {
      method: 'patch',
      path: '/sessions/:id/channels/:jid',
      tag,
      summary: 'Rename a channel the number owns, or change its description',
      params: channelParams,
      body: channelUpdateSchema,
      input: ({ params, body }: ChannelRequest & { body: { name?: string; description?: string } }) => ({
        session: params.id,
        chat: params.jid,
        ...body,
      }),
      response: { status: 200, description: 'The channel as it is now', schema: channelSchema },
    }),
    route('channels.delete', {
      method: 'post',
      path: '/sessions/:id/channels/:jid/delete',
      tag,
      summary: 'Delete a channel the number owns, on WhatsApp; its stored posts stay',
      params: channelParams,
      input: channelInput,
      response: {
        status: 200,
        description: 'Deleted',
        schema: z.object({ ok: z.literal(true) }).meta({ id: 'ChannelDeleted', example: { ok: true } }),
      },
    }),
    route('channels.post', {
      method: 'post',
      path: '/sessions/:id/channels/:jid/posts',
      tag,
      summary: 'Post to a channel the number owns (text, or a photo or video with a caption)',
      params: channelParams,
      body: channelPostSchema,
      input: ({ params, body }: ChannelRequest & { body: unknown }) => ({
        session: params.id,
        chat: params.jid,
        post: body,
      }),
      response: {
        status: 201,
        description: 'The post, stored as a message of the channel',
        schema: messageSchema,
      },
    }),
    route('channels.reactions', {
      method: 'get',
      path: '/sessions/:id/channels/:jid/reactions',
      tag,
      summary: "Reaction counts of the channel's posts, read from WhatsApp now",
      params: channelParams,
      input: channelInput,
      response: { status: 200, description: 'Counts per post, newest first', schema: countsList },
      answer: (items: ChannelPostCounts[]) => asPage(items),
    }),
    route('channels.counts', {
      method: 'get',
      path: '/sessions/:id/channels/:jid/reactions/stored',
      tag,
      summary: "Reaction counts of the channel's posts as last read (no call to WhatsApp)",
      params: channelParams,
      input: channelInput,
      response: { status: 200, description: 'Counts per post, newest first', schema: countsList },
      answer: (items: ChannelPostCounts[]) => asPage(items),
    }),
  ];
}
