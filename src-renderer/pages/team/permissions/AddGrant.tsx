import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { PermissionGrant, Team, User } from '../../../../src-shared/contract/people';

/**
 * Adds a person or a team to the number, reading every chat and writing by default (what a new
 * agent usually needs); the row can be narrowed before saving. Only agents are offered: owners
 * and admins have everything on every number anyway.
 */
export function AddGrant({
  people,
  teams,
  taken,
  onAdd,
}: {
  people: User[];
  teams: Team[];
  taken: Set<string>;
  onAdd: (grant: PermissionGrant, name: string) => void;
}) {
  const intl = useIntl();
  const [choice, setChoice] = useState('');
  const options = [
    ...teams.map((team) => ({ key: `team:${team.id}`, name: team.name, type: 'team' as const, id: team.id })),
    ...people.map((user) => ({
      key: `user:${user.id}`,
      name: user.name,
      type: 'user' as const,
      id: user.id,
    })),
  ].filter((option) => !taken.has(option.key));

  const add = () => {
    const option = options.find((item) => item.key === choice);
    if (!option) return;
    onAdd(
      {
        subject: { type: option.type, id: option.id },
        read: 'all',
        write: true,
        canUseTags: false,
        canManageSavedReplies: false,
      },
      option.name,
    );
    setChoice('');
  };

  return (
    <div className="team-form team-form--inline">
      <label className="field">
        <span className="field__label">
          <FormattedMessage id="team.permissions.add" />
        </span>
        <select name="subject" value={choice} onChange={(event) => setChoice(event.target.value)}>
          <option value="">{intl.formatMessage({ id: 'team.permissions.choose' })}</option>
          {options.map((option) => (
            <option key={option.key} value={option.key}>
              {intl.formatMessage(
                {
                  id:
                    option.type === 'team' ? 'team.permissions.optionTeam' : 'team.permissions.optionPerson',
                },
                { name: option.name },
              )}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button button--secondary" disabled={!choice} onClick={add}>
        <FormattedMessage id="team.permissions.addButton" />
      </button>
      {options.length === 0 && (
        <p className="muted">
          <FormattedMessage
            id={
              people.length + teams.length === 0
                ? 'team.permissions.nobodyYet'
                : 'team.permissions.nobodyToAdd'
            }
          />
        </p>
      )}
    </div>
  );
}
