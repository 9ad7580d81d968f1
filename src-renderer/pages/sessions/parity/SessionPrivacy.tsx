import { useIntl } from 'react-intl';
import type { Session } from '../../../../src-shared/model';
import { useMe } from '../../../stores/me';
import { BlockedContactsList } from './BlockedContactsList';
import { FoldedSection } from '../FoldedSection';
import { PrivacySettingsForm } from './PrivacySettingsForm';
import '../../../styles/inbox-parity.css';

/**
 * A session card's "Privacy" and "Blocked contacts" sections (issue #19). Privacy needs the
 * number's manage permission (owners and admins); the block list is for whoever may read it.
 */
export function SessionPrivacy({ session }: { session: Session }) {
  const intl = useIntl();
  const principal = useMe((state) => state.principal);
  const manage = !principal || principal.role === 'owner' || principal.role === 'admin';
  const connected = session.status === 'connected';
  const notConnected = (
    <p className="muted">{intl.formatMessage({ id: 'inbox-parity.privacy.notConnected' })}</p>
  );
  return (
    <>
      {manage && (
        <FoldedSection
          toggle={intl.formatMessage({ id: 'inbox-parity.privacy.toggle' })}
          region={intl.formatMessage({ id: 'inbox-parity.privacy.region' }, { name: session.name })}
          className="number-privacy"
        >
          {() => (connected ? <PrivacySettingsForm sessionId={session.id} /> : notConnected)}
        </FoldedSection>
      )}
      <FoldedSection
        toggle={intl.formatMessage({ id: 'inbox-parity.blocklist.toggle' })}
        region={intl.formatMessage({ id: 'inbox-parity.blocklist.region' }, { name: session.name })}
        className="number-blocklist"
      >
        {() => (connected ? <BlockedContactsList sessionId={session.id} /> : notConnected)}
      </FoldedSection>
    </>
  );
}
