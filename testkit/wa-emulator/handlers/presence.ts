/**
 * Presence and chat states (transient: never queued for offline devices).
 * - `<presence type="available|unavailable" name>` from a client sets its account's presence
 *   (and push name) and is relayed to subscribers as `<presence from=USER [type=unavailable last]/>`
 *   (`last=deny` when the account's last-seen privacy is `none`);
 * - `<presence to=USER type="subscribe">` subscribes (for as long as the subscribing connection
 *   lasts, as on WhatsApp); the current presence is sent at once. Presence goes out in the domain
 *   the subscriber named the contact in, or always by LID after `setPresenceAddressing('lid')`;
 * - `<chatstate to=USER|GROUP><composing|paused/></chatstate>` reaches the target's devices as
 *   `<chatstate from=SENDER>` (groups: `from=GROUP participant=SENDER`).
 */
import type { BinaryNode } from '@whiskeysockets/baileys';

import type { AccountRecord } from '../accounts/types.js';
import { node } from '../binary.js';
import type { ClientConnection } from '../connection.js';
import type { DeviceSession, EmulatorContext } from '../context.js';
import { sessionOf } from '../context.js';
import type { AddressingDomain } from '../jids.js';
import { groupJid, isGroupJid, parseUserJid, unixNow, userJid } from '../jids.js';

interface PresenceState {
  available: boolean;
  lastSeen: number;
}

export class PresenceRegistry {
  readonly states = new Map<string, PresenceState>();
  /**
   * target phone → the connections subscribed to it, with the domain they named it in. As on
   * WhatsApp a subscription lives as long as the connection that made it: a client that
   * reconnects must subscribe again (`presenceSubscribe`) to keep hearing online/offline.
   */
  private readonly subscriptions = new Map<string, Map<ClientConnection, AddressingDomain>>();
  /**
   * `lid`: presence is reported by LID whatever the subscription named (what WhatsApp now does
   * for accounts moved to LIDs); `pn`: in the domain the subscriber used (the default).
   */
  addressing: AddressingDomain = 'pn';

  subscribe(target: string, conn: ClientConnection, domain: AddressingDomain): void {
    let byConn = this.subscriptions.get(target);
    if (!byConn) {
      byConn = new Map();
      this.subscriptions.set(target, byConn);
    }
    if (!byConn.has(conn)) {
      conn.once('closed', () => byConn.delete(conn));
    }
    byConn.set(conn, domain);
  }

  subscribers(target: string): Array<[ClientConnection, AddressingDomain]> {
    return [...(this.subscriptions.get(target) ?? [])];
  }

  domainFor(subscribed: AddressingDomain): AddressingDomain {
    return this.addressing === 'lid' ? 'lid' : subscribed;
  }
}

/** As WhatsApp: last seen goes out as `deny` when the account hides it (privacy `last` = none). */
function presenceNode(
  account: AccountRecord,
  state: PresenceState | undefined,
  domain: AddressingDomain,
): BinaryNode {
  const hidden = account.privacy?.last === 'none';
  const from = domain === 'lid' ? userJid(account.lid, 'lid') : userJid(account.phone);
  return state?.available
    ? node('presence', { from })
    : node('presence', {
        from,
        type: 'unavailable',
        last: state && !hidden ? String(state.lastSeen) : 'deny',
      });
}

export function handlePresenceStanza(ctx: EmulatorContext, session: DeviceSession, stanza: BinaryNode): void {
  const { type, to, name } = stanza.attrs;
  if (type === 'subscribe' && to) {
    const target = ctx.store.resolve(to)?.account;
    if (!target) {
      return;
    }
    const domain: AddressingDomain = parseUserJid(to)?.domain ?? 'pn';
    ctx.presence.subscribe(target.phone, session.conn, domain);
    ctx.hub.sendTransient(
      session.account,
      session.device.id,
      presenceNode(target, ctx.presence.states.get(target.phone), ctx.presence.domainFor(domain)),
    );
    return;
  }
  if (to || (type !== 'available' && type !== 'unavailable' && !name)) {
    return;
  }
  if (name) {
    ctx.store.setName(session.account, name);
  }
  if (type !== 'available' && type !== 'unavailable') {
    return;
  }
  const state = { available: type === 'available', lastSeen: unixNow() };
  ctx.presence.states.set(session.account.phone, state);
  for (const [conn, domain] of ctx.presence.subscribers(session.account.phone)) {
    const subscriber = sessionOf(ctx, conn);
    if (subscriber) {
      ctx.hub.sendTransient(
        subscriber.account,
        subscriber.device.id,
        presenceNode(session.account, state, ctx.presence.domainFor(domain)),
      );
    }
  }
}

export function handleChatStateStanza(
  ctx: EmulatorContext,
  session: DeviceSession,
  stanza: BinaryNode,
): void {
  const to = stanza.attrs.to;
  const sender = userJid(session.account.phone);
  if (isGroupJid(to)) {
    const group = ctx.store.group(to ?? '');
    for (const participant of group?.participants ?? []) {
      const account = ctx.store.account(participant.phone);
      for (const device of account?.devices ?? []) {
        if (participant.phone === session.account.phone && device.id === session.device.id) {
          continue;
        }
        ctx.hub.sendTransient(
          account!,
          device.id,
          node('chatstate', { from: groupJid(to ?? ''), participant: sender }, stanza.content),
        );
      }
    }
    return;
  }
  const target = ctx.store.resolve(to)?.account;
  for (const device of target?.devices ?? []) {
    ctx.hub.sendTransient(target!, device.id, node('chatstate', { from: sender }, stanza.content));
  }
}
