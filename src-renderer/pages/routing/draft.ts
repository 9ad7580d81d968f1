import type { RoutingAction, RoutingCondition, RoutingRuleInput } from '../../../src-shared/contract/routing';
import { describeError, describeFieldProblem, RpcError } from '../../transport/rpc-error';
import type { RoutingRefs } from './use-routing-refs';

/** A refusal of the server, with its field as the editor names it (`conditions.0.pattern`). */
export interface RuleError {
  field: string | null;
  text: string;
}

/** `rules.3.conditions.0.pattern` (whole list) and `conditions.0.pattern` (one rule) are the same field here. */
export function ruleError(caught: unknown): RuleError {
  if (caught instanceof RpcError && caught.field) {
    return { field: caught.field.replace(/^rules\.\d+\./, ''), text: describeFieldProblem(caught) };
  }
  return { field: null, text: describeError(caught) };
}

export function errorAt(error: RuleError | null, field: string): string | null {
  return error?.field === field ? error.text : null;
}

export function emptyRule(): RoutingRuleInput {
  return { name: '', enabled: true, on: 'conversation', conditions: [], actions: [] };
}

const first = (list: { id: string }[]) => list[0]?.id ?? '';

export function newCondition(type: RoutingCondition['type'], refs: RoutingRefs): RoutingCondition {
  switch (type) {
    case 'number':
      return { type, sessions: refs.sessions.length ? [first(refs.sessions)] : [] };
    case 'contactTag':
    case 'tagAdded':
      return { type, tag: first(refs.tags) };
    case 'customer':
      return { type, is: 'new' };
    case 'savedContact':
      return { type, saved: true };
    case 'text':
      return { type, match: 'contains', pattern: '' };
    case 'hours':
      return { type, when: 'outside' };
  }
}

export function newAction(type: RoutingAction['type'], refs: RoutingRefs): RoutingAction {
  switch (type) {
    case 'assignUser':
      return { type, user: first(refs.people) };
    case 'assignTeam':
      return { type, team: first(refs.teams) };
    case 'addTag':
    case 'removeTag':
      return { type, tag: first(refs.tags) };
    case 'setStatus':
      return { type, status: 'open' };
    case 'reply':
      return { type, savedReply: first(refs.savedReplies) };
    case 'stop':
      return { type };
  }
}
