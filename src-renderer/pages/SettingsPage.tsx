import { PageHeader } from '../components/PageHeader';
import { AboutSection } from './settings/AboutSection';
import { AdminKeySection } from './settings/AdminKeySection';
import { NetworkSection } from './settings/NetworkSection';

export function SettingsPage() {
  return (
    <section className="page">
      <PageHeader title="Settings" subtitle="API access, network and this installation" />
      <div className="stack">
        <AdminKeySection />
        <NetworkSection />
        <AboutSection />
      </div>
    </section>
  );
}
