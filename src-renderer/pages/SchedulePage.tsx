import { useEffect, useState } from 'react';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n/use-t';
import { useTransport } from '../stores/connection';
import { useSessions } from '../stores/sessions';
import { CampaignsTab } from './schedule/CampaignsTab';
import { ScheduledTab } from './schedule/ScheduledTab';
import '../styles/integrations.css';
import '../styles/schedule.css';

type Tab = 'scheduled' | 'campaigns';

export function SchedulePage() {
  const t = useT();
  const transport = useTransport();
  const { sessions, load } = useSessions();
  const [tab, setTab] = useState<Tab>('scheduled');

  useEffect(() => {
    void load(transport);
  }, [transport, load]);

  return (
    <section className="page">
      <PageHeader title={t('schedule.title')} subtitle={t('schedule.subtitle')} />
      <div className="tabs" role="tablist" aria-label={t('schedule.title')}>
        {(
          [
            ['scheduled', t('schedule.tabs.scheduled')],
            ['campaigns', t('schedule.tabs.campaigns')],
          ] as const
        ).map(([value, label]) => (
          <button
            key={value}
            type="button"
            role="tab"
            aria-selected={tab === value}
            className={tab === value ? 'tab tab--active' : 'tab'}
            onClick={() => setTab(value)}
          >
            {label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        aria-label={t(tab === 'scheduled' ? 'schedule.tabs.scheduled' : 'schedule.tabs.campaigns')}
      >
        {tab === 'scheduled' ? <ScheduledTab sessions={sessions} /> : <CampaignsTab sessions={sessions} />}
      </div>
    </section>
  );
}
