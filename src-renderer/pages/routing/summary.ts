import type { IntlShape } from 'react-intl';
import type { RoutingAction, RoutingCondition, RoutingRuleInput } from '../../../src-shared/contract/routing';
import type { MessageId } from '../../i18n/messages/en';
import { STATUS_LABEL, TRIGGER_SUMMARY } from './labels';
import { nameOf, type RoutingRefs } from './use-routing-refs';

/**
 * A rule in plain words ("When a new conversation starts, if the message contains “price”: give
 * it to the team Sales and stop."), shown on each rule and live in the editor. Whole sentences
 * come from the catalogue; the lists of conditions and actions are joined by `formatList`, so
 * every language orders and joins them its own way.
 */
export function summarize(rule: RoutingRuleInput, refs: RoutingRefs, intl: IntlShape): string {
  const t = (id: MessageId, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  const unknown = t('routing.summary.unknown');
  const tag = (id: string) => nameOf(refs.tags, id, unknown);
  const condition = (c: RoutingCondition): string => {
    switch (c.type) {
      case 'number':
        return t('routing.summary.number', {
          numbers: intl.formatList(
            c.sessions.map((id) => nameOf(refs.sessions, id, id)),
            { type: 'disjunction' },
          ),
        });
      case 'contactTag':
        return t('routing.summary.contactTag', { tag: tag(c.tag) });
      case 'customer':
        return t(c.is === 'new' ? 'routing.summary.customer.new' : 'routing.summary.customer.returning');
      case 'savedContact':
        return t(c.saved ? 'routing.summary.saved.yes' : 'routing.summary.saved.no');
      case 'text':
        return t(c.match === 'regex' ? 'routing.summary.regex' : 'routing.summary.contains', {
          pattern: c.pattern,
        });
      case 'hours':
        return t(c.when === 'inside' ? 'routing.summary.hours.inside' : 'routing.summary.hours.outside');
      case 'tagAdded':
        return t('routing.summary.tagAdded', { tag: tag(c.tag) });
    }
  };
  const action = (a: RoutingAction): string => {
    switch (a.type) {
      case 'assignUser':
        return t('routing.summary.assignUser', { person: nameOf(refs.people, a.user, unknown) });
      case 'assignTeam':
        return t('routing.summary.assignTeam', { team: nameOf(refs.teams, a.team, unknown) });
      case 'addTag':
        return t('routing.summary.addTag', { tag: tag(a.tag) });
      case 'removeTag':
        return t('routing.summary.removeTag', { tag: tag(a.tag) });
      case 'setStatus':
        return t('routing.summary.setStatus', { status: t(STATUS_LABEL[a.status]) });
      case 'reply':
        return t('routing.summary.reply', { reply: nameOf(refs.savedReplies, a.savedReply, unknown) });
      case 'stop':
        return t('routing.summary.stop');
    }
  };
  const trigger = t(TRIGGER_SUMMARY[rule.on]);
  const actions = rule.actions.length
    ? intl.formatList(rule.actions.map(action), { type: 'conjunction' })
    : t('routing.summary.nothing');
  if (rule.conditions.length === 0) return t('routing.summary.always', { trigger, actions });
  return t('routing.summary.withConditions', {
    trigger,
    conditions: intl.formatList(rule.conditions.map(condition), { type: 'conjunction' }),
    actions,
  });
}
