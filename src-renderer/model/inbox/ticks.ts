import type { MessageStatus } from '../../../src-shared/messages';

/** The delivery mark under one of our own bubbles. */
export type TickState = 'pending' | 'sent' | 'delivered' | 'read' | 'failed';

export const TICK_LABEL: Record<TickState, string> = {
  pending: 'Pending',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Not sent',
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
