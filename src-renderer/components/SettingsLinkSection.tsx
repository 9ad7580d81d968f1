import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router-dom';

/**
 * A card in Settings that leads to a page of its own (Team, Routing): its title, a line saying
 * what is there, and the button that opens it. `area` names the catalogue keys
 * `<area>.title`, `<area>.linkIntro` and `<area>.open`.
 */
export function SettingsLinkSection({ area, to }: { area: 'team' | 'routing'; to: string }) {
  const titleId = `settings-${area}-title`;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>
        <FormattedMessage id={`${area}.title`} />
      </h2>
      <p className="muted">
        <FormattedMessage id={`${area}.linkIntro`} />
      </p>
      <div className="row">
        <Link className="button button--primary" to={to}>
          <FormattedMessage id={`${area}.open`} />
        </Link>
      </div>
    </section>
  );
}
