/**
 * Channels (WhatsApp newsletters, issue #19) in domain terms: Baileys' `newsletter*` calls (GraphQL
 * over `w:mex`, and the `newsletter` iq for posts and their reactions). Posting itself is an
 * ordinary send to the channel's JID (Baileys sends it as plaintext: channels are not end-to-end
 * encrypted), done by the messaging send path.
 */
import {
  getBinaryNodeChild,
  getBinaryNodeChildren,
  proto,
  type BinaryNode,
  type WAMessage,
  type WASocket,
} from '@whiskeysockets/baileys';
import { AppError } from '../../src-shared/errors.js';
import type { WaSessionManager } from './session-manager.js';
import { mapMessage, type MessageRecord } from './message-mapping.js';
import { callWhatsApp } from './wa-errors.js';

/** A channel as WhatsApp describes it to this number. */
export interface ChannelInfo {
  jid: string;
  name: string;
  description: string;
  inviteCode: string | null;
  followers: number | null;
  role: 'owner' | 'follower' | 'guest';
}

/** One post's counts as WhatsApp keeps them. */
export interface ChannelPostUpdate {
  messageId: string;
  serverId: string;
  reactions: Record<string, number>;
  /** The post as a message of the channel's chat, when WhatsApp sent its content. */
  record: MessageRecord | null;
}

/** How many posts' counts one read asks for (the newest). */
const POST_UPDATES_COUNT = 100;

interface MexBoom {
  isBoom: true;
  message: string;
  output?: { statusCode?: number };
  data?: unknown;
}

/**
 * GraphQL failures come as a Boom whose status is WhatsApp's error code and whose `data` is the
 * error object (not the iq error number `fromWaError` reads), so they are mapped here first.
 */
async function callMex<T>(call: () => Promise<T>, field?: string): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const boom = error as MexBoom;
    const status = boom?.isBoom && typeof boom.data === 'object' ? boom.output?.statusCode : undefined;
    if (status === 404)
      throw new AppError('WA_NOT_FOUND', `WhatsApp: no such channel (${boom.message})`, field);
    if (status === 401 || status === 403) {
      throw new AppError('WA_FORBIDDEN', `WhatsApp refused: not allowed (${boom.message})`, field);
    }
    return callWhatsApp(() => Promise.reject(error as Error), field);
  }
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  const inner = (value as { text?: unknown } | null)?.text;
  return typeof inner === 'string' ? inner : '';
}

function count(value: unknown): number | null {
  const parsed = typeof value === 'number' ? value : Number.parseInt(String(value ?? ''), 10);
  return Number.isFinite(parsed) ? parsed : null;
}

function roleOf(value: unknown): ChannelInfo['role'] {
  const role = String(value ?? '').toUpperCase();
  if (role === 'OWNER' || role === 'ADMIN') return 'owner';
  return role === 'SUBSCRIBER' ? 'follower' : 'guest';
}

/** WhatsApp's GraphQL channel (`xwa2_newsletter`) in our terms. */
export function channelInfoOf(raw: unknown): ChannelInfo {
  const channel = raw as {
    id?: unknown;
    thread_metadata?: Record<string, unknown>;
    viewer_metadata?: Record<string, unknown>;
  } | null;
  if (!channel || typeof channel.id !== 'string') {
    throw new AppError('WA_UNAVAILABLE', 'WhatsApp answered without a channel');
  }
  const thread = channel.thread_metadata ?? {};
  return {
    jid: channel.id,
    name: text(thread.name),
    description: text(thread.description),
    inviteCode: typeof thread.invite === 'string' ? thread.invite : null,
    followers: count(thread.subscribers_count),
    role: roleOf(channel.viewer_metadata?.role),
  };
}

export class WaChannelActions {
  constructor(private readonly manager: WaSessionManager) {}

  private socket(sessionId: string): WASocket {
    const socket = this.manager.socket(sessionId);
    if (!socket) throw new AppError('NOT_CONNECTED', `session "${sessionId}" is not connected to WhatsApp`);
    return socket;
  }

  /** The channel behind an invite code (`field` names the input it came from). */
  async byInvite(sessionId: string, code: string, field = 'link'): Promise<ChannelInfo> {
    const socket = this.socket(sessionId);
    const raw = await callMex(() => socket.newsletterMetadata('invite', code), field);
    if (!raw) throw new AppError('WA_NOT_FOUND', 'WhatsApp: no such channel', field);
    return channelInfoOf(raw);
  }

  async byJid(sessionId: string, jid: string, field = 'chat'): Promise<ChannelInfo> {
    const socket = this.socket(sessionId);
    const raw = await callMex(() => socket.newsletterMetadata('jid', jid), field);
    if (!raw) throw new AppError('WA_NOT_FOUND', 'WhatsApp: no such channel', field);
    return channelInfoOf(raw);
  }

  async follow(sessionId: string, jid: string): Promise<void> {
    const socket = this.socket(sessionId);
    await callMex(() => socket.newsletterFollow(jid), 'link');
    // Live posts (WhatsApp pushes them to followers; the subscription keeps it doing so).
    await callMex(() => socket.subscribeNewsletterUpdates(jid)).catch(() => undefined);
  }

  async unfollow(sessionId: string, jid: string): Promise<void> {
    const socket = this.socket(sessionId);
    await callMex(() => socket.newsletterUnfollow(jid), 'chat');
  }

  async create(sessionId: string, name: string, description: string | undefined): Promise<ChannelInfo> {
    const socket = this.socket(sessionId);
    const created = await callMex(() => socket.newsletterCreate(name, description), 'name');
    return {
      jid: created.id,
      name: created.name,
      description: created.description ?? '',
      inviteCode: created.invite ?? null,
      followers: Number.isFinite(created.subscribers) ? (created.subscribers ?? 0) : 0,
      role: 'owner',
    };
  }

  async rename(sessionId: string, jid: string, name: string): Promise<void> {
    const socket = this.socket(sessionId);
    await callMex(() => socket.newsletterUpdateName(jid, name), 'name');
  }

  async describe(sessionId: string, jid: string, description: string): Promise<void> {
    const socket = this.socket(sessionId);
    await callMex(() => socket.newsletterUpdateDescription(jid, description), 'description');
  }

  async delete(sessionId: string, jid: string): Promise<void> {
    const socket = this.socket(sessionId);
    await callMex(() => socket.newsletterDelete(jid), 'chat');
  }

  /** The newest posts' ids, server ids and reaction counts. */
  async postUpdates(sessionId: string, jid: string): Promise<ChannelPostUpdate[]> {
    const socket = this.socket(sessionId);
    const result = await callWhatsApp(
      () => socket.newsletterFetchMessages(jid, POST_UPDATES_COUNT, 0, 0),
      'chat',
    );
    const list = getBinaryNodeChild(getBinaryNodeChild(result, 'message_updates'), 'messages');
    return getBinaryNodeChildren(list, 'message').flatMap((post) => {
      const { id, server_id: serverId } = post.attrs;
      if (!id || !serverId) return [];
      const reactions: Record<string, number> = {};
      for (const reaction of getBinaryNodeChildren(getBinaryNodeChild(post, 'reactions'), 'reaction')) {
        const n = count(reaction.attrs.count);
        if (reaction.attrs.code && n) reactions[reaction.attrs.code] = n;
      }
      return [{ messageId: id, serverId, reactions, record: postRecord(jid, post) }];
    });
  }
}

/** A fetched post (`<message id server_id t><plaintext/>`) as the message it is, or null. */
function postRecord(jid: string, post: BinaryNode): MessageRecord | null {
  const plaintext = getBinaryNodeChild(post, 'plaintext')?.content;
  if (!(plaintext instanceof Uint8Array)) return null;
  let content: proto.IMessage;
  try {
    content = proto.Message.decode(plaintext);
  } catch {
    return null; // not a message we can read: its counts still count
  }
  const message: WAMessage = {
    key: { remoteJid: jid, id: post.attrs.id ?? null, fromMe: false },
    message: content,
    messageTimestamp: Number(post.attrs.t ?? 0) || null,
  };
  const mapped = mapMessage(message, null);
  return mapped.kind === 'message' ? mapped.record : null;
}
