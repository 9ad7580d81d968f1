import { useIntl } from 'react-intl';
import { CHAT_STATUSES } from '../../../src-shared/contract/assignment';
import type { RoutingAction } from '../../../src-shared/contract/routing';
import type { MessageId } from '../../i18n/messages/en';
import { errorAt, type RuleError } from './draft';
import { STATUS_LABEL } from './labels';
import { ChoiceSelect, RefSelect } from './RefSelect';
import type { RoutingRefs } from './use-routing-refs';

/** The inputs of one action; `path` is its field (`actions.0`) for errors beside the input. */
export function ActionFields({
  action,
  path,
  refs,
  error,
  onChange,
}: {
  action: RoutingAction;
  path: string;
  refs: RoutingRefs;
  error: RuleError | null;
  onChange: (next: RoutingAction) => void;
}) {
  const intl = useIntl();
  const t = (id: MessageId) => intl.formatMessage({ id });
  switch (action.type) {
    case 'assignUser':
      return (
        <RefSelect
          label={t('routing.field.person')}
          value={action.user}
          options={refs.people}
          error={errorAt(error, `${path}.user`)}
          onChange={(user) => onChange({ ...action, user })}
        />
      );
    case 'assignTeam':
      return (
        <RefSelect
          label={t('routing.field.team')}
          value={action.team}
          options={refs.teams}
          error={errorAt(error, `${path}.team`)}
          onChange={(team) => onChange({ ...action, team })}
        />
      );
    case 'addTag':
    case 'removeTag':
      return (
        <RefSelect
          label={t('routing.field.tag')}
          value={action.tag}
          options={refs.tags}
          error={errorAt(error, `${path}.tag`)}
          onChange={(tag) => onChange({ ...action, tag })}
        />
      );
    case 'setStatus':
      return (
        <ChoiceSelect
          label={t('routing.field.status')}
          value={action.status}
          choices={CHAT_STATUSES.map((status) => ({ value: status, label: t(STATUS_LABEL[status]) }))}
          onChange={(status) => onChange({ ...action, status })}
        />
      );
    case 'reply':
      return (
        <RefSelect
          label={t('routing.field.savedReply')}
          value={action.savedReply}
          options={refs.savedReplies}
          error={errorAt(error, `${path}.savedReply`)}
          onChange={(savedReply) => onChange({ ...action, savedReply })}
        />
      );
    case 'stop':
      return null;
  }
}
