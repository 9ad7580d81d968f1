/**
 * The simulated primary phones (device 0) of all accounts, made on first use, and how a
 * stanza for one is handled: decrypted and kept, a placeholder-resend request answered to
 * the device that asked (primary-phone.ts).
 */
import type { BinaryNode } from '@whiskeysockets/baileys';

import type { AccountRecord } from '../accounts/types.js';
import { node } from '../binary.js';
import { newStanzaId } from '../connection.js';
import type { EmulatorContext } from '../context.js';
import { deviceJid, parseUserJid, unixNow, userJid } from '../jids.js';
import { PrimaryPhone } from './primary-phone.js';

export class PhoneDirectory {
  private readonly phones = new Map<string, PrimaryPhone>();

  of(account: AccountRecord): PrimaryPhone {
    let phone = this.phones.get(account.phone);
    if (!phone) {
      phone = new PrimaryPhone(account.phone, account.identity);
      this.phones.set(account.phone, phone);
    }
    return phone;
  }
}

/** A `<message>` for an account's phone: kept, or (a resend request) answered. */
export function deliverToPhone(ctx: EmulatorContext, account: AccountRecord, stanza: BinaryNode): void {
  if (stanza.tag !== 'message') return;
  // The device that sent it: `participant` in groups, `from` otherwise.
  const from = ctx.store.resolve(stanza.attrs.participant ?? stanza.attrs.from);
  if (!from || from.device === undefined) return;
  const sender = {
    address: deviceJid(from.account.lid, from.device, 'lid'),
    chat: userJid(from.account.phone),
    own: from.account.phone === account.phone,
  };
  ctx.phones.of(account).receive(stanza, sender, (to, enc) => {
    const target = ctx.store.resolve(to);
    const domain = parseUserJid(stanza.attrs.from)?.domain ?? 'pn';
    if (!target || target.device === undefined || target.account.phone !== account.phone) return;
    const from = deviceJid(domain === 'lid' ? account.lid : account.phone, 0, domain);
    ctx.hub.deliver(
      account,
      target.device,
      node(
        'message',
        { from, id: newStanzaId('pdo'), t: String(unixNow()), type: 'text', category: 'peer' },
        [enc],
      ),
    );
  });
}
