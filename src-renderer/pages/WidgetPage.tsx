import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export function WidgetPage() {
  return (
    <section className="page">
      <PageHeader title="Widget" subtitle="A click-to-chat button for your website" />
      <EmptyState icon="widget" title="No widgets yet">
        A widget shows a WhatsApp button on your website that routes visitors to whoever is available.
      </EmptyState>
    </section>
  );
}
