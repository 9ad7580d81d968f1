import type { Handlers } from '../../src-shared/contract.js';
import { toJid } from '../../src-shared/jid.js';
import type { Services } from '../services/index.js';
import { assertNotSessionKey } from '../services/session-access.js';
import { authorize } from '../services/scopes.js';
import type { RpcContext } from './context.js';

type OrganizeOps = Extract<
  keyof Handlers<RpcContext>,
  `tags.${string}` | `savedReplies.${string}` | `notes.${string}`
>;

/** UI operations on tags, saved replies and chat notes; thin calls into the organize services. */
export function organizeHandlers(services: Services): Pick<Handlers<RpcContext>, OrganizeOps> {
  const { organize, sessions } = services;
  const { tags, taggings, savedReplies, notes } = organize;
  /** The caller may read (or change) this session's chats; the session exists. */
  const guard = (ctx: RpcContext, session: string, write = false) => {
    authorize(ctx.principal, write ? 'messages:send' : 'messages:read', session);
    sessions.get(session);
  };
  /** Tags and saved replies are shared by every session: a session key may use, not change them. */
  const manage = (ctx: RpcContext, what: string) => {
    authorize(ctx.principal, 'messages:send');
    assertNotSessionKey(ctx.principal, what);
  };
  const jid = (chat: string) => toJid(chat, 'chat');
  const actor = (ctx: RpcContext) => organize.actors.of(ctx.principal);

  return {
    'tags.list': (_input, ctx) => {
      authorize(ctx.principal, 'messages:read');
      return { items: tags.list() };
    },
    'tags.create': (input, ctx) => {
      manage(ctx, 'change tags');
      return tags.create(input);
    },
    'tags.update': ({ id, ...input }, ctx) => {
      manage(ctx, 'change tags');
      return tags.update(id, input);
    },
    'tags.delete': ({ id, confirm }, ctx) => {
      manage(ctx, 'change tags');
      return tags.delete(id, { confirm, actor: actor(ctx) });
    },
    'tags.ofChat': ({ session, chat }, ctx) => {
      guard(ctx, session);
      return { items: taggings.ofChat(session, jid(chat)) };
    },
    'tags.ofChats': ({ session, chats }, ctx) => {
      guard(ctx, session);
      return { items: taggings.ofChats(session, chats.map(jid)) };
    },
    'tags.addToChat': ({ session, chat, tagId, extra }, ctx) => {
      guard(ctx, session, true);
      return { items: taggings.addToChat(session, jid(chat), tagId, actor(ctx), extra ?? null) };
    },
    'tags.removeFromChat': ({ session, chat, tagId }, ctx) => {
      guard(ctx, session, true);
      return { items: taggings.removeFromChat(session, jid(chat), tagId, actor(ctx)) };
    },
    'tags.bulk': ({ session, chats, tagId, action, extra }, ctx) => {
      guard(ctx, session, true);
      return taggings.bulk(session, chats.map(jid), tagId, action, actor(ctx), extra ?? null);
    },
    'tags.ofMessage': ({ session, chat, id }, ctx) => {
      guard(ctx, session);
      return { items: taggings.ofMessage(session, id, jid(chat)) };
    },
    'tags.addToMessage': ({ session, chat, id, tagId, extra }, ctx) => {
      guard(ctx, session, true);
      return { items: taggings.addToMessage(session, id, tagId, actor(ctx), extra ?? null, jid(chat)) };
    },
    'tags.removeFromMessage': ({ session, chat, id, tagId }, ctx) => {
      guard(ctx, session, true);
      return { items: taggings.removeFromMessage(session, id, tagId, actor(ctx), jid(chat)) };
    },
    'tags.history': ({ session, chat, messageId, limit, before }, ctx) => {
      guard(ctx, session);
      return taggings.history(session, jid(chat), { messageId, limit, before });
    },
    'savedReplies.list': (_input, ctx) => {
      authorize(ctx.principal, 'messages:read');
      return { items: savedReplies.list() };
    },
    'savedReplies.create': (input, ctx) => {
      manage(ctx, 'change saved replies');
      return savedReplies.create(input);
    },
    'savedReplies.update': ({ id, ...input }, ctx) => {
      manage(ctx, 'change saved replies');
      return savedReplies.update(id, input);
    },
    'savedReplies.delete': ({ id }, ctx) => {
      manage(ctx, 'change saved replies');
      savedReplies.delete(id);
      return { ok: true as const };
    },
    'savedReplies.render': ({ id, session, chat }, ctx) => {
      guard(ctx, session);
      return savedReplies.render(id, session, jid(chat));
    },
    'savedReplies.media': async ({ id }, ctx) => {
      authorize(ctx.principal, 'messages:read');
      const file = await savedReplies.media(id);
      return {
        dataUrl: `data:${file.mimetype};base64,${file.bytes.toString('base64')}`,
        mimetype: file.mimetype,
        fileName: file.fileName,
      };
    },
    'notes.list': ({ session, chat }, ctx) => {
      guard(ctx, session);
      return { items: notes.list(session, jid(chat)) };
    },
    'notes.create': ({ session, chat, text }, ctx) => {
      guard(ctx, session, true);
      return notes.create(session, jid(chat), text, actor(ctx));
    },
    'notes.update': ({ session, chat, id, text }, ctx) => {
      guard(ctx, session, true);
      return notes.update(session, jid(chat), id, text);
    },
    'notes.delete': ({ session, chat, id }, ctx) => {
      guard(ctx, session, true);
      notes.delete(session, jid(chat), id);
      return { ok: true as const };
    },
  };
}
