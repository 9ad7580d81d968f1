/**
 * Channels (newsletters, `…@newsletter`), as Baileys 7.0.0-rc14 speaks to them
 * (`Socket/newsletter.js`). Channels are not end-to-end encrypted: posts travel as
 * `<plaintext>` (an encoded `proto.Message`) and the server keeps them.
 *
 * - GraphQL over `<iq xmlns="w:mex" type="get"><query query_id=ID>{"variables":…}</query></iq>`,
 *   answered `<iq type="result"><result>{"data":{<path>:…}}</result></iq>`, or on failure
 *   `{"errors":[{"message","extensions":{"error_code"}}]}` (Baileys throws a Boom whose status
 *   is the code):
 *     CREATE        xwa2_newsletter_create   {input:{name,description}} → the new channel (owner)
 *     METADATA      xwa2_newsletter          {input:{key,type:"JID"|"INVITE"}} → the channel with
 *                   `viewer_metadata.role` OWNER / SUBSCRIBER / GUEST; unknown → 404
 *     FOLLOW        xwa2_newsletter_join_v2  {newsletter_id} → {id}; the owner cannot follow (400)
 *     UNFOLLOW      xwa2_newsletter_leave_v2 {newsletter_id} → {id}
 *     MUTE/UNMUTE   xwa2_newsletter_(un)mute_v2, SUBSCRIBERS, ADMIN_COUNT, UPDATE_METADATA (owner),
 *     DELETE        xwa2_newsletter_delete_v2 (owner)
 *   Other query ids get an empty result, as before channels existed.
 * - `<iq xmlns="newsletter" to=CHANNEL type="get"><message_updates count [since] [after]/></iq>`
 *   (`newsletterFetchMessages`): the newest `count` posts (after server id `after`, at or after
 *   unix time `since`), oldest first, as
 *   `<message_updates><messages jid><message id server_id t type [mediatype]>
 *     <plaintext/><reactions><reaction code count/>…</reactions><views_count count/></message>…`.
 *   Anyone may read a channel (as on WhatsApp, a preview before following).
 * - `<iq xmlns="newsletter" type="set"><live_updates/></iq>`: `<live_updates duration="300"/>`.
 * - `<message to=CHANNEL id type><plaintext/></message>` from the owner: a post. It gets a server
 *   id, the sender `<ack class="message" id from t server_id>`, and every linked device of every
 *   follower (not the phones, device 0) `<message from=CHANNEL id server_id t type><plaintext/>`,
 *   queued until acked. A post from anyone else is refused with `<ack … error="403">`.
 * - `<message to=CHANNEL type="reaction" server_id><reaction code/></message>` from anyone: the
 *   sender's reaction to that post (no `code`, or `edit="7"`: withdrawn). The owner's linked
 *   devices get `<notification from=CHANNEL type="newsletter"><reaction message_id=SERVER_ID>
 *   <reaction>CODE</reaction></reaction></notification>` (Baileys: `newsletter.reaction`).
 */
import type { BinaryNode } from '@whiskeysockets/baileys';
import { getBinaryNodeChild } from '@whiskeysockets/baileys';

import type { AccountRecord, NewsletterPostRecord, NewsletterRecord } from '../accounts/types.js';
import { contentBytes, contentText, iqResult, node } from '../binary.js';
import type { DeviceSession, EmulatorContext } from '../context.js';
import { unixNow } from '../jids.js';
import { emptyResult } from './misc-iq.js';

export const NEWSLETTER_SERVER = 'newsletter';
const LIVE_UPDATES_SECONDS = '300';

export const newsletterJid = (id: string): string => (id.includes('@') ? id : `${id}@${NEWSLETTER_SERVER}`);
export const isNewsletterJid = (jid: string | undefined): boolean =>
  !!jid && jid.endsWith(`@${NEWSLETTER_SERVER}`);

/** Query ids Baileys 7.0.0-rc14 sends (`Types/Mex.js`) and the data path of each answer. */
const QUERIES = {
  '8823471724422422': 'xwa2_newsletter_create',
  '24250201037901610': 'xwa2_newsletter_update',
  '6563316087068696': 'xwa2_newsletter',
  '9783111038412085': 'xwa2_newsletter_subscribers',
  '24404358912487870': 'xwa2_newsletter_join_v2',
  '9767147403369991': 'xwa2_newsletter_leave_v2',
  '29766401636284406': 'xwa2_newsletter_mute_v2',
  '9864994326891137': 'xwa2_newsletter_unmute_v2',
  '7130823597031706': 'xwa2_newsletter_admin',
  '30062808666639665': 'xwa2_newsletter_delete_v2',
} as const;
type DataPath = (typeof QUERIES)[keyof typeof QUERIES];

class MexError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

type Variables = Record<string, unknown> & { newsletter_id?: string; input?: Record<string, unknown> };

function mexAnswer(iq: BinaryNode, body: unknown): BinaryNode {
  return iqResult(iq, [node('result', {}, Buffer.from(JSON.stringify(body), 'utf-8'))]);
}

export function handleMexIq(ctx: EmulatorContext, session: DeviceSession, iq: BinaryNode): void {
  const query = getBinaryNodeChild(iq, 'query');
  const path = QUERIES[(query?.attrs.query_id ?? '') as keyof typeof QUERIES] as DataPath | undefined;
  if (!path) {
    emptyResult(ctx, session, iq);
    return;
  }
  let variables: Variables;
  try {
    variables = (JSON.parse(contentText(query) ?? '{}') as { variables?: Variables }).variables ?? {};
  } catch {
    session.conn.send(
      mexAnswer(iq, { errors: [{ message: 'bad request', extensions: { error_code: 400 } }] }),
    );
    return;
  }
  try {
    const data = runQuery(ctx, session.account, path, variables);
    session.conn.send(mexAnswer(iq, { data: { [path]: data } }));
  } catch (error) {
    if (!(error instanceof MexError)) throw error;
    session.conn.send(
      mexAnswer(iq, { errors: [{ message: error.message, extensions: { error_code: error.code } }] }),
    );
  }
}

function runQuery(
  ctx: EmulatorContext,
  account: AccountRecord,
  path: DataPath,
  variables: Variables,
): unknown {
  if (path === 'xwa2_newsletter_create') return create(ctx, account, variables.input ?? {});
  if (path === 'xwa2_newsletter') {
    const input = variables.input ?? {};
    const key = String(input.key ?? '');
    const channel =
      input.type === 'INVITE' ? ctx.store.newsletterByInvite(inviteCodeOf(key)) : ctx.store.newsletter(key);
    if (!channel) throw new MexError(404, 'Newsletter not found');
    return metadata(channel, account);
  }
  const channel = ctx.store.newsletter(String(variables.newsletter_id ?? ''));
  if (!channel) throw new MexError(404, 'Newsletter not found');
  const isOwner = channel.owner === account.phone;
  const jid = newsletterJid(channel.id);
  switch (path) {
    case 'xwa2_newsletter_join_v2':
      if (isOwner) throw new MexError(400, 'The owner cannot follow their own channel');
      if (!channel.followers.includes(account.phone)) channel.followers.push(account.phone);
      ctx.store.changed();
      return { id: jid };
    case 'xwa2_newsletter_leave_v2':
      channel.followers = channel.followers.filter((phone) => phone !== account.phone);
      ctx.store.changed();
      return { id: jid };
    case 'xwa2_newsletter_mute_v2':
    case 'xwa2_newsletter_unmute_v2':
      channel.muted = channel.muted.filter((phone) => phone !== account.phone);
      if (path === 'xwa2_newsletter_mute_v2') channel.muted.push(account.phone);
      ctx.store.changed();
      return { id: jid, mute: path === 'xwa2_newsletter_mute_v2' ? 'ON' : 'OFF' };
    case 'xwa2_newsletter_subscribers':
      return { subscribers_count: String(channel.followers.length) };
    case 'xwa2_newsletter_admin':
      return { admin_count: 1 };
    case 'xwa2_newsletter_update':
      if (!isOwner) throw new MexError(403, 'Only admins can change the channel');
      applyUpdates(channel, (variables.updates ?? {}) as Record<string, unknown>);
      ctx.store.changed();
      return metadata(channel, account);
    case 'xwa2_newsletter_delete_v2':
      if (!isOwner) throw new MexError(403, 'Only the owner can delete the channel');
      ctx.store.removeNewsletter(channel.id);
      return { id: jid };
  }
}

/** `https://whatsapp.com/channel/<code>` or the bare code. */
function inviteCodeOf(key: string): string {
  return key.trim().replace(/^https?:\/\/(www\.)?whatsapp\.com\/channel\//, '');
}

function create(ctx: EmulatorContext, account: AccountRecord, input: Record<string, unknown>): unknown {
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!name) throw new MexError(400, 'A channel needs a name');
  const channel: NewsletterRecord = {
    id: ctx.store.newNewsletterId(),
    name,
    description: typeof input.description === 'string' ? input.description : '',
    inviteCode: ctx.store.newInviteCode(),
    owner: account.phone,
    creation: unixNow(),
    followers: [],
    muted: [],
    posts: [],
    nextServerId: 100,
  };
  ctx.store.addNewsletter(channel);
  return metadata(channel, account);
}

function applyUpdates(channel: NewsletterRecord, updates: Record<string, unknown>): void {
  if (typeof updates.name === 'string' && updates.name.trim()) channel.name = updates.name.trim();
  if (typeof updates.description === 'string') channel.description = updates.description;
}

/** The channel as WhatsApp's GraphQL answers it, seen by `viewer`. */
function metadata(channel: NewsletterRecord, viewer: AccountRecord): Record<string, unknown> {
  const role =
    channel.owner === viewer.phone
      ? 'OWNER'
      : channel.followers.includes(viewer.phone)
        ? 'SUBSCRIBER'
        : 'GUEST';
  const id = String(Math.floor(channel.creation));
  return {
    id: newsletterJid(channel.id),
    state: { type: 'ACTIVE' },
    thread_metadata: {
      creation_time: id,
      name: { text: channel.name, id, update_time: id },
      description: { text: channel.description, id, update_time: id },
      invite: channel.inviteCode,
      handle: null,
      subscribers_count: String(channel.followers.length),
      verification: 'UNVERIFIED',
      // Baileys reads `picture.id` of a new channel: WhatsApp answers an empty picture, not null.
      picture: { id: null, type: null, direct_path: null },
      preview: { id: null, type: null, direct_path: null },
      settings: { reaction_codes: { value: 'ALL' } },
    },
    viewer_metadata: { mute: channel.muted.includes(viewer.phone) ? 'ON' : 'OFF', role },
  };
}

/** `xmlns="newsletter"` iqs: fetching posts with their reactions, and live updates. */
export function handleNewsletterIq(ctx: EmulatorContext, session: DeviceSession, iq: BinaryNode): void {
  const channel = ctx.store.newsletter(iq.attrs.to ?? '');
  if (getBinaryNodeChild(iq, 'live_updates')) {
    session.conn.send(iqResult(iq, [node('live_updates', { duration: LIVE_UPDATES_SECONDS })]));
    return;
  }
  const request = getBinaryNodeChild(iq, 'message_updates');
  if (!channel || !request) {
    session.conn.send(
      node('iq', { type: 'error', id: iq.attrs.id, from: iq.attrs.to }, [
        node('error', { code: '404', text: 'item-not-found' }),
      ]),
    );
    return;
  }
  const count = Math.max(1, Math.min(Number(request.attrs.count) || 50, 500));
  const after = Number(request.attrs.after ?? 0) || 0;
  const since = Number(request.attrs.since ?? 0) || 0;
  const posts = channel.posts.filter((post) => post.serverId > after && post.t >= since).slice(-count);
  session.conn.send(
    iqResult(iq, [
      node('message_updates', {}, [
        node(
          'messages',
          { jid: newsletterJid(channel.id) },
          posts.map((post) => postNode(post)),
        ),
      ]),
    ]),
  );
}

function reactionCounts(post: NewsletterPostRecord): Map<string, number> {
  const counts = new Map<string, number>();
  for (const code of Object.values(post.reactions)) counts.set(code, (counts.get(code) ?? 0) + 1);
  return counts;
}

function postNode(post: NewsletterPostRecord): BinaryNode {
  const reactions = [...reactionCounts(post)].map(([code, count]) =>
    node('reaction', { code, count: String(count) }),
  );
  return node(
    'message',
    {
      id: post.id,
      server_id: String(post.serverId),
      t: String(post.t),
      type: post.type,
      mediatype: post.mediatype,
    },
    [
      node('plaintext', {}, post.plaintext),
      node('reactions', {}, reactions),
      node('views_count', { count: '0' }),
    ],
  );
}

/** A `<message>` addressed to a channel: a post from its owner, or anyone's reaction. */
export function handleNewsletterMessage(
  ctx: EmulatorContext,
  session: DeviceSession,
  stanza: BinaryNode,
): void {
  const to = stanza.attrs.to ?? '';
  const id = stanza.attrs.id ?? '';
  const t = unixNow();
  const channel = ctx.store.newsletter(to);
  const refuse = (code: string) =>
    session.conn.send(node('ack', { class: 'message', id, from: to, t: String(t), error: code }));
  if (!channel) {
    refuse('404');
    return;
  }
  if (stanza.attrs.type === 'reaction') {
    react(ctx, session, channel, stanza, t);
    return;
  }
  const plaintext = contentBytes(getBinaryNodeChild(stanza, 'plaintext'));
  if (channel.owner !== session.account.phone || !plaintext) {
    refuse(plaintext ? '403' : '400');
    return;
  }
  const post: NewsletterPostRecord = {
    serverId: channel.nextServerId++,
    id,
    t,
    type: stanza.attrs.type ?? 'text',
    mediatype: stanza.attrs.mediatype,
    plaintext,
    reactions: {},
  };
  channel.posts.push(post);
  ctx.store.changed();
  session.conn.send(
    node('ack', { class: 'message', id, from: to, t: String(t), server_id: String(post.serverId) }),
  );
  for (const phone of channel.followers) {
    const follower = ctx.store.account(phone);
    if (!follower) continue;
    ctx.hub.deliverToAccount(follower, (deviceId) =>
      deviceId === 0
        ? undefined
        : node(
            'message',
            {
              from: newsletterJid(channel.id),
              id: post.id,
              server_id: String(post.serverId),
              t: String(post.t),
              type: post.type,
              mediatype: post.mediatype,
            },
            [node('plaintext', {}, post.plaintext)],
          ),
    );
  }
}

function react(
  ctx: EmulatorContext,
  session: DeviceSession,
  channel: NewsletterRecord,
  stanza: BinaryNode,
  t: number,
): void {
  const to = newsletterJid(channel.id);
  const id = stanza.attrs.id ?? '';
  const post = channel.posts.find((candidate) => String(candidate.serverId) === stanza.attrs.server_id);
  if (!post) {
    session.conn.send(node('ack', { class: 'message', id, from: to, t: String(t), error: '404' }));
    return;
  }
  const code = getBinaryNodeChild(stanza, 'reaction')?.attrs.code;
  if (code && stanza.attrs.edit !== '7') post.reactions[session.account.phone] = code;
  else delete post.reactions[session.account.phone];
  ctx.store.changed();
  session.conn.send(node('ack', { class: 'message', id, from: to, t: String(t) }));
  const owner = ctx.store.account(channel.owner);
  if (!owner) return;
  ctx.hub.deliverToAccount(owner, (deviceId) =>
    deviceId === 0
      ? undefined
      : node('notification', { from: to, type: 'newsletter', id: `${id}.r`, t: String(t) }, [
          node('reaction', { message_id: String(post.serverId) }, [node('reaction', {}, code ?? '')]),
        ]),
  );
}

/** What tests see of a channel (`Emulator.newsletters()`). */
export interface NewsletterSummary {
  jid: string;
  name: string;
  description: string;
  inviteCode: string;
  owner: string;
  followers: string[];
  posts: Array<{ serverId: number; id: string; reactions: Record<string, number> }>;
}

export function summarizeNewsletter(channel: NewsletterRecord): NewsletterSummary {
  return {
    jid: newsletterJid(channel.id),
    name: channel.name,
    description: channel.description,
    inviteCode: channel.inviteCode,
    owner: channel.owner,
    followers: [...channel.followers],
    posts: channel.posts.map((post) => ({
      serverId: post.serverId,
      id: post.id,
      reactions: Object.fromEntries(reactionCounts(post)),
    })),
  };
}
