/**
 * `xmlns="usync"`: user lookups (`executeUSyncQuery`, WAUSync protocols). Per queried user:
 * - `devices`: the linked devices with `key-index` (Baileys drops non-zero devices without it);
 *   device 0 is the simulated phone (phone/primary-phone.ts), which has a Signal identity;
 * - `lid`: `<lid val="…@lid"/>` — REQUIRED for PN users: rc14 sends to LID-addressed sessions and
 *   fails with "No sessions" when the reply carries no LID;
 * - `contact` (`onWhatsApp`): `<contact type="in"/>` for registered numbers, `"out"` otherwise;
 * - `status`: the account's about text (`setAbout`; WhatsApp's default text until set; an empty
 *   text is an empty `<status/>`, which Baileys reads as null);
 * - `disappearing_mode`: a neutral default.
 * Users are named by `jid` attr (PN or LID) or, for contact lookups, by a `+phone` content.
 */
import type { BinaryNode } from '@whiskeysockets/baileys';
import { getAllBinaryNodeChildren, getBinaryNodeChild, getBinaryNodeChildren } from '@whiskeysockets/baileys';

import type { AccountRecord } from '../accounts/types.js';
import { contentText, iqResult, node } from '../binary.js';
import type { DeviceSession, EmulatorContext } from '../context.js';
import { parseUserJid, userJid } from '../jids.js';
import { aboutOf } from './profile.js';

export function handleUsyncIq(ctx: EmulatorContext, session: DeviceSession, iq: BinaryNode): void {
  const usync = getBinaryNodeChild(iq, 'usync');
  const query = getBinaryNodeChild(usync, 'query');
  const protocols = (query ? getAllBinaryNodeChildren(query) : []).map((child) => child.tag);
  const users = getBinaryNodeChildren(getBinaryNodeChild(usync, 'list'), 'user').map((user) =>
    answerUser(ctx, user, protocols),
  );
  session.conn.send(
    iqResult(iq, [
      node('usync', { ...(usync?.attrs ?? {}) }, [
        node(
          'result',
          {},
          protocols.map((protocol) => node(protocol, {})),
        ),
        node('list', {}, users),
      ]),
    ]),
  );
}

function answerUser(ctx: EmulatorContext, user: BinaryNode, protocols: string[]): BinaryNode {
  const contactQuery = contentText(getBinaryNodeChild(user, 'contact'));
  let jid = user.attrs.jid;
  let account: AccountRecord | undefined;
  if (jid) {
    account = ctx.store.resolve(jid)?.account;
  } else if (contactQuery) {
    const digits = contactQuery.replace(/\D/g, '');
    account = ctx.store.account(digits || '0');
    jid = userJid(digits);
  }
  const isLidQuery = parseUserJid(jid)?.domain === 'lid';
  const children: BinaryNode[] = [];
  for (const protocol of protocols) {
    switch (protocol) {
      case 'devices':
        children.push(
          node('devices', {}, [
            node('device-list', {}, [
              // The phone (device 0): it decrypts what it gets (phone/primary-phone.ts).
              ...(account ? [node('device', { id: '0' })] : []),
              ...(account?.devices ?? []).map((device) =>
                node('device', { id: String(device.id), 'key-index': String(device.keyIndex) }),
              ),
            ]),
          ]),
        );
        break;
      case 'lid':
        if (account && !isLidQuery) {
          children.push(node('lid', { val: userJid(account.lid, 'lid') }));
        }
        break;
      case 'contact':
        children.push(node('contact', { type: account ? 'in' : 'out' }, contactQuery));
        break;
      case 'status':
        children.push(statusNode(account));
        break;
      case 'disappearing_mode':
        children.push(node('disappearing_mode', { duration: '0', t: '0' }));
        break;
      default:
        break;
    }
  }
  return node('user', { jid: jid ?? '' }, children);
}

function statusNode(account: AccountRecord | undefined): BinaryNode {
  if (!account) {
    return node('status', { t: '0' });
  }
  const about = aboutOf(account);
  return node('status', { t: String(about.setAt) }, about.text || undefined);
}
