import type { CallLogEntry } from '../../../src-shared/contract/calls';
import type { MessageId } from '../../i18n/messages/en';
import { formatPhone } from '../../model/phone';

/** A call still "ringing" after this long was not answered (its end was never reported). */
const RINGING_FOR_MS = 2 * 60 * 1000;

/** Who called: the contact's name and number, or the number alone. */
export function callerText(call: Pick<CallLogEntry, 'from' | 'name'>): string {
  const [user = '', server = ''] = call.from.split('@');
  const number = server === 's.whatsapp.net' && /^\d+$/.test(user) ? (formatPhone(user) ?? user) : call.from;
  return call.name ? `${call.name} (${number})` : number;
}

/** What became of a call: its words' message id, and the reply sent to a rejected caller. */
export interface CallOutcome {
  id: MessageId;
  values?: { reply: string };
}

/** What became of a call; null for a state this version does not know (shown as it is). */
export function callOutcome(
  call: Pick<CallLogEntry, 'status' | 'timestamp' | 'rejectMessage'>,
  now = Date.now(),
): CallOutcome | null {
  switch (call.status) {
    case 'offer':
    case 'ringing':
      return {
        id:
          now - Date.parse(call.timestamp) < RINGING_FOR_MS
            ? 'sessions.callLog.outcome.ringing'
            : 'sessions.callLog.outcome.missed',
      };
    case 'timeout':
      return { id: 'sessions.callLog.outcome.missed' };
    case 'reject':
      return call.rejectMessage
        ? { id: 'sessions.callLog.outcome.rejectedReplied', values: { reply: call.rejectMessage } }
        : { id: 'sessions.callLog.outcome.rejected' };
    case 'accept':
      return { id: 'sessions.callLog.outcome.answered' };
    case 'terminate':
      return { id: 'sessions.callLog.outcome.ended' };
    default:
      return null;
  }
}
