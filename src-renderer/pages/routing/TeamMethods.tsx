import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { TEAM_METHODS, type TeamMethod, type TeamRouting } from '../../../src-shared/contract/routing';
import { Field } from '../../components/people/Field';
import { useQuery } from '../../hooks';
import { useTransport } from '../../stores/connection';
import { errorAt, ruleError, type RuleError } from './draft';
import { METHOD_LABEL } from './labels';
import { ChoiceSelect } from './RefSelect';

/** Each team's assignment method and per-person limit, with who is in it, available or away. */
export function TeamMethods() {
  const query = useQuery('routing.teams', {});
  const items = query.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="routing-teams-title">
      <h2 id="routing-teams-title">
        <FormattedMessage id="routing.teams.title" />
      </h2>
      <p className="muted">
        <FormattedMessage id="routing.teams.intro" />
      </p>
      {query.loading && !query.data && (
        <p className="muted" role="status">
          <FormattedMessage id="routing.loading" />
        </p>
      )}
      {query.error && (
        <p className="form-error" role="alert">
          {query.error}
        </p>
      )}
      {query.data && items.length === 0 && (
        <p className="muted">
          <FormattedMessage id="routing.teams.empty" />
        </p>
      )}
      {items.map((team) => (
        <TeamMethodForm key={team.team.id} team={team} onSaved={() => void query.reload()} />
      ))}
    </section>
  );
}

function TeamMethodForm({ team, onSaved }: { team: TeamRouting; onSaved: () => void }) {
  const intl = useIntl();
  const transport = useTransport();
  const [method, setMethod] = useState<TeamMethod>(team.method);
  const [limit, setLimit] = useState(team.limit === null ? '' : String(team.limit));
  const [error, setError] = useState<RuleError | null>(null);
  const [saved, setSaved] = useState(false);
  const save = async () => {
    setError(null);
    setSaved(false);
    try {
      await transport.call('routing.updateTeam', {
        team: team.team.id,
        method,
        limit: limit.trim() === '' ? null : Number(limit),
      });
      setSaved(true);
      onSaved();
    } catch (caught) {
      setError(ruleError(caught));
    }
  };
  return (
    <form
      className="routing-team"
      aria-label={team.team.name}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3>{team.team.name}</h3>
      <p className="muted">
        {intl.formatMessage({ id: 'routing.teams.members' }, { count: team.members.length })}
        {team.members.length > 0 && ': '}
        {intl.formatList(
          team.members.map((m) =>
            [
              intl.formatMessage({ id: 'routing.teams.member' }, { name: m.name, open: m.open }),
              m.available ? '' : ` (${intl.formatMessage({ id: 'routing.teams.away' })})`,
            ].join(''),
          ),
          { type: 'conjunction' },
        )}
      </p>
      <div className="routing-pair">
        <ChoiceSelect
          label={intl.formatMessage({ id: 'routing.teams.method' })}
          value={method}
          choices={TEAM_METHODS.map((value) => ({
            value,
            label: intl.formatMessage({ id: METHOD_LABEL[value] }),
          }))}
          onChange={setMethod}
        />
        <Field label={intl.formatMessage({ id: 'routing.teams.limit' })} error={errorAt(error, 'limit')}>
          {(props) => (
            <input
              {...props}
              name="limit"
              type="number"
              min={1}
              max={1000}
              inputMode="numeric"
              value={limit}
              onChange={(event) => setLimit(event.target.value)}
            />
          )}
        </Field>
      </div>
      {error && error.field !== 'limit' && (
        <p className="form-error" role="alert">
          {error.text}
        </p>
      )}
      <div className="row">
        <button type="submit" className="button button--primary">
          <FormattedMessage id="routing.save" />
        </button>
        {saved && (
          <span className="muted" role="status">
            <FormattedMessage id="routing.saved" />
          </span>
        )}
      </div>
    </form>
  );
}
