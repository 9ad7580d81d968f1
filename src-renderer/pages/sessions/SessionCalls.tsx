import type { Session } from '../../../src-shared/model';
import { useT } from '../../i18n/use-t';
import { CallLog } from './CallLog';
import { CallSettingsForm } from './CallSettingsForm';
import { FoldedSection } from './FoldedSection';
import '../../styles/sessions.css';

/**
 * A session card's "Calls" section, folded until opened: automatic rejection (with a message to
 * the caller) and the recent call log.
 */
export function SessionCalls({ session }: { session: Session }) {
  const t = useT();
  return (
    <FoldedSection
      toggle={t('sessions.calls.toggle')}
      region={t('sessions.calls.region', { name: session.name })}
      className="session-calls__body"
    >
      {() => (
        <>
          <CallSettingsForm sessionId={session.id} />
          <CallLog sessionId={session.id} />
        </>
      )}
    </FoldedSection>
  );
}
