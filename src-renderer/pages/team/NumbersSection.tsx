import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { NumberGrants } from './use-number-grants';

/** Settings → Team → Numbers: who may use each linked number, with a way into its editor. */
export function NumbersSection({ numbers, error }: { numbers: NumberGrants[] | null; error: string | null }) {
  const intl = useIntl();
  return (
    <section className="card" aria-labelledby="team-numbers-title">
      <h2 id="team-numbers-title">
        <FormattedMessage id="team.numbers.title" />
      </h2>
      <p className="muted">
        <FormattedMessage id="team.numbers.intro" />
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!numbers && !error && (
        <p className="muted" role="status">
          <FormattedMessage id="team.loading" />
        </p>
      )}
      {numbers?.length === 0 && (
        <p className="muted">
          <FormattedMessage id="team.numbers.empty" />
        </p>
      )}
      <ul className="team-numbers">
        {numbers?.map(({ session, permissions }) => (
          <li key={session.id} className="team-numbers__item">
            <div>
              <strong dir="auto">{session.name}</strong>
              {session.phone && <span className="muted"> +{session.phone}</span>}
              <p className="muted">
                {permissions.grants.length === 0
                  ? intl.formatMessage({ id: 'team.numbers.nobody' })
                  : intl.formatMessage(
                      { id: 'team.numbers.who' },
                      { names: intl.formatList(permissions.grants.map((grant) => grant.subjectName)) },
                    )}
              </p>
            </div>
            <Link
              className="button button--secondary"
              to={`/settings/team/numbers/${encodeURIComponent(session.id)}`}
              aria-label={intl.formatMessage({ id: 'team.numbers.editFor' }, { name: session.name })}
            >
              <FormattedMessage id="team.numbers.edit" />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
