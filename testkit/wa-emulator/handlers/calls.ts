/**
 * Call signalling (no media). `placeCall(from, to)` makes the emulator send the target's devices
 *   <call from=CALLER id t notify><offer call-id call-creator=CALLER><audio/>…</offer></call>
 * which Baileys reports as a `call` event with status "offer". A client's answer, e.g.
 * `rejectCall` → `<call to=CALLER id><reject call-id call-creator count/></call>`, is acked
 * (`<ack class="call" type="reject">`: Baileys waits for it) and forwarded to the caller's devices
 * as `<call from=CALLEE><reject …/></call>`; the call record remembers the outcome.
 */
import { randomBytes } from 'node:crypto';

import type { BinaryNode } from '@whiskeysockets/baileys';

import type { AccountRecord } from '../accounts/types.js';
import { firstChild, node } from '../binary.js';
import { newStanzaId } from '../connection.js';
import type { DeviceSession, EmulatorContext } from '../context.js';
import { normalizePhone, unixNow, userJid } from '../jids.js';

export type CallStatus = 'offer' | 'reject' | 'accept' | 'terminate' | 'timeout';

export interface CallRecord {
  callId: string;
  from: string;
  to: string;
  video: boolean;
  status: CallStatus;
  startedAt: number;
}

export class CallRegistry {
  private readonly calls = new Map<string, CallRecord>();

  add(call: CallRecord): void {
    this.calls.set(call.callId, call);
  }

  get(callId: string): CallRecord | undefined {
    return this.calls.get(callId);
  }

  all(): CallRecord[] {
    return [...this.calls.values()];
  }
}

export function placeCall(
  ctx: EmulatorContext,
  fromPhone: string,
  toPhone: string,
  video = false,
): CallRecord {
  const caller = ctx.store.ensureAccount(normalizePhone(fromPhone));
  const callee = ctx.store.requireAccount(toPhone);
  const call: CallRecord = {
    callId: randomBytes(16).toString('hex').toUpperCase(),
    from: caller.phone,
    to: callee.phone,
    video,
    status: 'offer',
    startedAt: Date.now(),
  };
  ctx.calls.add(call);
  const callerJid = userJid(caller.phone);
  const media = video
    ? [node('audio', { enc: 'opus', rate: '16000' }), node('video', { enc: 'vp8', dec: 'vp8' })]
    : [node('audio', { enc: 'opus', rate: '16000' }), node('audio', { enc: 'opus', rate: '8000' })];
  const offer = node(
    'call',
    { from: callerJid, id: newStanzaId('call'), t: String(unixNow()), notify: caller.name },
    [
      node('offer', { 'call-id': call.callId, 'call-creator': callerJid }, [
        ...media,
        node('net', { medium: '3' }),
        node('encopt', { keygen: '2' }),
      ]),
    ],
  );
  ctx.log.record(caller.phone, undefined, 'out', offer);
  ctx.hub.deliverToAccount(callee, () => offer);
  return call;
}

/**
 * The caller hangs up (`terminate`), or the call rings out unanswered (`terminate` with
 * `reason="timeout"`): the callee's devices get the same stanza WhatsApp sends them.
 */
export function endCall(ctx: EmulatorContext, callId: string, how: 'hangup' | 'timeout'): CallRecord {
  const call = ctx.calls.get(callId);
  if (!call) throw new Error(`no call ${callId}`);
  call.status = how === 'timeout' ? 'timeout' : 'terminate';
  const callee = ctx.store.requireAccount(call.to);
  const callerJid = userJid(call.from);
  const terminate = node('call', { from: callerJid, id: newStanzaId('call'), t: String(unixNow()) }, [
    node('terminate', {
      'call-id': call.callId,
      'call-creator': callerJid,
      ...(how === 'timeout' ? { reason: 'timeout' } : {}),
    }),
  ]);
  ctx.log.record(call.from, undefined, 'out', terminate);
  ctx.hub.deliverToAccount(callee, () => terminate);
  return call;
}

export function handleCallStanza(ctx: EmulatorContext, session: DeviceSession, stanza: BinaryNode): void {
  const action = firstChild(stanza);
  session.conn.send(
    node('ack', { class: 'call', id: stanza.attrs.id, type: action?.tag, from: stanza.attrs.to }),
  );
  if (!action) {
    return;
  }
  const callId = action.attrs['call-id'];
  const call = callId ? ctx.calls.get(callId) : undefined;
  if (call && isCallStatus(action.tag)) {
    call.status = action.tag;
  }
  const peer = ctx.store.resolve(stanza.attrs.to)?.account;
  if (!peer) {
    return;
  }
  const forwarded = node(
    'call',
    {
      from: userJid(session.account.phone),
      id: newStanzaId('call'),
      t: String(unixNow()),
      notify: session.account.name,
    },
    [action],
  );
  deliverToCaller(ctx, peer, forwarded);
}

function deliverToCaller(ctx: EmulatorContext, account: AccountRecord, stanza: BinaryNode): void {
  if (account.devices.length === 0) {
    // An emulated phone without linked clients: keep a trace for assertions.
    ctx.log.record(account.phone, undefined, 'out', stanza);
    return;
  }
  ctx.hub.deliverToAccount(account, () => stanza);
}

function isCallStatus(tag: string): tag is CallStatus {
  return tag === 'reject' || tag === 'accept' || tag === 'terminate';
}
