import type { Session } from '../../../../src-shared/model';
import { formatPhone, type TypedPhone } from '../../../model/phone';
import { currentIntl } from '../../../i18n/store';
import type { Transport } from '../../../transport/types';
import { RpcError } from '../../../transport/rpc-error';

/** What checking a number found: the chat to open, or a sentence for the field that was wrong. */
export type NumberCheck =
  { ok: true; jid: string } | { ok: false; field: 'phone' | 'session'; message: string };

/** Asks WhatsApp, through `session`, whether the number has an account. */
export async function checkNumber(
  transport: Transport,
  session: Session,
  phone: TypedPhone,
): Promise<NumberCheck> {
  const intl = currentIntl();
  const sessionOffline = intl.formatMessage({ id: 'inbox.newChat.sessionOffline' }, { name: session.name });
  if (session.status !== 'connected') return { ok: false, field: 'session', message: sessionOffline };
  try {
    const { items } = await transport.call('contacts.check', {
      session: session.id,
      phones: [`+${phone.digits}`],
    });
    const found = items[0];
    if (found?.exists && found.jid) return { ok: true, jid: found.jid };
    return {
      ok: false,
      field: 'phone',
      message: intl.formatMessage({ id: 'inbox.errors.notOnWhatsApp' }, { phone: phone.display }),
    };
  } catch (caught) {
    const offline = caught instanceof RpcError && caught.code === 'NOT_CONNECTED';
    return offline
      ? { ok: false, field: 'session', message: sessionOffline }
      : {
          ok: false,
          field: 'phone',
          message: intl.formatMessage({ id: 'inbox.newChat.checkFailed' }, { phone: phone.display }),
        };
  }
}

/** "Bakery front desk · +972 50 444 1101": how a linked number is named in pickers. */
export function sessionLabel(session: Session): string {
  const phone = formatPhone(session.phone);
  return phone ? `${session.name} · ${phone}` : session.name;
}
