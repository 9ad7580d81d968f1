import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router-dom';

/** The way from Settings into Settings → Team. */
export function TeamLinkSection() {
  return (
    <section className="card" aria-labelledby="settings-team-title">
      <h2 id="settings-team-title">
        <FormattedMessage id="team.title" />
      </h2>
      <p className="muted">
        <FormattedMessage id="team.linkIntro" />
      </p>
      <div className="row">
        <Link className="button button--primary" to="/settings/team">
          <FormattedMessage id="team.open" />
        </Link>
      </div>
    </section>
  );
}
