import { useIntl } from 'react-intl';
import type { RoutingCondition } from '../../../src-shared/contract/routing';
import { Field } from '../../components/people/Field';
import type { MessageId } from '../../i18n/messages/en';
import { errorAt, type RuleError } from './draft';
import { ChoiceSelect, RefSelect } from './RefSelect';
import type { RoutingRefs } from './use-routing-refs';

/** The inputs of one condition; `path` is its field (`conditions.0`) for errors beside the input. */
export function ConditionFields({
  condition,
  path,
  refs,
  error,
  onChange,
}: {
  condition: RoutingCondition;
  path: string;
  refs: RoutingRefs;
  error: RuleError | null;
  onChange: (next: RoutingCondition) => void;
}) {
  const intl = useIntl();
  const t = (id: MessageId) => intl.formatMessage({ id });
  switch (condition.type) {
    case 'number':
      return (
        <fieldset
          className="routing-numbers"
          aria-invalid={errorAt(error, `${path}.sessions`) ? true : undefined}
        >
          <legend>{t('routing.field.number')}</legend>
          {refs.sessions.map((session) => (
            <label key={session.id} className="row">
              <input
                type="checkbox"
                checked={condition.sessions.includes(session.id)}
                onChange={(event) =>
                  onChange({
                    ...condition,
                    sessions: event.target.checked
                      ? [...condition.sessions, session.id]
                      : condition.sessions.filter((id) => id !== session.id),
                  })
                }
              />
              {session.name}
            </label>
          ))}
          {(errorAt(error, `${path}.sessions`) ?? errorAt(error, `${path}.sessions.0`)) && (
            <span className="field__error form-error" role="alert">
              {errorAt(error, `${path}.sessions`) ?? errorAt(error, `${path}.sessions.0`)}
            </span>
          )}
        </fieldset>
      );
    case 'contactTag':
    case 'tagAdded':
      return (
        <RefSelect
          label={t('routing.field.tag')}
          value={condition.tag}
          options={refs.tags}
          error={errorAt(error, `${path}.tag`) ?? errorAt(error, `${path}.type`)}
          onChange={(tag) => onChange({ ...condition, tag })}
        />
      );
    case 'customer':
      return (
        <ChoiceSelect
          label={t('routing.condition.customer')}
          value={condition.is}
          choices={[
            { value: 'new', label: t('routing.customer.new') },
            { value: 'returning', label: t('routing.customer.returning') },
          ]}
          onChange={(is) => onChange({ ...condition, is })}
        />
      );
    case 'savedContact':
      return (
        <ChoiceSelect
          label={t('routing.condition.savedContact')}
          value={condition.saved ? 'yes' : 'no'}
          choices={[
            { value: 'yes', label: t('routing.saved.yes') },
            { value: 'no', label: t('routing.saved.no') },
          ]}
          onChange={(saved) => onChange({ ...condition, saved: saved === 'yes' })}
        />
      );
    case 'hours':
      return (
        <ChoiceSelect
          label={t('routing.condition.hours')}
          value={condition.when}
          choices={[
            { value: 'inside', label: t('routing.hours.inside') },
            { value: 'outside', label: t('routing.hours.outside') },
          ]}
          onChange={(when) => onChange({ ...condition, when })}
        />
      );
    case 'text':
      return (
        <div className="routing-pair">
          <ChoiceSelect
            label={t('routing.field.match')}
            value={condition.match}
            choices={[
              { value: 'contains', label: t('routing.match.contains') },
              { value: 'regex', label: t('routing.match.regex') },
            ]}
            onChange={(match) => onChange({ ...condition, match })}
          />
          <Field label={t('routing.field.pattern')} error={errorAt(error, `${path}.pattern`)}>
            {(props) => (
              <input
                {...props}
                name={`${path}.pattern`}
                value={condition.pattern}
                maxLength={500}
                dir="auto"
                onChange={(event) => onChange({ ...condition, pattern: event.target.value })}
              />
            )}
          </Field>
        </div>
      );
  }
}
