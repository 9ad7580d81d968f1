import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export function SchedulePage() {
  return (
    <section className="page">
      <PageHeader title="Schedule" subtitle="Scheduled messages and campaigns" />
      <EmptyState icon="schedule" title="Nothing scheduled">
        Messages scheduled from the inbox or the API, and campaigns to customer lists, are listed here with
        their status.
      </EmptyState>
    </section>
  );
}
