import { currentIntl } from '../../../i18n/store';
import { formatPhone } from '../../../model/phone';
import { useSessions } from '../../../stores/sessions';
import { describeError, RpcError } from '../../../transport/rpc-error';
import type { Transport } from '../../../transport/types';
import { checkNumber } from './check-number';

/**
 * Why a conversation without a stored chat can (or cannot) be shown. A chat is stored with its
 * first message, so New chat and links to a number opens one that does not exist yet: that is a
 * new conversation if the number is on WhatsApp (or cannot be checked while offline).
 */
export async function explainMissingChat(
  transport: Transport,
  session: string,
  jid: string,
  caught: unknown,
): Promise<string | null> {
  const notFound = caught instanceof RpcError && caught.code === 'NOT_FOUND';
  const intl = currentIntl();
  if (!notFound)
    return intl.formatMessage({ id: 'inbox.newChat.openFailed' }, { reason: describeError(caught) });
  if (!jid.endsWith('@s.whatsapp.net')) return intl.formatMessage({ id: 'inbox.newChat.gone' });
  // A link opened in a fresh window asks before anything loaded the numbers: without them the
  // number looked offline, so a number not on WhatsApp got a composer instead of the sentence.
  if (!useSessions.getState().loaded) await useSessions.getState().load(transport);
  const linked = useSessions.getState().sessions.find((s) => s.id === session);
  if (!linked || linked.status !== 'connected') return null;
  const digits = jid.split('@')[0] ?? '';
  const result = await checkNumber(transport, linked, { digits, display: formatPhone(digits) ?? digits });
  return !result.ok && result.field === 'phone' ? result.message : null;
}
