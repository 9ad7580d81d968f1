import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import '../../styles/routing.css';
import '../../styles/team.css';
import { RuleEngineSection } from './RuleEngineSection';
import { RulesSection } from './RulesSection';
import { SwitchesSection } from './SwitchesSection';
import { TeamMethods } from './TeamMethods';
import { useRoutingRefs } from './use-routing-refs';

/** Settings → Routing (owners and admins): rules, team methods, the rule-engine webhook, the reply switches. */
export function RoutingPage() {
  const intl = useIntl();
  const { refs, loading, error } = useRoutingRefs();
  return (
    <section className="page">
      <PageHeader
        title={intl.formatMessage({ id: 'routing.title' })}
        subtitle={intl.formatMessage({ id: 'routing.subtitle' })}
        actions={
          <Link className="button button--secondary" to="/settings">
            <FormattedMessage id="routing.back" />
          </Link>
        }
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {loading ? (
        <p className="muted" role="status">
          <FormattedMessage id="routing.loading" />
        </p>
      ) : (
        <div className="stack">
          <RulesSection refs={refs} />
          <TeamMethods />
          <RuleEngineSection refs={refs} />
          <SwitchesSection />
        </div>
      )}
    </section>
  );
}
