import { FormattedMessage, useIntl } from 'react-intl';
import { PageHeader } from '../../components/PageHeader';
import { useMe } from '../../stores/me';
import { LanguageSection } from '../settings/LanguageSection';
import { ROLE_TEXT } from '../team/role-text';
import { PasswordForm } from './PasswordForm';
import { PinForm } from './PinForm';
import { SignInsSection } from './SignInsSection';
import { TokensSection } from './TokensSection';
import '../../styles/integrations.css';
import '../../styles/team.css';

/** Everyone's own page: password, desktop PIN, where they are signed in, personal tokens, language. */
export function ProfilePage() {
  const intl = useIntl();
  const user = useMe((state) => state.principal?.user);
  if (!user) {
    return (
      <section className="page">
        <p className="muted" role="status">
          <FormattedMessage id="team.loading" />
        </p>
      </section>
    );
  }
  return (
    <section className="page">
      <PageHeader
        title={intl.formatMessage({ id: 'team.profile.title' })}
        subtitle={intl.formatMessage(
          { id: 'team.profile.subtitle' },
          { name: user.name, login: user.login, role: intl.formatMessage({ id: ROLE_TEXT[user.role].name }) },
        )}
      />
      <div className="stack">
        <PasswordForm />
        <PinForm hasPin={user.hasPin} />
        <SignInsSection />
        <TokensSection />
        {/* The interface language stays this browser's choice (Settings → Language), here for everyone. */}
        <LanguageSection />
      </div>
    </section>
  );
}
