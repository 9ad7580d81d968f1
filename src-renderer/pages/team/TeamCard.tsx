import { useEffect, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { MoveChatsTo } from '../../../src-shared/contract/chat-handover';
import type { Team, User } from '../../../src-shared/contract/people';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useTransport } from '../../stores/connection';
import { errorFor, formLevel, peopleError, type FieldError } from '../../components/people/people-errors';
import { Field } from '../../components/people/Field';
import { MoveOpenChats } from './MoveOpenChats';

/** One team: rename it, choose its members, delete it (warned when a number's permissions name it). */
export function TeamCard({
  team,
  people,
  namedOn,
  onChanged,
}: {
  team: Team;
  people: User[];
  /** Numbers whose permissions name this team: deleting it removes those grants. */
  namedOn: string[];
  onChanged: () => void;
}) {
  const intl = useIntl();
  const transport = useTransport();
  const [name, setName] = useState(team.name);
  const [members, setMembers] = useState<string[]>(team.members.map((member) => member.id));
  const [error, setError] = useState<FieldError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [moveChatsTo, setMoveChatsTo] = useState<MoveChatsTo | undefined>(undefined);

  // Someone else changed the team (or it was saved): start again from what the server has.
  useEffect(() => {
    setName(team.name);
    setMembers(team.members.map((member) => member.id));
  }, [team]);

  const dirty =
    name.trim() !== team.name ||
    members.length !== team.members.length ||
    team.members.some((member) => !members.includes(member.id));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await transport.call('teams.update', { id: team.id, name, members });
      setSaved(true);
      onChanged();
    } catch (caught) {
      setError(peopleError(caught));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    try {
      await transport.call('teams.delete', { id: team.id, ...(moveChatsTo ? { moveChatsTo } : {}) });
      onChanged();
    } catch (caught) {
      setError(peopleError(caught));
    }
  };

  const toggle = (id: string, on: boolean) =>
    setMembers((current) => (on ? [...current, id] : current.filter((member) => member !== id)));

  const general = formLevel(error, ['name']);
  return (
    <form
      className="team-card"
      aria-label={intl.formatMessage({ id: 'team.teams.card' }, { name: team.name })}
      onSubmit={(event) => void save(event)}
    >
      <Field label={intl.formatMessage({ id: 'team.teams.name' })} error={errorFor(error, 'name')}>
        {(props) => (
          <input {...props} value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
        )}
      </Field>
      <fieldset className="choices team-card__members">
        <legend className="field__label">
          <FormattedMessage id="team.teams.members" />
        </legend>
        {people.length === 0 && (
          <p className="muted">
            <FormattedMessage id="team.teams.noPeople" />
          </p>
        )}
        {people.map((person) => (
          <label key={person.id} className="checkbox">
            <input
              type="checkbox"
              checked={members.includes(person.id)}
              onChange={(event) => toggle(person.id, event.target.checked)}
            />
            <span dir="auto">{person.name}</span>
          </label>
        ))}
      </fieldset>
      {general && (
        <p className="form-error" role="alert">
          {general}
        </p>
      )}
      {saved && !dirty && (
        <p className="muted" role="status">
          <FormattedMessage id="team.saved" />
        </p>
      )}
      <div className="row">
        <button type="submit" className="button button--primary" disabled={busy || !dirty || !name.trim()}>
          <FormattedMessage id="team.save" />
        </button>
        <ConfirmButton
          label={intl.formatMessage({ id: 'team.teams.delete' })}
          question={
            <>
              {namedOn.length > 0
                ? intl.formatMessage(
                    { id: 'team.teams.deleteNamedQuestion' },
                    { name: team.name, numbers: intl.formatList(namedOn), count: namedOn.length },
                  )
                : intl.formatMessage({ id: 'team.teams.deleteQuestion' }, { name: team.name })}
              <MoveOpenChats
                owner={{ team: team.id }}
                ownerName={team.name}
                value={moveChatsTo}
                onChange={setMoveChatsTo}
              />
            </>
          }
          confirmLabel={intl.formatMessage({ id: 'team.teams.deleteConfirm' })}
          onConfirm={remove}
        />
      </div>
    </form>
  );
}
