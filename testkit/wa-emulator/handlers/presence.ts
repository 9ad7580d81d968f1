/**
 * Presence and chat states (transient: never queued for offline devices).
 * - `<presence type="available|unavailable" name>` from a client sets its account's presence
 *   (and push name) and is relayed to subscribers as `<presence from=USER [type=unavailable last]/>`
 *   (`last=deny` when the account's last-seen privacy is `none`);
 * - `<presence to=USER type="subscribe">` subscribes; the current presence is sent at once;
 * - `<chatstate to=USER|GROUP><composing|paused/></chatstate>` reaches the target's devices as
 *   `<chatstate from=SENDER>` (groups: `from=GROUP participant=SENDER`).
 */
import type { BinaryNode } from '@whiskeysockets/baileys';

import type { AccountRecord } from '../accounts/types.js';
import { node } from '../binary.js';
import type { DeviceSession, EmulatorContext } from '../context.js';
import { groupJid, isGroupJid, unixNow, userJid } from '../jids.js';

interface PresenceState {
  available: boolean;
  lastSeen: number;
}

export class PresenceRegistry {
  readonly states = new Map<string, PresenceState>();
  /** target phone → subscriber phones */
  readonly subscribers = new Map<string, Set<string>>();

  subscribe(target: string, subscriber: string): void {
    let set = this.subscribers.get(target);
    if (!set) {
      set = new Set();
      this.subscribers.set(target, set);
    }
    set.add(subscriber);
  }
}

/** As WhatsApp: last seen goes out as `deny` when the account hides it (privacy `last` = none). */
function presenceNode(account: AccountRecord, state: PresenceState | undefined): BinaryNode {
  const hidden = account.privacy?.last === 'none';
  return state?.available
    ? node('presence', { from: userJid(account.phone) })
    : node('presence', {
        from: userJid(account.phone),
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
    ctx.presence.subscribe(target.phone, session.account.phone);
    ctx.hub.sendTransient(
      session.account,
      session.device.id,
      presenceNode(target, ctx.presence.states.get(target.phone)),
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
  for (const phone of ctx.presence.subscribers.get(session.account.phone) ?? []) {
    const subscriber = ctx.store.account(phone);
    for (const device of subscriber?.devices ?? []) {
      ctx.hub.sendTransient(subscriber!, device.id, presenceNode(session.account, state));
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
