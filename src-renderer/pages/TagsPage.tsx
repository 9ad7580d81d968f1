import { useIntl } from 'react-intl';
import { PageHeader } from '../components/PageHeader';
import { SavedRepliesSection } from './tags/SavedRepliesSection';
import { TagsSection } from './tags/TagsSection';
import '../styles/integrations.css';
import '../styles/organize.css';

/** Tags (name, colour, usage) and saved replies, managed in one place. */
export function TagsPage() {
  const intl = useIntl();
  return (
    <section className="page">
      <PageHeader
        title={intl.formatMessage({ id: 'tags.title' })}
        subtitle={intl.formatMessage({ id: 'tags.subtitle' })}
      />
      <div className="stack">
        <TagsSection />
        <SavedRepliesSection />
      </div>
    </section>
  );
}
