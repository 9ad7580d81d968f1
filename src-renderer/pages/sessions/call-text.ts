import type { CallLogEntry } from '../../../src-shared/contract/calls';
import { formatPhone } from '../../model/phone';

/** A call still "ringing" after this long was not answered (its end was never reported). */
const RINGING_FOR_MS = 2 * 60 * 1000;

/** Who called: the contact's name and number, or the number alone. */
export function callerText(call: Pick<CallLogEntry, 'from' | 'name'>): string {
  const [user = '', server = ''] = call.from.split('@');
  const number = server === 's.whatsapp.net' && /^\d+$/.test(user) ? (formatPhone(user) ?? user) : call.from;
  return call.name ? `${call.name} (${number})` : number;
}

/** What became of a call, in words. */
export function callOutcome(
  call: Pick<CallLogEntry, 'status' | 'timestamp' | 'rejectMessage'>,
  now = Date.now(),
): string {
  switch (call.status) {
    case 'offer':
    case 'ringing':
      return now - Date.parse(call.timestamp) < RINGING_FOR_MS ? 'Ringing' : 'Missed';
    case 'timeout':
      return 'Missed';
    case 'reject':
      return call.rejectMessage ? `Rejected, replied “${call.rejectMessage}”` : 'Rejected';
    case 'accept':
      return 'Answered';
    case 'terminate':
      return 'Ended';
    default:
      return call.status;
  }
}
