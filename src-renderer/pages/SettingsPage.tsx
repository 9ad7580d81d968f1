import { PageHeader } from '../components/PageHeader';
import { AboutSection } from './settings/AboutSection';
import { AdminKeySection } from './settings/AdminKeySection';
import { ApiKeysSection } from './settings/ApiKeysSection';
import { BackupsSection } from './settings/BackupsSection';
import { NetworkSection } from './settings/NetworkSection';
import { StorageSection } from './settings/StorageSection';
import { RetentionSection } from './settings/RetentionSection';
import { ContactsImportSection } from './settings/ContactsImportSection';
import { WebhooksSection } from './settings/WebhooksSection';

export function SettingsPage() {
  return (
    <section className="page">
      <PageHeader
        title="Settings"
        subtitle="API access, webhooks, backups, storage, network and this installation"
      />
      <div className="stack">
        <AdminKeySection />
        <ApiKeysSection />
        <WebhooksSection />
        <BackupsSection />
        <StorageSection />
        <RetentionSection />
        <ContactsImportSection />
        <NetworkSection />
        <AboutSection />
      </div>
    </section>
  );
}
