import { useIntl } from 'react-intl';
import { PageHeader } from '../components/PageHeader';
import { SettingsLinkSection } from '../components/SettingsLinkSection';
import { AboutSection } from './settings/AboutSection';
import { AdminKeySection } from './settings/AdminKeySection';
import { ApiKeysSection } from './settings/ApiKeysSection';
import { BackupsSection } from './settings/BackupsSection';
import { LanguageSection } from './settings/LanguageSection';
import { NetworkSection } from './settings/NetworkSection';
import { StorageSection } from './settings/StorageSection';
import { RetentionSection } from './settings/RetentionSection';
import { RateLimitsSection } from './settings/rate-limits/RateLimitsSection';
import { ContactsImportSection } from './settings/ContactsImportSection';
import { WebhooksSection } from './settings/WebhooksSection';
import { AuditSection } from './settings/audit/AuditSection';

export function SettingsPage() {
  const intl = useIntl();
  return (
    <section className="page">
      <PageHeader
        title={intl.formatMessage({ id: 'settings.title' })}
        subtitle={intl.formatMessage({ id: 'settings.subtitle' })}
      />
      <div className="stack">
        <SettingsLinkSection area="team" to="/settings/team" />
        <SettingsLinkSection area="routing" to="/settings/routing" />
        <LanguageSection />
        <AdminKeySection />
        <ApiKeysSection />
        <WebhooksSection />
        <RateLimitsSection />
        <BackupsSection />
        <StorageSection />
        <RetentionSection />
        <ContactsImportSection />
        <AuditSection />
        <NetworkSection />
        <AboutSection />
      </div>
    </section>
  );
}
