import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router-dom';

/** The way from Settings into Settings → Routing. */
export function RoutingLinkSection() {
  return (
    <section className="card" aria-labelledby="settings-routing-title">
      <h2 id="settings-routing-title">
        <FormattedMessage id="routing.title" />
      </h2>
      <p className="muted">
        <FormattedMessage id="routing.linkIntro" />
      </p>
      <div className="row">
        <Link className="button button--primary" to="/settings/routing">
          <FormattedMessage id="routing.open" />
        </Link>
      </div>
    </section>
  );
}
