import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export function SessionsPage() {
  return (
    <section className="page">
      <PageHeader title="Sessions" subtitle="The WhatsApp numbers linked to this Chatdock" />
      <EmptyState icon="sessions" title="No WhatsApp numbers linked">
        Each session is one WhatsApp number, linked by scanning a QR code with the phone, like WhatsApp Web.
      </EmptyState>
    </section>
  );
}
