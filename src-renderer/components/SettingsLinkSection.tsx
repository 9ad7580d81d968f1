import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router-dom';

/** The words of each card (whole message ids, so the catalogue check sees them used). */
const TEXTS = {
  team: { title: 'team.title', intro: 'team.linkIntro', open: 'team.open', to: '/settings/team' },
  routing: {
    title: 'routing.title',
    intro: 'routing.linkIntro',
    open: 'routing.open',
    to: '/settings/routing',
  },
} as const;

/**
 * A card in Settings that leads to a page of its own (Team, Routing): its title, a line saying
 * what is there, and the button that opens it.
 */
export function SettingsLinkSection({ area }: { area: keyof typeof TEXTS }) {
  const texts = TEXTS[area];
  const titleId = `settings-${area}-title`;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>
        <FormattedMessage id={texts.title} />
      </h2>
      <p className="muted">
        <FormattedMessage id={texts.intro} />
      </p>
      <div className="row">
        <Link className="button button--primary" to={texts.to}>
          <FormattedMessage id={texts.open} />
        </Link>
      </div>
    </section>
  );
}
