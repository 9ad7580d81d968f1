import type { Handlers } from '../../src-shared/contract.js';
import { toJid } from '../../src-shared/jid.js';
import type { Services } from '../services/index.js';
import { canReadChat } from '../services/access/authorizer.js';
import type { RpcContext } from './context.js';

type OrganizeOps = Extract<
  keyof Handlers<RpcContext>,
  `tags.${string}` | `savedReplies.${string}` | `notes.${string}`
>;

/** UI operations on tags, saved replies and chat notes; thin calls into the organize services. */
export function organizeHandlers(services: Services): Pick<Handlers<RpcContext>, OrganizeOps> {
  const { organize, sessions } = services;
  const { tags, taggings, savedReplies, notes } = organize;
  // Who may call each operation is declared in the contract and checked by the dispatcher.
  const exists = (session: string) => void sessions.get(session);
  const jid = (chat: string) => toJid(chat, 'chat');
  const actor = (ctx: RpcContext) => organize.actors.attribution(ctx.principal);

  return {
    'tags.list': (_input) => {
      return { items: tags.list() };
    },
    'tags.create': (input) => {
      return tags.create(input);
    },
    'tags.update': ({ id, ...input }) => {
      return tags.update(id, input);
    },
    'tags.delete': ({ id, confirm }, ctx) => {
      return tags.delete(id, { confirm, actor: actor(ctx) });
    },
    'tags.labelSync': ({ id }) => {
      return organize.labels.get(id);
    },
    'tags.setLabelSync': ({ id, session, enabled }, ctx) => {
      return organize.labels.set(id, session, enabled, actor(ctx));
    },
    'tags.ofChat': ({ session, chat }) => {
      exists(session);
      return { items: taggings.ofChat(session, jid(chat)) };
    },
    'tags.ofChats': ({ session, chats }, ctx) => {
      exists(session);
      // An "assigned" reader gets the tags of her own chats only (the others are left out).
      const readable = chats.filter((chat) => canReadChat(ctx.principal, session, chat));
      return { items: taggings.ofChats(session, readable.map(jid)) };
    },
    'tags.addToChat': ({ session, chat, tagId, extra }, ctx) => {
      exists(session);
      return { items: taggings.addToChat(session, jid(chat), tagId, actor(ctx), extra ?? null) };
    },
    'tags.removeFromChat': ({ session, chat, tagId }, ctx) => {
      exists(session);
      return { items: taggings.removeFromChat(session, jid(chat), tagId, actor(ctx)) };
    },
    'tags.bulk': ({ session, chats, tagId, action, extra }, ctx) => {
      exists(session);
      const jids = chats.map((chat) => toJid(chat, 'chats'));
      return taggings.bulk(session, jids, tagId, action, actor(ctx), extra ?? null);
    },
    'tags.ofMessage': ({ session, chat, id }) => {
      exists(session);
      return { items: taggings.ofMessage(session, id, jid(chat)) };
    },
    'tags.addToMessage': ({ session, chat, id, tagId, extra }, ctx) => {
      exists(session);
      return { items: taggings.addToMessage(session, id, tagId, actor(ctx), extra ?? null, jid(chat)) };
    },
    'tags.removeFromMessage': ({ session, chat, id, tagId }, ctx) => {
      exists(session);
      return { items: taggings.removeFromMessage(session, id, tagId, actor(ctx), jid(chat)) };
    },
    'tags.history': ({ session, chat, ...options }) => {
      exists(session);
      return taggings.history(session, jid(chat), options);
    },
    'savedReplies.list': (_input) => {
      return { items: savedReplies.list() };
    },
    'savedReplies.create': (input) => {
      return savedReplies.create(input);
    },
    'savedReplies.update': ({ id, ...input }) => {
      return savedReplies.update(id, input);
    },
    'savedReplies.delete': ({ id }) => {
      savedReplies.delete(id);
      return { ok: true as const };
    },
    'savedReplies.render': ({ id, session, chat }) => {
      exists(session);
      return savedReplies.render(id, session, jid(chat));
    },
    'savedReplies.media': async ({ id }) => {
      const file = await savedReplies.media(id);
      return {
        dataUrl: `data:${file.mimetype};base64,${file.bytes.toString('base64')}`,
        mimetype: file.mimetype,
        fileName: file.fileName,
      };
    },
    'notes.list': ({ session, chat }) => {
      exists(session);
      return { items: notes.list(session, jid(chat)) };
    },
    'notes.create': ({ session, chat, text }, ctx) => {
      exists(session);
      return notes.create(session, jid(chat), text, actor(ctx).label);
    },
    'notes.update': ({ session, chat, id, text }) => {
      exists(session);
      return notes.update(session, jid(chat), id, text);
    },
    'notes.delete': ({ session, chat, id }) => {
      exists(session);
      notes.delete(session, jid(chat), id);
      return { ok: true as const };
    },
  };
}
