import { PageHeader } from '../components/PageHeader';
import { SavedRepliesSection } from './tags/SavedRepliesSection';
import { TagsSection } from './tags/TagsSection';
import '../styles/integrations.css';
import '../styles/organize.css';

/** Tags (name, colour, usage) and saved replies, managed in one place. */
export function TagsPage() {
  return (
    <section className="page">
      <PageHeader title="Tags" subtitle="Tags and saved replies" />
      <div className="stack">
        <TagsSection />
        <SavedRepliesSection />
      </div>
    </section>
  );
}
