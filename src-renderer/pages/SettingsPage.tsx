import { PageHeader } from '../components/PageHeader';
import { AboutSection } from './settings/AboutSection';
import { AdminKeySection } from './settings/AdminKeySection';
import { ApiKeysSection } from './settings/ApiKeysSection';
import { NetworkSection } from './settings/NetworkSection';
import { WebhooksSection } from './settings/WebhooksSection';

export function SettingsPage() {
  return (
    <section className="page">
      <PageHeader title="Settings" subtitle="API access, webhooks, network and this installation" />
      <div className="stack">
        <AdminKeySection />
        <ApiKeysSection />
        <WebhooksSection />
        <NetworkSection />
        <AboutSection />
      </div>
    </section>
  );
}
