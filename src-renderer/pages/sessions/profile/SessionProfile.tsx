import type { Session } from '../../../../src-shared/model';
import { useT } from '../../../i18n/use-t';
import { FoldedSection } from '../FoldedSection';
import { ProfileEditor } from './ProfileEditor';
import '../../../styles/sessions.css';
import '../../../styles/number-profile.css';

/**
 * A session card's "Profile" section, folded until opened: the number's own WhatsApp name,
 * about text, photo and business profile, read from WhatsApp when opened (issue #19).
 */
export function SessionProfile({ session }: { session: Session }) {
  const t = useT();
  return (
    <FoldedSection
      toggle={t('parity.profile.toggle')}
      region={t('parity.profile.region', { name: session.name })}
      className="number-profile"
    >
      {() =>
        session.status === 'connected' ? (
          <ProfileEditor sessionId={session.id} />
        ) : (
          <p className="muted">{t('parity.profile.notConnected')}</p>
        )
      }
    </FoldedSection>
  );
}
