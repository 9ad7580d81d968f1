import type { ChatStatus } from '../../../src-shared/contract/assignment';
import type { MessageId } from '../../i18n/messages/en';

/** The catalogue ids of the statuses and views, written out so the catalogue test sees them used. */
export const STATUS_LABEL: Record<ChatStatus, MessageId> = {
  open: 'assignment.status.open',
  pending: 'assignment.status.pending',
  resolved: 'assignment.status.resolved',
};

export const VIEW_LABEL: Record<'mine' | 'unassigned' | 'all', MessageId> = {
  mine: 'assignment.view.mine',
  unassigned: 'assignment.view.unassigned',
  all: 'assignment.view.all',
};
