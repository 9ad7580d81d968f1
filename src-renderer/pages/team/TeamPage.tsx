import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { useQuery } from '../../hooks';
import { DesktopSwitcherSetting } from './DesktopSwitcherSetting';
import { NumbersSection } from './NumbersSection';
import { PeopleSection } from './PeopleSection';
import { TeamsSection } from './TeamsSection';
import { useNumberGrants } from './use-number-grants';
import '../../styles/integrations.css';
import '../../styles/team.css';

/** Settings → Team (owners and admins): people, teams, and who may use each number. */
export function TeamPage() {
  const intl = useIntl();
  const users = useQuery('users.list', {});
  const grants = useNumberGrants();
  const changed = () => {
    void users.reload();
    void grants.reload();
  };
  return (
    <section className="page">
      <p>
        <Link to="/settings">
          <FormattedMessage id="team.backToSettings" />
        </Link>
      </p>
      <PageHeader
        title={intl.formatMessage({ id: 'team.title' })}
        subtitle={intl.formatMessage({ id: 'team.subtitle' })}
      />
      <div className="stack">
        <PeopleSection users={users} onChanged={changed} />
        <TeamsSection numbers={grants.numbers} people={users.data?.items ?? []} onChanged={changed} />
        <NumbersSection numbers={grants.numbers} error={grants.error} />
        <DesktopSwitcherSetting />
      </div>
    </section>
  );
}
