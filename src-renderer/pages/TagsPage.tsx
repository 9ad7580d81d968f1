import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export function TagsPage() {
  return (
    <section className="page">
      <PageHeader title="Tags" subtitle="Tags and saved replies" />
      <EmptyState icon="tags" title="No tags yet">
        Tags like “new lead” or “paid” organise conversations; saved replies answer common questions in one
        click.
      </EmptyState>
    </section>
  );
}
