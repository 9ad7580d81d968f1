import { Link } from 'react-router-dom';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export function InboxPage() {
  return (
    <section className="page" aria-labelledby="page-title-inbox">
      <PageHeader title="Inbox" subtitle="Conversations from every linked number" />
      <EmptyState icon="inbox" title="No conversations yet">
        Customer chats appear here as soon as a WhatsApp number is linked.{' '}
        <Link to="/sessions">Go to Sessions</Link> to link one.
      </EmptyState>
    </section>
  );
}
