import { useId, useState } from 'react';
import type { Session } from '../../../../src-shared/model';
import { useT } from '../../../i18n/use-t';
import { ProfileEditor } from './ProfileEditor';
import '../../../styles/sessions.css';
import '../../../styles/number-profile.css';

/**
 * A session card's "Profile" section, folded until opened: the number's own WhatsApp name,
 * about text, photo and business profile, read from WhatsApp when opened (issue #19).
 */
export function SessionProfile({ session }: { session: Session }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const regionId = useId();
  return (
    <div className="session-calls">
      <button
        type="button"
        className="session-calls__toggle"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true" className="session-calls__chevron icon--directional">
          ›
        </span>
        {t('parity.profile.toggle')}
      </button>
      {open && (
        <section
          id={regionId}
          className="number-profile"
          aria-label={t('parity.profile.region', { name: session.name })}
        >
          {session.status === 'connected' ? (
            <ProfileEditor sessionId={session.id} />
          ) : (
            <p className="muted">{t('parity.profile.notConnected')}</p>
          )}
        </section>
      )}
    </div>
  );
}
