import type { MessageStatus } from '../../../src-shared/messages';
import type { MessageId } from '../../i18n/messages/en';

/** The delivery mark under one of our own bubbles. */
export type TickState = 'pending' | 'sent' | 'delivered' | 'read' | 'failed';

/** What each mark says to a screen reader and on hover (catalogue ids). */
export const TICK_LABEL: Record<TickState, MessageId> = {
  pending: 'inbox.ticks.pending',
  sent: 'inbox.ticks.sent',
  delivered: 'inbox.ticks.delivered',
  read: 'inbox.ticks.read',
  failed: 'inbox.ticks.failed',
};

/** One grey tick (server has it), two grey (delivered), two blue (read or played); none for others'. */
export function tickState(message: { fromMe: boolean; status: MessageStatus | null }): TickState | null {
  if (!message.fromMe || message.status === null) return null;
  switch (message.status) {
    case 'error':
      return 'failed';
    case 'pending':
      return 'pending';
    case 'server':
      return 'sent';
    case 'delivered':
      return 'delivered';
    case 'read':
    case 'played':
      return 'read';
  }
}
