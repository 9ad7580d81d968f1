import { FormattedMessage, useIntl } from 'react-intl';
import type { KeywordRule } from '../../../src-shared/contract/automation';
import { useQuery } from '../../hooks';
import { FieldError, useField } from '../widget/fields';

type Target = KeywordRule['assign'];

/** `team:<id>` or `user:<id>`: one choice in one select. */
function encode(target: Target): string {
  if (!target) return '';
  return target.team ? `team:${target.team}` : `user:${target.user ?? ''}`;
}

function decode(value: string): Target {
  if (value.startsWith('team:')) return { user: null, team: value.slice(5) };
  if (value.startsWith('user:')) return { user: value.slice(5), team: null };
  return null;
}

/** A keyword rule's "Assign the chat to": a team's queue or a person (chat.assigned, reason rule:<id>). */
export function RuleAssignField({
  index,
  value,
  onChange,
}: {
  index: number;
  value: Target;
  onChange(target: Target): void;
}) {
  const intl = useIntl();
  const users = useQuery('users.list', {});
  const teams = useQuery('teams.list', {});
  // The server names the part it refuses (`rules.N.assign.team` or `.user`); both show here.
  const teamField = useField(`rules.${index}.assign.team`);
  const userField = useField(`rules.${index}.assign.user`);
  const error = teamField.error ?? userField.error;
  return (
    <div className="field">
      <label className="field__label" htmlFor={teamField.controlProps.id}>
        <FormattedMessage id="ruleassign.label" />
      </label>
      <select
        value={encode(value)}
        onChange={(event) => {
          teamField.clear();
          userField.clear();
          onChange(decode(event.target.value));
        }}
        {...teamField.controlProps}
      >
        <option value="">{intl.formatMessage({ id: 'ruleassign.nobody' })}</option>
        <optgroup label={intl.formatMessage({ id: 'ruleassign.teams' })}>
          {(teams.data?.items ?? []).map((team) => (
            <option key={team.id} value={`team:${team.id}`}>
              {team.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={intl.formatMessage({ id: 'ruleassign.people' })}>
          {(users.data?.items ?? [])
            .filter((user) => !user.disabled)
            .map((user) => (
              <option key={user.id} value={`user:${user.id}`}>
                {user.name}
              </option>
            ))}
        </optgroup>
      </select>
      <p className="field__hint">
        <FormattedMessage id="ruleassign.hint" />
      </p>
      <FieldError field={`rules.${index}.assign.team`} error={error} />
    </div>
  );
}
