import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { EmptyState } from '../EmptyState';

/** What a deep link to an area the person's role does not include shows (the server refuses it too). */
export function NotAvailable() {
  const intl = useIntl();
  return (
    <section className="page" data-testid="not-available">
      <EmptyState icon="person" title={intl.formatMessage({ id: 'team.notAvailable.title' })}>
        <p>
          <FormattedMessage id="team.notAvailable.text" />
        </p>
        <Link className="button button--primary" to="/inbox">
          <FormattedMessage id="team.notAvailable.toInbox" />
        </Link>
      </EmptyState>
    </section>
  );
}
