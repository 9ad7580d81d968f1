import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { User } from '../../../src-shared/contract/people';
import { useQuery } from '../../hooks';
import { useTransport } from '../../stores/connection';
import { errorFor, formLevel, peopleError, type FieldError } from '../../components/people/people-errors';
import { Field } from '../../components/people/Field';
import { TeamCard } from './TeamCard';
import { numbersNamingTeam, type NumberGrants } from './use-number-grants';

/** Settings → Team → Teams: groups of people ("Sales", "Support") that permissions can name. */
export function TeamsSection({
  numbers,
  people,
  onChanged,
}: {
  numbers: NumberGrants[] | null;
  /** Everyone who may be a member. */
  people: User[];
  onChanged: () => void;
}) {
  const intl = useIntl();
  const transport = useTransport();
  const teams = useQuery('teams.list', {});
  const [name, setName] = useState('');
  const [error, setError] = useState<FieldError | null>(null);
  const [busy, setBusy] = useState(false);

  const changed = () => {
    void teams.reload();
    onChanged();
  };

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await transport.call('teams.create', { name });
      setName('');
      changed();
    } catch (caught) {
      setError(peopleError(caught));
    } finally {
      setBusy(false);
    }
  };

  const general = formLevel(error, ['name']);
  const items = teams.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="team-teams-title">
      <h2 id="team-teams-title">
        <FormattedMessage id="team.teams.title" />
      </h2>
      <p className="muted">
        <FormattedMessage id="team.teams.intro" />
      </p>
      <form
        className="team-form team-form--inline"
        aria-label={intl.formatMessage({ id: 'team.teams.createForm' })}
        onSubmit={(event) => void create(event)}
      >
        <Field label={intl.formatMessage({ id: 'team.teams.name' })} error={errorFor(error, 'name')}>
          {(props) => (
            <input
              {...props}
              name="teamName"
              value={name}
              maxLength={80}
              placeholder={intl.formatMessage({ id: 'team.teams.namePlaceholder' })}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button button--primary" disabled={busy || !name.trim()}>
          <FormattedMessage id="team.teams.create" />
        </button>
      </form>
      {general && (
        <p className="form-error" role="alert">
          {general}
        </p>
      )}
      {teams.error && (
        <p className="form-error" role="alert">
          {teams.error}
        </p>
      )}
      {teams.data && items.length === 0 && (
        <p className="muted">
          <FormattedMessage id="team.teams.empty" />
        </p>
      )}
      <div className="stack">
        {items.map((team) => (
          <TeamCard
            key={team.id}
            team={team}
            people={people}
            namedOn={numbersNamingTeam(numbers, team.id)}
            onChanged={changed}
          />
        ))}
      </div>
    </section>
  );
}
