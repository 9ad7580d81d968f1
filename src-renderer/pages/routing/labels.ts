import type { ChatStatus } from '../../../src-shared/contract/assignment';
import type {
  RoutingAction,
  RoutingCondition,
  RoutingTrigger,
  TeamMethod,
} from '../../../src-shared/contract/routing';
import type { MessageId } from '../../i18n/messages/en';

/** The catalogue ids of routing's choices, spelled out so the unused-key check sees each one. */
export const TRIGGER_LABEL: Record<RoutingTrigger, MessageId> = {
  conversation: 'routing.trigger.conversation',
  message: 'routing.trigger.message',
  tag: 'routing.trigger.tag',
};

export const TRIGGER_SUMMARY: Record<RoutingTrigger, MessageId> = {
  conversation: 'routing.summary.trigger.conversation',
  message: 'routing.summary.trigger.message',
  tag: 'routing.summary.trigger.tag',
};

export const STATUS_LABEL: Record<ChatStatus, MessageId> = {
  open: 'routing.status.open',
  pending: 'routing.status.pending',
  resolved: 'routing.status.resolved',
};

export const CONDITION_LABEL: Record<RoutingCondition['type'], MessageId> = {
  number: 'routing.condition.number',
  contactTag: 'routing.condition.contactTag',
  customer: 'routing.condition.customer',
  savedContact: 'routing.condition.savedContact',
  text: 'routing.condition.text',
  hours: 'routing.condition.hours',
  tagAdded: 'routing.condition.tagAdded',
};

export const ACTION_LABEL: Record<RoutingAction['type'], MessageId> = {
  assignUser: 'routing.action.assignUser',
  assignTeam: 'routing.action.assignTeam',
  addTag: 'routing.action.addTag',
  removeTag: 'routing.action.removeTag',
  setStatus: 'routing.action.setStatus',
  reply: 'routing.action.reply',
  stop: 'routing.action.stop',
};

export const METHOD_LABEL: Record<TeamMethod, MessageId> = {
  manual: 'routing.method.manual',
  round_robin: 'routing.method.round_robin',
  let_group_decide: 'routing.method.let_group_decide',
};

export const FOREIGN_LABEL: Record<'allow' | 'warn' | 'forbid', MessageId> = {
  allow: 'routing.foreign.allow',
  warn: 'routing.foreign.warn',
  forbid: 'routing.foreign.forbid',
};
