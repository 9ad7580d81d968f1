import type { Handlers } from '../../src-shared/contract.js';
import { assignedOnlyOf, chatViewOf } from '../services/chats/list/view-input.js';
import { AppError } from '../../src-shared/errors.js';
import { toJid } from '../../src-shared/jid.js';
import type { Services } from '../services/index.js';
import {
  assignedOnlySessions,
  canReadChat,
  ownSessionOf,
  readableSessions,
} from '../services/access/authorizer.js';
import type { Chat } from '../../src-shared/messages.js';
import type { RuntimeInfo } from './app-handlers.js';
import type { RpcContext } from './context.js';
import { reachableHost } from '../core/config.js';

type MessagingOps =
  | Extract<keyof Handlers<RpcContext>, `chats.${string}` | `messages.${string}`>
  | 'groups.list'
  | 'contacts.get'
  | 'contacts.avatarLink'
  | 'contacts.about';

/** UI operations on chats and messages; each is a thin call into the messaging services. */
export function messagingHandlers(
  services: Services,
  runtime: () => RuntimeInfo,
): Pick<Handlers<RpcContext>, MessagingOps> {
  const { messaging, sessions, actors, assignment, organize } = services;
  /** Chats are answered with their tags (a list page reads them in its own query). */
  const withTags = (chat: Chat) => organize.taggings.withTags(chat);
  /** A tag by id or name (`chats.list`'s `tag`), else `tagId` as given. */
  const tagIdOf = (tag: string | undefined, tagId: string | undefined) =>
    tag ? organize.tags.resolve(tag).id : tagId;
  // Who may call each operation is declared in the contract and checked by the dispatcher.
  const exists = (session: string) => void sessions.get(session);
  const jid = (chat: string) => toJid(chat, 'chat');
  // The desktop window is served from app://, so links need the API's own address there.
  const linkUrl = (path: string, ctx: RpcContext) => {
    const { boundHost, port } = runtime();
    return ctx.transport === 'ipc' ? `http://${reachableHost(boundHost)}:${port}${path}` : path;
  };
  const message = (session: string, chat: string, id: string) => {
    const found = messaging.store.get(session, jid(chat), id);
    if (!found) throw new AppError('NOT_FOUND', `no message "${id}" in this chat`, 'id');
    return found;
  };
  return {
    'chats.list': ({ tag, tagId, ...input }, ctx) => {
      if (input.session) exists(input.session);
      const session = ownSessionOf(ctx.principal) ?? input.session;
      return messaging.chats.list({
        ...input,
        tagId: tagIdOf(tag, tagId),
        sessionId: session,
        allowedSessions: readableSessions(ctx.principal),
        view: chatViewOf(ctx.principal, input),
        assignedOnly: assignedOnlyOf(ctx.principal),
      });
    },
    'chats.get': ({ session, chat }) => {
      exists(session);
      return withTags(messaging.chats.get(session, jid(chat)));
    },
    'chats.read': async ({ session, chat, messageIds }) => {
      exists(session);
      const target = jid(chat);
      return withTags(
        messageIds
          ? await messaging.chats.markMessagesRead(session, target, messageIds)
          : await messaging.chats.markRead(session, target),
      );
    },
    'chats.presence': async ({ session, chat, state }, ctx) => {
      exists(session);
      // The team sees it too: "Dana is typing a reply" (the collision guard, services/presence/).
      const actor = actors.of(ctx.principal);
      if (ctx.principal.kind === 'user' && actor.id) {
        const staff = state === 'paused' ? 'viewing' : 'typing';
        services.presence.set(session, jid(chat), { ...actor, id: actor.id }, staff);
      }
      await messaging.chats.presence(session, jid(chat), state);
      return { ok: true as const };
    },
    'chats.update': async ({ session, chat, archived, pinned, mutedUntil, unread }) => {
      exists(session);
      const target = jid(chat);
      let result = messaging.chats.get(session, target);
      if (archived !== undefined) result = await messaging.chats.setArchived(session, target, archived);
      if (pinned !== undefined) result = await messaging.chats.setPinned(session, target, pinned);
      if (mutedUntil !== undefined)
        result = await messaging.chats.setMuted(session, target, mutedUntil ? Date.parse(mutedUntil) : null);
      if (unread) result = await messaging.chats.markUnread(session, target);
      return withTags(result);
    },
    'messages.page': ({ session, chat, limit, before, after, beforeTime, afterTime }) => {
      exists(session);
      const byTime = !before && !after && (beforeTime !== undefined || afterTime !== undefined);
      const page = byTime
        ? messaging.history.pageWithCursor(session, jid(chat), {
            limit,
            before: beforeTime,
            after: afterTime,
          })
        : messaging.history.pageFrom(session, jid(chat), { limit, before, after });
      return { items: page.messages, next: page.next };
    },
    'messages.waiting': ({ session, chat }) => {
      exists(session);
      return { items: messaging.pacedSends.waiting(session, jid(chat)) };
    },
    'messages.latest': ({ session, direction, limit, cursor }, ctx) => {
      exists(session);
      // An "assigned" reader of this number: her own chats only (the query filters).
      const own = assignedOnlySessions(ctx.principal);
      const result = messaging.latest.list({
        sessionId: session,
        direction,
        limit,
        cursor,
        ownChats: own?.sessions.has(session) ? own : undefined,
      });
      return { items: result.messages, next: result.next };
    },
    'messages.around': ({ session, chat, id, context }) => {
      exists(session);
      const target = message(session, chat, id);
      const window = messaging.history.around(session, target.chat, target.id, context);
      if (!window) throw new AppError('NOT_FOUND', `no message "${id}"`, 'id');
      return { items: window.messages, older: window.older, newer: window.newer };
    },
    'messages.get': ({ session, chat, id }) => {
      exists(session);
      return message(session, chat, id);
    },
    'messages.send': ({ session, message: input, idempotencyKey }, ctx) => {
      exists(session);
      const actor = actors.of(ctx.principal);
      assignment.foreignReply.assertMayReply(session, input.to, actor, 'message.to');
      // REST hands its `Idempotency-Key` header over in the context.
      return messaging.send.send(session, input, idempotencyKey ?? ctx.idempotencyKey, actor);
    },
    'messages.edit': ({ session, chat, id, text }) => {
      exists(session);
      return messaging.send.edit(session, jid(chat), id, text);
    },
    'messages.delete': ({ session, chat, id }) => {
      exists(session);
      return messaging.send.revoke(session, jid(chat), id);
    },
    'messages.react': ({ session, chat, id, emoji }) => {
      exists(session);
      return messaging.send.send(session, { type: 'reaction', to: jid(chat), messageId: id, emoji });
    },
    'messages.forward': ({ session, chat, id, to }) => {
      exists(session);
      return messaging.send.forward(session, jid(chat), id, to);
    },
    'messages.search': ({ q, session, chat, direction, limit, cursor }, ctx) => {
      if (session) exists(session);
      const scoped = ownSessionOf(ctx.principal) ?? session;
      const result = messaging.history.search({
        query: q,
        sessionId: scoped,
        chatJid: chat ? jid(chat) : undefined,
        limit,
        beforeRowId: cursor,
      });
      // An agent's hits are limited to the chats they may read (the page may come back short).
      const fromMe = direction === undefined ? null : direction === 'sent';
      const items = result.messages.filter(
        (hit) =>
          canReadChat(ctx.principal, hit.session, hit.chat) && (fromMe === null || hit.fromMe === fromMe),
      );
      return { items, next: result.nextRowId };
    },
    'messages.mediaLink': ({ session, chat, id }, ctx) => {
      exists(session);
      const found = message(session, chat, id);
      if (!found.media) throw new AppError('NOT_FOUND', 'this message has no media');
      const url = linkUrl(messaging.mediaLinks.path({ session, chat: found.chat, id }), ctx);
      return { url, mimetype: found.media.mimetype, fileName: found.media.fileName };
    },
    'contacts.get': ({ session, chat }) => {
      exists(session);
      return messaging.contacts.get(session, jid(chat));
    },
    'contacts.avatarLink': async ({ session, chat }, ctx) => {
      exists(session);
      const target = jid(chat);
      const hasPicture = await messaging.avatars.exists(session, target);
      return {
        url: hasPicture ? linkUrl(messaging.mediaLinks.avatarPath({ session, jid: target }), ctx) : null,
      };
    },
    'contacts.about': async ({ session, chat }) => {
      exists(session);
      return { about: await messaging.contacts.about(session, jid(chat)) };
    },
    'groups.list': ({ session }) => {
      exists(session);
      return messaging.groups.list(session);
    },
  };
}

/**
 * The same handlers for REST adapters (api/routes/chats.ts, messages.ts): a REST call is never
 * the desktop window, so no link it asks for needs the API's own address.
 */
export function restMessagingHandlers(services: Services) {
  return messagingHandlers(services, () => {
    throw new Error('only the desktop window (IPC) asks for absolute links');
  });
}
