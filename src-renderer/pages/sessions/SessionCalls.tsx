import { useId, useState } from 'react';
import type { Session } from '../../../src-shared/model';
import { useT } from '../../i18n/use-t';
import { CallLog } from './CallLog';
import { CallSettingsForm } from './CallSettingsForm';
import '../../styles/sessions.css';

/**
 * A session card's "Calls" section, folded until opened: automatic rejection (with a message to
 * the caller) and the recent call log.
 */
export function SessionCalls({ session }: { session: Session }) {
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
        {t('sessions.calls.toggle')}
      </button>
      {open && (
        <section
          id={regionId}
          className="session-calls__body"
          aria-label={t('sessions.calls.region', { name: session.name })}
        >
          <CallSettingsForm sessionId={session.id} />
          <CallLog sessionId={session.id} />
        </section>
      )}
    </div>
  );
}
