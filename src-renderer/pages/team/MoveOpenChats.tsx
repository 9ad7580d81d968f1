import { useEffect, useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { MoveChatsTo } from '../../../src-shared/contract/chat-handover';
import { useQuery } from '../../hooks';

/** Who is being deleted: a person or a team. */
export type ChatOwner = { user: string } | { team: string };

/** The select's value for a destination: `unassigned`, `user:<id>` or `team:<id>`. */
function encode(target: MoveChatsTo): string {
  if (target === 'unassigned') return target;
  return 'user' in target ? `user:${target.user}` : `team:${target.team}`;
}

function decode(value: string): MoveChatsTo {
  if (value.startsWith('user:')) return { user: value.slice(5) };
  if (value.startsWith('team:')) return { team: value.slice(5) };
  return 'unassigned';
}

/**
 * Inside a delete question (issue #16): "3 open chats are assigned to Sales — move them to:
 * [people, teams, Unassigned]". The server refuses the delete (409) without a destination
 * when such chats exist, so the question asks first; with none, it says nothing. Until the count
 * is known `onChange` gets `undefined`, and the parent keeps its Confirm button as it is.
 */
export function MoveOpenChats({
  owner,
  ownerName,
  value,
  onChange,
}: {
  owner: ChatOwner;
  ownerName: string;
  value: MoveChatsTo | undefined;
  onChange: (target: MoveChatsTo | undefined) => void;
}) {
  const intl = useIntl();
  const selectId = useId();
  const count = useQuery(
    'user' in owner ? 'users.openChats' : 'teams.openChats',
    'user' in owner ? { id: owner.user } : { id: owner.team },
  );
  const people = useQuery('users.list', {});
  const teams = useQuery('teams.list', {});
  const open = count.data?.count ?? 0;

  // Unassigned is where they go unless someone is chosen: the one choice always allowed.
  useEffect(() => {
    onChange(open > 0 ? (value ?? 'unassigned') : undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the count is known
  }, [open]);

  if (count.loading && !count.data) {
    return (
      <span className="move-chats muted" role="status">
        <FormattedMessage id="team.moveChats.counting" />
      </span>
    );
  }
  if (count.error) {
    return (
      <span className="move-chats form-error" role="alert">
        {count.error}
      </span>
    );
  }
  if (open === 0) return null;
  const otherPeople = (people.data?.items ?? []).filter(
    (person) => !person.disabled && !('user' in owner && person.id === owner.user),
  );
  const otherTeams = (teams.data?.items ?? []).filter((team) => !('team' in owner && team.id === owner.team));
  return (
    <span className="move-chats">
      <label htmlFor={selectId} className="move-chats__label">
        <FormattedMessage id="team.moveChats.question" values={{ count: open, name: ownerName }} />
      </label>
      <select
        id={selectId}
        className="move-chats__select"
        value={encode(value ?? 'unassigned')}
        onChange={(event) => onChange(decode(event.target.value))}
      >
        <option value="unassigned">{intl.formatMessage({ id: 'team.moveChats.unassigned' })}</option>
        {otherPeople.length > 0 && (
          <optgroup label={intl.formatMessage({ id: 'team.moveChats.people' })}>
            {otherPeople.map((person) => (
              <option key={person.id} value={`user:${person.id}`}>
                {person.name}
              </option>
            ))}
          </optgroup>
        )}
        {otherTeams.length > 0 && (
          <optgroup label={intl.formatMessage({ id: 'team.moveChats.teams' })}>
            {otherTeams.map((team) => (
              <option key={team.id} value={`team:${team.id}`}>
                {team.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </span>
  );
}
